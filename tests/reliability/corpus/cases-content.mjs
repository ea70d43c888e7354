// Hostile content in well-formed JSON: strange text in labels, keys and previews (controls, bidi
// overrides, format strings, markup), repeated member names and field keys, odd document shapes,
// and plans that are valid but unusual. Text must be drawn as text: these are "usable" (or carry
// a problem where the contract is broken) and the test renders every one of them.
import { baseResponse } from './base-plan.mjs';

const BASE = JSON.stringify(baseResponse());

// Each hostile string goes into the places a person sees it (an unmapped source's label, key and
// preview, and a destination's label and description).
const STRINGS = {
  'nul': '\u0000', 'nul-inside': 'a\u0000b', 'bell-backspace': '\u0007\u0008\u0008\u0008x',
  'ansi-escape': '\u001b[31mred\u001b[0m\u001b]0;title\u0007', 'crlf-tab': 'line1\r\nline2\tcol', 'del-and-c1': '\u007f\u0085\u009b31m',
  'bidi-rlo': '\u202Egnp.exe\u202C', 'bidi-isolates': '\u2066a\u2067b\u2068c\u2069\u202Ad\u202Be\u202Cf\u202Dg',
  'rtl-marks': '\u200F\u200Eabc\u061C', 'zero-width': '\u200B\u200C\u200D\uFEFF\u2060', 'line-separators': 'a\u2028b\u2029c',
  'combining-300': `Z${'\u0300\u0301\u0302\u0303\u0304\u0305'.repeat(50)}`, 'emoji-zwj': '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}\u{1F3F3}\uFE0F\u200D\u{1F308}',
  'noncharacters': '\uFFFF\uFFFE\u{10FFFF}\u{FDD0}', 'private-use': '\uE000\u{F0000}', 'replacement-char': '\uFFFD\uFFFD',
  'format-string': '%s%s%s%n%p%x%%%.99999f', 'imgui-hash': '##hidden', 'imgui-triple-hash': 'a###b', 'only-hashes': '###',
  'percent': '%', 'html-script': '<script>alert(1)</script>', 'html-img': '<img src=x onerror=alert(1)>',
  'javascript-url': 'javascript:alert(document.cookie)', 'path-traversal': '../../../../etc/passwd', 'windows-path': 'C:\\Windows\\System32\\',
  'pointer-chars': 'a/b~c~1~0/', 'proto': '__proto__', 'constructor': 'constructor', 'whitespace': ' \u00a0\u3000 ',
  'arabic': '\u0627\u0644\u0628\u0631\u064a\u062f', 'hebrew-digits': '\u05d3\u05d5\u05d0\u05f4\u05dc 123', 'cjk-fullwidth': '\u96fb\u5b50\u30e1\u30fc\u30eb\uff21\uff22',
  'decomposed': 'e\u0301mail', 'long-16k': 'x'.repeat(16384), 'long-words-8k': 'word '.repeat(1638),
};

// Whole code points only: cutting a surrogate pair would put a lone surrogate in the manifest.
function describe(value) {
  const points = Array.from(value);
  return JSON.stringify(points.slice(0, 40).join('')) + (points.length > 40 ? ` and ${points.length - 40} more characters` : '');
}

function setString(document, name, value) {
  const doc = structuredClone(document);
  const source = doc.data.plan.unmappedSourceFields[0];
  const destination = doc.data.plan.unmappedDestinationFields[0].destinationField;
  source.sourceField.label = value;
  source.preview = [value, `${value}${value}`];
  destination.label = value;
  destination.description = value;
  doc.data.plan.fieldMapping[1].destinationField.config.options[1].label = value;
  // Keys too, unless the string is empty-ish or is a key already in the plan.
  if (name !== 'whitespace') source.sourceField.key = `src ${value}`;
  return doc;
}

