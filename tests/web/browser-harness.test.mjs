// Proves the browser-test tooling without needing the widget build: Debian's Chromium starts via
// playwright-core, a page on one origin reaches the double on another through real CORS
// preflights, and the screenshot colour count used by widget.test.mjs tells a drawn WebGL
// canvas from a blank one.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { createServer } from '../../web/server/api-double.mjs';
import { launchChromium } from './lib/browser.mjs';
import { countDistinctColours, decodePng } from './lib/png.mjs';

// Two 200x120 WebGL canvases: one cleared to a single colour, one painted as 64 scissored
// tiles of different colours. Neither preserves its drawing buffer, like the widget's.
const CANVAS_PAGE = `<!doctype html><meta charset="utf-8"><title>canvas</title>
<body style="margin:0;background:#fff">
<canvas id="blank" width="200" height="120"></canvas>
<canvas id="drawn" width="200" height="120"></canvas>
<script>
  const blank = document.getElementById('blank').getContext('webgl2');
  blank.clearColor(0.1, 0.1, 0.12, 1); blank.clear(blank.COLOR_BUFFER_BIT);
  const gl = document.getElementById('drawn').getContext('webgl2');
  gl.enable(gl.SCISSOR_TEST);
  for (let i = 0; i < 64; i++) {
    gl.scissor((i % 8) * 25, Math.floor(i / 8) * 15, 25, 15);
    gl.clearColor((i % 8) / 8, Math.floor(i / 8) / 8, ((i * 5) % 8) / 8, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }
  document.body.dataset.ready = 'yes';
</script>`;

describe('browser harness', { timeout: 90_000 }, () => {
  let workDir;
  let pages;    // serves the page (origin A)
  let apiHost;  // the API double the page calls (origin B)
  let browser;
  before(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'pm-browser-'));
    writeFileSync(path.join(workDir, 'index.html'), '<!doctype html><title>origin A</title>');
    writeFileSync(path.join(workDir, 'canvas.html'), CANVAS_PAGE);
    pages = await createServer({ distDir: workDir });
    apiHost = await createServer({ token: DEMO_TOKEN });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await pages?.close();
    await apiHost?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  test('a page on another origin GETs and PUTs the plan through CORS preflights', async () => {
    const page = await browser.newPage();
    await page.goto(`${pages.url}/`);
    apiHost.faults.push({ type: 'status', status: 429, retryAfter: 3, method: 'GET' });
    const result = await page.evaluate(async ({ api, jobId, token }) => {
      const headers = { Authorization: `Bearer ${token}`, 'X-Disable-Hooks': 'true' };
      const url = `${api}/v1/jobs/${jobId}/plan`;
      const limited = await fetch(url, { headers });
      const got = await fetch(url, { headers });
      const { data } = await got.json();
      const body = JSON.stringify({ ...data.plan, jobId: data.job.id, fileId: data.job.fileId });
      const put = await fetch(url, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body });
      return { limited: [limited.status, limited.headers.get('retry-after')], get: got.status, put: put.status };
    }, { api: apiHost.url, jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    await page.close();

    assert.deepEqual(result, { limited: [429, '3'], get: 200, put: 200 });
    const log = apiHost.requestLog.all();
    const preflight = log.find((e) => e.method === 'OPTIONS' && e.path.endsWith('/plan'));
    assert.ok(preflight, 'Chromium sent no preflight');
    assert.equal(preflight.headers.origin, pages.url);
    assert.match(preflight.headers['access-control-request-headers'], /authorization/);
    const put = log.find((e) => e.method === 'PUT');
    assert.equal(put.headers.authorization, `Bearer ${DEMO_TOKEN}`);
    assert.equal(put.headers['x-disable-hooks'], 'true');
    assert.equal(put.status, 200);
  });

  test('screenshot colour count separates a drawn WebGL canvas from a blank one', async () => {
    const page = await browser.newPage();
    await page.goto(`${pages.url}/canvas.html`);
    await page.waitForSelector('body[data-ready="yes"]', { timeout: 10_000 });
    const blank = countDistinctColours(decodePng(await page.locator('#blank').screenshot()));
    const drawn = countDistinctColours(decodePng(await page.locator('#drawn').screenshot()));
    await page.close();
    assert.ok(blank <= 2, `blank canvas shows ${blank} colours`);
    assert.ok(drawn > 20, `drawn canvas shows only ${drawn} colours`);
  });
});
