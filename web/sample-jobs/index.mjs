// The sample jobs the API double serves, and the one place that names the demo job and token
// (dist/demo.html, tests and the dev server all take them from here).
//
// A sample job is { job, sourceSheet, destinationSheet, plan, records? }: `job` is what GET
// /v1/jobs/:id returns, `plan` the initial JobExecutionPlan, the two sheets (Flatfile Sheet
// resources) hold the field sets the double validates plan edits against, and `records` (a spec
// for web/server/sample-records.mjs) makes the source sheet's rows for GET .../records.
import { readFileSync } from 'node:fs';
import { makeLargeJob } from '../server/make-large-job.mjs';
import { ORDERS_JOB_ID, makeOrdersJob } from '../server/make-orders-job.mjs';
import { fromPreview } from '../server/sample-records.mjs';

export const DEMO_JOB_ID = 'us_jb_demoCrm7';
export const DEMO_FILE_ID = 'us_fl_demoCsv4';
export const DEMO_TOKEN = 'demo-token';
export const LARGE_JOB_ID = 'us_jb_bulkErp3';
export { ORDERS_JOB_ID };
export const DEMO_ROWS = 240;

// Values the demo's previews do not show, so reading the records finds them (see docs/ below).
const DEMO_EXTRAS = {
  country: ['France', 'Canada', 'Australia', 'U.K.', 'United States'],
  lifecycle_stage: ['Opportunity', 'Subscriber', 'customer'],
  lead_source: ['Partner', 'Other', 'Events'],
  gdpr_consent: ['N', 'maybe'],
  annual_revenue: ['n/a', '2500000'],
  created_date: ['2024-02-30', 'last week'],
};

// The demo job's 240 rows: its previews first, then values drawn from them plus DEMO_EXTRAS.
function withDemoRecords(sample) {
  const previews = new Map();
  for (const edge of sample.plan.fieldMapping) previews.set(edge.sourceField.key, edge.preview ?? []);
  for (const entry of sample.plan.unmappedSourceFields) previews.set(entry.sourceField.key, entry.preview ?? []);
  const columns = {};
  for (const field of sample.sourceSheet.config.fields) {
    columns[field.key] = fromPreview(previews.get(field.key) ?? [], { extras: DEMO_EXTRAS[field.key] ?? [] });
  }
  sample.sourceSheet.recordCounts = { total: DEMO_ROWS, valid: DEMO_ROWS, error: 0 };
  sample.records = { rows: DEMO_ROWS, seed: 20250314, columns };
  return sample;
}

const readJson = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

// Fresh objects on every call: the double mutates its copies, callers may mutate theirs.
export function loadSampleJobs() {
  return [withDemoRecords(readJson('./demo-crm-contacts.json')), makeLargeJob(), makeOrdersJob()];
}
