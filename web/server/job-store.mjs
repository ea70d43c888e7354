// In-memory state of the double: one entry per sample job (job, plan, sheets), deep-copied from
// the fixtures so reset() can always return to the initial state.
//
// Execution is modelled without timers: execute() marks the job "executing" and records when;
// any later read after `completeAfterMs` sees it "complete". That keeps tests deterministic and
// leaves nothing running when a server closes.

import { RecordSource } from './sample-records.mjs';

const EDITABLE = new Set(['planning', 'ready']);

export class JobStore {
  constructor(fixtures, { completeAfterMs = 500, now = () => Date.now() } = {}) {
    // Record specs hold functions (structuredClone refuses them) and never change: kept apart.
    this.recordSources = new Map();
    for (const f of fixtures) if (f.records) this.recordSources.set(f.sourceSheet.id, new RecordSource(f.sourceSheet, f.records));
    this.fixtures = structuredClone(fixtures.map(({ records, ...rest }) => rest));
    this.completeAfterMs = completeAfterMs;
    this.now = now;
    this.reset();
  }

  reset() {
    this.entries = new Map();
    for (const fixture of this.fixtures) {
      const entry = structuredClone(fixture);
      entry.executedAt = null;
      this.entries.set(entry.job.id, entry);
    }
  }

  has(jobId) { return this.entries.has(jobId); }

  // Returns the job as a client would see it now (status advanced if execution has "finished").
  job(jobId) {
    const entry = this.entries.get(jobId);
    if (!entry) return null;
    if (entry.job.status === 'executing' && this.now() - entry.executedAt >= this.completeAfterMs) {
      entry.job.status = 'complete';
      entry.job.progress = 100;
      entry.job.finishedAt = this.iso();
      entry.job.updatedAt = entry.job.finishedAt;
    }
    return structuredClone(entry.job);
  }

  jobPlan(jobId) {
    const job = this.job(jobId);
    return job && { job, plan: structuredClone(this.entries.get(jobId).plan) };
  }

  // What validate-plan needs to judge an edit of this job.
  validationContext(jobId) {
    const { job, sourceSheet, destinationSheet } = this.entries.get(jobId);
    return {
      job,
      sourceKeys: new Set(sourceSheet.config.fields.map((f) => f.key)),
      destinationKeys: new Set(destinationSheet.config.fields.map((f) => f.key)),
      sourceSheetId: sourceSheet.id,
      destinationSheetId: destinationSheet.id,
    };
  }

  // Null when the plan may be edited, else the reason. Editing after execute is a client bug the
  // double reports; what Flatfile does then is undocumented.
  editBlockedReason(jobId) {
    const status = this.job(jobId).status;
    return EDITABLE.has(status) ? null : `The plan of a job in status '${status}' can no longer be changed`;
  }

  replacePlan(jobId, plan) {
    const entry = this.entries.get(jobId);
    entry.plan = structuredClone(plan);
    entry.job.updatedAt = this.iso();
    return this.jobPlan(jobId);
  }

  // Returns null on success, else the reason it was refused.
  execute(jobId) {
    const entry = this.entries.get(jobId);
    const status = this.job(jobId).status;
    if (!EDITABLE.has(status)) return `Job ${jobId} cannot be executed in status '${status}'`;
    entry.executedAt = this.now();
    entry.job.status = 'executing';
    entry.job.startedAt = this.iso();
    entry.job.updatedAt = entry.job.startedAt;
    return null;
  }

  sheet(sheetId) {
    for (const entry of this.entries.values()) {
      for (const sheet of [entry.sourceSheet, entry.destinationSheet]) if (sheet.id === sheetId) return structuredClone(sheet);
    }
    return null;
  }

  // The RecordSource of a sheet (records exist only for source sheets with a spec); null for a
  // sheet without records, undefined for an unknown sheet.
  records(sheetId) {
    if (this.recordSources.has(sheetId)) return this.recordSources.get(sheetId);
    return this.sheet(sheetId) ? null : undefined;
  }

  iso() { return new Date(this.now()).toISOString(); }
}
