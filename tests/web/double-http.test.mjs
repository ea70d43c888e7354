// The double's gatekeeping over real HTTP on 127.0.0.1: credentials, required headers, routing,
// CORS for a widget served from another origin, and the request log tests rely on.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { createServer } from '../../web/server/api-double.mjs';
import { api } from './lib/http.mjs';

describe('API double: auth, headers, routes, CORS, log', () => {
  let double;
  before(async () => { double = await createServer({ token: DEMO_TOKEN }); });
  after(() => double.close());
  beforeEach(() => double.reset());

  const planPath = `/v1/jobs/${DEMO_JOB_ID}/plan`;

  test('binds 127.0.0.1 on a free port', () => {
    assert.match(double.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(double.port, 0);
  });

  test('401 with an Errors body without a bearer token, or with the wrong one', async () => {
    for (const token of [null, 'wrong-token']) {
      const res = await api(double.url, 'GET', planPath, { token });
      assert.equal(res.status, 401, `token ${token}`);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      assert.equal(typeof res.json.errors[0].message, 'string');
    }
    const basic = await api(double.url, 'GET', planPath, { token: null, headers: { Authorization: `Basic ${DEMO_TOKEN}` } });
    assert.equal(basic.status, 401);
  });

  test('400 naming X-Disable-Hooks when it is missing or not "true"', async () => {
    const missing = await api(double.url, 'GET', planPath, { hooks: false });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.errors.map((e) => e.key), ['X-Disable-Hooks']);
    const wrong = await api(double.url, 'GET', planPath, { hooks: false, headers: { 'X-Disable-Hooks': 'false' } });
    assert.equal(wrong.status, 400);
  });

  test('404 for unknown jobs and routes, 405 for wrong methods', async () => {
    const job = await api(double.url, 'GET', '/v1/jobs/us_jb_missing1/plan');
    assert.equal(job.status, 404);
    assert.deepEqual(job.json.errors, [{ key: 'jobId', message: 'Job us_jb_missing1 was not found' }]);
    assert.equal((await api(double.url, 'GET', '/v1/workbooks')).status, 404);
    const del = await api(double.url, 'DELETE', planPath);
    assert.equal(del.status, 405);
    assert.equal(del.headers.get('allow'), 'GET, PUT, PATCH');
  });

  test('GET job and GET sheet return Flatfile envelopes', async () => {
    const job = await api(double.url, 'GET', `/v1/jobs/${DEMO_JOB_ID}`);
    assert.equal(job.status, 200);
    assert.equal(job.json.data.id, DEMO_JOB_ID);
    assert.equal(job.json.data.status, 'planning');
    const sheet = await api(double.url, 'GET', `/v1/sheets/${job.json.data.config.destinationSheetId}`);
    assert.equal(sheet.status, 200);
    assert.equal(sheet.json.data.config.fields.length, 15);
  });

  test('CORS preflight allows the widget headers and methods from another origin', async () => {
    const res = await fetch(double.url + planPath, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:1',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,x-disable-hooks,content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:1');
    const allowed = res.headers.get('access-control-allow-headers').toLowerCase().split(/,\s*/);
    for (const h of ['authorization', 'x-disable-hooks', 'content-type']) assert.ok(allowed.includes(h), h);
    const methods = res.headers.get('access-control-allow-methods').split(/,\s*/);
    for (const m of ['GET', 'PUT', 'PATCH', 'POST']) assert.ok(methods.includes(m), m);
  });

  test('actual cross-origin responses, errors included, carry CORS headers and expose Retry-After', async () => {
    const ok = await api(double.url, 'GET', planPath, { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const denied = await api(double.url, 'GET', planPath, { token: null, headers: { Origin: 'http://localhost:5173' } });
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(ok.headers.get('access-control-expose-headers'), /Retry-After/);
  });

  test('request log: method, path, lower-cased headers, body, status; token kept in-process only', async () => {
    await api(double.url, 'PUT', planPath, { body: '{"broken":' });
    const [entry] = double.requestLog.find('PUT', planPath);
    assert.equal(entry.headers.authorization, `Bearer ${DEMO_TOKEN}`);
    assert.equal(entry.headers['x-disable-hooks'], 'true');
    assert.equal(entry.body, '{"broken":');
    assert.equal(entry.status, 400);
    assert.match(entry.time, /^\d{4}-\d\d-\d\dT/);

    const remote = await fetch(`${double.url}/__double/requests`).then((r) => r.json());
    const seen = remote.data.find((e) => e.method === 'PUT');
    assert.equal(seen.headers.authorization, '[REDACTED valid]');
    assert.ok(!JSON.stringify(remote).includes(DEMO_TOKEN), 'token leaked through /__double/requests');
    const later = await fetch(`${double.url}/__double/requests?since=${seen.seq}`).then((r) => r.json());
    assert.deepEqual(later.data, []);
  });

  test('POST /__double/reset clears the log', async () => {
    await api(double.url, 'GET', planPath);
    assert.equal(double.requestLog.all().length, 1);
    const res = await fetch(`${double.url}/__double/reset`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal(double.requestLog.all().length, 0);
  });
});
