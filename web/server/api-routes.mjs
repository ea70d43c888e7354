// The Flatfile endpoints the widget uses (flatfile-plan-api.md §2), answered from the JobStore.
// Checks run in the order a real gateway would meet them: credentials, required headers, route,
// job, then the body, so each kind of client mistake gets its own distinct answer.
import { sendErrors, sendJson } from './http-util.mjs';
import { MAX_PAGE_SIZE } from './sample-records.mjs';
import { validatePatch, validatePut } from './validate-plan.mjs';

const JOB_ROUTE = /^\/v1\/jobs\/([^/]+)(\/plan|\/execute)?\/?$/;
const SHEET_ROUTE = /^\/v1\/sheets\/([^/]+)(\/records)?\/?$/;

// Allowed methods per route kind; anything else is 405 with an Allow header.
const METHODS = { job: ['GET'], plan: ['GET', 'PUT', 'PATCH'], execute: ['POST'], sheet: ['GET'], records: ['GET'] };

function matchRoute(pathname) {
  let m = JOB_ROUTE.exec(pathname);
  if (m) return { kind: m[2] ? m[2].slice(1) : 'job', id: m[1] };
  m = SHEET_ROUTE.exec(pathname);
  if (m) return { kind: m[2] ? 'records' : 'sheet', id: m[1] };
  return null;
}

function decodeId(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

// ctx: { store: JobStore, token }. entry: this request's RequestLog entry (errors are noted on it).
export function handleApi(req, res, pathname, bodyText, entry, ctx) {
  const fail = (status, errors, headers) => {
    entry.errors = errors;
    sendErrors(req, res, status, errors, headers);
  };

  if (req.headers.authorization !== `Bearer ${ctx.token}`) {
    const message = req.headers.authorization ? 'Invalid bearer token' : 'Missing Authorization: Bearer <token> header';
    return fail(401, [{ message }], { 'WWW-Authenticate': 'Bearer' });
  }
  if (req.headers['x-disable-hooks'] !== 'true') {
    return fail(400, [{ key: 'X-Disable-Hooks', message: 'The X-Disable-Hooks header is required and must be "true"' }]);
  }

  const route = matchRoute(pathname);
  if (!route) return fail(404, [{ message: `No API route ${req.method} ${pathname}` }]);
  if (!METHODS[route.kind].includes(req.method)) {
    return fail(405, [{ message: `${req.method} is not allowed on ${pathname}` }], { Allow: METHODS[route.kind].join(', ') });
  }
  const id = decodeId(route.id);

  if (route.kind === 'records') return sendRecords(req, res, id, route.id, fail, ctx.store);
  if (route.kind === 'sheet') {
    const sheet = id && ctx.store.sheet(id);
    return sheet ? sendJson(req, res, 200, { data: sheet }) : fail(404, [{ key: 'sheetId', message: `Sheet ${route.id} was not found` }]);
  }
  if (!id || !ctx.store.has(id)) return fail(404, [{ key: 'jobId', message: `Job ${route.id} was not found` }]);

  if (route.kind === 'job') return sendJson(req, res, 200, { data: ctx.store.job(id) });
  if (route.kind === 'execute') {
    const refused = ctx.store.execute(id);
    return refused ? fail(400, [{ key: 'jobId', message: refused }]) : sendJson(req, res, 200, { data: { success: true } });
  }
  if (req.method === 'GET') return sendJson(req, res, 200, { data: ctx.store.jobPlan(id) });
  return editPlan(req, res, id, bodyText, fail, ctx.store);
}

// pageSize 1..10,000 (default 10,000) and pageNumber >= 1 (default 1), as integers.
function pageParameter(params, name, fallback, max) {
  if (!params.has(name)) return { value: fallback };
  const text = params.get(name);
  const value = /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= max)) return { error: { key: name, message: `${name} must be an integer from 1 to ${max}, got '${text}'` } };
  return { value };
}

function sendRecords(req, res, id, rawId, fail, store) {
  const source = id ? store.records(id) : undefined;
  if (source === undefined) return fail(404, [{ key: 'sheetId', message: `Sheet ${rawId} was not found` }]);
  const params = new URL(req.url, 'http://double.invalid').searchParams;
  const size = pageParameter(params, 'pageSize', MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const number = pageParameter(params, 'pageNumber', 1, 1e9);
  const errors = [size.error, number.error].filter(Boolean);
  if (errors.length) return fail(400, errors);
  return sendJson(req, res, 200, { data: { records: source ? source.page(size.value, number.value) : [] } });
}

function editPlan(req, res, id, bodyText, fail, store) {
  const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    return fail(415, [{ key: 'Content-Type', message: `Content-Type must be application/json, got '${req.headers['content-type'] ?? ''}'` }]);
  }
  let body;
  try {
    body = JSON.parse(bodyText);
  } catch (err) {
    return fail(400, [{ key: 'body', message: `Body is not valid JSON: ${err.message}` }]);
  }
  const blocked = store.editBlockedReason(id);
  if (blocked) return fail(400, [{ key: 'jobId', message: blocked }]);

  const ctx = store.validationContext(id);
  const { errors, plan } = req.method === 'PUT' ? validatePut(body, ctx) : validatePatch(body, ctx, store.jobPlan(id).plan);
  if (errors.length) return fail(400, errors);
  return sendJson(req, res, 200, { data: store.replacePlan(id, plan) });
}
