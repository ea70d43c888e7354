// Serves the built widget (dist/) with the MIME types browsers insist on (WebAssembly streaming
// compilation refuses anything but application/wasm; module scripts need a JavaScript type), the
// precompressed .br/.gz copies when the browser accepts them, and never a byte from outside the
// served directory.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.data': 'application/octet-stream',  // Emscripten preload bundles
};

function reply(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

// Maps a raw URL path to a file path inside root, or returns an HTTP status explaining why not.
// The raw (undecoded) target is checked on purpose: WHATWG URL parsing would silently fold
// "/a/../b" and hide a traversal attempt, while "%2e%2e%2f" only becomes ".." after decoding.
export function resolveInside(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { status: 403 };
  const file = path.join(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file };
}

export function createStaticHandler(distDir) {
  const rootPromise = distDir ? realpath(path.resolve(distDir)).catch(() => null) : Promise.resolve(null);

  return async function serveStatic(req, res, rawPath) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return reply(res, 405, 'Method Not Allowed\n');
    }
    const root = await rootPromise;
    if (!root) return reply(res, 404, 'Not Found (no dist directory is being served)\n');
    const resolved = resolveInside(root, rawPath);
    if (resolved.status) return reply(res, resolved.status, resolved.status === 403 ? 'Forbidden\n' : 'Bad Request\n');

    let file = resolved.file;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return reply(res, 404, 'Not Found\n');
    // A symlink inside dist/ could still point elsewhere; compare the real location too.
    const real = await realpath(file).catch(() => null);
    if (!real || !real.startsWith(root + path.sep)) return reply(res, 403, 'Forbidden\n');

    // The .br / .gz copy the dist target wrote beside the file, when the browser takes that
    // encoding (README, "Serving the bundle"): the bytes sent are the copy's, the type the file's.
    const accepted = String(req.headers['accept-encoding'] ?? '').toLowerCase().split(',').map((part) => part.trim().split(';')[0]);
    let sent = file;
    let encoding = null;
    for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepted.includes(name)) continue;
      const copy = await realpath(file + suffix).catch(() => null);
      const copyInfo = copy && copy.startsWith(root + path.sep) ? await stat(copy).catch(() => null) : null;
      if (copyInfo?.isFile()) {
        sent = copy;
        encoding = name;
        info = copyInfo;
        break;
      }
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': info.size,
      ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
      // A dev server: always fetch the freshly built wasm/js instead of a cached one.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(sent).on('error', () => res.destroy()).pipe(res);
  };
}
