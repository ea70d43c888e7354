#!/usr/bin/env node
// Where the widget's time goes in headless Chromium on the 5,000 x 5,000 plan of tools/bench-web.mjs:
// a CPU profile (Chrome DevTools protocol) taken while picking destinations (--edit) or scrolling
// the source table (--scroll), summarised as self and total time per function, wasm functions named
// from the symbol map the link writes beside the module (dist has none: PM_SYMBOLS points at it).
// An investigation aid for issue 17, not a benchmark: figures are tools/bench-web.mjs's.
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium, startDoubleForDist } from '../tests/web/lib/browser.mjs';
import { clickItem, itemCentre, mountWidget, openBlankPage } from '../tests/web/lib/widget-page.mjs';
import { bigPlan } from './bench-plans.mjs';

const mode = process.argv.includes('--scroll') ? 'scroll' : 'edit';
const symbols = new Map();
if (process.env.PM_SYMBOLS) {
  for (const line of readFileSync(process.env.PM_SYMBOLS, 'utf8').split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) symbols.set(Number(line.slice(0, at)), line.slice(at + 1));
  }
}
const nameOf = (frame) => {
  const wasm = /^\$?wasm-function\[(\d+)\]$/.exec(frame.functionName) ?? /^\$func(\d+)$/.exec(frame.functionName);
  if (wasm && symbols.has(Number(wasm[1]))) return symbols.get(Number(wasm[1]));
  return frame.functionName || `(anonymous ${frame.url.split('/').pop()}:${frame.lineNumber})`;
};

const double = await startDoubleForDist();
const browser = await launchChromium();
try {
  const page = await openBlankPage(browser, double, { width: 1440, height: 900 });
  await mountWidget(page, { height: 860, options: { plan: bigPlan(), apiUrl: '' } });
  for (let last = -1, deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const drawn = await page.evaluate(() => window.controllers.widget.framesDrawn());
    if (drawn === last) break;
    last = drawn;
    await page.waitForTimeout(500);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  if (mode === 'edit') {
    for (let i = 0; i < 8; i += 1) {
      const changes = await page.evaluate(() => window.events.widget.change.length);
      await clickItem(page, 'widget', `picker:src_${i}`);
      await page.keyboard.type(`dst_${4600 + i}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => window.events.widget.change.length > n, changes, { timeout: 10_000 });
      await page.waitForTimeout(300);
    }
  } else {
    const at = await itemCentre(page, 'widget', 'source:src_3');
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 60; i += 1) { await page.mouse.wheel(0, 120); await page.waitForTimeout(20); }
    await page.waitForTimeout(300);
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`/tmp/plan-mapper-${mode}.cpuprofile`, JSON.stringify(profile));
  // Self time per node from the samples; total time per function name (each name once per stack).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = nameOf(byId.get(at).callFrame);
      if (seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + ms);
    }
  });
  const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([n, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${n.slice(0, 150)}`).join('\n');
  console.log(`== self (${mode})\n${top(self, 40)}\n== total\n${top(total, 60)}`);
  await page.close();
} finally {
  await browser.close();
  await double.close();
}
