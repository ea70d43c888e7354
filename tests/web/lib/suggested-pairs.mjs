// The demo job's plan with three pairs broken, for the tests of suggestions the widget applies on
// load (autoApply 'confident'): the double then serves a plan in which First Name, Phone and Job
// Title are unmapped, and the matcher's pairs for them come back as suggested edges.
import assert from 'node:assert/strict';
import { DEMO_JOB_ID } from '../../../web/sample-jobs/index.mjs';
import { api, putBodyFrom } from './http.mjs';

// The metadata source of an edge the widget applied as a suggestion (not yet accepted).
export const PENDING = 'plan-mapper:suggested';
// The destinations whose edges putPlanWithUnmappedPairs breaks.
export const UNMAPPED = ['first_name', 'phone', 'job_title'];

// PUTs the double's demo plan with the UNMAPPED destinations' edges broken (their sources and
// destinations moved to the unmapped lists, as a plan with nothing mapped for them arrives).
export async function putPlanWithUnmappedPairs(double) {
  const planPath = `/v1/jobs/${DEMO_JOB_ID}/plan`;
  const { json } = await api(double.url, 'GET', planPath);
  const body = putBodyFrom(json.data);
  for (const key of UNMAPPED) {
    const at = body.fieldMapping.findIndex((edge) => edge.destinationField.key === key);
    const [edge] = body.fieldMapping.splice(at, 1);
    body.unmappedSourceFields.push({ sourceField: edge.sourceField, preview: edge.preview });
    body.unmappedDestinationFields.push({ destinationField: edge.destinationField });
  }
  const put = await api(double.url, 'PUT', planPath, { body });
  assert.equal(put.status, 200, put.text);
}

// The plan's edges that are suggestions still waiting to be accepted.
export const suggestedEdges = (plan) => plan.fieldMapping.filter((edge) => edge.metadata?.source === PENDING);
