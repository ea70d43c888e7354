// The plan endpoints over real HTTP: GET shape, PUT/PATCH round trips, contract violations, and
// execute moving the job on.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEMO_JOB_ID, LARGE_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { createServer } from '../../web/server/api-double.mjs';
import { api, putBodyFrom } from './lib/http.mjs';

const planPath = (id = DEMO_JOB_ID) => `/v1/jobs/${id}/plan`;

describe('API double: plan endpoints', () => {
  let double;
  // Long enough that "executing" is observable; the store test covers the move to "complete".
  before(async () => { double = await createServer({ completeAfterMs: 60_000 }); });
  after(() => double.close());
  beforeEach(() => double.reset());

  const getPlan = async (id) => {
    const res = await api(double.url, 'GET', planPath(id));
    assert.equal(res.status, 200);
    return res.json.data;
  };

  test('GET plan: {data: {job, plan}} with edges, unmapped fields and enum details', async () => {
    const { job, plan } = await getPlan();
    assert.equal(job.id, DEMO_JOB_ID);
    assert.equal(typeof job.fileId, 'string');
    assert.ok(Array.isArray(plan.fieldMapping) && plan.fieldMapping.length > 0);
    const edge = plan.fieldMapping.find((e) => e.enumDetails);
    assert.equal(edge.destinationField.type, 'enum');
    assert.ok(Array.isArray(edge.destinationField.config.options));
    assert.ok(plan.unmappedSourceFields.every((u) => typeof u.sourceField.key === 'string'));
    assert.ok(plan.unmappedDestinationFields.every((u) => typeof u.destinationField.key === 'string'));
  });

  test('PUT round trip: an edited plan is stored and returned by the next GET', async () => {
    const before = await getPlan();
    const body = putBodyFrom(before);
    const [edge] = body.fieldMapping.splice(1, 1);
    body.unmappedSourceFields.push({ sourceField: edge.sourceField, preview: edge.preview });
    body.unmappedDestinationFields.push({ destinationField: edge.destinationField });

    const put = await api(double.url, 'PUT', planPath(), { body });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.data.job.id, DEMO_JOB_ID);
    assert.equal(put.json.data.plan.fieldMapping.length, before.plan.fieldMapping.length - 1);
    assert.equal(put.json.data.plan.jobId, undefined, 'request-only members must not be stored');

    const after = await getPlan();
    const { jobId, fileId, ...expected } = body;
    assert.deepEqual(after.plan, expected);
  });

  test('PUT of the large job round-trips', async () => {
    const body = putBodyFrom(await getPlan(LARGE_JOB_ID));
    const put = await api(double.url, 'PUT', planPath(LARGE_JOB_ID), { body });
    assert.equal(put.status, 200, put.text.slice(0, 500));
  });

  test('PUT with a destination mapped twice -> 400 naming the edge', async () => {
    const body = putBodyFrom(await getPlan());
    const spare = body.unmappedSourceFields.shift();
    body.fieldMapping.push({ sourceField: spare.sourceField, destinationField: body.fieldMapping[0].destinationField });
    const res = await api(double.url, 'PUT', planPath(), { body });
    assert.equal(res.status, 400);
    const last = `fieldMapping[${body.fieldMapping.length - 1}].destinationField.key`;
    assert.ok(res.json.errors.some((e) => e.key === last && /mapped more than once/.test(e.message)), res.text);
  });

  test('PUT with an unknown key -> 400, and the stored plan is unchanged', async () => {
    const before = await getPlan();
    const body = putBodyFrom(before);
    body.fieldMapping[0].destinationField.key = 'given_name';
    const res = await api(double.url, 'PUT', planPath(), { body });
    assert.equal(res.status, 400);
    assert.ok(res.json.errors.some((e) => /Unknown destination field 'given_name'/.test(e.message)), res.text);
    assert.deepEqual((await getPlan()).plan, before.plan);
  });

  test('PUT with a missing member -> 400 naming it', async () => {
    const body = putBodyFrom(await getPlan());
    delete body.unmappedDestinationFields;
    const res = await api(double.url, 'PUT', planPath(), { body });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.errors, [{ key: 'unmappedDestinationFields', message: 'unmappedDestinationFields is required' }]);
  });

  test('PUT with invalid JSON -> 400, without JSON content type -> 415', async () => {
    const bad = await api(double.url, 'PUT', planPath(), { body: '{"fieldMapping": [' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.errors[0].key, 'body');
    const body = JSON.stringify(putBodyFrom(await getPlan()));
    const plain = await api(double.url, 'PUT', planPath(), { body, headers: { 'Content-Type': 'text/plain' } });
    assert.equal(plain.status, 415);
  });

  test('PATCH replaces the top-level members it carries', async () => {
    const { job, plan } = await getPlan();
    const fieldMapping = structuredClone(plan.fieldMapping);
    const leadSource = fieldMapping.find((e) => e.destinationField.key === 'lead_source');
    leadSource.enumDetails.mapping.push({ sourceValue: 'Trade Show', destinationValue: 'event' });
    leadSource.enumDetails.unusedSourceValues = [];
    const res = await api(double.url, 'PATCH', planPath(), { body: { jobId: job.id, fileId: job.fileId, fieldMapping } });
    assert.equal(res.status, 200, res.text);
    const after = await getPlan();
    assert.deepEqual(after.plan.fieldMapping, fieldMapping);
    assert.deepEqual(after.plan.unmappedSourceFields, plan.unmappedSourceFields);
  });

  test('execute -> {data:{success:true}}, job "executing"; executing twice or editing afterwards -> 400', async () => {
    const body = putBodyFrom(await getPlan());
    const res = await api(double.url, 'POST', `/v1/jobs/${DEMO_JOB_ID}/execute`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { data: { success: true } });
    assert.equal((await api(double.url, 'GET', `/v1/jobs/${DEMO_JOB_ID}`)).json.data.status, 'executing');
    assert.equal((await api(double.url, 'POST', `/v1/jobs/${DEMO_JOB_ID}/execute`)).status, 400);
    assert.equal((await api(double.url, 'PUT', planPath(), { body })).status, 400);
  });

  test('reset restores the initial plan and status', async () => {
    const initial = await getPlan();
    await api(double.url, 'POST', `/v1/jobs/${DEMO_JOB_ID}/execute`);
    await fetch(`${double.url}/__double/reset`, { method: 'POST' });
    assert.deepEqual(await getPlan(), initial);
  });
});
