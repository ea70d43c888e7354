#!/usr/bin/env node
// What each byte of the wasm is for: its sections, the code by origin (Dear ImGui, nlohmann/json,
// the matcher, the app, libc++ ...), and the largest functions and data segments. Names come from
// the symbol map that the release link writes beside the module (--emit-symbol-map, not shipped),
// demangled with c++filt when it is there. Used by tools/bench; also on its own:
//   node tools/wasm-size.mjs MODULE.wasm [MODULE.js.symbols] [--json [--figure PREFIX] | --markdown TITLE] [--top N]
// With --json it prints one figure per line ({"name","value","unit","runs"}), like the benchmarks;
// with --markdown the same breakdown as Markdown tables (tools/wasm-breakdown.mjs, docs/BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const markdownAt = args.indexOf('--markdown');
const figureAt = args.indexOf('--figure');              // the JSON figures' name prefix
const figure = figureAt >= 0 ? args[figureAt + 1] : 'web.wasm';
const markdownTitle = markdownAt >= 0 ? args[markdownAt + 1] : null;
const files = args.filter((a, i) => !a.startsWith('--') && !(topAt >= 0 && i === topAt + 1) && !(markdownAt >= 0 && i === markdownAt + 1)
  && !(figureAt >= 0 && i === figureAt + 1));
const [wasmPath, symbolsPath = `${files[0]?.replace(/\.wasm$/, '.js')}.symbols`] = files;
if (!wasmPath) {
  console.error('usage: node tools/wasm-size.mjs MODULE.wasm [MODULE.js.symbols] [--json [--figure PREFIX] | --markdown TITLE] [--top N]');
  process.exit(2);
}

const bytes = readFileSync(wasmPath);
let at = 8;                                              // after the magic and version
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
const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

const sections = [];
const sectionNames = new Map();                         // from a "name" section, when there is one
let importedFunctions = 0;
const functions = [];                                   // {index, size, start}
const segments = [];                                    // {index, size, start}
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  let name = SECTION_NAMES[id] ?? `unknown ${id}`;
  if (id === 0) {
    const length = leb();
    const customName = bytes.subarray(at, at + length).toString('utf8');
    name = `custom "${customName}"`;
    at += length;
    // A profiling build's (--profiling-funcs) function names: subsection 1 of "name".
    while (customName === 'name' && at < start + size) {
      const kind = bytes[at++];
      const length2 = leb();
      const end = at + length2;
      if (kind === 1) {
        for (let count = leb(), i = 0; i < count; i += 1) {
          const index = leb();
          const nameLength = leb();
          sectionNames.set(index, bytes.subarray(at, at + nameLength).toString('utf8'));
          at += nameLength;
        }
      }
      at = end;
    }
  } else if (id === 2) {
    for (let count = leb(), i = 0; i < count; i += 1) {
      // Not `at += leb()`: that reads `at` before leb() moves it past the length.
      const moduleLength = leb();
      at += moduleLength;                                // module name
      const fieldLength = leb();
      at += fieldLength;                                 // field name
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions += 1; }
      else if (kind === 1) { at += 1; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) at += 2;
    }
  } else if (id === 10) {
    for (let count = leb(), i = 0; i < count; i += 1) {
      const bodySize = leb();
      functions.push({ index: importedFunctions + i, size: bodySize, start: at });
      at += bodySize;
    }
  } else if (id === 11) {
    for (let count = leb(), i = 0; i < count; i += 1) {
      const flags = leb();
      if (flags === 2) leb();
      let offset = -1;
      if (flags !== 1) {                                 // the offset expression: i32.const N, end
        if (bytes[at] === 0x41) { at += 1; offset = leb(); }
        while (bytes[at] !== 0x0b) at += 1;
        at += 1;
      }
      const length = leb();
      segments.push({ index: i, size: length, start: at, offset });
      at += length;
    }
  }
  sections.push({ id, name, size });
  at = start + size;
}

