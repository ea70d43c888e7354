// The big ones, written at test time into the build tree (tens of MB that need not be committed):
// 10 MB strings, 100,000 fields, 10,000 levels of nesting, 5,000 broken edges, a document over the
// 64 MiB limit. Each is built as text directly, so generating them takes well under a second.
import { baseResponse } from './base-plan.mjs';

const MB = 1 << 20;
const JOB = baseResponse().data.job;

const response = (planText) => `{"data":{"job":${JSON.stringify(JOB)},"plan":${planText}}}`;

// A plan whose one unmapped source has `label`, `key` and `preview` as given (already JSON text).
function oneSource({ label = '"Notes"', key = '"notes"', preview = '["hello"]' }) {
  return response(`{"fieldMapping":[],"unmappedSourceFields":[{"sourceField":{"key":${key},"type":"string","label":${label}},"preview":${preview}}],` +
    '"unmappedDestinationFields":[{"destinationField":{"key":"phone","type":"string","label":"Phone"}}]}');
}

function manyFields(sources, destinations, edges) {
  const parts = [];
  for (let i = 0; i < edges; ++i)
    parts.push(`{"sourceField":{"key":"m${i}","type":"string","label":"Mapped ${i}"},"destinationField":{"key":"t${i}","type":"string"},"preview":["${i}"]}`);
  const mapped = parts.join(',');
  parts.length = 0;
  for (let i = 0; i < sources; ++i) parts.push(`{"sourceField":{"key":"s${i}","type":"string","label":"Column ${i}"},"preview":["v${i}"]}`);
  const unmappedSources = parts.join(',');
  parts.length = 0;
  for (let i = 0; i < destinations; ++i) parts.push(`{"destinationField":{"key":"d${i}","type":"string","label":"Field ${i}"}}`);
  return response(`{"fieldMapping":[${mapped}],"unmappedSourceFields":[${unmappedSources}],"unmappedDestinationFields":[${parts.join(',')}]}`);
}

export function hugeCases() {
  const tenMb = 'x'.repeat(10 * MB);
  const bidi = '\u202Eab\u202D\u2067c\u2069'.repeat(Math.ceil((10 * MB) / 14));     // 14 UTF-8 bytes per repeat
  const controls = '\\u0000\\u001b\\u0007\\u202e'.repeat(Math.ceil((10 * MB) / 24));  // escapes in the JSON text
  const at = (name, category, description, expect, text, extra = {}) => ({ name, category, description, expect, text, huge: true, ...extra });
  const badEdges = Array.from({ length: 5000 }, (_, i) => `{"sourceField":{"key":${i}},"destinationField":{}}`).join(',');
  return [
    at('huge-label-10mb', 'huge-string', 'a source label of 10 MB', 'usable', oneSource({ label: `"${tenMb}"` })),
    at('huge-key-10mb', 'huge-string', 'a source key of 10 MB', 'usable', oneSource({ key: `"${tenMb}"` })),
    at('huge-preview-10mb', 'huge-string', 'a preview value of 10 MB', 'usable', oneSource({ preview: `["${tenMb}"]` })),
    at('huge-bidi-10mb', 'huge-string', '10 MB of bidi overrides and isolates in a label', 'usable', oneSource({ label: JSON.stringify(bidi) })),
    at('huge-controls-10mb', 'huge-string', '10 MB of escaped NUL, ESC, BEL and U+202E in a label', 'usable', oneSource({ label: `"${controls}"` })),
    // Five 10 MB labels in one plan (50 MB, under the 64 MiB limit). Dear ImGui reserves vertex
    // memory for every character of a text it draws (imgui_draw.cpp RenderText: 4 vertices and 6
    // indices each, ~90 bytes), so the panel draws at most 2,000 bytes of any text (ui::text,
    // safe_label); drawn in full, these needed more than the 2 GB a wasm heap can have.
    at('huge-five-labels-10mb', 'huge-string', 'five fields whose labels are 10 MB each', 'usable',
      response(`{"fieldMapping":[{"sourceField":{"key":"a","type":"string","label":"${tenMb}"},"destinationField":{"key":"b","type":"string","label":"${tenMb}"}}],` +
        `"unmappedSourceFields":[{"sourceField":{"key":"c","type":"string","label":"${tenMb}"}},{"sourceField":{"key":"d","type":"string","label":"${tenMb}"}}],` +
        `"unmappedDestinationFields":[{"destinationField":{"key":"e","type":"string","label":"${tenMb}"}}]}`)),
    at('huge-preview-100k-values', 'huge-string', 'one column with 100,000 preview values', 'usable',
      oneSource({ preview: JSON.stringify(Array.from({ length: 100000 }, (_, i) => `p${i}`)) })),
    at('huge-100k-source-fields', 'many-fields', '100,000 unmapped source fields and 1,000 destinations', 'usable', manyFields(100000, 1000, 0)),
    at('huge-50k-edges', 'many-fields', '50,000 edges (100,000 fields)', 'usable', manyFields(0, 0, 50000)),
    at('huge-nesting-10000-arrays', 'deep-nesting', 'a preview holding 10,000 nested arrays', 'rejected',
      oneSource({ preview: `[${'['.repeat(10000)}${']'.repeat(10000)}]` }), { pointer: '' }),
    at('huge-nesting-10000-objects', 'deep-nesting', 'a document of 10,000 nested objects', 'rejected',
      `${'{"data":'.repeat(10000)}null${'}'.repeat(10000)}`, { pointer: '' }),
    at('huge-nesting-100000-unclosed', 'deep-nesting', '100,000 opening brackets and nothing else', 'rejected', '['.repeat(100000), { pointer: '' }),
    at('huge-5000-broken-edges', 'many-problems', '5,000 edges whose keys are numbers or missing', 'problems',
      response(`{"fieldMapping":[${badEdges}],"unmappedSourceFields":[],"unmappedDestinationFields":[]}`), { pointer: '/data/plan/fieldMapping/0/sourceField/key', maxProblems: 501 }),
    at('huge-over-64mib', 'over-limit', 'a 64 MiB + 1 KiB document (over the size limit)', 'rejected',
      oneSource({ label: `"${'y'.repeat(64 * MB + 1024)}"` }), { pointer: '' }),
  ];
}
