// The code that draws shaped text is a deferred wasm (issue 18, "cost only when used";
// web/bundle/split-shaping.mjs): a plan in Latin script never requests plan-mapper-shaping.wasm
// (nor calls any of its placeholders, which would say so on the console), an Arabic plan requests
// it once and draws its runs, and a tampered copy is refused with a clear message while the panel
// carries on with its Latin text; the call that gives the panel its run source is the deferred
// module's own export, so a page that skips loading it leaves the panel drawing its glyphs (its
// placeholders, traps, are never reached). The real wasm in Chromium, the dist/ the build assembled.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, framesAfterInput, itemCentre, mountWidget, openBlankPage } from './lib/widget-page.mjs';

const SECONDARY = 'plan-mapper-shaping.wasm';
const built = existsSync(path.join(DIST_DIR, SECONDARY));
// The exports only the shaping code's JavaScript calls (web/bundle/shaping-exports.mjs).
const SHAPING_EXPORTS = ['pm_text_runs_start', 'pm_text_run_upload', 'pm_text_field_set'];
// What a trap in the module (a placeholder reached) says on the console.
const TRAPPED = /RuntimeError|unreachable|signature mismatch/;

const planWith = (labels) => ({
  fieldMapping: [],
  unmappedSourceFields: Object.entries(labels).map(([key, label]) => ({ sourceField: { key, label, type: 'string' }, preview: [label] })),
  unmappedDestinationFields: [{ destinationField: { key: 'name', label: 'Name', type: 'string' } }],
});

