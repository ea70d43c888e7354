// The dev-server CLI as a user runs it: prints its URLs, serves the API, logs requests without
// the token, and exits cleanly on SIGTERM. Every wait is bounded; the child is killed on failure.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { api } from './lib/http.mjs';

const SERVE = fileURLToPath(new URL('../../web/server/serve.mjs', import.meta.url));
const TOKEN = 'cli-token-5c1e9b';

// Resolves when `predicate(text)` holds for the text seen so far, rejects after timeoutMs.
function waitForOutput(stream, predicate, timeoutMs) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for output; got: ${text}`)), timeoutMs);
    stream.on('data', (chunk) => {
      text += chunk;
      if (predicate(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

test('serve.mjs prints its URLs, serves, redacts, and stops on SIGTERM', { timeout: 30_000 }, async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'pm-cli-'));
  writeFileSync(path.join(dist, 'demo.html'), '<!doctype html><title>demo</title>');
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--dist', dist, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  try {
    const stdout = await waitForOutput(child.stdout.setEncoding('utf8'), (t) => t.includes('API double:'), 10_000);
    const demo = /^plan-mapper demo: (http:\/\/127\.0\.0\.1:\d+)\/demo\.html$/m.exec(stdout);
    const apiLine = /^API double: (http:\/\/127\.0\.0\.1:\d+)\/v1$/m.exec(stdout);
    assert.ok(demo && apiLine, stdout);
    assert.equal(demo[1], apiLine[1]);
    const base = demo[1];

    assert.equal((await fetch(`${base}/demo.html`)).status, 200);
    assert.equal((await api(base, 'GET', `/v1/jobs/${DEMO_JOB_ID}/plan`, { token: TOKEN })).status, 200);
    assert.equal((await api(base, 'GET', `/v1/jobs/${DEMO_JOB_ID}/plan`)).status, 401);  // demo token is not this server's

    child.kill('SIGTERM');
    const { code } = await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error('no exit after SIGTERM')), 5_000))]);
    assert.equal(code, 0);
    assert.match(stderr, new RegExp(`GET /v1/jobs/${DEMO_JOB_ID}/plan -> 200 .* auth=valid`));
    assert.match(stderr, /-> 401 .* auth=invalid/);
    assert.ok(!(stdout + stderr).includes(TOKEN), 'the token was printed');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dist, { recursive: true, force: true });
  }
});

test('serve.mjs refuses bad arguments with usage and exit code 2', { timeout: 10_000 }, async () => {
  const child = spawn(process.execPath, [SERVE, '--port', 'eighty'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(stderr, /^usage: /);
});
