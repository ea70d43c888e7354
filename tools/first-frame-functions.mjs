#!/usr/bin/env node
// Writes web/bundle/first-frame-functions.txt, the functions web/bundle/split-deferred.mjs keeps
// in the main wasm (issue 17: what the first frame does not run is loaded after it). How: the
// shaping split's primary (the module before the deferred split, kept beside the built wasm) is
// instrumented by binaryen's wasm-split, the demo page runs it in headless Chromium on 127.0.0.1
// up to its first frame with the plan request held back (so the list does not depend on whether
// the plan happened to arrive first), then lets the plan's response arrive without drawing another
// frame (what runs then, before the widget's frames wait for the deferred code: queueing it, and
// the handlers of input that comes meanwhile: they too only queue it for a frame), the
// profile is read out of the module, and wasm-split says
// which functions ran; they are listed by their symbol-map names, sorted, so a change to the list
// reads as a diff. Run it after changes that alter what the first frame runs (a function the list
// misses is only loaded later: slower, never wrong).
//   node tools/first-frame-functions.mjs [DIST] [BUILT_BASE]
//     DIST: a built dist/ (the repository's by default); BUILT_BASE: the built wasm without
//     .wasm (build/web-release/src/app/plan-mapper-wasm): reads BUILT_BASE.first-split.wasm/.symbols.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSymbolMap } from '../web/bundle/split-shaping.mjs';
import { KEEP_LIST } from '../web/bundle/split-deferred.mjs';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../web/sample-jobs/index.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const source = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const base = path.resolve(process.argv[3] ?? path.join(root, 'build/web-release/src/app/plan-mapper-wasm'));
const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];
const work = mkdtempSync(path.join(os.tmpdir(), 'pm-first-frame-'));
const dist = path.join(work, 'dist');

