// The standalone page decides nothing about where the token goes from its own address: the API
// origin must be listed in plan-mapper.config.json (the dev server answers one listing its own
// origin; the shipped file lists Flatfile's public origins only), or the page says so, shows no
// sign-in field and sends nothing. A token by postMessage is taken only from a parent origin the
// config lists, and the page answers only that origin, without the token.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { securityCases } from './lib/security-cases.mjs';

const built = existsSync(path.join(DIST_DIR, 'index.html')) && existsSync(path.join(DIST_DIR, 'plan-mapper.config.json'));

// Opens the standalone page for `api`, optionally with another config, and records every request
// that does not go to the double.
async function openStandalone(env, api, { config = null } = {}) {
  const page = await env.browser.newPage();
  const elsewhere = [];
  page.on('request', (request) => { if (!request.url().startsWith(env.double.url)) elsewhere.push(request.url()); });
  if (config !== null) {
    await page.route(`${env.double.url}/plan-mapper.config.json`, (route) => route.fulfill({ contentType: 'application/json', body: config }));
  }
  await page.goto(`${env.double.url}/index.html?api=${encodeURIComponent(api)}&job=${DEMO_JOB_ID}`);
  await page.waitForFunction(() => !document.getElementById('problem').hidden || !document.getElementById('sign-in').hidden);
  return { page, elsewhere };
}

const apiRequests = (env) => env.double.requestLog.all().filter((e) => e.path.startsWith('/v1'));

describe('standalone page: allowed API origins', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const cases = securityCases('standalone-origins', { after });

  cases.test('an api that is not listed: a clear refusal, no sign-in field, nothing sent', { timeout: 30_000 }, async () => {
    env.double.requestLog.clear();
    const { page, elsewhere } = await openStandalone(env, 'https://attacker.example.test/v1');
    assert.match(await page.textContent('#problem'), /does not send sign-in tokens to https:\/\/attacker\.example\.test.*Nothing was sent/s);
    assert.equal(await page.isVisible('#token'), false, 'the sign-in field is not shown');
    assert.equal(await page.isVisible('#sign-in'), false);
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(apiRequests(env), []);
    await page.close();
  });

  cases.test('the shipped config allows Flatfile only: a loopback api is refused until listed', { timeout: 30_000 }, async () => {
    env.double.requestLog.clear();
    const shipped = readFileSync(path.join(DIST_DIR, 'plan-mapper.config.json'), 'utf8');
    const { page, elsewhere } = await openStandalone(env, env.double.url, { config: shipped });
    assert.match(await page.textContent('#problem'), /does not send sign-in tokens to http:\/\/127\.0\.0\.1/);
    assert.equal(await page.isVisible('#token'), false);
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(apiRequests(env), []);
    await page.close();

    // Flatfile's own origin is accepted by the shipped file: the sign-in field appears (nothing is sent until a token is given).
    const flatfile = await openStandalone(env, 'https://platform.eu.flatfile.com/api', { config: shipped });
    assert.equal(await flatfile.page.isVisible('#token'), true);
    assert.deepEqual(flatfile.elsewhere, []);
    await flatfile.page.close();
  });

  cases.test('a config that cannot be used: the page says why and asks for nothing', { timeout: 30_000 }, async () => {
    const cases = [
      ['{"allowedApiOrigins": "http://127.0.0.1"}', /allowedApiOrigins must be a list/],
      ['{"allowedApiOrigins": ["*"]}', /allowedApiOrigins\[0\]/],
      ['not json', /not valid JSON/],
    ];
    for (const [config, why] of cases) {
      const { page } = await openStandalone(env, env.double.url, { config });
      assert.match(await page.textContent('#problem'), why);
      assert.match(await page.textContent('#problem'), /Nothing was sent/);
      assert.equal(await page.isVisible('#token'), false);
      await page.close();
    }
  });
});

describe('standalone page: token hand-over by postMessage', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const cases = securityCases('token-hand-over', { after });

  // The parent: a page of another origin (a second loopback server; Chromium keeps pages that
  // Playwright's router answers, which count as public, from framing loopback ones) embedding the
  // standalone page; it records every message it receives.
  let parentServer = null;
  let parentHtml = '';
  before(async () => {
    parentServer = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(parentHtml);
    });
    await new Promise((resolve) => parentServer.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise((resolve) => { parentServer.closeAllConnections(); parentServer.close(resolve); }));
  const parentOrigin = () => `http://127.0.0.1:${parentServer.address().port}`;

  async function openParent(config = null) {
    const page = await env.browser.newPage();
    if (config) {
      await page.route(`${env.double.url}/plan-mapper.config.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    }
    const frameUrl = `${env.double.url}/index.html?api=${encodeURIComponent(env.double.url)}&job=${DEMO_JOB_ID}`;
    parentHtml = `<!doctype html><script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>` +
      `<iframe id="f" src="${frameUrl}" style="width:1000px;height:600px"></iframe>`;
    await page.goto(`${parentOrigin()}/host.html`);
    const frame = page.frameLocator('#f');
    await frame.locator('#token').waitFor();
    return { page, frame };
  }

  const postToken = (page) => page.evaluate((token) =>
    document.getElementById('f').contentWindow.postMessage({ type: 'plan-mapper:token', token }, '*'), DEMO_TOKEN);

  cases.test('a token from a parent origin that is not listed is ignored and answered with nothing', { timeout: 30_000 }, async () => {
    env.double.requestLog.clear();
    const { page, frame } = await openParent();      // the dev server's config lists only its own origin
    // Record in the frame when the message has arrived (its listener runs after the page's own).
    const frameHandle = page.frames().find((f) => f.url().startsWith(env.double.url));
    await frameHandle.evaluate(() => { window.seen = []; addEventListener('message', (e) => window.seen.push(e.origin)); });
    await postToken(page);
    await frameHandle.waitForFunction(() => window.seen.length === 1);
    assert.deepEqual(await frameHandle.evaluate(() => window.seen), [parentOrigin()]);
    assert.equal(await frame.locator('#token').isVisible(), true, 'still asking for a token');
    assert.equal(await frameHandle.evaluate(() => !!document.querySelector('canvas')), false, 'no widget was mounted');
    assert.deepEqual(apiRequests(env), [], 'nothing was sent');
    assert.deepEqual(await page.evaluate(() => window.received), [], 'the parent heard nothing back');
    await page.close();
  });

  cases.test('a listed parent origin: the token is taken, the answer goes to that origin and holds no token', { timeout: 60_000 }, async () => {
    env.double.requestLog.clear();
    const { page, frame } = await openParent({ allowedApiOrigins: [env.double.url], allowedParentOrigins: [parentOrigin()] });
    await postToken(page);
    await frame.locator('[data-plan-mapper-state="ready"]').waitFor({ timeout: 30_000 });
    const gets = env.double.requestLog.find('GET', `/v1/jobs/${DEMO_JOB_ID}/plan`);
    assert.ok(gets.some((e) => e.headers.authorization === `Bearer ${DEMO_TOKEN}` && e.status === 200));
    const received = await page.evaluate(() => window.received);
    assert.deepEqual(received.map((m) => m.data.type).sort(), ['plan-mapper:ready-for-token', 'plan-mapper:token-received']);
    for (const message of received) assert.equal(message.origin, env.double.url);
    assert.ok(!JSON.stringify(received).includes(DEMO_TOKEN), 'the token is never echoed');
    await page.close();
  });
});
