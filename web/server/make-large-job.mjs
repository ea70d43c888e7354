// Builds the large sample job: a wide ERP "item master" export (324 source columns, 316
// destination fields, 94 enum edges with enumDetails) for exercising the widget at scale.
// Deterministic (fixed-seed PRNG, no clock), so the API double builds it at start instead of
// committing ~400 KB of generated JSON. Anyone who needs the file (e.g. a C++ fixture) can write it:
//   node web/server/make-large-job.mjs [out.json]     # stdout when no path is given
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// mulberry32-style 32-bit generator: tiny, fast and identical on every Node version, unlike
// Math.random which cannot be seeded.
function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  return { next, int, pick };
}

const GROUPS = [
  'billing', 'shipping', 'warehouse', 'supplier', 'manufacturer', 'distributor', 'retail', 'wholesale',
  'contract', 'warranty', 'tax', 'compliance', 'logistics', 'customs', 'pricing', 'promotion',
  'inventory', 'returns', 'service', 'support',
];

const titleCase = (text) => text.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

// Each attribute knows its destination property shape and how raw CSV cells for it look, including
// the messy spellings an enum mapping has to absorb (e.g. "ACTIVE", "on hold").
const ENUMS = {
  status: {
    options: [['active', 'Active'], ['inactive', 'Inactive'], ['pending', 'Pending'], ['archived', 'Archived']],
    raw: { active: ['Active', 'ACTIVE', 'live'], inactive: ['Inactive', 'disabled'], pending: ['Pending', 'on hold'], archived: ['Archived', 'retired'] },
  },
  country: {
    options: [['US', 'United States'], ['GB', 'United Kingdom'], ['DE', 'Germany'], ['FR', 'France'], ['NL', 'Netherlands'],
      ['ES', 'Spain'], ['IT', 'Italy'], ['CN', 'China'], ['JP', 'Japan'], ['MX', 'Mexico'], ['CA', 'Canada'], ['IN', 'India']],
    raw: { US: ['USA', 'United States'], GB: ['UK', 'Great Britain'], DE: ['Germany', 'DE'], FR: ['France'], NL: ['Holland', 'NL'],
      ES: ['Spain'], IT: ['Italia'], CN: ['PRC', 'China'], JP: ['Japan'], MX: ['México'], CA: ['Canada'], IN: ['India'] },
  },
  currency: {
    options: [['USD', 'US dollar'], ['EUR', 'Euro'], ['GBP', 'Pound sterling'], ['JPY', 'Yen'], ['CAD', 'Canadian dollar'], ['CHF', 'Swiss franc']],
    raw: { USD: ['USD', '$'], EUR: ['EUR', '€'], GBP: ['GBP', '£'], JPY: ['JPY', '¥'], CAD: ['CAD'], CHF: ['CHF', 'SFr'] },
  },
  unit: {
    options: [['ea', 'Each'], ['box', 'Box'], ['kg', 'Kilogram'], ['lb', 'Pound'], ['m', 'Metre'], ['l', 'Litre']],
    raw: { ea: ['each', 'EA', 'pc'], box: ['box', 'BX'], kg: ['kg', 'KGS'], lb: ['lb', 'lbs'], m: ['m', 'meter'], l: ['L', 'litre'] },
  },
  // Numeric option values, as Flatfile allows (EnumValue may be a number).
  rating: {
    options: [[1, 'Poor'], [2, 'Fair'], [3, 'Good'], [4, 'Very good'], [5, 'Excellent']],
    raw: { 1: ['1', 'poor'], 2: ['2', 'fair'], 3: ['3', 'good'], 4: ['4', 'very good'], 5: ['5', 'excellent'] },
  },
};

