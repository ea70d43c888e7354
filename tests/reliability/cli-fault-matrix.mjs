#!/usr/bin/env node
// Fault matrix, libcurl side: the native `plan-mapper` CLI (ApiClient + src/app/desktop's libcurl
// transport) against the API double (web/server), one case per fault. Each case sends an edited
// plan with `plan-mapper put` into the fault and asserts the exit code, what the person is told
// (stderr), how many attempts reached the double, and that nothing was lost: the file holding the
// edit is unchanged, the server did not take a half-applied plan, and sending the same file again
// once the fault is gone saves the edit. The browser suites (tests/web/reliability-*.test.mjs)
// do the same for the fetch transport.
//
//   node tests/reliability/cli-fault-matrix.mjs PLAN_MAPPER     (from the repository root; ctest does)
//
// Results: test-artifacts/reliability/faults-libcurl.jsonl (tools/make-reliability-report.mjs).
// Real timings: the CLI has no option to shorten the retry policy's 1 s / 2 s / 4 s backoff or the
// 60 s per-attempt timeout, so cases that must give up use Retry-After: 0 (honoured by the policy)
// where the double can send it, three cases wait the real backoff, and a real timeout is not tried.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createServer } from '../../web/server/api-double.mjs';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { EDIT, closedPort, faultCase, gapsMs, planHasEdit, puts, startResults } from './fault-matrix.mjs';

const cli = path.resolve(process.argv[2] ?? '');
const MESSAGES = {
  408: /took too long to answer/, 429: /too many requests/,
  500: /problem on its side \(HTTP 500\)/, 502: /problem on its side \(HTTP 502\)/,
  503: /problem on its side \(HTTP 503\)/, 504: /problem on its side \(HTTP 504\)/,
};
const NETWORK = /Could not reach Flatfile/;
const EXIT_API = 3;   // src/cli/commands.h: network or server trouble
const EXIT_AUTH = 4;  // sign-in or access

let double;
let results;
let file;        // the edited plan, as `plan-mapper get` would have written it, then edited
let fileBytes;

before(async () => {
  assert.ok(process.argv[2], 'usage: cli-fault-matrix.mjs PLAN_MAPPER');
  results = startResults('libcurl');
  double = await createServer({ token: DEMO_TOKEN });
  // The edit every case sends: the "notes" column mapped to the "tags" field (EDIT).
  const { job, plan } = double.store.jobPlan(DEMO_JOB_ID);
  const take = (list, side, key) => list.splice(list.findIndex((u) => u[side].key === key), 1)[0];
  const source = take(plan.unmappedSourceFields, 'sourceField', EDIT.source);
  const destination = take(plan.unmappedDestinationFields, 'destinationField', EDIT.destination);
  plan.fieldMapping.push({ sourceField: source.sourceField, destinationField: destination.destinationField, preview: source.preview });
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pm-cli-faults-')), 'edited-plan.json');
  fileBytes = Buffer.from(JSON.stringify({ data: { job, plan } }, null, 2));
  writeFileSync(file, fileBytes);
});
after(async () => { await double?.close(); });

// Runs the CLI to its end (asynchronously: the double lives in this process).
function runCli(args, { token = DEMO_TOKEN } = {}) {
  const env = { ...process.env, FLATFILE_BEARER_TOKEN: token };
  delete env.FLATFILE_API_KEY;
  delete env.FLATFILE_API_URL;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started, message: stderr.split('\n')[0] }));
  });
}

const put = ({ api = double.apiUrl, job = DEMO_JOB_ID, token } = {}) => runCli(['put', '--job', job, '--api-url', api, file], { token });
const serverHasEdit = () => planHasEdit(double.store.jobPlan(DEMO_JOB_ID).plan);

