// Used by split-shaping.mjs: links the shaping module to the main wasm's functions through the
// shared table instead of named exports. wasm-split has the primary export every function the
// secondary calls: 46 export entries, each with its own name, in the main wasm that a Latin plan
// downloads for nothing. Here those exports go; each function gets a table slot instead (the one
// it has if it is in the table already, else a new one at the table's end), and the secondary's
// import of it becomes a small function of its own that calls that slot (call_indirect). The
// table, memory and stack pointer imports and the exports emcc made (which the page calls, and
// which wasm-split reuses, e.g. free's) stay as they are. Measured (tools/shaping-bytes.mjs):
// the split's part of the Latin plan's shaping bytes 256 -> 153 B, 1,036 -> 932 B in all.
import { readFileSync, writeFileSync } from 'node:fs';
import { assemble, disassemble } from './binaryen-text.mjs';
import { exportNames } from './wasm-reader.mjs';

const FUNC_IMPORT = /^ \(import "primary" "([^"]+)" \(func (\$\S+)((?: \(param[^)]*\))?)((?: \(result [^)]*\))?)\)\)\n/gm;

// Rewrites `primary` and `secondary` (wasm files, in place; `work` is a scratch directory) and
// returns how many functions now link through the table. `input` is the wasm that was split: the
// exports it had already (emcc's, which the page calls: wasm-split reuses them for the
// secondary, e.g. free's) stay, and so do the secondary's imports of them.
export function linkThroughTable(input, primary, secondary, work) {
  let main = disassemble(primary);
  let side = disassemble(secondary);
  const own = exportNames(readFileSync(input));
  const wanted = [...side.matchAll(FUNC_IMPORT)].map(([, name]) => name).filter((name) => !own.has(name));
  if (!wanted.length) return 0;
  // The primary's exported function of each name, and the slots its element segments fill.
  const exported = new Map([...main.matchAll(/^ \(export "([^"]+)" \(func (\$\S+)\)\)\n/gm)].map(([, name, func]) => [name, func]));
  const slotOf = new Map();
  for (const [, offset, funcs] of main.matchAll(/^ \(elem (?:\$\S+ )?\(i32\.const (\d+)\) ([^)]*)\)$/gm)) {
    funcs.trim().split(/\s+/).forEach((func, i) => { if (!slotOf.has(func)) slotOf.set(func, Number(offset) + i); });
  }
  const table = /^ \(table (\$\S+) (\d+)(?: (\d+))? funcref\)$/m.exec(main);
  if (!table) throw new Error('table-links: the primary has no table');
  const tableSize = Number(table[2]);
  const added = [];
  const slots = new Map();
  // In function order (the slots' indexes then grow with the functions', which compresses better).
  const order = (func) => (/^\$\d+$/.test(func) ? Number(func.slice(1)) : -1);
  for (const name of [...wanted].sort((a, b) => order(exported.get(a)) - order(exported.get(b)))) {
    const func = exported.get(name);
    if (!func) throw new Error(`table-links: the primary exports no function "${name}"`);
    if (!slotOf.has(func)) { slotOf.set(func, tableSize + added.length); added.push(func); }
    slots.set(name, slotOf.get(func));
  }
  const size = tableSize + added.length;
  // The primary: the exports go, the table grows by the new slots (its maximum too: the
  // secondary imports it with the same limits), one element segment fills them.
  main = main.replace(/^ \(export "([^"]+)" \(func \$\S+\)\)\n/gm, (line, name) => (slots.has(name) ? '' : line));
  main = main.replace(table[0], () => ` (table ${table[1]} ${size}${table[3] ? ` ${size}` : ''} funcref)`);
  if (added.length) main = main.replace(/^( \(elem [^\n]*\n)(?![\s\S]*^ \(elem )/m, (last) => `${last} (elem (i32.const ${tableSize}) ${added.join(' ')})\n`);
  // The secondary: each import becomes a function calling its slot, through the imported table.
  const tableImport = /^( \(import "primary" "[^"]*" \(table (\$\S+) )\d+(?: \d+)?( funcref\)\))$/m.exec(side);
  if (!tableImport) throw new Error('table-links: the secondary imports no table');
  side = side.replace(tableImport[0], () => `${tableImport[1]}${size} ${size}${tableImport[3]}`);
  const types = new Map([...side.matchAll(/^ \(type (\$\S+) \(func((?: \(param[^)]*\))?)((?: \(result [^)]*\))?)\)\)$/gm)].map(([, type, params, result]) => [`${params}|${result}`, type]));
  const thunks = [];
  const imported = [];                         // per function import of the secondary: replaced by a thunk?
  side = side.replace(FUNC_IMPORT, (line, name, func, params, result) => {
    imported.push(slots.has(name));
    if (!slots.has(name)) return line;
    const type = types.get(`${params}|${result}`);
    if (!type) throw new Error(`table-links: no type for ${line.trim()}`);
    const kinds = params.replace(/[()]/g, ' ').trim().split(/\s+/).slice(1);
    const args = kinds.map((_, i) => ` (local.get ${i})`).join('');
    thunks.push(` (func ${func}${params}${result}\n  (call_indirect ${tableImport[2]} (type ${type})${args} (i32.const ${slots.get(name)}))\n )\n`);
    return '';
  });
  side = side.replace(/\)\s*$/, () => `${thunks.join('')})\n`);
  assemble(main, `${work}/table-links-primary.wat`, primary);
  // The thunks stay functions of their own (inlined, each call would carry the slot and the type:
  // +180 B gzip of this module, which Arabic plans download, against +110 B so).
  assemble(side, `${work}/table-links-secondary.wat`, secondary);
  // wasm-split's symbol map of the secondary, for its new function order: the imports kept, its
  // own functions, then the thunks (named, as their imports were, by what they call).
  const names = readFileSync(`${secondary}.symbols`, 'utf8').split('\n').filter(Boolean).map((line) => line.slice(line.indexOf(':') + 1));
  const reordered = [...names.slice(0, imported.length).filter((_, i) => !imported[i]), ...names.slice(imported.length),
    ...names.slice(0, imported.length).filter((_, i) => imported[i])];
  writeFileSync(`${secondary}.symbols`, reordered.map((name, index) => `${index}:${name}\n`).join(''));
  return wanted.length;
}

