// The bundle checks itself: the build writes SRI hashes for every module (in the pages' import map
// and tags, and in integrity.json for hosts) and the wasm's SHA-256 into bundle-integrity.js. A
// tampered module or wasm is refused before any of it runs, with a clear message, and nothing
// reaches the API.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { securityCases } from './lib/security-cases.mjs';

const built = existsSync(path.join(DIST_DIR, 'integrity.json'));
const distFile = (name) => readFileSync(path.join(DIST_DIR, name));
const sri = (bytes, algorithm = 'sha384') => `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;

describe('integrity of the bundle', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const cases = securityCases('integrity', { after });

  cases.test('the build wrote hashes that match the files, and the pages use them', () => {
    const manifest = JSON.parse(distFile('integrity.json'));
    const modules = readdirSync(DIST_DIR).filter((n) => n.endsWith('.js')).sort();
    assert.deepEqual(Object.keys(manifest.modules), modules);
    for (const name of modules) assert.equal(manifest.modules[name], sri(distFile(name)), name);
    assert.equal(manifest.wasm.sha256, createHash('sha256').update(distFile('plan-mapper-wasm.wasm')).digest('hex'));
    assert.match(distFile('bundle-integrity.js').toString(), new RegExp(manifest.wasm.sha256));
    for (const page of ['index.html', 'demo.html']) {
      const html = distFile(page).toString();
      const importMap = html.match(/<script type="importmap">([^<]*)<\/script>/)?.[1];
      assert.ok(importMap, `${page} has an import map`);
      assert.deepEqual(JSON.parse(importMap).integrity, Object.fromEntries(modules.map((n) => [`./${n}`, manifest.modules[n]])));
      const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
      assert.ok(csp.includes(`'${sri(Buffer.from(importMap), 'sha256')}'`), `${page}: the CSP allows exactly that import map`);
      const tags = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="\.\/[^"]+\.js"[^>]*>/g)].map((m) => m[0]);
      assert.ok(tags.length >= 3);
      for (const tag of tags) assert.match(tag, /integrity="sha384-/, tag);
    }
  });

  // Serves a modified copy of one dist file to the page.
  async function pageWithTampered(file, tamper) {
    const page = await env.browser.newPage();
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.route(`${env.double.url}/${file}`, (route) => route.fulfill({
      status: 200, contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body: tamper(distFile(file)),
    }));
    return page;
  }

  const apiRequests = () => env.double.requestLog.all().filter((e) => e.path.startsWith('/v1'));

  cases.test('a tampered wasm is not run: the demo page says why and nothing is sent', { timeout: 60_000 }, async () => {
    env.double.requestLog.clear();
    const page = await pageWithTampered('plan-mapper-wasm.wasm', (bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 1] ^= 0x01;                 // one bit in the last byte
      return copy;
    });
    await page.goto(`${env.double.url}/demo.html`);
    await page.waitForSelector('#problem', { timeout: 30_000 });
    assert.match(await page.textContent('#problem'), /plan-mapper-wasm\.wasm failed its integrity check/);
    assert.equal(await page.getAttribute('#mapper', 'data-plan-mapper-state'), 'error');
    assert.equal(await page.evaluate(() => document.querySelectorAll('canvas').length), 0);
    assert.deepEqual(apiRequests(), []);
    await page.close();
  });

  cases.test('a tampered module is not run: the standalone page says why and asks for nothing', { timeout: 30_000 }, async () => {
    for (const file of ['plan-mapper.js', 'bundle-integrity.js', 'standalone.js']) {
      env.double.requestLog.clear();
      const page = await pageWithTampered(file, (bytes) => Buffer.concat([bytes, Buffer.from('\nwindow.tampered = true;\n')]));
      await page.goto(`${env.double.url}/index.html?api=${encodeURIComponent(env.double.url)}&job=${DEMO_JOB_ID}`);
      await page.waitForFunction(() => document.documentElement.dataset.planMapperLoad === 'failed', null, { timeout: 15_000 });
      assert.match(await page.textContent('#problem'), /could not be loaded: .* failed its integrity check/, file);
      assert.equal(await page.isVisible('#token'), false, `${file}: no sign-in field`);
      assert.equal(await page.evaluate(() => window.tampered ?? false), false, `${file}: the tampered code did not run`);
      assert.deepEqual(apiRequests(), []);
      await page.close();
    }
  });

  cases.test('the untampered pages load as before', { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.double.url}/demo.html`);
    await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.planMapperLoad ?? null), null);
    await page.close();
  });
});