function stringCases() {
  const base = baseResponse();
  return Object.entries(STRINGS).map(([name, value]) => ({
    name: `text-${name}`, category: 'hostile-text', description: `labels, a key, previews and a description hold ${describe(value)}`,
    expect: 'usable',
    // Long values are covered by the round-trip check; the manifest stays small.
    ...(value.length <= 256 ? { kept: { pointer: '/unmappedDestinationFields/0/destinationField/label', value } } : {}),
    text: JSON.stringify(setString(base, name, value)),
  }));
}

// Member names repeated inside one object are valid JSON ("SHOULD be unique"): the last wins and
// the reader says so. Keys repeated across fields break the plan's rules: reported.
function duplicateCases() {
  const at = (name, description, expect, pointer, text) => ({ name, category: 'duplicates', description, expect, pointer, text });
  const plan = baseResponse();
  const twiceSource = structuredClone(plan);
  twiceSource.data.plan.unmappedSourceFields.push(structuredClone(twiceSource.data.plan.unmappedSourceFields[0]));
  const twiceDestination = structuredClone(plan);
  twiceDestination.data.plan.fieldMapping[1].destinationField = structuredClone(twiceDestination.data.plan.fieldMapping[0].destinationField);
  const oneToMany = structuredClone(plan);
  oneToMany.data.plan.fieldMapping[1].sourceField = structuredClone(oneToMany.data.plan.fieldMapping[0].sourceField);
  delete oneToMany.data.plan.fieldMapping[1].enumDetails;
  oneToMany.data.plan.unmappedSourceFields.push({ sourceField: { key: 'state', label: 'State', type: 'string' } });
  const mappedAndUnmapped = structuredClone(plan);
  mappedAndUnmapped.data.plan.unmappedSourceFields.push({ sourceField: { key: 'email', type: 'string' } });
  const destinationBoth = structuredClone(plan);
  destinationBoth.data.plan.unmappedDestinationFields.push({ destinationField: { key: 'status', type: 'string' } });
  const manyNames = `{"data":{"job":{"id":"us_jb_hostile1"${',"status":"x"'.repeat(1000)}},"plan":${JSON.stringify(plan.data.plan)}}}`;
  return [
    at('dup-member-label', 'a field with "label" twice', 'warned', '/data/plan/unmappedSourceFields/0/sourceField', BASE.replace('"label":"Notes"', '"label":"First","label":"Notes"')),
    at('dup-member-key', 'a field with "key" twice, different values', 'warned', '/data/plan/unmappedSourceFields/0/sourceField', BASE.replace('"key":"notes"', '"key":"shadow","key":"notes"')),
    at('dup-member-fieldMapping', 'the plan with "fieldMapping" twice (first empty)', 'warned', '/data/plan', BASE.replace('"fieldMapping":[', '"fieldMapping":[],"fieldMapping":[')),
    at('dup-member-data', 'the document with "data" twice', 'warned', '', BASE.replace('{"data":', '{"data":null,"data":')),
    at('dup-member-1000', 'a job with "status" 1001 times', 'warned', '/data/job', manyNames),
    at('dup-source-key', 'two unmapped sources with the key "notes"', 'problems', '/data/plan/unmappedSourceFields/1', JSON.stringify(twiceSource)),
    at('dup-destination-mapped-twice', 'two edges into the destination "email"', 'problems', '/data/plan/fieldMapping/1/destinationField', JSON.stringify(twiceDestination)),
    at('dup-one-to-many', 'one source feeding two destinations', 'warned', '/data/plan/fieldMapping/1/sourceField', JSON.stringify(oneToMany)),
    at('dup-source-mapped-and-unmapped', 'a mapped source also listed as unmapped', 'problems', '/data/plan/unmappedSourceFields/1', JSON.stringify(mappedAndUnmapped)),
    at('dup-destination-mapped-and-unmapped', 'a mapped destination also listed as unmapped', 'problems', '/data/plan/unmappedDestinationFields/1', JSON.stringify(destinationBoth)),
  ];
}

