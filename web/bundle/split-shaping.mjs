#!/usr/bin/env node
// Dist step (web build only, right after the wasm is copied in): moves the code that draws text
// runs (issue 18: Arabic, Hebrew, Indic, Thai...) out of plan-mapper-wasm.wasm into a deferred
// module, plan-mapper-shaping.wasm, so that a plan in Latin script never downloads it. binaryen's
// wasm-split does the cut: the primary keeps a placeholder in each table slot of a moved function
// (all of them one `unreachable` function, placeholder-functions.mjs); the secondary imports the
// primary's memory and table, calls the primary's functions through table slots (table-links.mjs),
// exports the functions only the shaping JavaScript calls (shaping-exports.mjs) and, when the page
// instantiates it (text-runs.js, before it gives the module its run source), its element segment
// puts the real functions in those slots.
//
// Which functions: what the panel reaches only through its text run source, which the web sets
// once the page has loaded this module (pm_text_runs_start): every function of src/ui/
// run_drawing.cpp, TextRunSource's begin_field/end_field and the native editing's state
// (src/ui/shaped_field.cpp), WebTextRuns::run and pm_text_field's part for a field edited natively;
// and the exports only text-runs.js, text-run-atlas.js and text-entry-native.js call (loaded with
// or after it: pm_text_runs_start, pm_text_run_upload, pm_text_field_set; the shaping module exports
// them, and the glue loses their wrappers: shaping-exports.mjs), named by the patterns below and
// found in the symbol map emcc writes beside the wasm (--emit-symbol-map: the wasm has no name
// section; binaryen names a nameless defined function by its index among the defined functions,
// which is what --split-funcs gets: the map's index less the imported functions).
// The build fails when a pattern matches no function (renamed, or inlined into its caller: then
// it is no longer apart, and the Latin code would carry it). The moved code must be reached only
// through the text run source's vtable or the export, i.e. only with a run: a function that code
// kept in the main wasm calls directly (binaryen merged its body with an identical one, or the
// caller inlined it) is shared, so it stays in the main wasm, as does what it calls, and the build
// says so (tools/shaping-bytes.mjs counts what stays); the build fails if an entry point
// (TextRunSource's methods, the exports) would stay.
//   node web/bundle/split-shaping.mjs BUILT.wasm DIST_DIR   (BUILT.js.symbols beside BUILT.wasm)
// Writes DIST_DIR/plan-mapper-wasm.wasm (the primary), DIST_DIR/plan-mapper-shaping.wasm, rewrites
// DIST_DIR/plan-mapper-wasm.js (the glue emcc wrote, copied there before this step), and
// beside BUILT.wasm the two modules' symbol maps (.primary.symbols, .shaping.symbols) for
// tools/shaping-bytes.mjs and tools/wasm-size.mjs. BUILT.wasm itself is left as it is.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { definePlaceholders, movePlaceholderSymbols } from './placeholder-functions.mjs';
import { SHAPING_EXPORTS, exportFromShaping, withoutGlueWrappers, withoutShapingExports } from './shaping-exports.mjs';
import { linkThroughTable } from './table-links.mjs';
import { functionImports } from './wasm-reader.mjs';

// The moved functions, by their demangled names (the symbol map's, \xx escapes decoded).
export const SPLIT_PATTERNS = [
  /^pm::ui::TextRunSource::(begin_label|begin_field|end_field|draw_text|draw_over|draw_text_item|draw_field_run|draw_field_preview)\(/,
  /^pm::ui::(run_for|fitted_run|draw_run|shaped_field_preview|HiddenGlyphs::hide|ShapedField::callback|active_text_field|replace_active_field_text)\(/,
  /^pm::WebTextRuns::run\(/,
  /^\(anonymous namespace\)::describe_shaped_field\(/,
  // The exports only the shaping code's JavaScript calls: exported by the shaping module instead (shaping-exports.mjs).
  ...SHAPING_EXPORTS.map((name) => new RegExp(`^${name}$`)),
];
// Emscripten 3.1.6's wasm features, which binaryen 108 needs named.
const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];
export const SECONDARY = 'plan-mapper-shaping.wasm';

const fail = (message) => {
  console.error(`split-shaping: ${message}`);
  process.exit(1);
};
const unescape = (name) => name.replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

export function readSymbolMap(file) {
  const names = [];
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const at = line.indexOf(':');
    names[Number(line.slice(0, at))] = unescape(line.slice(at + 1));
  }
  return names;
}

// A split module's symbol map (wasm-split --symbolmap) with the input's names: binaryen names a
// defined function of the input by its index among the defined ones, an input import as
// fimport$N (N < the input's import count); in the primary the rest are the new placeholders
// (named `${placeholder}:N`), in the secondary the imports from the primary (`primary:NAME`).
export function writeSplitSymbolMap(file, out, { names, importCount, primary, placeholder }) {
  writeFileSync(out, readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const at = line.indexOf(':');
    const name = line.slice(at + 1);
    const imported = /^fimport\$(\d+)$/.exec(name);
    const original = /^\d+$/.test(name) ? Number(name) + importCount : null;
    const shown = original !== null ? names[original]
      : !primary ? `primary:${name}` : imported && Number(imported[1]) < importCount ? names[Number(imported[1])] : `${placeholder}:${name}`;
    return `${line.slice(0, at)}:${shown}`;
  }).join('\n') + '\n');
}