describe('the deferred shaping wasm', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  // A page that records its requests for the secondary wasm and its console errors.
  async function recordingPage() {
    const page = await openBlankPage(env.browser, env.double, { width: 1280, height: 800 });
    page.secondaryRequests = 0;
    page.consoleErrors = [];
    page.on('request', (request) => { if (request.url().endsWith(`/${SECONDARY}`)) page.secondaryRequests += 1; });
    page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => page.consoleErrors.push(error.message));
    return page;
  }

  const framesDrawn = (page, widget) => page.evaluate((w) => window.controllers[w].framesDrawn(), widget);
  // Scrolls over a row, then clicks it; the module draws frames for that input (asserted).
  async function scrollOver(page, widget, item) {
    const start = await framesDrawn(page, widget);
    const at = await itemCentre(page, widget, item);
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 3; i += 1) {
      await page.mouse.wheel(0, 120);
      await framesAfterInput(page, widget);
    }
    await clickItem(page, widget, item);
    assert.ok(await framesDrawn(page, widget) > start, 'frames drawn after the input');
  }

  test('the build wrote it, precompressed, and its hash; it exports what only the shaping code calls, the main wasm and the glue do not', () => {
    // Its hash is in scripts-integrity.js, which only text-runs.js imports: not in the first transfer.
    const scripts = readFileSync(path.join(DIST_DIR, 'scripts-integrity.js'), 'utf8');
    const sha = createHash('sha256').update(readFileSync(path.join(DIST_DIR, SECONDARY))).digest('hex');
    assert.ok(scripts.includes(`"${sha}"`), 'scripts-integrity.js holds the deferred wasm\'s SHA-256');
    assert.ok(!readFileSync(path.join(DIST_DIR, 'bundle-integrity.js'), 'utf8').includes(sha), 'bundle-integrity.js does not');
    const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'integrity.json'), 'utf8'));
    assert.equal(manifest.shaping.sha256, sha);
    const main = new WebAssembly.Module(readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm')));
    const shaping = new WebAssembly.Module(readFileSync(path.join(DIST_DIR, SECONDARY)));
    assert.deepEqual(WebAssembly.Module.imports(main).filter((entry) => entry.module === 'placeholder'), [], 'the main wasm imports nothing for it');
    assert.deepEqual(WebAssembly.Module.exports(shaping).filter((entry) => entry.kind === 'function').map((entry) => entry.name).sort(), [...SHAPING_EXPORTS].sort());
    const glue = readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.js'), 'utf8');
    for (const name of SHAPING_EXPORTS) assert.ok(!glue.includes(`_${name}`), `the glue has no wrapper of ${name}`);
    assert.ok(existsSync(path.join(DIST_DIR, `${SECONDARY}.gz`)) || existsSync(path.join(DIST_DIR, `${SECONDARY}.br`)), 'precompressed');
  });

  // web/bundle/table-links.mjs: what it calls of the main wasm is reached through the shared
  // table, so the main wasm (which a Latin plan downloads) exports no function for it alone.
  test('it calls the main wasm through the table: the main wasm exports no function only it uses', () => {
    const glue = readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.js'), 'utf8');
    const glueUses = (name) => new RegExp(`\\basm\\.${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(glue);
    const main = new WebAssembly.Module(readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm')));
    const shaping = new WebAssembly.Module(readFileSync(path.join(DIST_DIR, SECONDARY)));
    const functions = (list) => list.filter((entry) => entry.kind === 'function').map((entry) => entry.name);
    // Its function imports, if any, are exports the glue has anyway (emcc's, e.g. free).
    assert.deepEqual(functions(WebAssembly.Module.imports(shaping)).filter((name) => !glueUses(name)), []);
    assert.ok(WebAssembly.Module.imports(shaping).some((entry) => entry.kind === 'table'), 'it imports the table');
    // The main wasm's function exports: the glue's, and the deferred module's (split-deferred.mjs's '%d' prefix).
    assert.deepEqual(functions(WebAssembly.Module.exports(main)).filter((name) => !name.startsWith('%d') && !glueUses(name)), []);
  });

  test('a Latin plan (bidi controls included) never requests it nor reaches its placeholders', { timeout: 60_000 }, async () => {
    const page = await recordingPage();
    // The demo plan (Latin) from the double, then one with a right-to-left override in a label
    // and a sample: shown as marks by the main wasm, no run asked for.
    await mountWidget(page);
    const second = await mountWidget(page, { name: 'controls', options: { plan: planWith({ a: 'invoice\u202Etxt.exe', b: 'Name' }), apiUrl: '' } });
    await scrollOver(page, second, 'source:a');
    await page.waitForTimeout(1000);
    assert.equal(page.secondaryRequests, 0);
    assert.deepEqual(page.consoleErrors.filter((e) => TRAPPED.test(e)), []);
    assert.equal((await page.evaluate((w) => window.controllers[w].textRunStats(), second)).requested, 0);
    await page.close();
  });

  test('an Arabic plan requests it once, then its runs are drawn', { timeout: 60_000 }, async () => {
    const page = await recordingPage();
    const widget = await mountWidget(page, { options: { plan: planWith({ a: 'العنوان الكامل', b: 'رقم الهاتف', c: 'Name' }), apiUrl: '' } });
    await page.waitForFunction((w) => window.controllers[w].textRunStats().then((s) => s.drawn >= 2), widget, { timeout: 20_000, polling: 200 })
      .catch(async () => assert.fail(`runs not drawn: ${JSON.stringify(await page.evaluate((w) => window.controllers[w].textRunStats(), widget))}`));
    await scrollOver(page, widget, 'source:a');
    assert.equal(page.secondaryRequests, 1);
    assert.deepEqual(page.consoleErrors, []);
    const events = await page.evaluate((w) => window.events[w].error, widget);
    assert.deepEqual(events, []);
    await page.close();
  });

  // The guard itself: a page that (wrongly) skips loading the deferred code has no way to give
  // the module its run source (pm_text_runs_start is that code's export), so the panel never
  // reaches the moved functions' placeholders (traps): text-runs.js says the shaping code could not
  // start, and the panel carries on with its own glyphs.
  test('a page that skips loading it cannot reach its placeholders: the panel carries on', { timeout: 60_000 }, async () => {
    const page = await recordingPage();
    const runsJs = readFileSync(path.join(DIST_DIR, 'text-runs.js'), 'utf8');
    // The shaping code's load (loadShapingCode in text-runs.js, which the minifier inlines where
    // startWidgetTextRuns awaits it) becomes a promise that resolves at once: the module then has
    // no pm_text_runs_start to call.
    const skipped = runsJs.replace(/async function\(([\w$]+),[\w$]+\)\{const\{bytes:[\w$]+\}=await [\w$]+\("plan-mapper-shaping\.wasm"[\s\S]*?await WebAssembly\.instantiate\([\w$]+,\{primary:\1\.asm\}\)[\s\S]*?\}\([\w$]+,[\w$]+\)/, 'Promise.resolve()');
    assert.notEqual(skipped, runsJs, 'the load of the deferred code found in text-runs.js');
    await page.route(`${env.double.url}/text-runs.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: skipped }));
    const widget = await mountWidget(page, { options: { plan: planWith({ a: 'العنوان الكامل', c: 'Customer name' }), apiUrl: '' } });
    await page.waitForFunction((w) => window.events[w].error.length > 0, widget, { timeout: 20_000 });
    const [error] = await page.evaluate((w) => window.events[w].error, widget);
    assert.equal(error.during, 'loading the shaping code');
    assert.match(error.message, /no pm_text_runs_start/);
    await scrollOver(page, widget, 'source:c');
    await itemCentre(page, widget, 'source:a');
    assert.deepEqual(page.consoleErrors.filter((e) => TRAPPED.test(e)), []);
    assert.equal(page.secondaryRequests, 0);
    assert.equal(await page.getAttribute(`#${widget}`, 'data-plan-mapper-state'), 'ready');
    await page.close();
  });

  test('a tampered copy is refused with a clear message; the panel carries on in Latin', { timeout: 60_000 }, async () => {
    const page = await recordingPage();
    await page.route(`${env.double.url}/${SECONDARY}`, (route) => {
      const copy = Buffer.from(readFileSync(path.join(DIST_DIR, SECONDARY)));
      copy[copy.length - 1] ^= 0x01;
      return route.fulfill({ status: 200, contentType: 'application/wasm', body: copy });
    });
    const widget = await mountWidget(page, { options: { plan: planWith({ a: 'العنوان الكامل', c: 'Customer name' }), apiUrl: '' } });
    await page.waitForFunction((w) => window.events[w].error.length > 0, widget, { timeout: 20_000 });
    const [error] = await page.evaluate((w) => window.events[w].error, widget);
    assert.equal(error.during, 'loading the shaping code');
    assert.match(error.message, /plan-mapper-shaping\.wasm failed its integrity check/);
    assert.ok(page.consoleErrors.some((e) => /plan-mapper-shaping\.wasm failed its integrity check/.test(e)));
    // Still ready and drawing; the Latin row is there and takes input; no run, no placeholder.
    assert.equal(await page.getAttribute(`#${widget}`, 'data-plan-mapper-state'), 'ready');
    await scrollOver(page, widget, 'source:c');
    await itemCentre(page, widget, 'source:a');
    assert.equal(page.secondaryRequests, 1, 'refused once, not asked for again every frame');
    assert.deepEqual(page.consoleErrors.filter((e) => TRAPPED.test(e)), []);
    assert.equal((await page.evaluate((w) => window.controllers[w].textRunStats(), widget)).requested, 0);
    await page.close();
  });
});