// After a failed put: the file is as it was, the server kept its plan, and (unless `resend` is
// false) the same file sent again without the fault is saved. Sets seen.editsKept.
async function assertNothingLost(seen, { resend = true, token } = {}) {
  const fileUnchanged = readFileSync(file).equals(fileBytes);
  const serverUntouched = !serverHasEdit();
  double.faults.clear();
  const again = resend ? await put({ token }) : null;
  seen.editsKept = fileUnchanged && serverUntouched && (!resend || (again.code === 0 && serverHasEdit()));
  assert.ok(fileUnchanged, 'the file holding the edit is unchanged');
  assert.ok(serverUntouched, 'the failed request left the server plan as it was');
  if (resend) assert.equal(again.code, 0, `the resend failed: ${again.stderr}`);
  if (resend) assert.ok(serverHasEdit(), 'the resend saved the edit');
}

function observe(seen, run) {
  const attempts = puts(double);
  Object.assign(seen, { message: run.message || '(none: saved)', status: attempts.at(-1)?.status ?? null, attempts: attempts.length });
  return attempts;
}

const faultPut = (fault, body) => test(fault, { timeout: 60_000 }, () => faultCase(results, { fault, request: 'PUT plan (plan-mapper put)' }, async (seen) => {
  double.reset();
  await body(seen);
}));

for (const status of [408, 429, 500, 502, 503, 504]) {
  faultPut(`HTTP ${status} on every attempt (Retry-After: 0)`, async (seen) => {
    double.faults.push(...Array.from({ length: 4 }, () => ({ type: 'status', status, retryAfter: 0, method: 'PUT' })));
    const run = await put();
    observe(seen, run);
    assert.equal(run.code, EXIT_API, run.stderr);
    assert.equal(seen.attempts, 4);
    assert.equal(seen.status, status);
    assert.match(run.message, MESSAGES[status]);
    await assertNothingLost(seen);
    seen.outcome = `exit ${run.code} after 4 attempts; file and server unchanged; the same file sent again: saved`;
  });
}

