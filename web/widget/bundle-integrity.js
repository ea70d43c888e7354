// The hashes the widget checks its own files against before using them. This copy is a
// placeholder: the dist target (web/bundle/write-integrity.mjs) writes the real one beside
// plan-mapper.js, and a widget without hashes refuses to start rather than run unchecked code.
/** @type {{ wasm: { sha256: string }, fonts: Record<string, string>, messages?: Record<string, string>, shaping?: { sha256: string }, deferred?: { sha256: string } } | null} */
export const BUNDLE_INTEGRITY = null;
