#!/usr/bin/env node
// Dist step (web build only, right after split-shaping.mjs): moves every function the first frame
// does not run out of plan-mapper-wasm.wasm into plan-mapper-deferred.wasm (issue 17: the first
// transfer <= 250 KB). The widget (plan-mapper.js) fetches the deferred module as soon as the main
// one is instantiated, checks its SHA-256 like the others and links it; a moved function called
// before that loads it synchronously (placeholder imports, namespace "d"), so a function missing from
// the list below only costs time, never correctness.
//
// Which functions stay: the names in web/bundle/first-frame-functions.txt, the functions the demo
// page runs up to its first frame (tools/first-frame-functions.mjs writes the list from a profile
// of the instrumented module; names as the symbol map gives them). Listed names the build no
// longer has are skipped; functions the list does not name move.
// This is a second wasm-split run, on the primary the shaping split wrote (binaryen 108 writes one
// secondary per run): its own placeholder namespace ("d": one letter, as the main wasm imports 700-odd placeholders and
// the namespace is written in each import, ~290 B gzip saved against "deferred") and export prefix. The shaping
// module imports the main module's table with its size as it was; the new primary's table is
// larger (the moved functions that were not in it get slots), so that import's limits are
// rewritten to the new size (an imported table must not be larger than the import's maximum).
//   node web/bundle/split-deferred.mjs BUILT.wasm DIST_DIR [KEEP_LIST]
// Reads DIST_DIR/plan-mapper-wasm.wasm (the shaping split's primary) and BUILT.primary.symbols;
// keeps them beside BUILT.wasm as BUILT.first-split.wasm / .first-split.symbols (for
// tools/shaping-bytes.mjs and tools/first-frame-functions.mjs; .first-split.json names the new primary's SHA-256); writes DIST_DIR/plan-mapper-wasm.wasm
// (the new primary), DIST_DIR/plan-mapper-deferred.wasm, BUILT.primary.symbols (the new primary's
// map) and BUILT.deferred.symbols.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER_NAME } from './placeholder-functions.mjs';
import { SECONDARY as SHAPING, readSymbolMap, writeSplitSymbolMap } from './split-shaping.mjs';

export const DEFERRED = 'plan-mapper-deferred.wasm';
// The import module of the main wasm's placeholders (plan-mapper.js gives them as imports.d).
export const PLACEHOLDER_NAMESPACE = 'd';
export const KEEP_LIST = fileURLToPath(new URL('./first-frame-functions.txt', import.meta.url));
const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];

const fail = (message) => {
  console.error(`split-deferred: ${message}`);
  process.exit(1);
};

// The kept names: one a line, '#' starts a comment line.
export function readKeepList(file = KEEP_LIST) {
  return new Set(readFileSync(file, 'utf8').split('\n').filter((line) => line && !line.startsWith('#')));
}

// How many functions a module imports and its table's initial size, from binaryen's text form.
function shape(wasm) {
  const text = execFileSync('wasm-dis', [wasm, ...FEATURES], { maxBuffer: 1 << 30 }).toString();
  const imports = (text.match(/^ \(import "[^"]*" "[^"]*" \(func /gm) ?? []).length;
  const table = /^ \(table \$\S+ (\d+)(?: (\d+))? funcref\)/m.exec(text);
  return { imports, table: table ? Number(table[1]) : null };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [built, dist, keepList = KEEP_LIST] = process.argv.slice(2);
  if (!built || !dist) fail('usage: node web/bundle/split-deferred.mjs BUILT.wasm DIST_DIR');
  const base = built.replace(/\.wasm$/, '');
  const first = `${base}.first-split.wasm`;
  copyFileSync(path.join(dist, 'plan-mapper-wasm.wasm'), first);
  copyFileSync(`${base}.primary.symbols`, `${base}.first-split.symbols`);
  const names = readSymbolMap(`${base}.first-split.symbols`);
  const { imports: importCount } = shape(first);
  const wanted = readKeepList(keepList);
  const kept = [];
  // The shaping split's placeholders stay too: moved, the deferred module's element segment
  // would put them back into their slots over the shaping code's functions if it loaded second.
  const shapingPlaceholder = (name) => name.startsWith(`${PLACEHOLDER_NAME}:`);
  names.forEach((name, index) => { if (index >= importCount && name && (wanted.has(name) || shapingPlaceholder(name))) kept.push(index - importCount); });
  const found = new Set(kept.map((i) => names[i + importCount]).filter((name) => !shapingPlaceholder(name)));
  console.log(`split-deferred: ${found.size} of the ${wanted.size} listed functions found, ${kept.length} kept`
    + (found.size < wanted.size * 0.8 ? ' (many listed names are gone: run tools/first-frame-functions.mjs)' : ''));
  if (!kept.length) fail(`no function of ${KEEP_LIST} is in this build`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'pm-split-deferred-'));
  try {
    const keepFile = path.join(work, 'keep.txt');
    writeFileSync(keepFile, kept.join('\n'));
    const primary = path.join(work, 'primary.wasm');
    const secondary = path.join(work, 'secondary.wasm');
    execFileSync('wasm-split', ['--split', `--keep-funcs=@${keepFile}`, first, '-o1', primary, '-o2', secondary, '--symbolmap',
      `--placeholder-namespace=${PLACEHOLDER_NAMESPACE}`, '--export-prefix=%d', ...FEATURES]);
    writeSplitSymbolMap(`${primary}.symbols`, `${base}.primary.symbols`, { names, importCount, primary: true, placeholder: 'deferred-placeholder' });
    writeSplitSymbolMap(`${secondary}.symbols`, `${base}.deferred.symbols`, { names, importCount, primary: false });
    // The shaping module's table import, sized to the new table.
    const { table } = shape(primary);
    const shaping = path.join(dist, SHAPING);
    const shapingText = execFileSync('wasm-dis', [shaping, ...FEATURES], { maxBuffer: 1 << 30 }).toString();
    const resized = shapingText.replace(/^( \(import "primary" "[^"]*" \(table \$\S+ )\d+(?: \d+)?( funcref\)\))/m, `$1${table} ${table}$2`);
    if (resized === shapingText) fail(`${SHAPING} imports no table (split-shaping.mjs changed?)`);
    const shapingWat = path.join(work, 'shaping.wat');
    writeFileSync(shapingWat, resized);
    execFileSync('wasm-as', [shapingWat, '-o', shaping, ...FEATURES]);
    copyFileSync(secondary, path.join(dist, DEFERRED));
    copyFileSync(primary, path.join(dist, 'plan-mapper-wasm.wasm'));
    // Which main wasm the kept first split belongs to (tools/shaping-bytes.mjs checks).
    writeFileSync(`${base}.first-split.json`, `${JSON.stringify({ primarySha256: createHash('sha256').update(readFileSync(primary)).digest('hex') })}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`split-deferred: ${names.length - importCount - kept.length} functions moved to ${DEFERRED}`);
}
