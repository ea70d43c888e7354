// Small HTTP helpers shared by the double's route modules: JSON replies in Flatfile's shapes,
// bounded body reading and the CORS headers a cross-origin widget needs.

export const MAX_BODY_BYTES = 8 * 1024 * 1024;  // a 300-column plan is ~0.4 MB; far above any real body

// Browsers only let a page send Authorization / X-Disable-Hooks cross-origin when the preflight
// lists them, and only let it read Retry-After when it is exposed.
export const CORS_ALLOWED_HEADERS = 'Authorization, X-Disable-Hooks, Content-Type, Accept';
export const CORS_ALLOWED_METHODS = 'GET, PUT, PATCH, POST';

export function corsHeaders(req) {
  return {
    'Access-Control-Allow-Origin': req.headers.origin || '*',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  };
}

export function preflightHeaders(req) {
  return {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}

export function sendJson(req, res, status, payload, extraHeaders = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    ...corsHeaders(req),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

// Flatfile's Errors body: {errors: [{key?, message}]}.
export function sendErrors(req, res, status, errors, extraHeaders) {
  sendJson(req, res, status, { errors }, extraHeaders);
}

// Resolves with { text, tooLarge }. An oversized body is drained (not kept) so the caller can
// still answer 413 on the same connection.
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? { text: '', tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false }));
    req.on('error', reject);
  });
}

// The path part of a raw request target, without the query string.
export function splitTarget(target) {
  const q = target.indexOf('?');
  return q === -1 ? { pathname: target, query: '' } : { pathname: target.slice(0, q), query: target.slice(q + 1) };
}
