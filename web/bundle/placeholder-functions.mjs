// Used by split-shaping.mjs: makes the shaping split's placeholders cheap for the main wasm.
// wasm-split gives each moved function that sits in the table its own placeholder import (module
// "placeholder", one per table slot). Imports come before every defined function, so a dozen of
// them cost the primary more than their own bytes: each defined function's index grows by as
// many, and each call to a function pushed past index 127 takes a byte more. Here the
// placeholders become defined functions at the module's end, each calling one import
// ("placeholder" "x": plan-mapper.js says on the console it was called) and returning zero, as the
// imports did through JS. They keep their table slots, which the shaping module's element segment
// fills when the page instantiates it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];
const IMPORT = /^ \(import "placeholder" "(\d+)" \(func (\$fimport\$\d+)((?: \(param[^)]*\))?)((?: \(result [^)]*\))?)\)\)\n/gm;
export const PLACEHOLDER_NAME = 'shaping-placeholder';

// Rewrites the wasm `input` into `output` (via binaryen's text form, `work`: a scratch path) and
// returns how the function indexes moved: { importsBefore, count, total } with the placeholders,
// imports importsBefore..importsBefore+count-1 before, now the last `count` functions, and one
// import (index importsBefore) in their place.
export function definePlaceholders(input, output, work) {
  let text = execFileSync('wasm-dis', [input, ...FEATURES], { maxBuffer: 1 << 30 }).toString();
  const importCount = (text.match(/^ \(import "[^"]*" "[^"]*" \(func /gm) ?? []).length;
  const definedCount = (text.match(/^ \(func /gm) ?? []).length;
  const slots = [];
  const bodies = [];
  const renamed = new Map();
  let first = -1;
  text = text.replace(IMPORT, (line, slot, name, params, result, offset) => {
    if (first < 0) first = offset;
    slots.push(Number(slot));
    renamed.set(name, `$pm_placeholder_${slot}`);
    const type = /\(result (\w+)\)/.exec(result)?.[1];
    bodies.push(` (func $pm_placeholder_${slot}${params}${result}\n  (call $pm_placeholder)${type ? `\n  (${type}.const 0)` : ''}\n )\n`);
    return bodies.length === 1 ? ' (import "placeholder" "x" (func $pm_placeholder))\n' : '';
  });
  if (!slots.length) return null;
  // The placeholders must be the last function imports (binaryen adds them so), else the index
  // arithmetic below is wrong.
  const importsBefore = (text.slice(0, first).match(/^ \(import "[^"]*" "[^"]*" \(func /gm) ?? []).length;
  if (importsBefore + slots.length !== importCount) throw new Error('placeholder-functions: the placeholder imports are not the last function imports');
  // Binaryen's parser keeps fimport$N names for imports: the defined placeholders are renamed.
  text = text.replace(/\$fimport\$\d+(?!\d)/g, (name) => renamed.get(name) ?? name);
  text = text.replace(/\)\s*$/, `${bodies.join('')})\n`);
  writeFileSync(work, text);
  execFileSync('wasm-as', [work, ...FEATURES, '-o', output]);
  return { importsBefore, slots, total: importCount + definedCount };
}

// Rewrites the symbol map `file` (lines "index:name", as emcc and wasm-split write them) for the
// indexes definePlaceholders gave the functions (`moved`, what it returned).
export function movePlaceholderSymbols(file, { importsBefore, slots, total }) {
  const count = slots.length;
  const names = [];
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) names[Number(line.slice(0, line.indexOf(':')))] = line.slice(line.indexOf(':') + 1);
  if (names.length !== total) throw new Error(`placeholder-functions: ${file} names ${names.length} functions, the wasm has ${total}`);
  const out = [];
  for (let i = 0; i < total; i += 1) {
    if (i < importsBefore) out[i] = names[i];
    else if (i < importsBefore + count) out[total + 1 - count + (i - importsBefore)] = `${PLACEHOLDER_NAME}:${slots[i - importsBefore]}`;
    else out[i - (count - 1)] = names[i];
  }
  out[importsBefore] = 'placeholder:x';
  writeFileSync(file, out.map((name, index) => `${index}:${name}\n`).join(''));
}