const ATTRIBUTES = [
  { name: 'name', dest: () => ({ type: 'string' }), sample: (r, g) => `${titleCase(g)} ${r.pick(['North', 'Central', 'Pacific', 'Alpine', 'Harbour'])} ${r.pick(['Ltd', 'GmbH', 'Inc', 'BV', 'SA'])}` },
  { name: 'code', dest: () => ({ type: 'string', constraints: [{ type: 'required' }, { type: 'unique' }] }), sample: (r, g) => `${g.slice(0, 3).toUpperCase()}-${r.int(10000, 99999)}` },
  { name: 'status', enumOf: 'status' },
  { name: 'country', enumOf: 'country' },
  { name: 'currency', enumOf: 'currency' },
  { name: 'amount', dest: () => ({ type: 'number', config: { decimalPlaces: 2 } }), sample: (r) => r.pick([`${r.int(1, 9999)}.${r.int(10, 99)}`, `${r.int(1, 99)},${r.int(100, 999)}.00`, '']) },
  { name: 'quantity', dest: () => ({ type: 'number', config: { decimalPlaces: 0 } }), sample: (r) => String(r.int(0, 5000)) },
  { name: 'unit', enumOf: 'unit' },
  { name: 'start_date', dest: () => ({ type: 'date' }), sample: (r) => r.pick([`2024-0${r.int(1, 9)}-1${r.int(0, 9)}`, `0${r.int(1, 9)}/1${r.int(0, 9)}/2023`]) },
  { name: 'end_date', dest: () => ({ type: 'date' }), sample: (r) => `2026-1${r.int(0, 2)}-2${r.int(0, 8)}` },
  { name: 'is_active', dest: () => ({ type: 'boolean', config: { allowIndeterminate: true } }), sample: (r) => r.pick(['Y', 'N', 'true', 'false', '']) },
  { name: 'contact_email', dest: () => ({ type: 'string' }), sample: (r, g) => `${r.pick(['ops', 'team', 'desk', 'help'])}.${g}@${r.pick(['acme', 'globex', 'initech'])}.example` },
  { name: 'notes', dest: () => ({ type: 'string', config: { size: 'medium' } }), sample: (r) => r.pick(['', 'check with finance', 'legacy import', 'see ticket #' + r.int(100, 999)]) },
  { name: 'rating', enumOf: 'rating' },
  { name: 'tags', dest: () => ({ type: 'string-list' }), sample: (r) => r.pick(['seasonal;bulk', 'eco', '', 'fragile;oversize']) },
  { name: 'owner', dest: () => ({ type: 'reference', config: { ref: 'employees', key: 'email', relationship: 'has-one' } }), sample: (r) => `${r.pick(['kim', 'ola', 'raj', 'ana'])}@acme.example` },
];

function destinationProperty(group, attr) {
  const key = `${group}_${attr.name}`;
  const base = { key, label: `${titleCase(group)} ${attr.name.replace(/_/g, ' ')}` };
  if (!attr.enumOf) return { ...attr.dest(), ...base };
  const options = ENUMS[attr.enumOf].options.map(([value, label]) => ({ value, label }));
  return { type: 'enum', ...base, config: { allowCustom: false, options } };
}

function enumSample(r, enumName) {
  const spellings = ENUMS[enumName].raw;
  const value = r.pick(Object.keys(spellings));
  return r.pick(spellings[value]);
}

// Maps each distinct raw preview value to the option it spells, and lists what stayed unused.
function enumDetailsFor(enumName, preview) {
  const spellings = ENUMS[enumName].raw;
  const options = ENUMS[enumName].options.map(([value]) => value);
  const mapping = [];
  for (const raw of [...new Set(preview)]) {
    const hit = options.find((value) => spellings[value].includes(raw));
    if (hit !== undefined) mapping.push({ sourceValue: raw, destinationValue: hit });
  }
  const used = new Set(mapping.map((m) => m.destinationValue));
  return { mapping, unusedSourceValues: [], unusedDestinationValues: options.filter((v) => !used.has(v)) };
}

function metadataFor(r) {
  const roll = r.next();
  if (roll < 0.45) return { certainty: 'absolute', confidence: 1, source: 'exact' };
  if (roll < 0.75) return { certainty: 'strong', confidence: r.int(90, 99) / 100 };
  if (roll < 0.92) return { certainty: 'moderate', confidence: r.int(60, 89) / 100 };
  return { certainty: 'weak', confidence: r.int(25, 59) / 100 };
}

