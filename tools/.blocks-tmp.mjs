import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
const file = process.argv[2];
const source = readFileSync(`web/widget/${file}`, 'utf8');
const re = /^[^\n]*shaping-hook:begin[^\n]*\n[\s\S]*?^[^\n]*shaping-hook:end[^\n]*\n/gm;
const blocks = [...source.matchAll(re)];
const m = async (s) => (await minify({ [file]: s }, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
const full = gz(await m(source));
for (const b of blocks) {
  const s = source.slice(0, b.index) + source.slice(b.index + b[0].length);
  let code; try { code = await m(s); } catch (e) { console.log('ERR', b[0].split('\n')[1]); continue; }
  console.log(full - gz(code), JSON.stringify(b[0].split('\n')[1].trim().slice(0, 60)));
}
