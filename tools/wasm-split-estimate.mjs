#!/usr/bin/env node
// How small the wasm to the first frame could be if it were split (issue 17): binaryen's
// wasm-split (what Emscripten's -sSPLIT_MODULE drives) instruments the built module, the demo page
// runs it in headless Chromium on 127.0.0.1 up to (a) its first frame and (b) the plan loaded,
// matched and idle for 3 s, and the module is split by each profile into the functions that ran
// (primary) and the rest (secondary, fetched later). A measurement only: nothing here is shipped.
// The first-frame profile is taken when the page first sees a frame drawn: on a loaded machine the
// plan may have arrived (and more code run) by then, so that figure varies between runs (seen:
// 167 and 246 KB gzip); take the smallest of a few runs.
// Since the build splits the wasm itself (web/bundle/split-deferred.mjs, from the list
// tools/first-frame-functions.mjs writes), dist's wasm is already the first frame's part: this
// then estimates a further split of it.
//   node tools/wasm-split-estimate.mjs [DIST]      (DIST: a built dist/, the repository's by default)
// Prints one JSON line per figure ({"name","value","unit","runs"}), like tools/bench's programs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const source = path.resolve(process.argv[2] ?? new URL('../dist/', import.meta.url).pathname);
const work = mkdtempSync(path.join(os.tmpdir(), 'pm-split-'));
const dist = path.join(work, 'dist');
// Emscripten 3.1.6's default wasm features (binaryen 108 needs them named).
const FEATURES = ['--enable-sign-ext', '--enable-mutable-globals'];
const report = (name, value, unit) => console.log(JSON.stringify({ name, value: Number(value.toFixed(1)), unit, runs: 1 }));
const gzipKB = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

try {
  cpSync(source, dist, { recursive: true });
  const wasm = path.join(dist, 'plan-mapper-wasm.wasm');
  const original = path.join(work, 'original.wasm');
  cpSync(wasm, original);
  execFileSync('wasm-split', ['--instrument', original, '-o', wasm, ...FEATURES]);
  // The widget runs only the wasm whose SHA-256 bundle-integrity.js names, and the pages load
  // bundle-integrity.js under SRI: both hashes follow the instrumented copy. The precompressed
  // copies of changed files go (the double would serve them instead).
  const integrityFile = path.join(dist, 'bundle-integrity.js');
  const before = readFileSync(integrityFile, 'utf8');
  const oldSri = `sha384-${createHash('sha384').update(before).digest('base64')}`;
  const wasmHash = createHash('sha256').update(readFileSync(wasm)).digest('hex');
  const after = before.replace(/("wasm":\s*\{\s*"sha256":\s*")[0-9a-f]+/, `$1${wasmHash}`);
  writeFileSync(integrityFile, after);
  const newSri = `sha384-${createHash('sha384').update(after).digest('base64')}`;
  for (const name of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
    const page = path.join(dist, name);
    writeFileSync(page, readFileSync(page, 'utf8').replaceAll(oldSri, newSri));
  }
  for (const name of ['plan-mapper-wasm.wasm', 'bundle-integrity.js', ...readdirSync(dist).filter((f) => f.endsWith('.html'))]) {
    rmSync(path.join(dist, `${name}.gz`), { force: true });
    rmSync(path.join(dist, `${name}.br`), { force: true });
  }

  process.env.PM_DIST_DIR = dist;                  // read by tests/web/lib/browser.mjs when imported
  const { launchChromium, startDoubleForDist } = await import('../tests/web/lib/browser.mjs');
  const double = await startDoubleForDist();
  const browser = await launchChromium();
  try {
    for (const stage of ['first-frame', 'ready-idle']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // The instance is caught as it is made (the widget keeps it private).
      await page.addInitScript(() => {
        const instantiate = WebAssembly.instantiate;
        WebAssembly.instantiate = async function (...args) {
          const result = await instantiate.apply(this, args);
          const instance = result.instance ?? result;
          if (instance.exports.__write_profile) window.__pmInstrumented = instance;
          return result;
        };
      });
      await page.goto(`${double.url}/demo.html`);
      await page.waitForFunction(() => window.__pmInstrumented && window.planMapper?.frameStats().frames > 0, null, { timeout: 60_000 });
      if (stage === 'ready-idle') {
        await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 60_000 });
        await page.waitForTimeout(3000);
      }
      // The profile is written into fresh pages of the module's memory (the page is not used after).
      const profile = await page.evaluate(() => {
        const exports = window.__pmInstrumented.exports;
        const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
        const at = memory.grow(16) * 65536;
        const size = exports.__write_profile(at, 16 * 65536);
        return Array.from(new Uint8Array(memory.buffer, at, size));
      });
      await page.close();
      const profileFile = path.join(work, `${stage}.prof`);
      writeFileSync(profileFile, Buffer.from(profile));
      const primary = path.join(work, `${stage}.primary.wasm`);
      const secondary = path.join(work, `${stage}.secondary.wasm`);
      execFileSync('wasm-split', ['--split', `--profile=${profileFile}`, original, '-o1', primary, '-o2', secondary, ...FEATURES]);
      report(`web.split.${stage}.primary.gzip`, gzipKB(primary), 'KB');
      report(`web.split.${stage}.secondary.gzip`, gzipKB(secondary), 'KB');
    }
    report('web.split.unsplit.gzip', gzipKB(original), 'KB');
  } finally {
    await browser.close();
    await double.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
