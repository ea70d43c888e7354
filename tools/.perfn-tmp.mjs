import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SECONDARY, SPLIT_PATTERNS, readSymbolMap } from '../web/bundle/split-shaping.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
function costOf(bytes, ranges) {
  const kept = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    kept.push(bytes.subarray(at, start));
    at = end;
  }
  kept.push(bytes.subarray(at));
  return gz(bytes) - gz(Buffer.concat(kept));
}
function wasmFunctionBodies(bytes) {
  let at = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
    }
  };
  let imported = 0;
  const bodies = new Map();
  bodies.total = 0;                                  // imported and defined functions
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      for (let count = leb(), i = 0; i < count; i += 1) {
        const moduleLength = leb();
        at += moduleLength;
        const fieldLength = leb();
        at += fieldLength;
        const kind = bytes[at++];
        if (kind === 0) { leb(); imported += 1; } else if (kind === 1) { at += 1; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) at += 2;
      }
    } else if (id === 10) {
      const count = leb();
      for (let i = 0; i < count; i += 1) {
        const bodySize = leb();
        bodies.set(imported + i, [at, at + bodySize]);
        at += bodySize;
      }
      bodies.total = imported + count;
    }
    at = end;
  }
  return bodies;
}
const WASM_NAMES = /^pm::ui::(needs_shaping|\(anonymous namespace\)::shaped_code_point|run_for|fitted_run|draw_run|shaped_text_item|shaped_field_preview|with_visible_controls|set_text_run_source|text_run_source|ShapedLabel::|ShapedField::|HiddenGlyphs::|set_native_text_editing|active_text_field|replace_active_field_text)|WebTextRuns|Widget::text_runs|^pm_text_run(_stats|_upload)?$|^pm_text_field_set$/;
const dist = process.argv[2];
const wasm = readFileSync(path.join(dist, 'plan-mapper-wasm.wasm'));
const bodies = wasmFunctionBodies(wasm);
const lines = readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
let names = lines.map((l) => l.slice(l.indexOf(':') + 1));
names = execFileSync('c++filt', [], { input: names.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
const unescape = (name) => (name ?? '').replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
lines.forEach((line, i) => {
  const body = bodies.get(Number(line.slice(0, line.indexOf(':'))));
  const name = unescape(names[i]);
  if (body && (WASM_NAMES.test(name) || (process.argv[4] && new RegExp(process.argv[4]).test(name)))) console.log(costOf(wasm, [body]), body[1]-body[0], line.slice(0, line.indexOf(':')), name);
});
