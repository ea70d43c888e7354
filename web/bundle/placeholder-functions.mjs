// Used by split-shaping.mjs: makes the shaping split's placeholders cheap for the main wasm.
// wasm-split gives each moved function that sits in the table its own placeholder import (module
// "placeholder", one per table slot). Imports come before every defined function, so a dozen of
// them cost the primary more than their own bytes: each defined function's index grows by as
// many, and each call to a function pushed past index 127 takes a byte more. Here they all become
// one defined function at the module's end, `unreachable`, in every one of those table slots,
// which the shaping module's element segment fills when the page instantiates it. None can be
// called before: the panel reaches a moved function only through its run source, which only
// pm_text_runs_start sets, and that function is the shaping module's own export
// (shaping-exports.mjs). Were one called all the same, the call would trap (a slot whose type
// differs traps at call_indirect, the others at `unreachable`), not run something else.
import { readFileSync, writeFileSync } from 'node:fs';
import { assemble, disassemble } from './binaryen-text.mjs';

const IMPORT = /^ \(import "placeholder" "(\d+)" \(func (\$fimport\$\d+)((?: \(param[^)]*\))?)((?: \(result [^)]*\))?)\)\)\n/gm;
export const PLACEHOLDER_NAME = 'shaping-placeholder';

// Rewrites the wasm `input` into `output` (via binaryen's text form, `work`: a scratch path) and
// returns how the function indexes moved: { importsBefore, slots, total } with the placeholders,
// imports importsBefore..importsBefore+slots.length-1 before, now one function, the last.
export function definePlaceholders(input, output, work) {
  let text = disassemble(input);
  const importCount = (text.match(/^ \(import "[^"]*" "[^"]*" \(func /gm) ?? []).length;
  const definedCount = (text.match(/^ \(func /gm) ?? []).length;
  const slots = [];
  const placeholders = new Set();
  let first = -1;
  text = text.replace(IMPORT, (line, slot, name, params, result, offset) => {
    if (first < 0) first = offset;
    slots.push(Number(slot));
    placeholders.add(name);
    return '';
  });
  if (!slots.length) return null;
  // The placeholders must be the last function imports (binaryen adds them so), else the index
  // arithmetic below is wrong.
  const importsBefore = (text.slice(0, first).match(/^ \(import "[^"]*" "[^"]*" \(func /gm) ?? []).length;
  if (importsBefore + slots.length !== importCount) throw new Error('placeholder-functions: the placeholder imports are not the last function imports');
  // Binaryen's parser keeps fimport$N names for imports: every placeholder becomes the one function.
  text = text.replace(/\$fimport\$\d+(?!\d)/g, (name) => (placeholders.has(name) ? '$pm_placeholder' : name));
  text = text.replace(/\)\s*$/, ' (func $pm_placeholder\n  (unreachable)\n )\n)\n');
  assemble(text, work, output);
  return { importsBefore, slots, total: importCount + definedCount };
}

// Rewrites the symbol map `file` (lines "index:name", as emcc and wasm-split write them) for the
// indexes definePlaceholders gave the functions (`moved`, what it returned).
export function movePlaceholderSymbols(file, { importsBefore, slots, total }) {
  const count = slots.length;
  const names = [];
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) names[Number(line.slice(0, line.indexOf(':')))] = line.slice(line.indexOf(':') + 1);
  if (names.length !== total) throw new Error(`placeholder-functions: ${file} names ${names.length} functions, the wasm has ${total}`);
  const out = names.filter((_, i) => i < importsBefore || i >= importsBefore + count);
  out.push(`${PLACEHOLDER_NAME}:${slots.join(',')}`);
  writeFileSync(file, out.map((name, index) => `${index}:${name}\n`).join(''));
}
