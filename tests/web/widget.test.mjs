// End-to-end: the built widget (dist/demo.html) in headless Chromium against the API double.
// It must load the demo job's plan with the right headers, say so through
// data-plan-mapper-state="ready", and draw something on its WebGL canvas.
// Skipped, with the reason, until the web build has produced dist/demo.html.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { formatLogLine } from '../../web/server/request-log.mjs';
import { ARTIFACTS_DIR, DIST_DIR, launchChromium, startDoubleForDist } from './lib/browser.mjs';
import { countDistinctColours, decodePng } from './lib/png.mjs';

const DEMO_PAGE = path.join(DIST_DIR, 'demo.html');
const READY_TIMEOUT_MS = 30_000;

test('demo page loads the plan and draws the widget', { timeout: 90_000 }, async (t) => {
  if (!existsSync(DEMO_PAGE)) {
    t.skip(`${DEMO_PAGE} does not exist: build the web target first (the lead's build writes dist/)`);
    return;
  }
  const double = await startDoubleForDist();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });

    await page.goto(`${double.url}/demo.html`);
    try {
      await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: READY_TIMEOUT_MS });
    } catch (err) {
      const requests = double.requestLog.all().map((e) => formatLogLine(e, DEMO_TOKEN)).join('\n  ');
      throw new Error(`widget not ready after ${READY_TIMEOUT_MS} ms\npage problems:\n  ${problems.join('\n  ')}\nrequests:\n  ${requests}`, { cause: err });
    }

    const canvas = page.locator('[data-plan-mapper-state="ready"] canvas').first();
    const png = await canvas.screenshot();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(path.join(ARTIFACTS_DIR, 'widget-demo.png'), png);
    const colours = countDistinctColours(decodePng(png));
    assert.ok(colours > 20, `canvas looks blank: ${colours} distinct colours (see test-artifacts/widget-demo.png)`);

    const planGets = double.requestLog.find('GET', `/v1/jobs/${DEMO_JOB_ID}/plan`);
    assert.ok(planGets.length > 0, 'the widget never requested the demo plan');
    const authorised = planGets.find((e) => e.headers.authorization === `Bearer ${DEMO_TOKEN}` && e.headers['x-disable-hooks'] === 'true');
    assert.ok(authorised, `plan GET without the expected headers: ${JSON.stringify(planGets.map((e) => e.headers))}`);
    assert.equal(authorised.status, 200);
  } finally {
    await browser.close();
    await double.close();
  }
});
