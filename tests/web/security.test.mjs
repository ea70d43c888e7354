// Where the token may go, in the real widget: plain http to an API that is not on this computer
// is refused before anything is sent, and a secret key (sk_...) on a page that is not on this
// computer shows a warning. The page for the latter is served at http://shop.example.test by
// Playwright's router (the bundle's files come from the API double's static server).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { openBlankPage } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const SHOP = 'http://shop.example.test';

// Mounts a widget in the page and waits until it has drawn `item` or reached `state`.
async function mount(page, options, { item = null, state = null } = {}) {
  return page.evaluate(async ({ options, item, state }) => {
    const { mountPlanMapper } = await import('/plan-mapper.js');
    const container = document.createElement('div');
    container.style.cssText = 'width: 100%; height: 600px';
    document.getElementById('host').appendChild(container);
    const errors = [];
    const controller = await mountPlanMapper(container, { ...options, testHooks: true, onError: (e) => errors.push(e) });
    const deadline = Date.now() + 20_000;
    const done = () => (item && controller.debugItems()[item]) || (state && container.dataset.planMapperState === state);
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return { state: container.dataset.planMapperState, errors, items: Object.keys(controller.debugItems()) };
  }, { options, item, state });
}

describe('where the token may go', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('plain http to an API on another computer: nothing is sent, the person is told why', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    const sent = [];
    page.on('request', (request) => { if (request.url().includes('example.test')) sent.push(request.url()); });
    const seen = await mount(page, { apiUrl: 'http://api.example.test/v1', jobId: DEMO_JOB_ID, token: DEMO_TOKEN }, { state: 'error' });
    assert.equal(seen.state, 'error');
    assert.equal(seen.errors.length, 1);
    assert.match(seen.errors[0].message, /must use https:\/\//);
    assert.deepEqual(sent, [], 'no request left the page for that host');
    await page.close();
  });

  test('a secret key on a page that is not on this computer shows a warning; on 127.0.0.1 it does not', { timeout: 60_000 }, async () => {
    // The shop's page and the bundle, at a non-loopback origin.
    const page = await env.browser.newPage({ viewport: { width: 1200, height: 760 } });
    await page.route(`${SHOP}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/page.html') {
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body><div id="host"></div></body></html>' });
      }
      return route.fulfill({ response: await route.fetch({ url: `${env.double.url}${url.pathname}` }) });
    });
    await page.goto(`${SHOP}/page.html`);
    const plan = { fieldMapping: [], unmappedSourceFields: [{ sourceField: { key: 'a', type: 'string' }, preview: [] }], unmappedDestinationFields: [] };
    const shop = await mount(page, { token: 'sk_live_not_a_real_key', plan }, { item: 'warning' });
    assert.ok(shop.items.includes('warning'), `no warning drawn; items: ${shop.items.slice(0, 8).join(', ')}`);
    await page.close();

    const local = await openBlankPage(env.browser, env.double);
    const here = await mount(local, { token: 'sk_live_not_a_real_key', plan }, { item: 'source:a' });
    assert.ok(here.items.includes('source:a'), 'the panel was drawn');
    assert.ok(!here.items.includes('warning'), 'no warning on a page served from this computer');
    await local.close();
  });
});
