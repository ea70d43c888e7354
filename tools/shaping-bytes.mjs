#!/usr/bin/env node
// What a plan in Latin script downloads for shaping (issue 18: "cost only when used"): the pieces
// of the widget's first transfer (the module graph tools/bench-web.mjs walks: plan-mapper.js and
// its static imports, the Emscripten glue, the wasm) that exist only to shape Arabic, Hebrew,
// Indic, Thai... text. Everything else of it (the text runs' layout, atlas, fonts) is in
// text-runs.js and its imports, fetched only when a text first needs shaping.
// How: each piece is cut out of its file and the file compressed again (gzip -9); the piece's
// cost is how much smaller that file got. So a piece is charged what it adds to the transfer in
// its context, not alone. The pieces:
//   - wasm: the functions the symbol map names as the shaping hook and the panel's side of runs
//     (needs_shaping and its scan has_shaped, bidi_control, with_visible_controls, text_run_source
//     and the request, ShapedLabel, ShapedField, HiddenGlyphs, WebTextRuns, TextRunSource...) that
//     are in the main wasm or in plan-mapper-deferred.wasm (both are measured as one: the shaping
//     split's primary, before the deferred split); what the panel reaches only through its run source (src/ui/run_drawing.cpp,
//     TextRunSource's methods, WebTextRuns::run, the native editing's state) and the exports only
//     text-runs.js and what it loads call are in plan-mapper-shaping.wasm
//     (web/bundle/split-shaping.mjs), which a Latin plan never fetches; code of theirs inlined into
//     other functions (a ShapedLabel's wrapper in a table cell) is not separable and not counted;
//   - wasm: what the split itself adds to the main wasm (the placeholder function, the table slots
//     through which the shaping module calls the main wasm's functions, web/bundle/table-links.mjs,
//     with the table's larger size; thunks of exports it holds, if any): the main wasm's gzip less
//     that of the built, unsplit wasm with the moved functions and their export entries cut out
//     (since web/bundle/shaping-exports.mjs the shaping module exports those, so the main wasm has
//     neither), so the slots and whatever else the split changes are all counted;
//   - glue: the EM_JS forwarder pm_js_text_run (the one function of the glue that names textRun)
//     and the wrappers emcc writes for the exports only the shaping code calls (the dist step
//     removes them with those exports: counted if they are there);
//   - plan-mapper.js and text-entry.js: the lines their sources mark as shaping-only (the lazy
//     import of text-runs.js and its hook; text-entry.js's slot for the native editing of fields
//     holding shaped text, which text-runs.js fills, and its three uses):
//     here the file is minified (as the dist step does) with and without them;
//   - bundle-integrity.js: the shaping wasm's and the script faces' index hashes, if there (both
//     are in scripts-integrity.js, which only text-runs.js imports).
//   node tools/shaping-bytes.mjs [DIST_DIR] [SYMBOLS]  (prints one JSON figure per piece, then the sum)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SECONDARY, SPLIT_PATTERNS, readSymbolMap } from '../web/bundle/split-shaping.mjs';
import { exportEntries } from '../web/bundle/wasm-reader.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

// Cuts [start, end) ranges out of `bytes` and returns how many gzip bytes that saves.
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

// From `open` (an index of "(" or "{"), the index after its matching closer.
function matching(text, open) {
  const pairs = { '(': ')', '{': '}', '[': ']' };
  const stack = [];
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {   // skip string literals (no nesting of templates needed here)
      for (i += 1; i < text.length && text[i] !== c; i += 1) if (text[i] === '\\') i += 1;
      continue;
    }
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack[stack.length - 1]) { stack.pop(); if (!stack.length) return i + 1; }
  }
  return -1;
}

// The function (declaration or expression) whose body contains `needle`.
function enclosingFunction(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) return null;
  for (let start = text.lastIndexOf('function', at); start >= 0; start = text.lastIndexOf('function', start - 1)) {
    const end = matching(text, text.indexOf('{', start));
    if (end > at) return [start, end];
  }
  return null;
}

// The exports only the shaping code calls, whose wrappers the glue holds.
const GLUE_EXPORTS = ['_pm_text_runs_start', '_pm_text_run_upload', '_pm_text_field_set'];

// The glue's wrapper of the export `name` with the comma after it, as [start, end).
function exportWrapper(text, name) {
  const start = text.indexOf(`.${name}=function(`);
  if (start < 0) return null;
  const end = matching(text, text.indexOf('{', start));
  return [start, text[end] === ',' ? end + 1 : end];
}

