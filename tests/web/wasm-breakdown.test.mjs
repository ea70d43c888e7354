// tools/wasm-breakdown.mjs (issue 17, docs/BENCHMARKS.md): the size breakdown of the three wasm
// modules dist/ ships, named from the split steps' symbol maps. The names must be the functions'
// own: the first frame's module holds pm_frame and ImGui::Begin, the deferred one the matcher.
// Runs on the dist/ and build/web-release the build made (PM_BUILT_APP_DIR points elsewhere).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DIST_DIR } from './lib/browser.mjs';

const TOOL = fileURLToPath(new URL('../../tools/wasm-breakdown.mjs', import.meta.url));
const BUILT = process.env.PM_BUILT_APP_DIR ? path.resolve(process.env.PM_BUILT_APP_DIR)
  : fileURLToPath(new URL('../../build/web-release/src/app/', import.meta.url));
const built = existsSync(path.join(DIST_DIR, 'plan-mapper-deferred.wasm')) && existsSync(path.join(BUILT, 'plan-mapper-wasm.deferred.symbols'));
const skip = built ? false : 'dist/ or its symbol maps not built';
const HEADING = "## What the shipped wasm's bytes are for";

// The Markdown's section for one module: from its "### Title" to the next one.
const sectionOf = (markdown, title) => {
  const start = markdown.indexOf(`### ${title}`);
  assert.ok(start >= 0, `no section for ${title}`);
  const end = markdown.indexOf('\n### ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
};
const largest = (section) => [...section.matchAll(/^\| `([^`]*)` \| [\d.]+ \|$/gm)].map((m) => m[1]);

test('each shipped module is broken down with the right names', { skip }, () => {
  const markdown = execFileSync('node', [TOOL, DIST_DIR, BUILT, '--top', '40']).toString();
  const first = largest(sectionOf(markdown, 'First frame'));
  const deferred = largest(sectionOf(markdown, 'Deferred'));
  const shaping = largest(sectionOf(markdown, 'Shaping'));
  assert.ok(first.includes('pm_frame'), first.join('\n'));
  assert.ok(first.some((name) => name.startsWith('ImGui::Begin(')), first.join('\n'));
  assert.ok(deferred.some((name) => name.startsWith('pm::match::')), deferred.join('\n'));
  assert.ok(!deferred.includes('pm_frame'));
  assert.ok(shaping.some((name) => name.startsWith('pm::ui::')), shaping.join('\n'));
  // Every module names its functions from its own map (none left as "function N").
  for (const names of [first, deferred, shaping]) assert.ok(!names.some((name) => /^function \d+$/.test(name)));
});

test('the first frame map names every exported pm_* function right', { skip }, () => {
  // The glue maps each pm_* export to its minified wasm export name; the map must call the
  // function behind that export by the same name.
  const glue = readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.js'), 'utf8');
  const byExport = new Map([...glue.matchAll(/\._(pm_\w+)=\w+\.asm\.(\w+)\)/g)].map((m) => [m[2], m[1]]));
  assert.ok(byExport.size >= 10, 'the glue names the pm_* exports');
  const map = new Map(readFileSync(path.join(BUILT, 'plan-mapper-wasm.primary.symbols'), 'utf8').split('\n').filter(Boolean)
    .map((line) => [Number(line.slice(0, line.indexOf(':'))), line.slice(line.indexOf(':') + 1)]));
  const bytes = readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
  let at = 8;
  const leb = () => { let r = 0; for (let shift = 0; ; shift += 7) { const b = bytes[at++]; r += (b & 0x7f) * 2 ** shift; if (!(b & 0x80)) return r; } };
  let checked = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const start = at;
    if (id === 7) {
      for (let count = leb(), i = 0; i < count; i += 1) {
        const length = leb();
        const name = bytes.subarray(at, at + length).toString();
        at += length;
        const kind = bytes[at++];
        const index = leb();
        if (kind === 0 && byExport.has(name)) { assert.equal(map.get(index), byExport.get(name)); checked += 1; }
      }
    }
    at = start + size;
  }
  assert.equal(checked, byExport.size);
});

test('the breakdown replaces its own section of the doc and keeps the figure table', { skip }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pm-breakdown-'));
  try {
    const doc = path.join(dir, 'BENCHMARKS.md');
    writeFileSync(doc, '# Benchmarks\n\n| figure | value |\n|---|---:|\n| web.size.total.gzip | 1 |\n');
    execFileSync('node', [TOOL, DIST_DIR, BUILT, doc], { stdio: 'pipe' });
    const once = readFileSync(doc, 'utf8');
    execFileSync('node', [TOOL, DIST_DIR, BUILT, doc], { stdio: 'pipe' });
    const twice = readFileSync(doc, 'utf8');
    assert.equal(twice, once);
    assert.ok(once.startsWith('# Benchmarks\n\n| figure | value |'));
    assert.equal(once.split(HEADING).length, 2);
    assert.ok(once.indexOf('web.size.total.gzip') < once.indexOf(HEADING));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('symbol maps of another build are refused, not used to name the wrong functions', { skip }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pm-breakdown-'));
  try {
    for (const kind of ['primary', 'deferred', 'shaping']) {
      writeFileSync(path.join(dir, `plan-mapper-wasm.${kind}.symbols`), readFileSync(path.join(BUILT, `plan-mapper-wasm.${kind}.symbols`)));
    }
    writeFileSync(path.join(dir, 'plan-mapper-wasm.first-split.json'), `${JSON.stringify({ primarySha256: '0'.repeat(64) })}\n`);
    assert.throws(() => execFileSync('node', [TOOL, DIST_DIR, dir], { stdio: 'pipe' }),
      (error) => error.status === 3 && /is not the build in/.test(error.stderr.toString()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
