// The code the first frame does not run is a deferred wasm (issue 17; web/bundle/split-deferred.mjs):
// the first frame is drawn without it, the widget fetches it right after the main module is
// instantiated; a plan loads, is mapped and sent with it; when a moved function is called before
// the fetch has answered, the placeholder loads it synchronously and the call completes; a
// tampered copy is never run and the widget says why. The real wasm in Chromium, the dist/ the
// build assembled, the API double on 127.0.0.1.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PLACEHOLDER_NAMESPACE } from '../../web/bundle/split-deferred.mjs';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, edgeTo, mountWidget, openBlankPage, planOf, waitForEdge, waitForRequests } from './lib/widget-page.mjs';

const DEFERRED = 'plan-mapper-deferred.wasm';
const built = existsSync(path.join(DIST_DIR, DEFERRED));
const PLAN_PATH = `/v1/jobs/${DEMO_JOB_ID}/plan`;
// A moved function ran before the deferred code arrived, where none should: the list of what the
// first frame runs is out of date (the code changed); a build from it is still correct, only slower.
const STALE = 'loaded synchronously: run node tools/first-frame-functions.mjs after tools/build web-release, and commit web/bundle/first-frame-functions.txt';

describe('the deferred wasm', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  // Requests for the deferred wasm, held until release() when `hold` says so (by request number).
  async function holdDeferred(page, hold = () => false, body = () => readFileSync(path.join(DIST_DIR, DEFERRED))) {
    const held = [];
    page.deferredRequests = 0;
    await page.route(`${env.double.url}/${DEFERRED}`, (route) => {
      page.deferredRequests += 1;
      const answer = () => route.fulfill({ status: 200, contentType: 'application/wasm', body: body() }).catch(() => {});
      if (hold(page.deferredRequests)) held.push(answer); else answer();
    });
    return { release: () => Promise.all(held.splice(0).map((answer) => answer())) };
  }
  const recordErrors = (page) => {
    page.consoleErrors = [];
    page.syncLoads = [];
    page.on('console', (message) => {
      if (message.type() === 'error') page.consoleErrors.push(message.text());
      if (/is loaded synchronously/.test(message.text())) page.syncLoads.push(message.text());
    });
    page.on('pageerror', (error) => page.consoleErrors.push(error.message));
  };
  async function mapAndSubmit(page, widget) {
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await waitForEdge(page, widget, 'tags', 'notes');
    const edited = await planOf(page, widget);
    await clickItem(page, widget, 'button:submit');
    await clickItem(page, widget, 'review-send');
    const [put] = await waitForRequests(env.double, 'PUT', PLAN_PATH);
    assert.equal(put.status, 200, JSON.stringify(put.errors));
    assert.deepEqual(JSON.parse(put.body).fieldMapping, edited.fieldMapping);
    assert.equal(edgeTo(JSON.parse(put.body), 'tags').sourceField.key, 'notes');
  }

  test('the build wrote it, precompressed, and its hash; the main wasm imports placeholders for it', () => {
    const sha = createHash('sha256').update(readFileSync(path.join(DIST_DIR, DEFERRED))).digest('hex');
    assert.ok(readFileSync(path.join(DIST_DIR, 'bundle-integrity.js'), 'utf8').includes(`"sha256": "${sha}"`));
    assert.equal(JSON.parse(readFileSync(path.join(DIST_DIR, 'integrity.json'), 'utf8')).deferred.sha256, sha);
    const main = readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
    const placeholders = WebAssembly.Module.imports(new WebAssembly.Module(main)).filter((i) => i.module === PLACEHOLDER_NAMESPACE);
    assert.ok(placeholders.length > 100 && placeholders.every((i) => i.kind === 'function' && /^\d+$/.test(i.name)),
      `the main wasm imports a placeholder per table slot of a moved function (${placeholders.length})`);
    assert.ok(readFileSync(path.join(DIST_DIR, DEFERRED)).length > main.length / 4, 'a real share of the code moved');
    assert.ok(existsSync(path.join(DIST_DIR, `${DEFERRED}.gz`)) || existsSync(path.join(DIST_DIR, `${DEFERRED}.br`)), 'precompressed');
  });

  test('the first frame is drawn while it has not arrived (and the plan has not either)', { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    recordErrors(page);
    // The widget's fetch is held; a synchronous load (the second request) would be answered.
    const deferred = await holdDeferred(page, (n) => n === 1);
    const plans = [];
    await page.route('**/v1/**', (route) => { plans.push(route); });
    const order = [];
    page.on('request', (request) => { if (/\.wasm$/.test(request.url())) order.push(path.basename(new URL(request.url()).pathname)); });
    await page.goto(`${env.double.url}/demo.html`);
    await page.waitForFunction(() => window.planMapper?.frameStats().frames > 0, null, { timeout: 30_000 });
    // Asked for right after the main module (not at the end of the page's work), not answered yet.
    assert.deepEqual(order.slice(0, 2), ['plan-mapper-wasm.wasm', DEFERRED]);
    assert.equal(page.deferredRequests, 1, STALE);
    assert.deepEqual(page.consoleErrors, []);
    await deferred.release();
    await Promise.all(plans.map((route) => route.continue().catch(() => {})));
    await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    assert.equal(page.deferredRequests, 1, 'the frames with the plan waited for the fetch: no synchronous load');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('a plan loads, is mapped and sent with it, the code fetched once', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    recordErrors(page);
    await holdDeferred(page);
    const widget = await mountWidget(page);
    await mapAndSubmit(page, widget);
    assert.equal(page.deferredRequests, 1, STALE);
    assert.deepEqual(page.syncLoads, []);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('a plan given inline (read as the module starts) waits for it: one fetch, no synchronous load', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    recordErrors(page);
    await holdDeferred(page);
    const plan = { fieldMapping: [], unmappedSourceFields: [{ sourceField: { key: 'a', label: 'Full name', type: 'string' }, preview: ['Ada'] }],
      unmappedDestinationFields: [{ destinationField: { key: 'name', label: 'Name', type: 'string' } }] };
    const widget = await mountWidget(page, { options: { plan, apiUrl: '' } });
    assert.equal((await planOf(page, widget)).unmappedSourceFields[0].sourceField.label, 'Full name');
    assert.equal(page.deferredRequests, 1, STALE);
    assert.deepEqual(page.syncLoads, []);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('a moved function called before the fetch answers loads it synchronously and completes', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    recordErrors(page);
    // The widget's own fetch is not answered during the test; the synchronous request (the second) is.
    const deferred = await holdDeferred(page, (n) => n === 1);
    const mounting = mountWidget(page);
    await page.waitForFunction(() => window.controllers?.widget, null, { timeout: 30_000 });
    assert.equal(await page.getAttribute('#widget', 'data-plan-mapper-state'), 'loading', 'its frames wait for the deferred code');
    // The host asks for the plan: the module writes it with moved code, loaded there and then.
    const plan = await page.evaluate(() => window.controllers.widget.getPlan());
    assert.equal(typeof plan, 'object');
    assert.equal(page.deferredRequests, 2, 'one synchronous request');
    assert.equal(page.syncLoads.length, 1);
    const widget = await mounting;                  // then the plan is shown
    await mapAndSubmit(page, widget);
    assert.deepEqual(await page.evaluate((w) => window.events[w].error, widget), []);
    // The fetch answering late changes nothing (the code is linked once).
    await deferred.release();
    await page.waitForTimeout(500);
    assert.equal(await page.getAttribute(`#${widget}`, 'data-plan-mapper-state'), 'ready');
    assert.equal(page.deferredRequests, 2);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('a tampered copy is never run: the widget says why and sends nothing', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    recordErrors(page);
    await holdDeferred(page, () => false, () => {
      const copy = Buffer.from(readFileSync(path.join(DIST_DIR, DEFERRED)));
      copy[copy.length - 1] ^= 0x01;
      return copy;
    });
    await page.evaluate(async ({ jobId, token }) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const container = document.createElement('div');
      container.id = 'widget';
      container.style.cssText = 'width: 100%; height: 700px; position: relative';
      document.getElementById('host').appendChild(container);
      window.errors = [];
      mountPlanMapper(container, { apiUrl: location.origin, jobId, token, onError: (error) => window.errors.push(error) }).catch(() => {});
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    await page.waitForFunction(() => window.errors.length > 0, null, { timeout: 30_000 });
    const [error] = await page.evaluate(() => window.errors);
    assert.equal(error.during, 'loading plan-mapper');
    assert.match(error.message, /plan-mapper-deferred\.wasm failed its integrity check/);
    await page.waitForSelector('#widget[data-plan-mapper-state="error"]', { timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.equal(env.double.requestLog.find('PUT', PLAN_PATH).length, 0);
    await page.close();
  });
});