// Function index -> the function indexes it calls directly, from binaryen's text form (where a
// nameless defined function is named by its index among the defined ones: `importCount` less).
function directCalls(wasm, importCount) {
  const text = execFileSync('wasm-dis', [wasm, ...FEATURES], { maxBuffer: 1 << 30 }).toString();
  const calls = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    const func = /^ \(func \$(\d+) /.exec(line);
    if (func) { current = Number(func[1]) + importCount; calls.set(current, new Set()); continue; }
    if (current === null) continue;
    for (const call of line.matchAll(/\((?:call|return_call) \$(\d+)\b/g)) calls.get(current).add(Number(call[1]) + importCount);
  }
  return calls;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [wasm, dist] = process.argv.slice(2);
  if (!wasm || !dist) fail('usage: node web/bundle/split-shaping.mjs BUILT.wasm DIST_DIR');
  const symbolMap = wasm.replace(/\.wasm$/, '.js.symbols');
  const names = readSymbolMap(symbolMap);
  const moved = new Set();
  for (const pattern of SPLIT_PATTERNS) {
    const found = names.flatMap((name, index) => (name && pattern.test(name) ? [index] : []));
    if (!found.length) fail(`no function matches ${pattern} in ${symbolMap} (renamed, or inlined into its caller?)`);
    for (const index of found) moved.add(index);
  }
  // A moved function that code kept in the main wasm calls directly is shared with it (the
  // optimiser merged identical bodies, or inlined a caller): it stays, and so what it calls.
  const importCount = functionImports(readFileSync(wasm));
  const calls = directCalls(wasm, importCount);
  const kept = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const [caller, callees] of calls) {
      if (moved.has(caller)) continue;
      for (const callee of callees) {
        if (moved.delete(callee)) { kept.push(`${names[callee]} (called by ${names[caller]})`); changed = true; }
      }
    }
  }
  for (const line of kept) console.log(`split-shaping: kept in the main wasm, shared: ${line}`);
  // The entry points must go: they are what a Latin plan must not carry.
  for (const pattern of SPLIT_PATTERNS.filter((p) => /TextRunSource|^\^pm_/.test(p.source))) {
    if (!names.some((name, index) => name && pattern.test(name) && moved.has(index))) fail(`nothing matching ${pattern} could be moved (${kept.join('; ')})`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'pm-split-'));
  let linked = 0;
  try {
    const primary = path.join(work, 'primary.wasm');
    const secondary = path.join(work, 'secondary.wasm');
    // The split's input: the built wasm without the exports the shaping module takes over.
    const input = path.join(work, 'input.wasm');
    const minified = withoutShapingExports(wasm, input, path.join(work, 'input.wat'), { names, importCount });
    execFileSync('wasm-split', ['--split', `--split-funcs=${[...moved].map((index) => index - importCount).join(',')}`, input, '-o1', primary, '-o2', secondary,
      '--symbolmap', ...FEATURES]);
    // The secondary reaches the primary's functions through table slots, not exports (table-links.mjs).
    linked = linkThroughTable(input, primary, secondary, work);
    const base = wasm.replace(/\.wasm$/, '');
    // The moved functions' indexes in BUILT.wasm, for tools/shaping-bytes.mjs.
    writeFileSync(`${base}.shaping-moved.json`, `${JSON.stringify([...moved].sort((a, b) => a - b))}\n`);
    writeSplitSymbolMap(`${primary}.symbols`, `${base}.primary.symbols`, { names, importCount, primary: true, placeholder: 'placeholder' });
    // The placeholder imports become one defined function at the module's end (placeholder-functions.mjs).
    const defined = path.join(work, 'primary-defined.wasm');
    const moves = definePlaceholders(primary, defined, path.join(work, 'primary.wat'));
    if (!moves) fail('wasm-split made no placeholder (nothing moved is in the table?)');
    movePlaceholderSymbols(`${base}.primary.symbols`, moves);
    writeSplitSymbolMap(`${secondary}.symbols`, `${base}.shaping.symbols`, { names, importCount, primary: false });
    exportFromShaping(secondary, `${base}.shaping.symbols`, path.join(work, 'secondary-exports.wat'));
    withoutGlueWrappers(path.join(dist, 'plan-mapper-wasm.js'), minified);
    copyFileSync(secondary, path.join(dist, SECONDARY));
    copyFileSync(defined, path.join(dist, 'plan-mapper-wasm.wasm'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`split-shaping: ${moved.size} functions moved to ${SECONDARY}, ${linked} of the main wasm's called through the table`);
}

