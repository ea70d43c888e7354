// The sample jobs the API double serves, and the one place that names the demo job and token
// (dist/demo.html, tests and the dev server all take them from here).
//
// A sample job is { job, sourceSheet, destinationSheet, plan }: `job` is what GET /v1/jobs/:id
// returns, `plan` the initial JobExecutionPlan, and the two sheets (Flatfile Sheet resources) hold
// the field sets the double validates plan edits against.
import { readFileSync } from 'node:fs';
import { makeLargeJob } from '../server/make-large-job.mjs';

export const DEMO_JOB_ID = 'us_jb_demoCrm7';
export const DEMO_FILE_ID = 'us_fl_demoCsv4';
export const DEMO_TOKEN = 'demo-token';
export const LARGE_JOB_ID = 'us_jb_bulkErp3';

const readJson = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

// Fresh objects on every call: the double mutates its copies, callers may mutate theirs.
export function loadSampleJobs() {
  return [readJson('./demo-crm-contacts.json'), makeLargeJob()];
}
