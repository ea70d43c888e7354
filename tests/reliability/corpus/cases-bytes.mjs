// Hostile bytes: text that is not JSON, JSON cut short or bent (comments, NaN, trailing commas),
// invalid UTF-8, and numbers beyond what a double or a 64-bit integer holds.
// RFC 8259 rejects all of the syntax cases, so each must be refused with a problem at "" (the
// whole document); numbers that are valid JSON must be kept exactly as written (lossless PUT).
import { baseResponse } from './base-plan.mjs';

const BASE = JSON.stringify(baseResponse());

// Deterministic bytes (mulberry32), so the corpus is the same on every machine and every run.
function randomBytes(seed, length) {
  let a = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; ++i) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const rejected = (name, description, text) => ({ name, category: 'syntax', description, expect: 'rejected', pointer: '', text });

function syntaxCases() {
  const cuts = [1, 10, 100, 400, 700, 1000, BASE.length - 2, BASE.length - 1];
  return [
    rejected('empty-file', 'zero bytes', ''),
    rejected('whitespace-only', 'only spaces, tabs and newlines', ' \n\t\r\n '),
    rejected('literal-null', 'the JSON value null', 'null'),
    rejected('literal-true', 'the JSON value true', 'true'),
    rejected('literal-number', 'a number as the whole document', '0'),
    rejected('literal-string', 'a string as the whole document', '"plan"'),
    rejected('empty-array', 'an empty array', '[]'),
    rejected('empty-object', 'an object with none of the plan shapes', '{}'),
    rejected('root-array', 'a valid plan response wrapped in an array', `[${BASE}]`),
    ...cuts.map((at) => rejected(`truncated-at-${at}`, `the plan response cut after ${at} bytes`, BASE.slice(0, at))),
    rejected('trailing-garbage', 'a valid document followed by " x"', `${BASE} x`),
    rejected('two-documents', 'two plan responses back to back', BASE + BASE),
    rejected('trailing-comma', 'a comma after the last array element', BASE.replace('"b@example.com"]', '"b@example.com",]')),
    rejected('single-quotes', "member names in single quotes", BASE.replace('"data"', "'data'")),
    rejected('line-comment', 'a // comment before the document', `// plan\n${BASE}`),
    rejected('block-comment', 'a /* */ comment inside the document', BASE.replace('{"job"', '{/* c */"job"')),
    rejected('unquoted-key', 'a member name without quotes', BASE.replace('"data"', 'data')),
    rejected('nan-token', 'confidence: NaN', BASE.replace('0.9', 'NaN')),
    rejected('infinity-token', 'confidence: Infinity', BASE.replace('0.9', 'Infinity')),
    rejected('minus-infinity-token', 'confidence: -Infinity', BASE.replace('0.9', '-Infinity')),
    rejected('leading-zero', 'confidence: 00.9', BASE.replace('0.9', '00.9')),
    rejected('hex-number', 'confidence: 0x1', BASE.replace('0.9', '0x1')),
    rejected('plus-sign', 'confidence: +1', BASE.replace('0.9', '+1')),
    rejected('bare-fraction', 'confidence: .9', BASE.replace('0.9', '.9')),
    rejected('lone-high-surrogate', 'a label with the escape \\ud800 alone', BASE.replace('"Notes"', '"N\\ud800otes"')),
    rejected('lone-low-surrogate', 'a label with the escape \\udc00 alone', BASE.replace('"Notes"', '"\\udc00"')),
    rejected('invalid-escape', 'a label with \\x41', BASE.replace('"Notes"', '"\\x41"')),
    rejected('short-unicode-escape', 'a label with \\u12', BASE.replace('"Notes"', '"\\u12"')),
    rejected('raw-tab-in-string', 'an unescaped tab inside a label', BASE.replace('"Notes"', '"No\ttes"')),
    rejected('raw-newline-in-string', 'an unescaped newline inside a label', BASE.replace('"Notes"', '"No\ntes"')),
    rejected('raw-nul-in-string', 'an unescaped NUL byte inside a label', BASE.replace('"Notes"', '"No\u0000tes"')),
    rejected('utf16le', 'the plan response encoded as UTF-16LE', Buffer.from(BASE, 'utf16le')),
    rejected('csv', 'a CSV file instead of JSON', 'email,state,notes\na@example.com,New,hello\n'),
    rejected('html-error-page', 'an HTML error page from a proxy', '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'),
    rejected('xml', 'an XML document', '<?xml version="1.0"?><plan><fieldMapping/></plan>'),
    rejected('yaml', 'YAML', 'data:\n  plan:\n    fieldMapping: []\n'),
    rejected('undefined-token', 'the JavaScript word undefined', 'undefined'),
    rejected('jsonp', 'JSONP: a callback around the document', `callback(${BASE})`),
    rejected('script-after-json', 'a statement after the object', `${BASE};alert(1)`),
    rejected('gzip-bytes', 'gzip magic bytes and junk', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(7, 60)])),
    rejected('random-256', '256 random bytes', randomBytes(1, 256)),
    rejected('random-4096', '4096 random bytes', randomBytes(2, 4096)),
    rejected('random-brace-led', 'an opening brace then random bytes', Buffer.concat([Buffer.from('{"data":'), randomBytes(3, 512)])),
  ];
}

