// Which API origins the widget may send a token to. The API address can come from a page's own
// URL (dist/index.html?api=...), which anyone can write into a link; the list of origins allowed
// comes from whoever deploys the page, so a crafted link cannot send the token elsewhere.
//
// Origins are compared as the browser writes them (URL.origin): scheme, lower-case host, and the
// port only when it is not the scheme's default, e.g. "https://api.x.flatfile.com",
// "http://127.0.0.1:8080". The request guard in the wasm (src/core/api/guard.cpp) then reads the
// same origin from the address (tests/web/url-differential.test.mjs checks that they agree).

// Flatfile's public API origins: the SDK's default host and the regional platform hosts.
export const FLATFILE_API_ORIGINS = Object.freeze([
  'https://api.x.flatfile.com',
  'https://platform.flatfile.com',
  'https://platform.eu.flatfile.com',
  'https://platform.uk.flatfile.com',
  'https://platform.ca.flatfile.com',
  'https://platform.au.flatfile.com',
]);

// What the wasm uses when no API address is given (src/core/api/protocol.h kDefaultBaseUrl).
export const DEFAULT_API_URL = 'https://api.x.flatfile.com/v1';

const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

// Null when `text` is an origin that may be listed; otherwise why not, for the person deploying.
export function originEntryProblem(text) {
  if (typeof text !== 'string') return 'must be a string such as "https://api.x.flatfile.com"';
  let url;
  try { url = new URL(text); } catch { return `"${text}" is not an address such as "https://api.x.flatfile.com"`; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${text}" must start with https://`;
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    return `"${text}" must use https:// (http:// only for 127.0.0.1, localhost or [::1])`;
  }
  if (url.origin !== text) return `"${text}" is not an origin as browsers write it; write "${url.origin}"`;
  return null;
}

// Checks a list of origins; returns { origins } or { problem } naming the first bad entry.
export function checkOriginList(list, name) {
  if (!Array.isArray(list)) return { problem: `${name} must be a list of origins` };
  for (const [index, entry] of list.entries()) {
    const problem = originEntryProblem(entry);
    if (problem) return { problem: `${name}[${index}] ${problem}` };
  }
  return { origins: Object.freeze([...list]) };
}

// The origins a mount may talk to: the given list, or Flatfile's public origins plus the page's
// own origin (a host page that serves its own API proxy).
export function allowedApiOriginsFor(option, pageOrigin = globalThis.location?.origin) {
  if (option === undefined || option === null) {
    const own = pageOrigin && !originEntryProblem(pageOrigin) ? [pageOrigin] : [];
    return [...FLATFILE_API_ORIGINS, ...own];
  }
  const checked = checkOriginList(option, 'allowedApiOrigins');
  if (checked.problem) throw new TypeError(`plan-mapper: ${checked.problem}`);
  return checked.origins;
}

// Null when the token may be sent to the API at `apiUrl`; otherwise a sentence for the person.
export function apiUrlProblem(apiUrl, allowedOrigins) {
  const text = String(apiUrl ?? '').trim() || DEFAULT_API_URL;
  let url;
  try { url = new URL(text); } catch {
    return `The API address "${text}" cannot be read: it must be a full address such as ${DEFAULT_API_URL}. Nothing was sent.`;
  }
  if (url.username || url.password) {
    return 'The API address must not contain a user name or password. Nothing was sent.';
  }
  if (!allowedOrigins.includes(url.origin)) {
    return `This page does not send sign-in tokens to ${url.origin}: it is not one of the API origins allowed here ` +
      `(${allowedOrigins.join(', ') || 'none'}). Nothing was sent.`;
  }
  return null;
}
