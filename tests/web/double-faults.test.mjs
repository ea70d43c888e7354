// One-shot fault injection over real HTTP: each fault answers exactly one request, then the
// double behaves normally again, which is what a client's retry logic gets tested against.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { createServer } from '../../web/server/api-double.mjs';
import { api, putBodyFrom } from './lib/http.mjs';

const planPath = `/v1/jobs/${DEMO_JOB_ID}/plan`;

const postFaults = (double, faults) => fetch(`${double.url}/__double/faults`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults),
});

describe('API double: fault injection', () => {
  let double;
  before(async () => { double = await createServer(); });
  after(() => double.close());
  beforeEach(() => double.reset());

  test('503 once, then OK', async () => {
    assert.equal((await postFaults(double, [{ type: 'status', status: 503 }])).status, 200);
    const first = await api(double.url, 'GET', planPath);
    assert.equal(first.status, 503);
    assert.match(first.json.errors[0].message, /Injected fault/);
    assert.equal((await api(double.url, 'GET', planPath)).status, 200);
    assert.deepEqual(double.requestLog.all().map((e) => [e.status, e.fault]), [[503, 'status'], [200, null]]);
  });

  test('429 carries Retry-After (default 1 s, or as given); 500 has none', async () => {
    double.faults.set([{ type: 'status', status: 429 }, { type: 'status', status: 429, retryAfter: 7 }, { type: 'status', status: 500 }]);
    const a = await api(double.url, 'GET', planPath);
    const b = await api(double.url, 'GET', planPath);
    const c = await api(double.url, 'GET', planPath);
    assert.deepEqual([a.status, a.headers.get('retry-after')], [429, '1']);
    assert.deepEqual([b.status, b.headers.get('retry-after')], [429, '7']);
    assert.deepEqual([c.status, c.headers.get('retry-after')], [500, null]);
  });

  test('a dropped connection fails the request without a response; the next one works', async () => {
    double.faults.push({ type: 'drop' });
    await assert.rejects(api(double.url, 'GET', planPath), TypeError);  // fetch's "fetch failed"
    assert.equal((await api(double.url, 'GET', planPath)).status, 200);
    assert.equal(double.requestLog.all()[0].status, null);
  });

  test('malformed JSON: 200 with an unparsable body, and a PUT is not applied', async () => {
    const initial = (await api(double.url, 'GET', planPath)).json.data.plan;
    const body = putBodyFrom((await api(double.url, 'GET', planPath)).json.data);
    body.fieldMapping.pop();
    body.unmappedSourceFields.push({ sourceField: { type: 'string', key: 'annual_revenue', label: 'Annual Revenue' } });
    body.unmappedDestinationFields.push({ destinationField: { type: 'number', key: 'annual_revenue' } });
    double.faults.push({ type: 'malformed-json', method: 'PUT' });
    const res = await api(double.url, 'PUT', planPath, { body });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /application\/json/);
    assert.throws(() => JSON.parse(res.text), SyntaxError);
    assert.deepEqual((await api(double.url, 'GET', planPath)).json.data.plan, initial);
  });

  test('latency delays the answer, which is otherwise normal', async () => {
    double.faults.push({ type: 'latency', ms: 300 });
    const started = performance.now();
    const res = await api(double.url, 'GET', planPath);
    assert.ok(performance.now() - started >= 280, 'answered too early');
    assert.equal(res.status, 200);
  });

  test('method/path filters pick which request a fault hits; faults skip the control and static routes', async () => {
    double.faults.push({ type: 'status', status: 503, method: 'PUT', path: '/plan' });
    assert.equal((await api(double.url, 'GET', planPath)).status, 200);
    assert.equal((await fetch(`${double.url}/__double/faults`).then((r) => r.json())).data.length, 1);
    assert.equal((await api(double.url, 'PUT', planPath, { body: {} })).status, 503);
    assert.deepEqual(double.faults.pending(), []);
  });

  test('invalid fault lists are refused with Errors, and [] clears the queue', async () => {
    const bad = await postFaults(double, [{ type: 'explode' }, { type: 'status', status: 200 }]);
    assert.equal(bad.status, 400);
    const { errors } = await bad.json();
    assert.deepEqual(errors.map((e) => e.key), ['[0].type', '[1].status']);
    assert.equal((await postFaults(double, { type: 'drop' })).status, 400);  // not a list
    await postFaults(double, [{ type: 'drop' }]);
    await postFaults(double, []);
    assert.deepEqual(double.faults.pending(), []);
    assert.throws(() => double.faults.push({ type: 'latency' }), /ms is required/);
  });
});
