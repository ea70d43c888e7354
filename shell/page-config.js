// Reads and checks plan-mapper.config.json, the file beside index.html in which whoever deploys
// the standalone page says where it may send a token (allowedApiOrigins) and which embedding
// pages may hand it one (allowedParentOrigins). Its shape is plan-mapper.config.schema.json; this
// checks the same rules by hand (no schema library in the page). Anything wrong: the page refuses
// to ask for a token at all, and says why.
import { checkOriginList } from './allowed-origins.js';

const KNOWN_MEMBERS = new Set(['$schema', '$comment', 'allowedApiOrigins', 'allowedParentOrigins']);

// { config } or { problem } for a parsed config document.
export function checkPageConfig(document) {
  if (!document || typeof document !== 'object' || Array.isArray(document)) return { problem: 'it must be a JSON object' };
  for (const member of Object.keys(document)) {
    if (!KNOWN_MEMBERS.has(member)) return { problem: `it has an unknown member "${member}" (a typo?)` };
  }
  const api = checkOriginList(document.allowedApiOrigins, 'allowedApiOrigins');
  if (api.problem) return { problem: api.problem };
  if (api.origins.length === 0) return { problem: 'allowedApiOrigins lists no origin' };
  const parents = checkOriginList(document.allowedParentOrigins ?? [], 'allowedParentOrigins');
  if (parents.problem) return { problem: parents.problem };
  return { config: Object.freeze({ allowedApiOrigins: api.origins, allowedParentOrigins: parents.origins }) };
}

// Fetches and checks the config at `url`; { config } or { problem } (a sentence for the person).
export async function loadPageConfig(url) {
  const name = 'plan-mapper.config.json';
  let text;
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache', redirect: 'error' });
    if (!response.ok) return { problem: `This page's ${name} could not be loaded (HTTP ${response.status}).` };
    text = await response.text();
  } catch {
    return { problem: `This page's ${name} could not be loaded.` };
  }
  let document;
  try { document = JSON.parse(text); } catch { return { problem: `This page's ${name} is not valid JSON.` }; }
  const checked = checkPageConfig(document);
  if (checked.problem) return { problem: `This page's ${name} cannot be used: ${checked.problem}.` };
  return checked;
}