try {
  cpSync(source, dist, { recursive: true });
  const first = `${base}.first-split.wasm`;
  const names = readSymbolMap(`${base}.first-split.symbols`);
  execFileSync('wasm-split', ['--instrument', first, '-o', path.join(dist, 'plan-mapper-wasm.wasm'), ...FEATURES]);
  // The widget runs only the wasm bundle-integrity.js names, and the pages load that file under
  // SRI: both follow the instrumented copy, which has every function (no deferred module to load).
  const integrityFile = path.join(dist, 'bundle-integrity.js');
  const before = readFileSync(integrityFile, 'utf8');
  const [head, json] = before.split('Object.freeze(');
  const bundle = JSON.parse(json.slice(0, json.lastIndexOf(');')));
  bundle.wasm.sha256 = createHash('sha256').update(readFileSync(path.join(dist, 'plan-mapper-wasm.wasm'))).digest('hex');
  delete bundle.deferred;
  const after = `${head}Object.freeze(${JSON.stringify(bundle, null, 2)});\n`;
  writeFileSync(integrityFile, after);
  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));
  for (const name of pages) writeFileSync(path.join(dist, name), readFileSync(path.join(dist, name), 'utf8').replaceAll(sri(before), sri(after)));
  for (const name of ['plan-mapper-wasm.wasm', 'bundle-integrity.js', ...pages]) {
    for (const ext of ['.gz', '.br']) rmSync(path.join(dist, name + ext), { force: true });   // the double would serve these
  }

  process.env.PM_DIST_DIR = dist;                  // read by tests/web/lib/browser.mjs when imported
  const { launchChromium, startDoubleForDist } = await import('../tests/web/lib/browser.mjs');
  const double = await startDoubleForDist();
  const browser = await launchChromium();
  // Three pages: the demo page, and the widget mounted on a blank page with the options the browser
  // tests use (test hooks on, suggestions not applied, rows not read), in English and in German
  // with a host's strings: other options take other paths.
  const mountOnBlankPage = async (page, extra) => {
    await page.route(`${double.url}/__profile/page.html`, (route) => route.fulfill({
      contentType: 'text/html', body: '<!doctype html><html><body style="margin:0"><div id="host"></div></body></html>' }));
    await page.goto(`${double.url}/__profile/page.html`);
    await page.evaluate(async ({ jobId, token, extra }) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const container = document.createElement('div');
      container.style.cssText = 'width: 100%; height: 700px; position: relative';
      document.getElementById('host').appendChild(container);
      mountPlanMapper(container, { apiUrl: location.origin, jobId, token, testHooks: true, autoApply: 'none', readRecords: false, ...extra })
        .then((controller) => { window.testController = controller; }, () => {});
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN, extra });
    return () => window.testController?.framesDrawn() > 0;
  };
  const profiles = [];
  try {
    for (const [stage, open] of [
      ['demo', async (page) => {
        await page.goto(`${double.url}/demo.html`);
        return () => window.planMapper?.frameStats().frames > 0;
      }],
      ['widget', (page) => mountOnBlankPage(page, {})],
      // German words and a host's strings (with an unknown key and a wrong placeholder): what
      // reading and checking them runs at start-up stays too.
      ['widget-de', (page) => mountOnBlankPage(page, {
        lang: 'de', label: 'Spalten', strings: { 'header.undo': 'Zurück', 'header.noSuchKey': 'x', 'say.cleared': { one: '{count}', other: '{count} {because}' } },
      })],
    ]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const held = [];
      await page.route('**/v1/**', (route) => { held.push(route); });   // the first frame is the loading one
      // The instance is caught as it is made (the widget keeps it private); frames can be stopped,
      // those already asked for included.
      await page.addInitScript(() => {
        const request = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (callback) => request((time) => { if (!window.pmNoFrames) callback(time); });
        const instantiate = WebAssembly.instantiate;
        WebAssembly.instantiate = async function (...args) {
          const result = await instantiate.apply(this, args);
          const instance = result.instance ?? result;
          if (instance.exports.__write_profile) window.__pmInstrumented = instance;
          return result;
        };
      });
      const drawn = await open(page);
      await page.waitForFunction(drawn, null, { timeout: 60_000 });
      // Then the plan's response arrives (the module queues it; the widget draws no frame with it
      // before the deferred code is linked, and here draws none at all).
      await page.evaluate(() => { window.pmNoFrames = true; });
      // Input while it loads only queues events for the next frame: their handlers stay too.
      const box = await page.evaluate(() => { const r = document.querySelector('canvas').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; });
      await page.mouse.move(box.x, box.y);
      await page.mouse.wheel(0, 120);
      await page.mouse.down();
      await page.mouse.up();
      await page.keyboard.press('a');
      await page.keyboard.press('Tab');
      const answered = page.waitForEvent('requestfinished', { predicate: (request) => request.url().includes('/v1/'), timeout: 30_000 });
      for (const route of held.splice(0)) await route.continue();
      await answered;
      await page.waitForTimeout(1000);
      // Written into fresh pages of the module's memory (the page is not used after).
      const profile = await page.evaluate(() => {
        const exports = window.__pmInstrumented.exports;
        const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
        const at = memory.grow(16) * 65536;
        const size = exports.__write_profile(at, 16 * 65536);
        return Array.from(new Uint8Array(memory.buffer, at, size));
      });
      await page.close();
      const file = path.join(work, `${stage}.prof`);
      writeFileSync(file, Buffer.from(profile));
      profiles.push(file);
    }
  } finally {
    await browser.close();
    await double.close();
  }
  const profileFile = path.join(work, 'first-frame.prof');
  execFileSync('wasm-split', ['--merge-profiles', ...profiles, '-o', profileFile, ...FEATURES]);
  // wasm-split -v lists the kept functions by binaryen's names: a defined function's index among
  // the defined ones (the module has no name section).
  const text = execFileSync('wasm-split', ['--split', `--profile=${profileFile}`, first, '-o1', path.join(work, 'p.wasm'),
    '-o2', path.join(work, 's.wasm'), '-v', ...FEATURES], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const importCount = names.length - Number(execFileSync('wasm-dis', [first, ...FEATURES], { maxBuffer: 1 << 30 }).toString()
    .match(/^ \(func \$/gm).length);
  const keptLine = /^Keeping functions: (.*)$/m.exec(text);
  if (!keptLine) throw new Error('wasm-split -v printed no "Keeping functions:" line');
  const kept = new Set(keptLine[1].split(', ').map((n) => names[Number(n) + importCount]).filter(Boolean));
  writeFileSync(KEEP_LIST, [
    '# The functions the first frame runs, kept in plan-mapper-wasm.wasm by web/bundle/split-deferred.mjs',
    '# (the rest are in plan-mapper-deferred.wasm). Written by tools/first-frame-functions.mjs: do not edit.',
    ...[...kept].sort(),
  ].join('\n') + '\n');
  console.log(`first-frame-functions: ${kept.size} functions of ${names.length - importCount} run up to the first frame and the plan's arrival`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
