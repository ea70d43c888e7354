#!/usr/bin/env node
// dist step: minifies every JavaScript module of the bundle in place with terser (an npm
// devDependency that tools/setup installs), before write-integrity.mjs hashes them. The sources in
// shell/, web/widget/ and web/demo/ stay readable; what a browser downloads is the minified copy.
// Source maps are optional: with PM_SOURCE_MAPS=1 in the environment each FILE.js gets FILE.js.map
// beside it (pointing at the sources by relative path), for debugging a built bundle.
//   node web/bundle/minify.mjs DIST_DIR
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Already minified by an earlier run of this step (the dist target copies only changed sources).
const MARK = '/*! minified */';

// The module `source` (file `name`) as it ships: { code, map } (map only when asked for).
// tools/bench-web.mjs calls it too, for a module that dist joins into another.
export async function minifyModule(name, source, withMaps = false) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    console.error('minify: the npm package terser is missing: run tools/setup (it runs npm ci)');
    process.exit(1);
  }
  const result = await minify({ [name]: source }, {
    module: true,                                     // ES modules: top-level names are local, exports kept
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false, preamble: MARK },
    // The map carries its sources: a joined module (join-modules.mjs) has no file of its own.
    sourceMap: withMaps ? { filename: name, url: `${name}.map`, includeSources: true } : false,
  });
  if (typeof result.code !== 'string') throw new Error(`minify: terser gave nothing for ${name}`);
  return result;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: node web/bundle/minify.mjs DIST_DIR');
  const withMaps = process.env.PM_SOURCE_MAPS === '1';
  let before = 0;
  let after = 0;
  const names = readdirSync(dist).filter((n) => n.endsWith('.js') && n !== 'bundle-integrity.js').sort();
  for (const name of names) {
    const file = path.join(dist, name);
    const source = readFileSync(file, 'utf8');
    if (source.startsWith(MARK)) continue;
    const result = await minifyModule(name, source, withMaps);
    writeFileSync(file, result.code);
    if (withMaps) writeFileSync(`${file}.map`, result.map);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(result.code);
  }
  console.log(`minify: ${names.length} modules, ${(before / 1024).toFixed(1)} KB -> ${(after / 1024).toFixed(1)} KB${withMaps ? ' (with source maps)' : ''}`);
}
