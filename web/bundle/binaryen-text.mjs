// The round trip through binaryen's text form that the bundle steps edit modules with: a wasm
// module as text (wasm-dis) and text assembled back into a module (wasm-as), with the wasm
// features of Emscripten 3.1.6's output, which binaryen 108 needs named.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];

// The module `file` as binaryen's text.
export function disassemble(file) {
  return execFileSync('wasm-dis', [file, ...FEATURES], { maxBuffer: 1 << 30 }).toString();
}

// Writes `text` to `work` (a scratch path) and assembles it into the module `output`.
export function assemble(text, work, output) {
  writeFileSync(work, text);
  execFileSync('wasm-as', [work, ...FEATURES, '-o', output]);
}
