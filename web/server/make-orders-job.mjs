// Builds the long sample job: an e-commerce orders export with 24,000 rows and 13 columns, for
// reading records page by page. Its values carry the problems a preview hides: status spellings
// and a "Pending" status the preview never shows, "n/a" amounts, dates that do not exist, blanks
// in required columns. Deterministic (seeded per cell), so nothing large is committed.
import { RecordSource } from './sample-records.mjs';

export const ORDERS_JOB_ID = 'us_jb_ordersLong4';
export const ORDERS_ROWS = 24_000;
const SEED = 20250611;

// A pick with weights: [[value, weight], ...].
const weighted = (random, table) => {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, w] of table) {
    roll -= w;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
};

const pad = (n, width = 2) => String(n).padStart(width, '0');

// field key -> (random, row) => cell value (see sample-records.mjs)
const COLUMNS = {
  order_id: (r, row) => (row % 4000 === 1999 ? null : `SO-${pad(100000 + row, 6)}`),
  customer_e_mail: (r, row) => (r.next() < 0.03 ? 'unknown' : `buyer${row % 9000}@${r.pick(['shop', 'mail', 'corp'])}.example`),
  status: (r) => weighted(r, [['Paid', 40], ['Shipped', 30], ['PAID', 8], ['New', 8], ['shipped', 5], ['Cancelled', 3], ['Canceled', 2], ['Refunded', 2], ['Pending', 2]]),
  amount: (r) => weighted(r, [[`${r.int(1, 4999)}.${pad(r.int(0, 99))}`, 90], [`${r.int(1, 9)},${pad(r.int(0, 999), 3)}.00`, 5], ['n/a', 3], [null, 2]]),
  currency: (r) => weighted(r, [['USD', 50], ['usd', 10], ['$', 5], ['EUR', 20], ['€', 5], ['GBP', 10]]),
  order_date: (r) => weighted(r, [[`2024-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, 95], [`${pad(r.int(1, 12))}/${pad(r.int(13, 28))}/2024`, 3], ['2024-02-30', 2]]),
  paid: (r) => weighted(r, [['yes', 45], ['no', 20], ['Y', 20], ['N', 10], ['maybe', 1], [undefined, 4]]),
  country: (r) => weighted(r, [['USA', 35], ['United States', 10], ['US', 5], ['UK', 15], ['Germany', 10], ['Deutschland', 5], ['France', 15], ['Atlantis', 1]]),
  phone: (r) => `+1 (${r.int(200, 999)}) ${r.int(200, 999)}-${pad(r.int(0, 9999), 4)}`,
  website: (r) => (r.next() < 0.5 ? undefined : `https://www.${r.pick(['acme', 'globex', 'initech'])}.example/${r.int(1, 99)}`),
  quantity: (r) => weighted(r, [[String(r.int(1, 20)), 97], ['ten', 1], ['', 2]]),
  notes: (r) => weighted(r, [[undefined, 85], ['gift wrap', 10], ['leave at door', 5]]),
  coupon_code: (r) => weighted(r, [[undefined, 70], [`SAVE${r.int(5, 30)}`, 30]]),
};

const LABELS = {
  order_id: 'Order ID', customer_e_mail: 'Customer E-mail', status: 'Status', amount: 'Amount', currency: 'Currency',
  order_date: 'Order Date', paid: 'Paid', country: 'Country', phone: 'Phone', website: 'Website', quantity: 'Quantity',
  notes: 'Notes', coupon_code: 'Coupon Code',
};

const option = (value, label) => ({ value, label });
const DESTINATIONS = [
  { type: 'string', key: 'order_id', label: 'Order ID', constraints: [{ type: 'required' }, { type: 'unique' }] },
  { type: 'string', key: 'email', label: 'Email', alternativeNames: ['e-mail', 'customer email'] },
  { type: 'enum', key: 'status', label: 'Status', constraints: [{ type: 'required' }], config: { options: [option('new', 'New'), option('paid', 'Paid'), option('shipped', 'Shipped'), option('cancelled', 'Cancelled'), option('refunded', 'Refunded')] } },
  { type: 'number', key: 'amount', label: 'Amount', config: { decimalPlaces: 2 } },
  { type: 'enum', key: 'currency', label: 'Currency', config: { options: [option('USD', 'US dollar'), option('EUR', 'Euro'), option('GBP', 'Pound sterling')] } },
  { type: 'date', key: 'order_date', label: 'Order date' },
  { type: 'boolean', key: 'is_paid', label: 'Paid', config: { allowIndeterminate: false } },
  { type: 'enum', key: 'country', label: 'Country', config: { options: [option('US', 'United States'), option('GB', 'United Kingdom'), option('DE', 'Germany'), option('FR', 'France')] } },
  { type: 'string', key: 'phone', label: 'Phone' },
  { type: 'string', key: 'website', label: 'Website' },
  { type: 'number', key: 'quantity', label: 'Quantity', config: { decimalPlaces: 0 } },
  { type: 'string', key: 'notes', label: 'Notes' },
  { type: 'enum', key: 'channel', label: 'Sales channel', config: { options: [option('web', 'Web shop'), option('store', 'Store')] } },
];

// Which source feeds which destination in the initial plan; the rest is left for the person (or automap).
const MAPPED = { order_id: 'order_id', status: 'status', amount: 'amount', order_date: 'order_date', paid: 'is_paid', phone: 'phone', quantity: 'quantity', notes: 'notes' };

export function ordersRecordSpec() {
  return { rows: ORDERS_ROWS, seed: SEED, columns: COLUMNS };
}

export function makeOrdersJob() {
  const ids = { file: 'us_fl_ordersCsv5', srcWb: 'us_wb_ordersSrc6', dstWb: 'us_wb_ordersDst7', srcSh: 'us_sh_ordersSrc8', dstSh: 'us_sh_ordersDst9' };
  const sources = Object.keys(COLUMNS).map((key) => ({ type: 'string', key, label: LABELS[key], description: '' }));
  const source = new RecordSource({ id: ids.srcSh }, ordersRecordSpec());
  const column = Object.fromEntries(Object.keys(COLUMNS).map((key, c) => [key, c]));
  const preview = (key) => Array.from({ length: 5 }, (_, row) => source.cell(row, column[key]) ?? '');
  const destinationByKey = new Map(DESTINATIONS.map((d) => [d.key, d]));

  const fieldMapping = [];
  const unmappedSourceFields = [];
  for (const field of sources) {
    const target = MAPPED[field.key];
    if (!target) {
      unmappedSourceFields.push({ sourceField: field, preview: preview(field.key) });
      continue;
    }
    const edge = { sourceField: field, destinationField: destinationByKey.get(target), preview: preview(field.key), metadata: { certainty: 'strong', confidence: 0.93 } };
    if (target === 'status') {
      // What a preview-only matcher maps: the spellings of the first five rows, nothing more.
      const seen = [...new Set(edge.preview.filter((v) => v))];
      edge.enumDetails = { mapping: seen.map((v) => ({ sourceValue: v, destinationValue: v.toLowerCase() })), unusedSourceValues: [], unusedDestinationValues: [] };
    }
    fieldMapping.push(edge);
  }
  const used = new Set(Object.values(MAPPED));
  const unmappedDestinationFields = DESTINATIONS.filter((d) => !used.has(d.key)).map((d) => ({ destinationField: d }));
  return {
    job: {
      id: ORDERS_JOB_ID, createdBy: 'us_usr_ordersUsr1', createdAt: '2025-06-11T08:00:03.000Z', updatedAt: '2025-06-11T08:00:09.000Z',
      environmentId: 'us_env_demoEnv1', spaceId: 'us_sp_demoSpc2', type: 'workbook', operation: 'map',
      source: ids.srcWb, destination: ids.dstWb, config: { sourceSheetId: ids.srcSh, destinationSheetId: ids.dstSh },
      trigger: 'manual', status: 'planning', progress: 0, fileId: ids.file, mode: 'foreground', input: {}, managed: true,
      info: 'Plan ready for review',
    },
    sourceSheet: {
      id: ids.srcSh, workbookId: ids.srcWb, name: 'orders-2024.csv', slug: 'orders-2024-csv',
      createdAt: '2025-06-11T07:59:40.000Z', updatedAt: '2025-06-11T08:00:01.000Z',
      recordCounts: { total: ORDERS_ROWS, valid: ORDERS_ROWS, error: 0 },
      config: { name: 'orders-2024.csv', slug: 'orders-2024-csv', fields: sources },
    },
    destinationSheet: {
      id: ids.dstSh, workbookId: ids.dstWb, name: 'Orders', slug: 'orders',
      createdAt: '2025-05-20T10:00:00.000Z', updatedAt: '2025-06-01T12:00:00.000Z',
      config: { name: 'Orders', slug: 'orders', mappingConfidenceThreshold: 0.6, fields: DESTINATIONS },
    },
    plan: { fieldMapping, unmappedSourceFields, unmappedDestinationFields },
    records: ordersRecordSpec(),
  };
}
