// The static bundle under its strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval',
// no unsafe-eval, no inline script or style): the demo page and the standalone page load the
// widget with no violation. The standalone page takes the token typed in or by postMessage,
// never from the URL, and keeps it out of storage.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';

const built = existsSync(path.join(DIST_DIR, 'index.html'));

// Records CSP violations from the first script on, in every frame.
const WATCH_CSP = () => {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

describe('static bundle under CSP', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('the demo page runs with no CSP violation', { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage();
    await page.addInitScript(WATCH_CSP);
    await page.goto(`${env.double.url}/demo.html`);
    await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
    await page.close();
  });

  test('the standalone page takes a typed token, not the URL, and stores none', { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage();
    await page.addInitScript(WATCH_CSP);
    const address = `${env.double.url}/index.html?api=${encodeURIComponent(env.double.url)}&job=${DEMO_JOB_ID}`;
    await page.goto(address);
    await page.fill('#token', DEMO_TOKEN);
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.ok(!page.url().includes(DEMO_TOKEN));
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    assert.ok(!stored.includes(DEMO_TOKEN), 'the token was stored');
    await page.close();
  });

  test('the standalone page in an iframe takes the token by postMessage', { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage();
    const frameUrl = `${env.double.url}/index.html?api=${encodeURIComponent(env.double.url)}&job=${DEMO_JOB_ID}`;
    await page.route(`${env.double.url}/__test/host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><iframe id="f" src="${frameUrl}" style="width:1000px;height:600px"></iframe>`,
    }));
    await page.goto(`${env.double.url}/__test/host.html`);
    const frame = page.frameLocator('#f');
    await frame.locator('#token').waitFor();
    await page.evaluate((token) => document.getElementById('f').contentWindow.postMessage({ type: 'plan-mapper:token', token }, '*'), DEMO_TOKEN);
    await frame.locator('[data-plan-mapper-state="ready"]').waitFor({ timeout: 30_000 });
    const gets = env.double.requestLog.find('GET', `/v1/jobs/${DEMO_JOB_ID}/plan`);
    assert.ok(gets.some((e) => e.headers.authorization === `Bearer ${DEMO_TOKEN}` && e.status === 200));
    await page.close();
  });

  test('the standalone page asks for api and job when they are missing', { timeout: 30_000 }, async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.double.url}/index.html`);
    assert.match(await page.textContent('#problem'), /needs \?api=/);
    await page.close();
  });
});
