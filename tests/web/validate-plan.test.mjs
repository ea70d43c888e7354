// Unit tests of the double's plan rules (web/server/validate-plan.mjs), one broken body per rule,
// built from the demo job so each case differs from a valid body in exactly one way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_JOB_ID, loadSampleJobs } from '../../web/sample-jobs/index.mjs';
import { JobStore } from '../../web/server/job-store.mjs';
import { validatePatch, validatePut } from '../../web/server/validate-plan.mjs';

const sample = loadSampleJobs().find((j) => j.job.id === DEMO_JOB_ID);
const ctx = new JobStore([sample]).validationContext(DEMO_JOB_ID);
const validBody = () => ({ ...structuredClone(sample.plan), jobId: sample.job.id, fileId: sample.job.fileId });

// Asserts that exactly the expected error keys come back and each message matches.
function assertErrors(result, expected) {
  assert.deepEqual(result.errors.map((e) => e.key).sort(), Object.keys(expected).sort(), JSON.stringify(result.errors));
  for (const e of result.errors) assert.match(e.message, expected[e.key]);
}

test('a body built from the initial plan is valid and stored without jobId/fileId', () => {
  const { errors, plan } = validatePut(validBody(), ctx);
  assert.deepEqual(errors, []);
  assert.deepEqual(Object.keys(plan).sort(), ['fieldMapping', 'unmappedDestinationFields', 'unmappedSourceFields']);
});

test('moving a field between mapped and unmapped stays valid', () => {
  const body = validBody();
  const [edge] = body.fieldMapping.splice(2, 1);  // e_mail -> email
  body.unmappedSourceFields.push({ sourceField: edge.sourceField });
  body.unmappedDestinationFields.push({ destinationField: edge.destinationField });
  assert.deepEqual(validatePut(body, ctx).errors, []);
});

test('one source may feed two destinations', () => {
  const body = validBody();
  const owner = body.unmappedDestinationFields.findIndex((u) => u.destinationField.key === 'owner');
  const [{ destinationField }] = body.unmappedDestinationFields.splice(owner, 1);
  body.fieldMapping.push({ sourceField: body.fieldMapping[2].sourceField, destinationField });
  assert.deepEqual(validatePut(body, ctx).errors, []);
});

test('missing members and non-objects are reported by name', () => {
  const body = validBody();
  delete body.fieldMapping;
  delete body.jobId;
  assertErrors(validatePut(body, ctx), { fieldMapping: /required/, jobId: /required/ });
  assertErrors(validatePut([], ctx), { body: /JSON object/ });
});

test('wrong member types are reported', () => {
  const body = validBody();
  body.unmappedSourceFields = {};
  body.fileId = 42;
  assertErrors(validatePut(body, ctx), { fileId: /string/ });  // identity errors stop before the plan pass
  const body2 = validBody();
  body2.unmappedSourceFields = {};
  body2.fieldMapping[0].preview = [1, 2];
  body2.fieldMapping[1].metadata = { certainty: 'sure' };
  body2.fieldMapping[6].enumDetails.mapping[0].destinationValue = { code: 'GB' };
  assertErrors(validatePut(body2, ctx), {
    unmappedSourceFields: /must be an array, got object/,
    'fieldMapping[0].preview': /array of strings/,
    'fieldMapping[1].metadata.certainty': /absolute, strong/,
    'fieldMapping[6].enumDetails.mapping[0].destinationValue': /string, number or boolean/,
  });
});

test('jobId and fileId must name this job', () => {
  const body = validBody();
  body.jobId = 'us_jb_other123';
  body.fileId = 'us_fl_other123';
  assertErrors(validatePut(body, ctx), { jobId: /does not match/, fileId: /does not match/ });
});

test('unknown source and destination keys are rejected', () => {
  const body = validBody();
  body.fieldMapping[0].sourceField.key = 'given_name';
  body.fieldMapping[1].destinationField.key = 'surname';
  const { errors } = validatePut(body, ctx);
  const keys = errors.map((e) => e.key);
  assert.ok(keys.includes('fieldMapping[0].sourceField.key'));
  assert.ok(keys.includes('fieldMapping[1].destinationField.key'));
  assert.match(errors.find((e) => e.key === 'fieldMapping[0].sourceField.key').message, /Unknown source field 'given_name'/);
  // The renamed originals are now absent from the plan, which is reported too.
  assert.ok(errors.some((e) => /'first_name' is missing/.test(e.message)));
});

test('a destination mapped twice is rejected', () => {
  const body = validBody();
  const notes = body.unmappedSourceFields.shift();
  body.fieldMapping.push({ sourceField: notes.sourceField, destinationField: body.fieldMapping[0].destinationField });
  assertErrors(validatePut(body, ctx), { 'fieldMapping[12].destinationField.key': /'first_name' is mapped more than once \(also fieldMapping\[0\]/ });
});

test('a field both mapped and unmapped is rejected, on either side', () => {
  const body = validBody();
  body.unmappedSourceFields.push({ sourceField: body.fieldMapping[0].sourceField });
  body.unmappedDestinationFields.push({ destinationField: body.fieldMapping[1].destinationField });
  assertErrors(validatePut(body, ctx), {
    'unmappedSourceFields[3].sourceField.key': /'first_name' is both mapped/,
    'unmappedDestinationFields[3].destinationField.key': /'last_name' is both mapped/,
  });
});

test('a field listed as unmapped twice is rejected', () => {
  const body = validBody();
  body.unmappedSourceFields.push(structuredClone(body.unmappedSourceFields[0]));
  assertErrors(validatePut(body, ctx), { 'unmappedSourceFields[3].sourceField.key': /more than once/ });
});

test('a field of the job missing from the plan is rejected', () => {
  const body = validBody();
  body.unmappedSourceFields.pop();
  body.unmappedDestinationFields.pop();
  assertErrors(validatePut(body, ctx), {
    unmappedSourceFields: /'linkedin_url' is missing/,
    unmappedDestinationFields: /'tags' is missing/,
  });
});

test('PATCH replaces only the members it carries, and the result must stay consistent', () => {
  const current = structuredClone(sample.plan);
  const moved = current.fieldMapping.slice(0, -1);  // drop annual_revenue's edge
  const ok = validatePatch({
    jobId: sample.job.id, fileId: sample.job.fileId, fieldMapping: moved,
    unmappedSourceFields: [...current.unmappedSourceFields, { sourceField: current.fieldMapping.at(-1).sourceField }],
    unmappedDestinationFields: [...current.unmappedDestinationFields, { destinationField: current.fieldMapping.at(-1).destinationField }],
  }, ctx, current);
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.plan.fieldMapping.length, 11);

  const onlyEdges = validatePatch({ jobId: sample.job.id, fileId: sample.job.fileId, fieldMapping: moved }, ctx, current);
  assertErrors(onlyEdges, { unmappedSourceFields: /'annual_revenue' is missing/, unmappedDestinationFields: /'annual_revenue' is missing/ });

  assertErrors(validatePatch({ fieldMapping: moved }, ctx, current), { jobId: /required/, fileId: /required/ });
});