// The wasm's shaping-only functions, by name.
const WASM_NAMES = /^pm::ui::(needs_shaping|\(anonymous namespace\)::(shaped_code_point|has_shaped|bidi_control)|run_for|fitted_run|draw_run|shaped_text_item|shaped_field_preview|with_visible_controls|set_text_run_source|set_text_run_request|text_run_source|ShapedLabel::|ShapedField::|HiddenGlyphs::|TextRunSource::|set_native_text_editing|active_text_field|replace_active_field_text)|WebTextRuns|Widget::text_runs|^pm::request_text_runs|describe_shaped_field|^pm_text_run(_stats|_upload|s_start)?$|^pm_text_field_set$/;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// The widget's modules in the first transfer with lines only shaping needs.
const HOOKED_SOURCES = ['plan-mapper.js', 'text-entry.js'];

// As web/bundle/minify.mjs minifies a module.
async function minified(name, source) {
  const { minify } = await import('terser');
  const result = await minify({ [name]: source }, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return result.code;
}

// Where the builds write the symbol map (the one matching the wasm is used).
// Since the split (web/bundle/split-shaping.mjs) dist holds the primary, whose map is .primary.symbols.
export const SYMBOL_MAPS = ['build/web-release/src/app/plan-mapper-wasm.primary.symbols', 'build/bench-web/src/app/plan-mapper-wasm.primary.symbols',
  'build/web-release/src/app/plan-mapper-wasm.js.symbols', 'build/bench-web/src/app/plan-mapper-wasm.js.symbols',
  'build/web-release/src/app/plan-mapper-wasm.first-split.symbols', 'build/bench-web/src/app/plan-mapper-wasm.first-split.symbols'];

// symbolsPath: a path or a list of candidate paths.
export async function shapingBytesInLatinPlan(dist, symbolsPath) {
  const pieces = [];
  // The wasm's functions, by the symbol map. Since the deferred split (web/bundle/split-deferred.mjs)
  // a Latin plan downloads the main wasm and plan-mapper-deferred.wasm: together, the shaping
  // split's primary, which the build keeps beside the built wasm (.first-split.wasm, its map
  // .first-split.symbols, and in .first-split.json the SHA-256 of the main wasm made from it).
  let wasm = readFileSync(path.join(dist, 'plan-mapper-wasm.wasm'));
  const mainSha = createHash('sha256').update(wasm).digest('hex');
  const firstSplit = (Array.isArray(symbolsPath) ? symbolsPath : [symbolsPath]).filter((p) => p?.endsWith('.primary.symbols'))
    .map((p) => p.replace(/\.primary\.symbols$/, '.first-split'))
    .find((b) => existsSync(`${b}.json`) && JSON.parse(readFileSync(`${b}.json`, 'utf8')).primarySha256 === mainSha);
  if (firstSplit) {
    wasm = readFileSync(`${firstSplit}.wasm`);
    symbolsPath = [`${firstSplit}.symbols`];
  }
  const bodies = wasmFunctionBodies(wasm);
  // The first symbol map that names exactly this module's functions (another build's would
  // charge the wrong ones).
  const symbols = (Array.isArray(symbolsPath) ? symbolsPath : [symbolsPath]).filter((p) => p && existsSync(p))
    .map((p) => readFileSync(p, 'utf8').split('\n').filter(Boolean))
    .find((lines) => lines.length === bodies.total);
  if (!symbols) throw new Error('shaping-bytes: no symbol map for this wasm (build web-release)');
  {
    const lines = symbols;
    let names = lines.map((l) => l.slice(l.indexOf(':') + 1));
    try { names = execFileSync('c++filt', [], { input: names.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n'); } catch { /* mangled */ }
    const unescape = (name) => (name ?? '').replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    const ranges = [];
    const matched = [];
    lines.forEach((line, i) => {
      const body = bodies.get(Number(line.slice(0, line.indexOf(':'))));
      const name = unescape(names[i]);
      // A moved function's body left in the primary (pm_text_run_upload's) is the split's export
      // thunk: the split's piece below has it already.
      if (body && WASM_NAMES.test(name) && !SPLIT_PATTERNS.some((p) => p.test(name))) { ranges.push(body); matched.push(name.replace(/\(.*$/, '')); }
    });
    pieces.push({ name: 'wasm', bytes: costOf(wasm, ranges), raw: ranges.reduce((n, [s, e]) => n + e - s, 0), what: [...new Set(matched)].sort() });
  }
  // The split's own cost: the built (unsplit) wasm beside the map, less the functions moved out.
  const candidates = (Array.isArray(symbolsPath) ? symbolsPath : [symbolsPath]).filter((p) => p && existsSync(p));
  if (existsSync(path.join(dist, SECONDARY)) && (firstSplit || candidates.some((p) => p.endsWith('.primary.symbols')))) {
    const base = firstSplit?.replace(/\.first-split$/, '') ?? candidates.find((p) => p.endsWith('.primary.symbols')).replace(/\.primary\.symbols$/, '');
    const built = readFileSync(`${base}.wasm`);
    const builtBodies = wasmFunctionBodies(built);
    // The moved functions: as split-shaping.mjs lists them (the patterns' and what only they call).
    const movedList = existsSync(`${base}.shaping-moved.json`) ? JSON.parse(readFileSync(`${base}.shaping-moved.json`, 'utf8')) : null;
    const names = readSymbolMap(`${base}.js.symbols`);
    const moved = [];
    const movedIndexes = new Set();
    names.forEach((name, index) => {
      if ((movedList ? movedList.includes(index) : name && SPLIT_PATTERNS.some((p) => p.test(name))) && builtBodies.get(index)) {
        moved.push(builtBodies.get(index));
        movedIndexes.add(index);
      }
    });
    // The built wasm's exports of moved functions go with them (a build without shaping has none).
    for (const entry of exportEntries(built)) if (entry.kind === 0 && movedIndexes.has(entry.index)) moved.push([entry.start, entry.end]);
    const cut = gz(built) - costOf(built, moved);    // gzip of the unsplit wasm without the moved code
    pieces.push({ name: 'wasm: the split (placeholders, table slots, thunks)', bytes: Math.max(0, gz(wasm) - cut), raw: wasm.length - (built.length - moved.reduce((n, [s, e]) => n + e - s, 0)) });
  }
  const textPiece = (file, name, findRanges) => {
    const full = path.join(dist, file);
    if (!existsSync(full)) return;
    const bytes = readFileSync(full);
    const ranges = findRanges(bytes.toString('latin1')).filter(Boolean);
    pieces.push({ name, bytes: costOf(bytes, ranges), raw: ranges.reduce((n, [s, e]) => n + e - s, 0) });
  };
  textPiece('plan-mapper-wasm.js', 'glue: pm_js_text_run', (t) => [enclosingFunction(t, '.textRun(')]);
  // The glue's wrappers of the exports only text-runs.js and text-entry-native.js call
  // ("a._pm_text_runs_start=function(){...},"): emcc writes one per export.
  textPiece('plan-mapper-wasm.js', 'glue: export wrappers', (t) => GLUE_EXPORTS.map((name) => exportWrapper(t, name)));
  // The widget's own modules: their sources mark the shaping-only lines (shaping-hook:begin/end);
  // both the source and the source without them are minified as the dist step does, then gzipped.
  for (const file of HOOKED_SOURCES) {
    const source = readFileSync(path.join(ROOT, 'web/widget', file), 'utf8');
    const stripped = source.replace(/^[^\n]*shaping-hook:begin[^\n]*\n[\s\S]*?^[^\n]*shaping-hook:end[^\n]*\n/gm, '');
    if (stripped === source) throw new Error(`shaping-bytes: no shaping-hook markers in ${file}`);
    const [full, without] = await Promise.all([minified(file, source), minified(file, stripped)]);
    pieces.push({ name: `${file}: the shaping hook`, bytes: gz(Buffer.from(full)) - gz(Buffer.from(without)), raw: full.length - without.length });
  }
  textPiece('bundle-integrity.js', 'bundle-integrity.js: the shaping wasm\'s hash', (t) => {
    const at = t.indexOf('"shaping"');
    return [at >= 0 ? [t.lastIndexOf(',', at), t.indexOf('}', at) + 1] : null];
  });
  textPiece('bundle-integrity.js', 'bundle-integrity.js: scripts.json hash', (t) => {
    const at = t.indexOf('"scripts.json"');
    return [at >= 0 ? [t.lastIndexOf(',', at), t.indexOf('"', t.indexOf('sha384', at)) + 1] : null];
  });
  return { pieces, total: pieces.reduce((n, p) => n + p.bytes, 0) };
}

// Function index -> [start, end) of its body in the wasm.
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const dist = process.argv[2] ?? path.join(root, 'dist');
  const symbols = process.argv[3] ?? SYMBOL_MAPS.map((p) => path.join(root, p));
  const { pieces, total } = await shapingBytesInLatinPlan(dist, symbols);
  for (const p of pieces) console.log(JSON.stringify({ name: p.name, gzip: p.bytes, raw: p.raw, ...(p.what ? { what: p.what } : {}) }));
  console.log(JSON.stringify({ name: 'web.size.shaping_in_latin_plan.gzip', value: total, unit: 'bytes' }));
}