function shapeCases() {
  const base = baseResponse();
  const { job, plan } = base.data;
  const change = (edit) => { const d = structuredClone(base); edit(d.data.plan, d); return JSON.stringify(d); };
  const at = (name, description, expect, pointer, text) => ({ name, category: 'shape', description, expect, pointer, text });
  const nest = (depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return [
    at('errors-body', 'an Errors body ({errors:[{key,message}]}) instead of a plan', 'rejected', '/errors', '{"errors":[{"key":"jobId","message":"Job us_jb_x was not found"}]}'),
    at('errors-body-odd', 'an Errors body whose messages are not strings', 'rejected', '/errors', '{"errors":[{"message":42},null,"x",{"key":[]}]}'),
    at('errors-and-data', 'a plan response that also carries "errors"', 'usable', null, JSON.stringify({ errors: [{ message: 'ignored' }], ...base })),
    at('data-array', '"data" is an array holding the job plan', 'rejected', '/data', JSON.stringify({ data: [base.data] })),
    at('plan-arrays-as-objects', 'fieldMapping is an object keyed by index', 'problems', '/data/plan/fieldMapping', change((p) => { p.fieldMapping = { 0: p.fieldMapping[0] }; })),
    at('field-mapping-nulls', 'fieldMapping holds three nulls', 'problems', '/data/plan/fieldMapping/0', change((p) => { p.fieldMapping = [null, null, null]; })),
    at('nested-preview', 'previews holding arrays and objects', 'warned', '/data/plan/unmappedSourceFields/0/preview/0', change((p) => { p.unmappedSourceFields[0].preview = [[1, [2]], { a: 1 }, null, true]; })),
    at('enum-without-options', 'an enum destination with options: []', 'usable', null, change((p) => { p.fieldMapping[1].destinationField.config.options = []; })),
    at('enum-details-on-string-edge', 'enumDetails on an edge into a string field', 'usable', null, change((p) => { p.fieldMapping[0].enumDetails = p.fieldMapping[1].enumDetails; })),
    at('enum-mapping-unknown-values', 'an enum mapping to a value that is not an option', 'usable', null, change((p) => { p.fieldMapping[1].enumDetails.mapping = [{ sourceValue: 'New', destinationValue: 'no-such-option' }]; })),
    at('metadata-nesting-50', 'metadata nested 50 levels deep (under the limit)', 'usable', null, change((p) => { p.fieldMapping[0].metadata.extra = JSON.parse(nest(50)); })),
    at('metadata-nesting-70', 'metadata nested 70 levels deep (over the 64-level limit)', 'rejected', '', change((p) => { p.fieldMapping[0].metadata.extra = JSON.parse(nest(70)); })),
    at('job-id-empty', 'the job id is ""', 'problems', '/data/job/id', change((p, d) => { d.data.job.id = ''; })),
    at('job-id-traversal', 'the job id is "../../v1/admin?x=1#y"', 'usable', null, change((p, d) => { d.data.job.id = '../../v1/admin?x=1#y'; })),
    at('key-empty', 'a source key ""', 'problems', '/data/plan/unmappedSourceFields/0/sourceField/key', change((p) => { p.unmappedSourceFields[0].sourceField.key = ''; })),
    at('legacy-job-plan', 'the pre-2023 {job, plan} shape', 'usable', null, JSON.stringify({ job, plan })),
    at('bare-plan', 'a bare JobExecutionPlan', 'usable', null, JSON.stringify(plan)),
    at('put-request', 'a PUT body: the plan plus jobId and fileId', 'usable', null, JSON.stringify({ ...plan, jobId: job.id, fileId: job.fileId })),
    at('put-request-numeric-job-id', 'a PUT body whose jobId is a number', 'problems', '/jobId', JSON.stringify({ ...plan, jobId: 7, fileId: job.fileId })),
    at('patch-request', 'a PATCH body with fieldMapping only', 'usable', null, JSON.stringify({ jobId: job.id, fileId: job.fileId, fieldMapping: plan.fieldMapping })),
    at('patch-request-empty', 'a PATCH body with no plan member at all', 'usable', null, JSON.stringify({ jobId: job.id, fileId: job.fileId })),
  ];
}

// Valid plans that are merely unusual: each must load, edit and draw.
function weirdButValidCases() {
  const base = baseResponse();
  const plan = (edit) => { const d = structuredClone(base); edit(d.data.plan); return JSON.stringify(d); };
  const at = (name, description, expect, text) => ({ name, category: 'valid-but-weird', description, expect, text });
  const types = ['string', 'number', 'boolean', 'date', 'enum', 'enum-list', 'reference', 'reference-list', 'string-list'];
  return [
    at('empty-plan', 'all three arrays empty', 'usable', plan((p) => { p.fieldMapping = []; p.unmappedSourceFields = []; p.unmappedDestinationFields = []; })),
    at('sources-only', 'no destinations at all', 'usable', plan((p) => { p.fieldMapping = []; p.unmappedDestinationFields = []; })),
    at('destinations-only', 'no sources at all', 'usable', plan((p) => { p.fieldMapping = []; p.unmappedSourceFields = []; })),
    at('every-field-type', 'one unmapped destination of every contract type', 'warned', plan((p) => {
      p.unmappedDestinationFields = types.map((type) => ({ destinationField: { key: `t_${type}`, type } }));
    })),
    at('unknown-field-type', 'a destination of type "geo-point"', 'warned', plan((p) => { p.unmappedDestinationFields[0].destinationField.type = 'geo-point'; })),
    at('no-labels', 'fields with a key and type only', 'usable', plan((p) => {
      for (const e of p.unmappedSourceFields) delete e.sourceField.label;
      for (const e of p.unmappedDestinationFields) delete e.destinationField.label;
    })),
    at('preview-1000', '1,000 preview values for one column', 'usable', plan((p) => { p.unmappedSourceFields[0].preview = Array.from({ length: 1000 }, (_, i) => `value ${i}`); })),
    at('options-200-same-value', 'an enum with 200 options that share one value', 'usable', plan((p) => {
      p.fieldMapping[1].destinationField.config.options = Array.from({ length: 200 }, (_, i) => ({ value: 'same', label: `Same ${i}` }));
    })),
    at('keys-case-and-normalisation', 'keys "Email", "email " and a decomposed "é"', 'usable', plan((p) => {
      p.unmappedSourceFields.push({ sourceField: { key: 'Email', type: 'string' } }, { sourceField: { key: 'email ', type: 'string' } },
        { sourceField: { key: '\u00e9', type: 'string' } }, { sourceField: { key: 'e\u0301', type: 'string' } });
    })),
    at('unknown-members-everywhere', 'unknown members of every JSON type at every level', 'usable', plan((p) => {
      const odd = { n: null, b: false, x: 1.5, s: '', a: [[]], o: { '': {} } };
      Object.assign(p, { 'x-a': odd });
      Object.assign(p.fieldMapping[0], { 'x-b': odd });
      Object.assign(p.fieldMapping[0].sourceField, { 'x-c': odd });
      Object.assign(p.unmappedDestinationFields[0], { 'x-d': odd });
    })),
    // Found by fuzz_plan_parse: the PUT body of such a plan was read back as a {job, plan} document.
    at('unknown-members-named-data-and-plan', 'the plan carries unknown members "data", "plan" and "job"', 'usable', plan((p) => {
      Object.assign(p, { data: { job: { id: 'x' } }, plan: { fieldMapping: 1 }, job: null });
    })),
    at('three-hundred-fields', '150 sources and 150 destinations, none mapped', 'usable', plan((p) => {
      p.fieldMapping = [];
      p.unmappedSourceFields = Array.from({ length: 150 }, (_, i) => ({ sourceField: { key: `s${i}`, type: 'string' }, preview: [`${i}`] }));
      p.unmappedDestinationFields = Array.from({ length: 150 }, (_, i) => ({ destinationField: { key: `d${i}`, type: 'string' } }));
    })),
  ];
}

export function contentCases() {
  return [...stringCases(), ...duplicateCases(), ...shapeCases(), ...weirdButValidCases()];
}
