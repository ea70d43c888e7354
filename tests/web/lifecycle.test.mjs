// The embedding lifecycle, in Chromium against the API double: options that are wrong reject with
// a TypeError naming them; an aborted mount rejects with an AbortError and leaves nothing behind;
// hooks for tests exist only when asked for; <plan-mapper> used as the README shows (import, then
// set element.token) waits for the token before its first request, mounts again when job-id
// changes, and is cleaned up when removed while still starting.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { openBlankPage } from './lib/widget-page.mjs';

const MODULE = path.join(DIST_DIR, 'plan-mapper.js');

describe('embedding lifecycle', { skip: !existsSync(MODULE) && `${MODULE} is missing: build the web target first` }, () => {
  const env = useBrowserAndDouble({ before, after });
  const planGets = () => env.double.requestLog.all().filter((e) => e.method === 'GET' && e.path.endsWith('/plan'));

  test('wrong options reject with a TypeError that names the option, and leave nothing', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    const results = await page.evaluate(async ({ jobId, token }) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const cases = {
        theme: { theme: 'blue' },
        submitMethod: { submitMethod: 'post' },
        onChange: { onChange: 'not a function' },
        getToken: { getToken: 42 },
        signal: { signal: {} },
      };
      const out = {};
      for (const [name, bad] of Object.entries(cases)) {
        const container = document.createElement('div');
        document.body.appendChild(container);
        try {
          await mountPlanMapper(container, { apiUrl: location.origin, jobId, token, ...bad });
          out[name] = { resolved: true };
        } catch (error) {
          out[name] = { type: error.constructor.name, message: error.message, children: container.childElementCount };
        }
      }
      return out;
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    for (const [name, result] of Object.entries(results)) {
      assert.equal(result.type, 'TypeError', `${name}: ${JSON.stringify(result)}`);
      assert.match(result.message, new RegExp(`options\\.${name}`), name);
      assert.equal(result.children, 0, `${name}: something was left in the container`);
    }
    await page.close();
  });

  test('an aborted mount rejects with an AbortError and leaves nothing in its container', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    const result = await page.evaluate(async ({ jobId, token }) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const outcome = async (abortWhen) => {
        const container = document.createElement('div');
        container.style.height = '400px';
        document.body.appendChild(container);
        const controller = new AbortController();
        if (abortWhen === 'before') controller.abort();
        const mounting = mountPlanMapper(container, { apiUrl: location.origin, jobId, token, signal: controller.signal });
        if (abortWhen === 'during') queueMicrotask(() => controller.abort());
        try {
          await mounting;
          return { resolved: true };
        } catch (error) {
          return { name: error.name, children: container.childElementCount, state: container.dataset.planMapperState ?? null };
        }
      };
      return { before: await outcome('before'), during: await outcome('during') };
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    for (const when of ['before', 'during']) {
      assert.deepEqual(result[when], { name: 'AbortError', children: 0, state: null }, when);
    }
    await page.close();
  });

  test('aborting after the mount destroys the widget; test hooks exist only with testHooks', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    const result = await page.evaluate(async ({ jobId, token }) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const container = document.createElement('div');
      container.style.height = '400px';
      document.body.appendChild(container);
      const controller = new AbortController();
      const widget = await mountPlanMapper(container, { apiUrl: location.origin, jobId, token, signal: controller.signal });
      const hooks = [typeof widget.debugItems, typeof widget.framesDrawn];
      const withHooks = await mountPlanMapper(document.body.appendChild(document.createElement('div')),
        { apiUrl: location.origin, jobId, token, testHooks: true });
      const hooksWhenAsked = [typeof withHooks.debugItems, typeof withHooks.framesDrawn];
      withHooks.destroy();
      const canvasesBefore = container.querySelectorAll('canvas').length;
      controller.abort();
      return { hooks, hooksWhenAsked, canvasesBefore, canvasesAfter: container.querySelectorAll('canvas').length, plan: widget.getPlan() };
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    assert.deepEqual(result.hooks, ['undefined', 'undefined']);
    assert.deepEqual(result.hooksWhenAsked, ['function', 'function']);
    assert.equal(result.canvasesBefore, 1);
    assert.equal(result.canvasesAfter, 0);
    assert.equal(result.plan, null, 'a destroyed widget has no plan');
    await page.close();
  });

  test('<plan-mapper> waits for the token set after import, and mounts again when job-id changes', { timeout: 90_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    env.double.requestLog.clear();
    // As the README shows: the element is in the page, the module is imported, then the token is set.
    await page.evaluate(async ({ jobId }) => {
      const element = document.createElement('plan-mapper');
      element.setAttribute('api-url', location.origin);
      element.setAttribute('job-id', jobId);
      element.style.height = '500px';
      document.getElementById('host').appendChild(element);
      await import('/plan-mapper.js');
      window.stateBeforeToken = element.dataset.planMapperState ?? null;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }, { jobId: DEMO_JOB_ID });
    assert.equal(await page.evaluate(() => window.stateBeforeToken), 'waiting-for-token');
    assert.equal(planGets().length, 0, 'no request before the token is set');
    await page.evaluate((token) => { document.querySelector('plan-mapper').token = token; }, DEMO_TOKEN);
    await page.waitForSelector('plan-mapper[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    const gets = planGets();
    assert.equal(gets.length, 1);
    assert.equal(gets[0].headers.authorization, `Bearer ${DEMO_TOKEN}`);
    assert.equal(gets[0].status, 200);
    assert.equal(await page.evaluate(() => document.querySelectorAll('plan-mapper canvas').length), 1);

    // Another job id: the element mounts again (one canvas, a new GET for that job).
    await page.evaluate(() => document.querySelector('plan-mapper').setAttribute('job-id', 'us_jb_unknown_job'));
    await page.waitForFunction(() => document.querySelector('plan-mapper').dataset.planMapperState === 'error', null, { timeout: 30_000 });
    assert.ok(planGets().some((e) => e.path.includes('us_jb_unknown_job')), 'the new job id was requested');
    assert.equal(await page.evaluate(() => document.querySelectorAll('plan-mapper canvas').length), 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('<plan-mapper> removed while it is starting leaves nothing and draws nothing', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    const result = await page.evaluate(async ({ jobId, token }) => {
      await import('/plan-mapper.js');
      const element = document.createElement('plan-mapper');
      element.setAttribute('api-url', location.origin);
      element.setAttribute('job-id', jobId);
      element.token = token;
      document.getElementById('host').appendChild(element);
      const startedWith = element.querySelectorAll('canvas').length;
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 3000));   // long enough for the module to have loaded
      return { startedWith, canvases: element.querySelectorAll('canvas').length, controller: element.controller,
        state: element.dataset.planMapperState ?? null };
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    assert.equal(result.startedWith, 1, 'the mount had begun');
    assert.deepEqual({ canvases: result.canvases, controller: result.controller, state: result.state },
      { canvases: 0, controller: null, state: null });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
