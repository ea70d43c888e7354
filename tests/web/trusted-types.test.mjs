// Text from the file, the server or the address is data, never markup: every page we ship
// requires Trusted Types for script sinks (so an innerHTML of such text would throw and be
// reported, not parse), and hostile labels, previews and a hostile job id stay text.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { securityCases } from './lib/security-cases.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const HOSTILE = '<img src=x onerror="window.pwned=1">';

// Records CSP and Trusted Types violations and any dialog, from the first script on.
const WATCH = () => {
  window.violations = [];
  window.pwned = 0;
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective}`));
};

async function openWatched(env, address) {
  const page = await env.browser.newPage({ viewport: { width: 1200, height: 760 } });
  page.dialogs = [];
  page.on('dialog', (dialog) => { page.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  await page.addInitScript(WATCH);
  await page.goto(address);
  return page;
}

describe('Trusted Types on the shipped pages', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const cases = securityCases('trusted-types', { after });

  for (const name of ['index.html', 'demo.html']) {
    cases.test(`${name} requires Trusted Types: an innerHTML of text throws and is reported`, { timeout: 60_000 }, async () => {
      const page = await openWatched(env, `${env.double.url}/${name}?api=${encodeURIComponent(env.double.url)}&job=${DEMO_JOB_ID}`);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /require-trusted-types-for 'script'/);
      assert.match(csp, /trusted-types 'none'/);
      if (name === 'demo.html') await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
      assert.deepEqual(await page.evaluate(() => window.violations), [], 'the page itself runs without a violation');
      const outcome = await page.evaluate((html) => {
        const target = document.createElement('div');
        document.body.appendChild(target);
        try { target.innerHTML = html; return 'assigned'; } catch (error) { return error.name; }
      }, HOSTILE);
      assert.equal(outcome, 'TypeError', 'the sink refused a plain string');
      await page.waitForFunction(() => window.violations.length > 0);
      assert.deepEqual(await page.evaluate(() => window.violations), ['require-trusted-types-for']);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
      await page.close();
    });
  }

  cases.test('a hostile job id on the standalone page stays text', { timeout: 30_000 }, async () => {
    const page = await openWatched(env, `${env.double.url}/index.html?api=${encodeURIComponent(env.double.url)}&job=${encodeURIComponent(HOSTILE)}`);
    await page.waitForSelector('#token');
    assert.equal(await page.textContent('#target'), `Job ${HOSTILE} at ${env.double.url}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.equal(await page.evaluate(() => window.pwned), 0);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(page.dialogs, []);
    await page.close();
  });

  cases.test('hostile labels and previews in a plan stay text in the page', { timeout: 60_000 }, async () => {
    const page = await openWatched(env, `${env.double.url}/demo.html`);
    await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    const field = (key, type = 'string') => ({ key, type, label: `${HOSTILE} ${key}`, description: HOSTILE });
    const plan = {
      fieldMapping: [{ sourceField: field('a'), destinationField: field('x'), preview: [HOSTILE, '<script>window.pwned=2</script>'] }],
      unmappedSourceFields: [{ sourceField: field('b'), preview: [HOSTILE] }],
      unmappedDestinationFields: [{ destinationField: field('y') }],
    };
    const state = await page.evaluate(async (plan) => {
      const { mountPlanMapper } = await import('./plan-mapper.js');
      const container = document.createElement('div');
      container.style.cssText = 'position:fixed;inset:0;background:#fff';
      document.body.appendChild(container);
      window.hostile = await mountPlanMapper(container, { plan, testHooks: true });
      const deadline = Date.now() + 20_000;
      // Drawn, and ready: the state says so once the accessibility mirror is built too (the task
      // after the first frame).
      while ((!window.hostile.debugItems()['source:b'] || container.dataset.planMapperState !== 'ready') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      return container.dataset.planMapperState;
    }, plan);
    assert.equal(state, 'ready');
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
      text: document.body.textContent,
      pwned: window.pwned,
      violations: window.violations,
    }));
    assert.equal(dom.images, 0);
    assert.deepEqual(dom.scripts, ['./load-check.js', './demo.js']);
    assert.equal(dom.pwned, 0);
    assert.deepEqual(dom.violations, []);
    assert.deepEqual(page.dialogs, []);
    // Wherever the page shows these labels as DOM text (the accessibility mirror), they are text.
    if (dom.text.includes('onerror')) assert.ok(dom.text.includes(HOSTILE));
    await page.close();
  });
});