// Byte sequences that are not UTF-8, each placed in a label, a key and a member name.
const BAD_UTF8 = {
  overlong: [0xc0, 0xaf], continuation: [0x80], truncated: [0xe2, 0x82], surrogate: [0xed, 0xa0, 0x80],
  'above-10ffff': [0xf4, 0x90, 0x80, 0x80], ff: [0xff], 'five-byte': [0xf8, 0x88, 0x80, 0x80, 0x80],
};

function utf8Cases() {
  const places = { label: '"Notes"', key: '"notes"', 'member-name': '"appearance"' };
  const out = [];
  for (const [kind, bytes] of Object.entries(BAD_UTF8)) {
    for (const [place, needle] of Object.entries(places)) {
      if (place !== 'label' && !['overlong', 'surrogate', 'ff'].includes(kind)) continue;  // labels get all seven
      const at = BASE.indexOf(needle) + 2;
      const text = Buffer.concat([Buffer.from(BASE.slice(0, at)), Buffer.from(bytes), Buffer.from(BASE.slice(at))]);
      out.push({ name: `invalid-utf8-${kind}-in-${place}`, category: 'invalid-utf8',
        description: `bytes ${bytes.map((b) => b.toString(16)).join(' ')} inside a ${place}`, expect: 'rejected', pointer: '', text });
    }
  }
  return out;
}

// Valid JSON numbers beyond a double or a 64-bit integer. 1e400 overflows a double: the reader
// refuses the whole document with a clear error at "" (RFC 8259 §6 lets a reader limit range).
// Numbers it can hold are kept exactly as written wherever the widget only carries them.
function numberCases() {
  const at = (name, description, from, to, extra) =>
    ({ name, category: 'huge-number', description, text: BASE.replace(from, to), ...extra });
  const option = '"value":"closed"';
  return [
    at('confidence-1e400', 'confidence 1e400 (overflows a double)', '0.9', '1e400', { expect: 'rejected', pointer: '' }),
    at('confidence-minus-1e400', 'confidence -1e400', '0.9', '-1e400', { expect: 'rejected', pointer: '' }),
    at('confidence-1e-400', 'confidence 1e-400 (underflows to 0)', '0.9', '1e-400', { expect: 'usable', keptText: '1e-400' }),
    at('confidence-denormal', 'confidence 5e-324', '0.9', '5e-324', { expect: 'usable', keptText: '5e-324' }),
    at('confidence-max-double', 'confidence 1.7976931348623157e308', '0.9', '1.7976931348623157e308', { expect: 'usable', keptText: '1.7976931348623157e308' }),
    at('confidence-negative-zero', 'confidence -0.0', '0.9', '-0.0', { expect: 'usable', keptText: '-0.0' }),
    at('confidence-out-of-range', 'confidence 7 (a score above 1)', '0.9', '7', { expect: 'usable' }),
    at('confidence-negative', 'confidence -5', '0.9', '-5', { expect: 'usable' }),
    at('option-value-20-digits', 'an enum option value 12345678901234567890 (above int64)', option, '"value":12345678901234567890', { expect: 'usable', keptText: '12345678901234567890' }),
    at('option-value-30-digits', 'an enum option value with 30 digits (above uint64)', option, '"value":123456789012345678901234567890', { expect: 'usable', keptText: '123456789012345678901234567890' }),
    at('option-value-below-int64', 'an enum option value -9223372036854775809', option, '"value":-9223372036854775809', { expect: 'usable', keptText: '-9223372036854775809' }),
    at('carried-number-1e400', 'an unknown member holding 1e400', '"flag":true', '"flag":1e400', { expect: 'rejected', pointer: '' }),
    at('carried-number-long-mantissa', 'an unknown plan member holding 0.1000000000000000055511151231257827', '"flag":true',
      '"flag":0.1000000000000000055511151231257827', { expect: 'usable', keptText: '0.1000000000000000055511151231257827' }),
    at('carried-number-long-mantissa-in-edge', 'an unknown edge member holding 0.1000000000000000055511151231257827', '"x-edge-note":"kept"',
      '"x-edge-note":0.1000000000000000055511151231257827', { expect: 'usable', keptText: '0.1000000000000000055511151231257827' }),
    at('carried-number-30-digits-in-edge', 'an unknown edge member holding a 30-digit integer', '"x-edge-note":"kept"',
      '"x-edge-note":-123456789012345678901234567890', { expect: 'usable', keptText: '-123456789012345678901234567890' }),
    at('key-is-huge-number', 'a field key 12345678901234567890 (a number, not a string)', '"key":"notes"', '"key":12345678901234567890', { expect: 'problems', pointer: '/data/plan/unmappedSourceFields/0/sourceField/key' }),
    at('preview-huge-numbers', 'preview values 1e308 and a 20-digit integer', '["hello"]', '[1e308,12345678901234567890]', { expect: 'warned', pointer: '/data/plan/unmappedSourceFields/0/preview/0' }),
    at('preview-1e400', 'a preview value 1e400', '["hello"]', '[1e400]', { expect: 'rejected', pointer: '' }),
    at('enum-source-value-1e400', 'an enum mapping whose sourceValue is 1e400', '"sourceValue":"New"', '"sourceValue":1e400', { expect: 'rejected', pointer: '' }),
    at('enum-source-value-20-digits', 'an enum mapping whose sourceValue is 98765432109876543210', '"sourceValue":"New"', '"sourceValue":98765432109876543210', { expect: 'usable', keptText: '98765432109876543210' }),
  ];
}

export function byteCases() {
  return [...syntaxCases(), ...utf8Cases(), ...numberCases()];
}