export function makeLargeJob() {
  const r = makeRandom(20250314);
  const ids = {
    job: 'us_jb_bulkErp3', file: 'us_fl_bulkCsv2', srcWb: 'us_wb_bulkSrc4', dstWb: 'us_wb_bulkDst5',
    srcSh: 'us_sh_bulkSrc6', dstSh: 'us_sh_bulkDst7',
  };
  const sources = [];        // {property, preview, attr, group}
  const destinations = [];   // property
  for (const group of GROUPS) {
    for (const attr of ATTRIBUTES) {
      const header = `${titleCase(group)} ${titleCase(attr.name)}`;
      const preview = Array.from({ length: 5 }, () => (attr.enumOf ? enumSample(r, attr.enumOf) : attr.sample(r, group)));
      sources.push({ property: { type: 'string', key: `${group}_${attr.name}`, label: header, description: '' }, preview, attr, group });
      // ~4 % of the source columns have no counterpart in the destination sheet.
      if (r.next() >= 0.04) destinations.push(destinationProperty(group, attr));
    }
  }
  const extraSources = [['legacy_id', 'Legacy ID'], ['import_batch', 'Import Batch'], ['row_checksum', 'Row Checksum'], ['exported_by', 'Exported By']];
  for (const [key, label] of extraSources) {
    sources.push({ property: { type: 'string', key, label, description: '' }, preview: Array.from({ length: 5 }, () => `${key.slice(0, 3)}-${r.int(1000, 9999)}`) });
  }
  const extraDestinations = [
    { type: 'string', key: 'sku', label: 'SKU', constraints: [{ type: 'required' }, { type: 'unique' }] },
    { type: 'string', key: 'gtin', label: 'GTIN', alternativeNames: ['EAN', 'UPC', 'barcode'] },
    { type: 'number', key: 'weight_kg', label: 'Weight (kg)', config: { decimalPlaces: 3 } },
    { type: 'enum-list', key: 'channels', label: 'Sales channels', config: { options: [{ value: 'web', label: 'Web shop' }, { value: 'store', label: 'Stores' }, { value: 'b2b', label: 'B2B portal' }] } },
    { type: 'reference-list', key: 'substitutes', label: 'Substitutes', config: { ref: 'items', key: 'sku' } },
    { type: 'date', key: 'discontinued_on', label: 'Discontinued on' },
  ];
  destinations.push(...extraDestinations);

  const destinationByKey = new Map(destinations.map((d) => [d.key, d]));
  const fieldMapping = [];
  const unmappedSourceFields = [];
  const mappedDestinations = new Set();
  for (const s of sources) {
    const dest = destinationByKey.get(s.property.key);
    // ~3 % of matchable columns are left for the user to decide.
    if (!dest || r.next() < 0.03) {
      unmappedSourceFields.push({ sourceField: s.property, preview: s.preview });
      continue;
    }
    const edge = { sourceField: s.property, destinationField: dest, preview: s.preview };
    if (s.attr.enumOf) edge.enumDetails = enumDetailsFor(s.attr.enumOf, s.preview);
    edge.metadata = metadataFor(r);
    fieldMapping.push(edge);
    mappedDestinations.add(dest.key);
  }
  const unmappedDestinationFields = destinations.filter((d) => !mappedDestinations.has(d.key)).map((d) => ({ destinationField: d }));

  return {
    job: {
      id: ids.job, createdBy: 'us_usr_bulkUsr1', createdAt: '2025-05-02T14:20:11.512Z', updatedAt: '2025-05-02T14:20:19.087Z',
      environmentId: 'us_env_demoEnv1', spaceId: 'us_sp_demoSpc2', type: 'workbook', operation: 'map',
      source: ids.srcWb, destination: ids.dstWb, config: { sourceSheetId: ids.srcSh, destinationSheetId: ids.dstSh },
      trigger: 'manual', status: 'planning', progress: 0, fileId: ids.file, mode: 'foreground', input: {}, managed: true,
      info: 'Plan ready for review',
    },
    sourceSheet: {
      id: ids.srcSh, workbookId: ids.srcWb, name: 'item_master_export_2025-05.csv', slug: 'item-master-export-2025-05-csv',
      createdAt: '2025-05-02T14:19:40.001Z', updatedAt: '2025-05-02T14:20:02.450Z',
      config: { name: 'item_master_export_2025-05.csv', slug: 'item-master-export-2025-05-csv', fields: sources.map((s) => s.property) },
    },
    destinationSheet: {
      id: ids.dstSh, workbookId: ids.dstWb, name: 'Items', slug: 'items',
      createdAt: '2025-04-11T10:00:00.000Z', updatedAt: '2025-04-28T16:45:12.300Z',
      config: { name: 'Items', slug: 'items', description: 'Item master data for the ERP.', mappingConfidenceThreshold: 0.6, fields: destinations },
    },
    plan: { fieldMapping, unmappedSourceFields, unmappedDestinationFields },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = JSON.stringify(makeLargeJob(), null, 2) + '\n';
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  else process.stdout.write(text);
}
