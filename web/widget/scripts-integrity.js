// The hashes text-runs.js checks the script faces' slice index (fonts/scripts.json) and the
// shaping code (plan-mapper-shaping.wasm, its SHA-256) against before using them. Apart from
// bundle-integrity.js so that only a plan whose text needs shaping loads them.
// This copy is a placeholder: the dist target (web/bundle/write-integrity.mjs) writes the real one,
// and without a hash no script face is used and the shaping code is not run.
/** @type {string | null} */
export const SCRIPTS_INTEGRITY = null;
/** @type {string | null} */
export const SHAPING_SHA256 = null;
