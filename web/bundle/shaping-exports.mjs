// Used by split-shaping.mjs: the exports only the shaping code's JavaScript calls (text-runs.js,
// text-run-atlas.js, text-entry-native.js: pm_text_runs_start, pm_text_run_upload,
// pm_text_field_set) become exports of plan-mapper-shaping.wasm instead of the main wasm's.
// Left to emcc and wasm-split, the main wasm a Latin plan downloads carries for each an export
// entry, a thunk calling the moved function through a table slot, the slot and its placeholder,
// and the glue a wrapper (tools/shaping-bytes.mjs counts them). Here, before the split, the built
// wasm's copy loses those exports (nothing in the main wasm calls these functions, so wasm-split
// moves them whole, without thunk or slot); after it, the shaping module exports them by their
// own names, and the glue's wrappers go. text-runs.js puts the shaping module's exports on the
// emscripten module as the wrappers were (module._pm_text_runs_start...), once it has loaded it.
// Since pm_text_runs_start is then only in the shaping module, the panel gets its run source, and
// so reaches any moved function, only once that module is instantiated and its element segment
// has filled every placeholder's slot (placeholder-functions.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { assemble, disassemble } from './binaryen-text.mjs';

// The exports by their C names (the symbol map's); emcc exports them under minified names.
export const SHAPING_EXPORTS = ['pm_text_runs_start', 'pm_text_run_upload', 'pm_text_field_set'];

// Writes `output`: the wasm `input` without the exports of the functions named SHAPING_EXPORTS
// (`names`: the symbol map's names by function index; `importCount`: its function imports).
// Returns the minified export name each had, by C name. Binaryen's text form names a defined
// function by its index among the defined ones.
export function withoutShapingExports(input, output, work, { names, importCount }) {
  const minified = new Map();
  const text = disassemble(input).replace(/^ \(export "([^"]+)" \(func \$(\d+)\)\)\n/gm, (line, exported, index) => {
    const name = names[Number(index) + importCount];
    if (!SHAPING_EXPORTS.includes(name)) return line;
    minified.set(name, exported);
    return '';
  });
  const missing = SHAPING_EXPORTS.filter((name) => !minified.has(name));
  if (missing.length) throw new Error(`shaping-exports: the built wasm does not export ${missing.join(', ')}`);
  assemble(text, work, output);
  return minified;
}

// Rewrites the shaping module `secondary` (in place) to export the SHAPING_EXPORTS functions by
// their C names; `symbols` is its symbol map with the input's names (split-shaping.mjs's
// .shaping.symbols: its function imports first, then its own functions in order).
export function exportFromShaping(secondary, symbols, work) {
  let text = disassemble(secondary);
  const importCount = (text.match(/^ \(import "[^"]*" "[^"]*" \(func /gm) ?? []).length;
  const indexOf = new Map(readFileSync(symbols, 'utf8').split('\n').filter(Boolean)
    .map((line) => [line.slice(line.indexOf(':') + 1), Number(line.slice(0, line.indexOf(':')))]));
  const lines = SHAPING_EXPORTS.map((name) => {
    const index = indexOf.get(name);
    if (index === undefined || index < importCount) throw new Error(`shaping-exports: ${name} is not a function of the shaping module`);
    return ` (export "${name}" (func $${index - importCount}))\n`;
  });
  const firstFunction = text.search(/^ \(func /m);
  if (firstFunction < 0) throw new Error('shaping-exports: the shaping module has no function');
  text = `${text.slice(0, firstFunction)}${lines.join('')}${text.slice(firstFunction)}`;
  assemble(text, work, secondary);
}

// Removes from the emcc glue `glue` (in place; the dist copy, not yet minified) the wrapper emcc
// wrote for each of `minified` (C name -> the main wasm's export name it called):
//   var _NAME=Module["_NAME"]=function(){return(_NAME=Module["_NAME"]=Module["asm"]["XX"]).apply(null,arguments)};
// Fails if one is not there or its name is used elsewhere in the glue.
export function withoutGlueWrappers(glue, minified) {
  let text = readFileSync(glue, 'utf8');
  for (const [name, exported] of minified) {
    const wrapper = `var _${name}=Module["_${name}"]=function(){return(_${name}=Module["_${name}"]=Module["asm"]["${exported}"]).apply(null,arguments)};`;
    const at = text.indexOf(wrapper);
    if (at < 0) throw new Error(`shaping-exports: no wrapper of ${name} in ${glue} (emcc's glue changed?)`);
    text = text.slice(0, at) + text.slice(at + wrapper.length);
    if (new RegExp(`\\b_${name}\\b|\\["${exported}"\\]`).test(text)) throw new Error(`shaping-exports: ${glue} uses ${name} outside its wrapper`);
  }
  writeFileSync(glue, text);
}
