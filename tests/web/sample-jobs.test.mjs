// Keeps the sample jobs honest: each initial plan must pass the double's own PUT rules, and the
// demo job must show every feature the widget has to render (enums, certainties, unmapped fields).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_FILE_ID, DEMO_JOB_ID, LARGE_JOB_ID, ORDERS_JOB_ID, loadSampleJobs } from '../../web/sample-jobs/index.mjs';
import { makeLargeJob } from '../../web/server/make-large-job.mjs';
import { JobStore } from '../../web/server/job-store.mjs';
import { validatePut } from '../../web/server/validate-plan.mjs';

const byId = (id) => loadSampleJobs().find((j) => j.job.id === id);
const optionValues = (property) => new Set(property.config.options.map((o) => o.value));

function assertPlanValid(sample) {
  const ctx = new JobStore([sample]).validationContext(sample.job.id);
  const { errors } = validatePut({ ...sample.plan, jobId: sample.job.id, fileId: sample.job.fileId }, ctx);
  assert.deepEqual(errors, []);
}

// Every enumDetails entry must pair a value seen in the column with a real option of the field.
function assertEnumDetailsConsistent(edge) {
  const options = optionValues(edge.destinationField);
  for (const { sourceValue, destinationValue } of edge.enumDetails.mapping) {
    assert.ok(edge.preview.includes(sourceValue), `${edge.sourceField.key}: '${sourceValue}' is not in the preview`);
    assert.ok(options.has(destinationValue), `${edge.destinationField.key}: '${destinationValue}' is not an option`);
  }
  for (const value of edge.enumDetails.unusedDestinationValues ?? []) assert.ok(options.has(value));
}

test('the sample jobs are the demo job, the large job and the long orders job, with distinct ids', () => {
  const ids = loadSampleJobs().map((j) => j.job.id);
  assert.deepEqual(ids, [DEMO_JOB_ID, LARGE_JOB_ID, ORDERS_JOB_ID]);
  assert.equal(byId(DEMO_JOB_ID).job.fileId, DEMO_FILE_ID);
});

test('demo job: initial plan passes the PUT rules', () => assertPlanValid(byId(DEMO_JOB_ID)));

test('orders job: initial plan passes the PUT rules and its previews are its first rows', () => {
  const sample = byId(ORDERS_JOB_ID);
  assertPlanValid(sample);
  const status = sample.plan.fieldMapping.find((e) => e.sourceField.key === 'status');
  assertEnumDetailsConsistent(status);
  assert.equal(sample.records.rows, 24_000);
});

test('demo job: a realistic CRM contacts import', () => {
  const { job, sourceSheet, destinationSheet, plan } = byId(DEMO_JOB_ID);
  assert.equal(job.status, 'planning');
  assert.equal(job.operation, 'map');
  assert.deepEqual(job.config, { sourceSheetId: sourceSheet.id, destinationSheetId: destinationSheet.id });
  assert.equal(sourceSheet.config.fields.length, 15);
  assert.equal(destinationSheet.config.fields.length, 15);

  const destinations = destinationSheet.config.fields;
  const types = new Set(destinations.map((f) => f.type));
  for (const type of ['string', 'enum', 'number', 'date', 'boolean', 'reference', 'enum-list']) assert.ok(types.has(type), `no ${type} field`);
  assert.ok(destinations.filter((f) => f.constraints?.some((c) => c.type === 'required')).length >= 3);
  assert.ok(destinations.filter((f) => f.type === 'enum').every((f) => f.config.options.length >= 3));
  assert.ok(destinations.some((f) => f.config?.options?.some((o) => o.alternativeNames?.length)), 'no option alternativeNames');

  assert.equal(plan.fieldMapping.length, 12);
  assert.deepEqual(new Set(plan.fieldMapping.map((e) => e.metadata.certainty)), new Set(['absolute', 'strong', 'moderate', 'weak']));
  for (const edge of plan.fieldMapping) {
    assert.equal(edge.preview.length, 5, `${edge.sourceField.key} preview`);
    assert.ok(edge.metadata.confidence > 0 && edge.metadata.confidence <= 1);
  }
  const enumEdges = plan.fieldMapping.filter((e) => e.enumDetails);
  assert.equal(enumEdges.length, 3);
  enumEdges.forEach(assertEnumDetailsConsistent);
  assert.ok(enumEdges.some((e) => e.enumDetails.unusedSourceValues.length > 0), 'no unmapped enum value to fix');

  assert.equal(plan.unmappedSourceFields.length, 3);
  assert.ok(plan.unmappedSourceFields.every((u) => u.preview.length === 5));
  assert.equal(plan.unmappedDestinationFields.length, 3);
});

test('large job: 300+ columns, passes the PUT rules, consistent enum edges', () => {
  const sample = byId(LARGE_JOB_ID);
  assert.ok(sample.sourceSheet.config.fields.length >= 300);
  assert.ok(sample.destinationSheet.config.fields.length >= 300);
  assert.ok(sample.plan.fieldMapping.length >= 280);
  assert.ok(sample.plan.unmappedSourceFields.length > 0 && sample.plan.unmappedDestinationFields.length > 0);
  const enumEdges = sample.plan.fieldMapping.filter((e) => e.enumDetails);
  assert.ok(enumEdges.length >= 50);
  enumEdges.forEach(assertEnumDetailsConsistent);
  assertPlanValid(sample);
});

test('large job generation is deterministic', () => {
  assert.equal(JSON.stringify(makeLargeJob()), JSON.stringify(makeLargeJob()));
});