// A server that answers the first PUT with 429 and no Retry-After (the double always sends one
// with a 429) and passes everything else through to the double.
async function frontWith429Once() {
  let puts = 0;
  let answeredAt = null;
  const server = http.createServer((req, res) => {
    if (req.method === 'PUT' && puts++ === 0) {
      answeredAt = Date.now();
      req.resume();
      res.writeHead(429, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ errors: [{ message: 'Injected by the front: HTTP 429 without Retry-After' }] }));
    }
    const upstream = http.request({ host: '127.0.0.1', port: double.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { api: `http://127.0.0.1:${server.address().port}/v1`, puts: () => puts, answeredAt: () => answeredAt, close: () => new Promise((r) => server.close(r)) };
}

for (const status of [408, 429, 500, 502, 503, 504]) {
  faultPut(`HTTP ${status} once, without Retry-After`, async (seen) => {
    let run;
    let front = null;
    if (status === 429) {
      front = await frontWith429Once();
      run = await put({ api: front.api });
      await front.close();
    } else {
      double.faults.push({ type: 'status', status, method: 'PUT' });
      run = await put();
    }
    const attempts = observe(seen, run);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(serverHasEdit(), 'saved');
    seen.editsKept = true;
    // The wait before the retry: between the two PUTs at the double, or from the front's 429 to
    // the PUT it passed on. Attempts are counted where the first one was answered.
    const gap = front ? Date.parse(attempts[0].time) - front.answeredAt() : gapsMs(attempts)[0];
    if (front) seen.attempts = front.puts();
    assert.equal(seen.attempts, 2);
    assert.ok(gap >= 750 && gap <= 1800, `retried after ${gap} ms`);
    seen.outcome = `retried after ${gap} ms (1 s backoff), saved, exit 0`;
  });
}

faultPut('HTTP 503 without Retry-After on every attempt (real backoff)', async (seen) => {
  double.faults.push(...Array.from({ length: 4 }, () => ({ type: 'status', status: 503, method: 'PUT' })));
  const run = await put();
  const gaps = gapsMs(observe(seen, run));
  assert.equal(run.code, EXIT_API);
  assert.equal(seen.attempts, 4);
  [1000, 2000, 4000].forEach((base, i) => assert.ok(gaps[i] >= base * 0.8 - 50 && gaps[i] <= base * 1.2 + 500, `gap ${i}: ${gaps[i]} ms`));
  assert.match(run.message, MESSAGES[503]);
  await assertNothingLost(seen);
  seen.outcome = `exit ${run.code} after 4 attempts ${gaps.join(' / ')} ms apart; the same file sent again: saved`;
});

faultPut('HTTP 429 with Retry-After: 2', async (seen) => {
  double.faults.push({ type: 'status', status: 429, retryAfter: 2, method: 'PUT' });
  const run = await put();
  const [gap] = gapsMs(observe(seen, run));
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(puts(double).map((e) => e.status), [429, 200]);
  assert.ok(gap >= 1950 && gap <= 3000, `retried after ${gap} ms`);
  seen.editsKept = serverHasEdit();
  assert.ok(seen.editsKept);
  seen.outcome = `retried after ${gap} ms (Retry-After honoured), saved`;
});

faultPut('HTTP 429 with Retry-After: 120', async (seen) => {
  double.faults.push({ type: 'status', status: 429, retryAfter: 120, method: 'PUT' });
  const run = await put();
  observe(seen, run);
  assert.equal(run.code, EXIT_API);
  assert.equal(seen.attempts, 1, 'a wait beyond max_delay_ms (30 s) is reported, not waited for');
  assert.match(run.message, MESSAGES[429]);
  await assertNothingLost(seen);
  seen.outcome = `not retried (wait > 30 s): exit ${run.code} at once (${run.ms} ms); the same file sent again: saved`;
});

faultPut('latency 2.5 s (under the 60 s timeout)', async (seen) => {
  double.faults.push({ type: 'latency', ms: 2500, method: 'PUT' });
  const run = await put();
  observe(seen, run);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(seen.attempts, 1);
  assert.equal(run.stderr, '');
  seen.editsKept = serverHasEdit();
  assert.ok(seen.editsKept);
  seen.outcome = `one PUT answered after ${puts(double)[0].durationMs} ms, saved, exit 0`;
});

faultPut('no answer for 1.5 s, then the connection closed', async (seen) => {
  double.faults.push({ type: 'drop', ms: 1500, method: 'PUT' });
  const run = await put();
  const [gap] = gapsMs(observe(seen, run));
  assert.equal(run.code, 0, run.stderr);
  assert.equal(seen.attempts, 2);
  assert.ok(gap >= 1500 + 750 && gap <= 1500 + 1800, `retried ${gap} ms after the first attempt began`);
  seen.editsKept = serverHasEdit();
  assert.ok(seen.editsKept);
  seen.outcome = `the first attempt failed after 1.5 s; retried ${gap} ms after it began, saved`;
});

faultPut('connection reset (closed without an answer) on every attempt', async (seen) => {
  double.faults.push(...Array.from({ length: 4 }, () => ({ type: 'drop', method: 'PUT' })));
  const run = await put();
  observe(seen, run);
  assert.equal(run.code, EXIT_API);
  assert.equal(seen.attempts, 4);
  assert.match(run.message, NETWORK);
  await assertNothingLost(seen);
  seen.outcome = `exit ${run.code} after 4 attempts (${run.ms} ms); the same file sent again: saved`;
});

faultPut('connection refused (nothing listens on the API port)', async (seen) => {
  const port = await closedPort();
  const run = await put({ api: `http://127.0.0.1:${port}/v1` });
  Object.assign(seen, { message: run.message, status: null });
  assert.equal(run.code, EXIT_API);
  assert.match(run.message, NETWORK);
  // Nothing listens, so nothing can count the attempts; the time says how many were made: three
  // backoffs (1 + 2 + 4 s, +-20 %) lie in 5.6..8.4 s, two would end by 3.6 s, and 3 is the cap.
  assert.ok(run.ms >= 5400 && run.ms <= 9500, `gave up after ${run.ms} ms`);
  seen.attempts = 4;
  await assertNothingLost(seen);
  seen.outcome = `exit ${run.code} after ${run.ms} ms (4 attempts, inferred from the time: 3 backoffs); sent to the double: saved`;
});

faultPut('HTTP 401 (token refused)', async (seen) => {
  const run = await put({ token: 'expired-token' });
  observe(seen, run);
  assert.equal(run.code, EXIT_AUTH);
  assert.equal(seen.attempts, 1, 'not retried');
  assert.equal(seen.status, 401);
  assert.match(run.message, /sign-in has expired|Sign in again/);
  await assertNothingLost(seen);
  seen.outcome = `exit ${run.code} at once, not retried (the CLI has no way to ask for a token); sent again with a good token: saved`;
});

faultPut('HTTP 403', async (seen) => {
  double.faults.push({ type: 'status', status: 403, method: 'PUT' });
  const run = await put();
  observe(seen, run);
  assert.equal(run.code, EXIT_AUTH);
  assert.equal(seen.attempts, 1, 'not retried');
  assert.match(run.message, /do not have access/);
  await assertNothingLost(seen);
  seen.outcome = `exit ${run.code} at once, not retried; the same file sent again: saved`;
});

faultPut('HTTP 404 (job gone)', async (seen) => {
  const run = await put({ job: 'us_jb_deleted1' });
  const attempts = double.requestLog.find('PUT', '/v1/jobs/us_jb_deleted1/plan');
  Object.assign(seen, { message: run.message, status: attempts.at(-1)?.status ?? null, attempts: attempts.length });
  assert.equal(run.code, EXIT_API);
  assert.equal(seen.attempts, 1, 'not retried');
  assert.equal(seen.status, 404);
  assert.match(run.message, /was not found/);
  await assertNothingLost(seen, { resend: false });
  seen.outcome = `exit ${run.code} at once, not retried; the file holding the edit is unchanged`;
});

faultPut('HTTP 400 with an errors body (the double refuses a preview of numbers)', async (seen) => {
  const bad = JSON.parse(fileBytes);
  const edge = bad.data.plan.fieldMapping.find((e) => e.destinationField.key === EDIT.destination);
  edge.preview = [42];
  const badFile = `${file}.invalid.json`;
  writeFileSync(badFile, JSON.stringify(bad));
  const run = await runCli(['put', '--job', DEMO_JOB_ID, '--api-url', double.apiUrl, badFile]);
  observe(seen, run);
  const index = bad.data.plan.fieldMapping.indexOf(edge);
  assert.equal(run.code, EXIT_API);
  assert.equal(seen.status, 400);
  assert.equal(seen.attempts, 1, 'not retried');
  assert.match(run.message, /did not accept/);
  assert.ok(run.stderr.includes(`fieldMapping[${index}].preview: must be an array of strings`), `the key and message shown: ${run.stderr}`);
  await assertNothingLost(seen, { resend: false });
  seen.message = run.stderr.trim().replace(/\n\s*/g, ' | ');
  seen.outcome = `exit ${run.code}, not retried; the server's key and message printed; the server plan unchanged`;
});

faultPut('200 with truncated JSON ({"data":{"job":{"id":")', async (seen) => {
  double.faults.push({ type: 'malformed-json', method: 'PUT' });
  const run = await put();
  observe(seen, run);
  assert.equal(run.code, EXIT_API);
  assert.equal(seen.attempts, 1);
  assert.match(run.message, /could not be read/);
  await assertNothingLost(seen);
  seen.outcome = `exit ${run.code}, a clear message; the same file sent again: saved`;
});

test('200 with truncated JSON in the answer to GET plan', { timeout: 60_000 }, () =>
  faultCase(results, { fault: '200 with truncated JSON', request: 'GET plan (plan-mapper get)' }, async (seen) => {
    double.reset();
    double.faults.push({ type: 'malformed-json', method: 'GET' });
    const run = await runCli(['get', '--job', DEMO_JOB_ID, '--api-url', double.apiUrl]);
    const gets = double.requestLog.find('GET', `/v1/jobs/${DEMO_JOB_ID}/plan`);
    Object.assign(seen, { message: run.message, status: gets.at(-1)?.status ?? null, attempts: gets.length, editsKept: 'n/a (nothing edited yet)' });
    assert.equal(run.code, EXIT_API);
    assert.equal(run.stdout, '', 'no half-read plan on stdout');
    assert.match(run.message, /could not be read/);
    seen.outcome = `exit ${run.code}, nothing on stdout, a clear message`;
  }));