// Function names: the module's own name section (a profiling build), else the index:name lines
// of the symbol map. Demangled in one c++filt call when still mangled.
const names = new Map();
if (sectionNames.size) {
  let raw = [...sectionNames.values()];
  try {
    raw = execFileSync('c++filt', [], { input: raw.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
  } catch { /* no c++filt */ }
  [...sectionNames.keys()].forEach((index, i) => names.set(index, raw[i]));
} else if (existsSync(symbolsPath)) {
  const lines = readFileSync(symbolsPath, 'utf8').split('\n').filter(Boolean);
  let raw = lines.map((line) => line.slice(line.indexOf(':') + 1));
  try {
    raw = execFileSync('c++filt', [], { input: raw.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
  } catch { /* no c++filt: mangled names still classify */ }
  // wasm-opt writes some characters as \XX escapes (\28 for "(", \20 for a space).
  const unescape = (name) => (name ?? '').replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  lines.forEach((line, i) => names.set(Number(line.slice(0, line.indexOf(':'))), unescape(raw[i])));
}

// Where a function comes from, by its (demangled) name.
const ORIGINS = [
  ['nlohmann/json', /nlohmann|json_abi|basic_json|json_sax|lexer<|serializer<|parser</],
  ['Dear ImGui', /^(ImGui|Im[A-Z]|stbtt|stbrp|stb_|STB_|igImFont|ImFont|ImDraw|ImGuiTable)|ImGui::|\bstbtt_|stb_textedit|STB_TEXTEDIT/],
  ['matcher', /pm::matcher|pm::match|Matcher|matcher/i],
  ['ui (panel)', /pm::ui::/],
  ['app + web', /pm::(MapperApp|FallbackFonts|Fetch|WebGL|Suggest|mirror|Mirror|app|run_frame|style_imgui|create_imgui)|^pm_|WebHost|Widget/],
  ['core (plan, session, api, json)', /^pm::/],
  ['libc++ (strings, containers, streams)', /^std::|^void std::|std::__2|__cxx|operator new|operator delete/],
  ['libc, malloc, runtime', /^(__|_|[a-z][a-z0-9_]*$)/],
];
const originOf = (name) => {
  if (!name) return 'unnamed';
  // A std::function's wrapper of a lambda belongs to the code that wrote the lambda.
  const wrapped = name.match(/^std::__2::__function::__(?:func|alloc_func|value_func)<(.*)$/);
  if (wrapped) name = wrapped[1];
  for (const [origin, pattern] of ORIGINS) if (pattern.test(name)) return origin;
  return 'other';
};

const SFNT = Buffer.from([0, 1, 0, 0]);
const gz = (from, to) => gzipSync(bytes.subarray(from, to), { level: 9 }).length;
const byOrigin = new Map();
for (const f of functions) {
  f.name = names.get(f.index) ?? `function ${f.index}`;
  const origin = originOf(names.get(f.index));
  const entry = byOrigin.get(origin) ?? { origin, count: 0, size: 0, chunks: [] };
  entry.count += 1;
  entry.size += f.size;
  entry.chunks.push(bytes.subarray(f.start, f.start + f.size));
  byOrigin.set(origin, entry);
}
// A group's gzip figure: its bodies compressed on their own (an upper bound of what it adds).
for (const entry of byOrigin.values()) entry.gzip = gzipSync(Buffer.concat(entry.chunks), { level: 9 }).length;

// TrueType fonts inside the data (the built-in UI font): an sfnt header whose table directory
// is sane, found in the memory image the active segments make (the optimizer splits the data at
// runs of zeros); its length is where its last table ends.
const fonts = [];
{
  const placed = segments.filter((seg) => seg.offset >= 0);
  if (!placed.length) placed.push({ offset: 0, size: 0, start: 0 });  // a split-off module has no data
  const base = Math.min(...placed.map((seg) => seg.offset));
  const image = Buffer.alloc(Math.max(0, ...placed.map((seg) => seg.offset + seg.size)) - base);
  for (const seg of placed) bytes.copy(image, seg.offset - base, seg.start, seg.start + seg.size);
  for (let p = image.indexOf(SFNT); p >= 0 && p + 12 < image.length; p = image.indexOf(SFNT, p + 1)) {
    const tables = image.readUInt16BE(p + 4);
    if (tables < 4 || tables > 40 || image.readUInt16BE(p + 6) !== 16 * 2 ** Math.floor(Math.log2(tables))) continue;
    let length = 12 + 16 * tables;
    for (let t = 0; t < tables; t += 1) {
      const record = p + 12 + 16 * t;
      length = Math.max(length, image.readUInt32BE(record + 8) + image.readUInt32BE(record + 12));
    }
    if (p + length <= image.length) fonts.push({ size: length, gzip: gzipSync(image.subarray(p, p + length), { level: 9 }).length });
  }
}

const kb = (n) => (n / 1024).toFixed(1);
const total = bytes.length;
if (asJson) {
  const report = (name, value, unit) => console.log(JSON.stringify({ name, value: Number(value.toFixed(3)), unit, runs: 1 }));
  for (const s of sections) report(`${figure}.section.${s.name.replace(/[" ]/g, '')}`, s.size / 1024, 'KB');
  for (const e of [...byOrigin.values()].sort((a, b) => b.size - a.size)) {
    report(`${figure}.code.${e.origin.replace(/[^a-z+]+/gi, '_').replace(/_+$/, '')}`, e.size / 1024, 'KB');
  }
  report(`${figure}.data_total`, segments.reduce((n, s) => n + s.size, 0) / 1024, 'KB');
  report(`${figure}.data_font`, fonts.reduce((n, f) => n + f.size, 0) / 1024, 'KB');
  report(`${figure}.data_font.gzip`, fonts.reduce((n, f) => n + f.gzip, 0) / 1024, 'KB');
} else if (markdownTitle !== null) {
  // Names are data: a table cell must not end at a "|" in a C++ name, nor a line at a newline.
  const cell = (text) => {
    const short = text.length > 120 ? `${text.slice(0, 117)}...` : text;
    return `\`${short.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\s+/g, ' ')}\``;
  };
  const out = [`### ${markdownTitle}`, '',
    `\`${path.basename(wasmPath)}\`: ${kb(total)} KB (${kb(gzipSync(bytes, { level: 9 }).length)} KB gzip), ` +
    `${functions.length} functions, ${segments.length} data segments; names from ` +
    `${sectionNames.size ? 'the name section' : names.size ? `\`${path.basename(symbolsPath)}\`` : 'nowhere (no symbol map)'}.`, '',
    '| section | KB |', '|---|---:|',
    ...sections.map((s) => `| ${s.name.replace(/\|/g, '\\|')} | ${kb(s.size)} |`), '',
    '| code by origin | functions | KB | gzip KB (alone) |', '|---|---:|---:|---:|',
    ...[...byOrigin.values()].sort((a, b) => b.size - a.size).map((e) => `| ${e.origin} | ${e.count} | ${kb(e.size)} | ${kb(e.gzip)} |`), '',
    `| largest ${top} functions | KB |`, '|---|---:|',
    ...[...functions].sort((a, b) => b.size - a.size).slice(0, top).map((f) => `| ${cell(f.name)} | ${kb(f.size)} |`), ''];
  if (segments.length) {
    out.push(`Data: ${kb(segments.reduce((n, s) => n + s.size, 0))} KB in ${segments.length} segments ` +
      `(${kb(segments.reduce((n, s) => n + gz(s.start, s.start + s.size), 0))} KB gzip).`, '',
      '| largest data segments | KB | gzip KB |', '|---|---:|---:|',
      ...[...segments].sort((a, b) => b.size - a.size).slice(0, 5).map((s) => `| segment ${s.index} | ${kb(s.size)} | ${kb(gz(s.start, s.start + s.size))} |`), '');
    for (const f of fonts) out.push(`Of the data, a TrueType font (the built-in UI font): ${kb(f.size)} KB (${kb(f.gzip)} KB gzip).`, '');
  } else {
    out.push('No data segments.', '');
  }
  console.log(out.join('\n'));
} else {
  console.log(`${wasmPath}: ${kb(total)} KB (${kb(gzipSync(bytes, { level: 9 }).length)} KB gzip), ${functions.length} functions, ${segments.length} data segments`);
  console.log(`names: ${sectionNames.size ? 'the name section' : names.size ? symbolsPath : 'none (no symbol map)'}`);
  console.log('\nsections                                  KB     gzip KB');
  for (const s of sections) console.log(`  ${s.name.padEnd(36)} ${kb(s.size).padStart(7)}`);
  console.log('\ncode by origin                     functions      KB   alone gzip KB');
  for (const e of [...byOrigin.values()].sort((a, b) => b.size - a.size)) {
    console.log(`  ${e.origin.padEnd(36)} ${String(e.count).padStart(5)} ${kb(e.size).padStart(7)} ${kb(e.gzip).padStart(8)}`);
  }
  console.log(`\nlargest ${top} functions                                  KB`);
  for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`  ${kb(f.size).padStart(6)}  ${f.name.length > 110 ? `${f.name.slice(0, 107)}...` : f.name}`);
  }
  console.log(`\ndata: ${kb(segments.reduce((n, s) => n + s.size, 0))} KB in ${segments.length} segments (${kb(segments.reduce((n, s) => n + gz(s.start, s.start + s.size), 0))} KB gzip); largest:`);
  for (const s of [...segments].sort((a, b) => b.size - a.size).slice(0, 5)) {
    console.log(`  ${kb(s.size).padStart(6)} KB  segment ${s.index}, ${kb(gz(s.start, s.start + s.size))} KB gzip`);
  }
  for (const f of fonts) console.log(`  of which a TrueType font: ${kb(f.size)} KB (${kb(f.gzip)} KB gzip)`);
}
