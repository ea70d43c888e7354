// Shared by the browser fault-matrix tests (tests/web/reliability-*.test.mjs): one result line per
// fault for docs/RELIABILITY.md, an edit to make and recognise, and small waits on the widget.
//
// Result lines go to test-artifacts/reliability/faults-<suite>.jsonl, one JSON object per line:
//   {fault, request, outcome, message, status, attempts, editsKept, passed, error?, ms}
// A line is written whether the test passes or not, so the report shows failures too.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { clickItem, edgeTo, planOf, waitForEdge } from '../web/lib/widget-page.mjs';

export const RESULTS_DIR = fileURLToPath(new URL('../../test-artifacts/reliability/', import.meta.url));
export const PLAN_PATH = `/v1/jobs/${DEMO_JOB_ID}/plan`;

export function startResults(suite) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `faults-${suite}.jsonl`);
  writeFileSync(file, '');
  return file;
}

// Runs one fault case: `body` returns what was observed ({outcome, message, status, attempts,
// editsKept}) after asserting on it. The line is recorded either way; a failure is re-thrown.
export async function faultCase(file, { fault, request }, body) {
  const started = Date.now();
  const observed = {};
  try {
    await body(observed);
    appendFileSync(file, `${JSON.stringify({ fault, request, ...observed, passed: true, ms: Date.now() - started })}\n`);
  } catch (error) {
    appendFileSync(file, `${JSON.stringify({ fault, request, ...observed, passed: false, error: String(error.message).slice(0, 300), ms: Date.now() - started })}\n`);
    throw error;
  }
}

// The edit every case makes: the "notes" column into the "tags" field, by real mouse clicks.
export const EDIT = { source: 'notes', destination: 'tags' };

export async function makeEdit(page, widget) {
  await clickItem(page, widget, `picker:${EDIT.source}`);
  await clickItem(page, widget, `picker-option:${EDIT.destination}`);
  await waitForEdge(page, widget, EDIT.destination, EDIT.source);
}

export function planHasEdit(plan) {
  return edgeTo(plan, EDIT.destination)?.sourceField.key === EDIT.source;
}

export async function editKept(page, widget) {
  return planHasEdit(await planOf(page, widget));
}

// Waits for the n-th onError / onSubmit event of a widget and returns it.
export async function nthEvent(page, widget, kind, n = 1, timeoutMs = 30_000) {
  await page.waitForFunction(({ widget, kind, n }) => window.events[widget][kind].length >= n, { widget, kind, n }, { timeout: timeoutMs });
  return page.evaluate(({ widget, kind, n }) => window.events[widget][kind][n - 1], { widget, kind, n });
}

export async function eventCount(page, widget, kind) {
  return page.evaluate(({ widget, kind }) => window.events[widget][kind].length, { widget, kind });
}

export function submit(page, widget) {
  return page.evaluate((widget) => window.controllers[widget].submit(), widget);
}

// The PUTs the page sent, as times (ms). Counted at the page, not at the double: Chromium itself
// resends a request once, on a fresh connection, after a 408 or a closed connection on a reused
// keep-alive socket, so the double can see more requests than the widget made.
export function trackPutAttempts(page) {
  const times = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith(PLAN_PATH)) times.push(Date.now());
  });
  return times;
}

// Answers the page's next PUT itself (before the network, so Chromium cannot resend it):
// `answer` is a route.fulfill() argument, or a string for route.abort() (e.g. 'timedout').
export async function answerNextPut(page, answer, delayMs = 0) {
  let used = false;
  await page.route(`**${PLAN_PATH}`, async (route) => {
    if (used || route.request().method() !== 'PUT') return route.continue();
    used = true;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return typeof answer === 'string' ? route.abort(answer) : route.fulfill(answer);
  });
}

export function errorsBody(status, errors = [{ message: `Injected by the page: HTTP ${status}` }]) {
  return { status, contentType: 'application/json', body: JSON.stringify({ errors }) };
}

// PUTs of the demo plan the double saw (dropped connections have status null).
export function puts(double) {
  return double.requestLog.find('PUT', PLAN_PATH);
}

// Milliseconds between consecutive times (numbers, or log entries with ISO times).
export function gapsMs(times) {
  const ms = times.map((t) => (typeof t === 'number' ? t : Date.parse(t.time)));
  return ms.slice(1).map((t, i) => t - ms[i]);
}

// A 127.0.0.1 port that was free a moment ago and has nothing listening now.
export function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Mounts a widget whose start is expected to fail (mountWidget waits for "ready"): resolves with
// the first onError detail once the container's state is "error".
export async function mountExpectingError(page, { jobId, token }) {
  return page.evaluate(async ({ jobId, token }) => {
    const { mountPlanMapper } = await import('/plan-mapper.js');
    const container = document.createElement('div');
    container.style.cssText = 'width: 100%; height: 600px';
    document.getElementById('host').appendChild(container);
    const errors = [];
    await mountPlanMapper(container, { apiUrl: location.origin, jobId, token, onError: (e) => errors.push(e) });
    const deadline = Date.now() + 20_000;
    while (container.dataset.planMapperState !== 'error' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return { state: container.dataset.planMapperState, error: errors[0] ?? null };
  }, { jobId, token });
}
