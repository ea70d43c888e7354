// The hash of the script faces' slice index (fonts/scripts.json), which text-runs.js checks before
// using it. Apart from bundle-integrity.js so that only a plan whose text needs shaping loads it.
// This copy is a placeholder: the dist target (web/bundle/write-integrity.mjs) writes the real one,
// and without a hash no script face is used.
/** @type {string | null} */
export const SCRIPTS_INTEGRITY = null;
