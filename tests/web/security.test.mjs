// Where the token may go, in the real widget: an API origin that is not allowed (and plain http to
// an API that is not on this computer) is refused before anything is sent, and a secret key (sk_...) on a page that is not on this
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

  test('an API origin that is not allowed: mountPlanMapper rejects before anything is sent', { timeout: 60_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double);
    const sent = [];
    page.on('request', (request) => { if (request.url().includes('example.test')) sent.push(request.url()); });
    const attempt = (options) => page.evaluate(async (options) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const container = document.createElement('div');
      document.getElementById('host').appendChild(container);
      let tokenAsked = false;
      try {
        await mountPlanMapper(container, { ...options, getToken: () => { tokenAsked = true; return 'x'; } });
        return { rejected: false };
      } catch (error) {
        return { rejected: true, message: error.message, state: container.dataset.planMapperState, canvas: !!container.querySelector('canvas'), tokenAsked };
      }
    }, options);
    // Not on the default list (Flatfile's public origins and the page's own).
    const unlisted = await attempt({ apiUrl: 'https://api.example.test/v1', jobId: DEMO_JOB_ID });
    assert.deepEqual({ ...unlisted, message: undefined }, { rejected: true, message: undefined, state: 'error', canvas: false, tokenAsked: false });
    assert.match(unlisted.message, /does not send sign-in tokens to https:\/\/api\.example\.test/);
    // Plain http to another computer cannot even be listed.
    const http = await attempt({ apiUrl: 'http://api.example.test/v1', jobId: DEMO_JOB_ID, allowedApiOrigins: ['http://api.example.test'] });
    assert.equal(http.rejected, true);
    assert.match(http.message, /must use https:\/\//);
    // A list given by the host replaces the default: even the page's own origin is then refused.
    env.double.requestLog.clear();
    const own = await attempt({ apiUrl: env.double.url, jobId: DEMO_JOB_ID, allowedApiOrigins: ['https://api.x.flatfile.com'] });
    assert.equal(own.rejected, true);
    assert.match(own.message, /does not send sign-in tokens to http:\/\/127\.0\.0\.1/);
    assert.deepEqual(env.double.requestLog.all().filter((e) => e.path.startsWith('/v1')), [], 'nothing reached the API');
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
