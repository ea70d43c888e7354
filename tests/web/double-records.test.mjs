// The double's records endpoint over real HTTP on 127.0.0.1: GET /v1/sheets/{id}/records with
// pagination (pageSize <= 10,000), the same auth and header rules as every endpoint, row counts
// on the sheet, deterministic rows, and fault injection aimed at one page.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_ROWS, DEMO_TOKEN, ORDERS_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { createServer } from '../../web/server/api-double.mjs';
import { ORDERS_ROWS } from '../../web/server/make-orders-job.mjs';
import { api } from './lib/http.mjs';

describe('API double: source sheet records', () => {
  let double;
  let ordersSheet;
  before(async () => {
    double = await createServer({ token: DEMO_TOKEN });
    ordersSheet = (await api(double.url, 'GET', `/v1/jobs/${ORDERS_JOB_ID}`)).json.data.config.sourceSheetId;
  });
  after(() => double.close());
  beforeEach(() => double.reset());

  const records = (sheet, query) => api(double.url, 'GET', `/v1/sheets/${sheet}/records${query}`);

  test('the orders job names its source sheet, which counts 24,000 rows', async () => {
    assert.ok(ORDERS_ROWS >= 20_000);
    const sheet = await api(double.url, 'GET', `/v1/sheets/${ordersSheet}`);
    assert.equal(sheet.status, 200);
    assert.equal(sheet.json.data.recordCounts.total, ORDERS_ROWS);
    assert.equal(sheet.json.data.config.fields.length, 13);
  });

  test('pages follow one another and the last one is short', async () => {
    const first = await records(ordersSheet, '?pageSize=10000&pageNumber=1');
    const third = await records(ordersSheet, '?pageSize=10000&pageNumber=3');
    const beyond = await records(ordersSheet, '?pageSize=10000&pageNumber=4');
    assert.equal(first.status, 200);
    assert.equal(first.json.data.records.length, 10_000);
    assert.equal(third.json.data.records.length, ORDERS_ROWS - 20_000);
    assert.deepEqual(beyond.json.data.records, []);
    const small = await records(ordersSheet, '?pageSize=7&pageNumber=2');
    assert.deepEqual(small.json.data.records, first.json.data.records.slice(7, 14));
    const ids = new Set(first.json.data.records.map((r) => r.id));
    assert.equal(ids.size, 10_000);
    const cell = first.json.data.records[0].values.order_id;
    assert.deepEqual(Object.keys(cell).sort(), ['messages', 'valid', 'value']);
  });

  test('rows are the same on every request and after a reset', async () => {
    const a = await records(ordersSheet, '?pageSize=50&pageNumber=300');
    double.reset();
    const b = await records(ordersSheet, '?pageSize=50&pageNumber=300');
    assert.equal(a.text, b.text);
  });

  test('defaults: pageSize 10,000 and pageNumber 1', async () => {
    const res = await records(ordersSheet, '');
    assert.equal(res.json.data.records.length, 10_000);
    assert.equal(res.json.data.records[0].values.order_id.value, 'SO-100000');
  });

  test('the demo job has 240 rows whose first ones are its previews', async () => {
    const job = (await api(double.url, 'GET', `/v1/jobs/${DEMO_JOB_ID}`)).json.data;
    const plan = (await api(double.url, 'GET', `/v1/jobs/${DEMO_JOB_ID}/plan`)).json.data.plan;
    const res = await records(job.config.sourceSheetId, '?pageSize=1000');
    assert.equal(res.json.data.records.length, DEMO_ROWS);
    const country = plan.fieldMapping.find((e) => e.sourceField.key === 'country');
    assert.deepEqual(res.json.data.records.slice(0, 5).map((r) => r.values.country.value), country.preview);
    const values = new Set(res.json.data.records.map((r) => r.values.country?.value));
    assert.ok(values.has('France'), 'a country the preview does not show');
  });

  test('a destination sheet has no records; an unknown sheet is 404', async () => {
    const job = (await api(double.url, 'GET', `/v1/jobs/${ORDERS_JOB_ID}`)).json.data;
    const destination = await records(job.config.destinationSheetId, '?pageSize=10');
    assert.equal(destination.status, 200);
    assert.deepEqual(destination.json.data.records, []);
    const missing = await records('us_sh_nothing1', '?pageSize=10');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.errors[0].key, 'sheetId');
  });

  test('pageSize above 10,000, zero or not a number, and pageNumber 0, are 400 naming the parameter', async () => {
    for (const [query, key] of [['?pageSize=10001', 'pageSize'], ['?pageSize=0', 'pageSize'], ['?pageSize=ten', 'pageSize'],
      ['?pageSize=1.5', 'pageSize'], ['?pageNumber=0', 'pageNumber'], ['?pageNumber=-1', 'pageNumber']]) {
      const res = await records(ordersSheet, query);
      assert.equal(res.status, 400, query);
      assert.deepEqual(res.json.errors.map((e) => e.key), [key], query);
    }
  });

  test('401 without the token, 400 without X-Disable-Hooks, 405 for other methods', async () => {
    const path = `/v1/sheets/${ordersSheet}/records?pageSize=5`;
    assert.equal((await api(double.url, 'GET', path, { token: null })).status, 401);
    assert.equal((await api(double.url, 'GET', path, { token: 'wrong' })).status, 401);
    assert.equal((await api(double.url, 'GET', path, { hooks: false })).status, 400);
    const post = await api(double.url, 'POST', path, { body: {} });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
  });

  test('a fault can be aimed at one page through its query', async () => {
    double.faults.push({ type: 'status', status: 503, path: 'pageNumber=2' });
    assert.equal((await records(ordersSheet, '?pageSize=100&pageNumber=1')).status, 200);
    assert.equal((await records(ordersSheet, '?pageSize=100&pageNumber=2')).status, 503);
    assert.equal((await records(ordersSheet, '?pageSize=100&pageNumber=2')).status, 200);
    const logged = double.requestLog.all().filter((e) => e.path.endsWith('/records'));
    assert.deepEqual(logged.map((e) => e.status), [200, 503, 200]);
    assert.equal(logged[1].fault, 'status');
  });
});
