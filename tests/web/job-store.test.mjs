// JobStore's job life cycle on a fake clock: planning -> executing -> complete, and reset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_JOB_ID, loadSampleJobs } from '../../web/sample-jobs/index.mjs';
import { JobStore } from '../../web/server/job-store.mjs';

function storeWithClock() {
  const clock = { now: Date.parse('2025-06-01T12:00:00.000Z') };
  const store = new JobStore(loadSampleJobs(), { completeAfterMs: 1000, now: () => clock.now });
  return { store, clock };
}

test('an executed job is "executing" until completeAfterMs has passed, then "complete"', () => {
  const { store, clock } = storeWithClock();
  assert.equal(store.job(DEMO_JOB_ID).status, 'planning');
  assert.equal(store.execute(DEMO_JOB_ID), null);
  assert.equal(store.job(DEMO_JOB_ID).status, 'executing');
  assert.equal(store.job(DEMO_JOB_ID).startedAt, '2025-06-01T12:00:00.000Z');
  clock.now += 999;
  assert.equal(store.job(DEMO_JOB_ID).status, 'executing');
  clock.now += 1;
  const job = store.job(DEMO_JOB_ID);
  assert.equal(job.status, 'complete');
  assert.equal(job.progress, 100);
  assert.equal(job.finishedAt, '2025-06-01T12:00:01.000Z');
  assert.match(store.execute(DEMO_JOB_ID), /cannot be executed in status 'complete'/);
  assert.match(store.editBlockedReason(DEMO_JOB_ID), /'complete'/);
});

test('reset returns to the fixtures, and callers cannot mutate stored state', () => {
  const { store } = storeWithClock();
  const initial = store.jobPlan(DEMO_JOB_ID);
  store.jobPlan(DEMO_JOB_ID).plan.fieldMapping.length = 0;  // a copy: must not reach the store
  assert.deepEqual(store.jobPlan(DEMO_JOB_ID), initial);
  store.replacePlan(DEMO_JOB_ID, { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] });
  store.execute(DEMO_JOB_ID);
  store.reset();
  assert.deepEqual(store.jobPlan(DEMO_JOB_ID), initial);
});
