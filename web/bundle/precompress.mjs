#!/usr/bin/env node
// Last dist step (after write-integrity.mjs, which rewrites the pages): writes FILE.br (brotli,
// quality 11) and FILE.gz (gzip -9) beside every compressible file of the bundle, fonts included,
// so a static host can send them as they are (README, "Serving the bundle") instead of compressing
// on every request or not at all. A copy that would not be smaller is not written; stale copies
// of files that changed or went away are removed.
//   node web/bundle/precompress.mjs DIST_DIR
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node web/bundle/precompress.mjs DIST_DIR');
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.ttf', '.otf', '.map', '.ts', '.svg', '.txt']);

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

let raw = 0;
let brotli = 0;
let gzip = 0;
let count = 0;
for (const file of [...filesUnder(dist)]) {
  if (file.endsWith('.br') || file.endsWith('.gz')) {
    const original = file.slice(0, -3);
    if (!existsSync(original)) unlinkSync(file);     // its file went away
    continue;
  }
  if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
  const size = statSync(file).size;
  const fresh = (suffix) => existsSync(file + suffix) && statSync(file + suffix).mtimeMs >= statSync(file).mtimeMs;
  if (fresh('.gz') && fresh('.br')) {                // unchanged since the last run (a large font takes seconds)
    raw += size;
    gzip += statSync(`${file}.gz`).size;
    brotli += statSync(`${file}.br`).size;
    count += 1;
    continue;
  }
  const bytes = readFileSync(file);
  const outputs = [
    ['.gz', gzipSync(bytes, { level: 9 })],
    ['.br', brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: size,
        [constants.BROTLI_PARAM_MODE]: /\.(wasm|ttf|otf)$/i.test(file) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    })],
  ];
  for (const [suffix, packed] of outputs) {
    if (packed.length < size) writeFileSync(file + suffix, packed);
    else if (existsSync(file + suffix)) unlinkSync(file + suffix);
  }
  raw += size;
  gzip += Math.min(size, outputs[0][1].length);
  brotli += Math.min(size, outputs[1][1].length);
  count += 1;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`precompress: ${count} files, ${kb(raw)} -> ${kb(gzip)} gzip, ${kb(brotli)} brotli`);
