#!/usr/bin/env node
// Web figures for tools/bench, measured on dist/ in headless Chromium on 127.0.0.1: transfer
// sizes, time to the first frame and to the loaded plan, frames drawn while idle, per-frame cost
// while scrolling and typing in the filter with 5,000 × 5,000 fields, and the wasm heap then.
// Prints one JSON line per figure ({"name","value","unit","runs"}), like the native benchmarks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, launchChromium, startDoubleForDist } from '../tests/web/lib/browser.mjs';
import { clickItem, itemCentre, mountWidget, openBlankPage } from '../tests/web/lib/widget-page.mjs';

const report = (name, value, unit, runs = 1) => console.log(JSON.stringify({ name, value: Number(value.toFixed(3)), unit, runs }));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Transfer sizes: what a browser downloads to show the widget (the font is inside the wasm).
let raw = 0;
let gzip = 0;
for (const file of ['plan-mapper.js', 'plan-mapper-wasm.js', 'plan-mapper-wasm.wasm']) {
  const bytes = readFileSync(path.join(DIST_DIR, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
  report(`web.size.${file}.gzip`, gzipSync(bytes, { level: 9 }).length / 1024, 'KB');
}
report('web.size.total.raw', raw / 1024, 'KB');
report('web.size.total.gzip', gzip / 1024, 'KB');

// A plan of 5,000 source and 5,000 destination fields (4,000 mapped), 5 previews each.
function bigPlan() {
  const field = (key, i) => ({ key, label: `Field ${i}`, type: i % 7 === 3 ? 'string' : 'string' });
  const preview = (i) => Array.from({ length: 5 }, (_, p) => `v${i}_${p}`);
  const plan = { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] };
  for (let i = 0; i < 4000; i += 1) plan.fieldMapping.push({ sourceField: field(`src_${i}`, i), destinationField: field(`dst_${i}`, i), preview: preview(i), metadata: { certainty: 'strong', confidence: 0.92 } });
  for (let i = 4000; i < 5000; i += 1) plan.unmappedSourceFields.push({ sourceField: field(`src_${i}`, i), preview: preview(i) });
  for (let i = 4000; i < 5000; i += 1) plan.unmappedDestinationFields.push({ destinationField: field(`dst_${i}`, i) });
  return plan;
}

const double = await startDoubleForDist();
const browser = await launchChromium();
try {
  const runs = 5;
  const firstFrame = [];
  const ready = [];
  const idleFrames = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${double.url}/demo.html`);
    await page.waitForSelector('[data-plan-mapper-state="ready"]', { timeout: 30_000 });
    await page.waitForFunction(() => window.planMapper && window.planMapper.frameStats().frames > 0);
    const stats = await page.evaluate(() => window.planMapper.frameStats());
    firstFrame.push(stats.firstFrameAt);
    await page.waitForTimeout(500);                     // settle after load
    const before = await page.evaluate(() => window.planMapper.frameStats().frames);
    await page.waitForTimeout(2000);
    idleFrames.push((await page.evaluate(() => window.planMapper.frameStats().frames)) - before);
    ready.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.close();
  }
  report('web.first_frame_after_navigation', median(firstFrame), 'ms', runs);
  report('web.frames_in_2s_idle', median(idleFrames), 'frames', runs);

  const page = await openBlankPage(browser, double, { width: 1440, height: 900 });
  await mountWidget(page, { height: 860, options: { plan: bigPlan(), apiUrl: '' } });
  await page.waitForTimeout(300);
  const at = await itemCentre(page, 'widget', 'source:src_3');
  await page.mouse.move(at.x, at.y);
  const statsBefore = await page.evaluate(() => window.controllers.widget.frameStats());
  for (let i = 0; i < 60; i += 1) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(300);
  const statsScroll = await page.evaluate(() => window.controllers.widget.frameStats());
  report('web.frame_5000x5000_scrolling_mean', (statsScroll.totalMs - statsBefore.totalMs) / Math.max(1, statsScroll.frames - statsBefore.frames), 'ms', statsScroll.frames - statsBefore.frames);
  await clickItem(page, 'widget', 'filter');
  const statsType = await page.evaluate(() => window.controllers.widget.frameStats());
  await page.keyboard.type('src_12', { delay: 60 });
  await page.waitForTimeout(300);
  const statsTyped = await page.evaluate(() => window.controllers.widget.frameStats());
  report('web.frame_5000x5000_typing_mean', (statsTyped.totalMs - statsType.totalMs) / Math.max(1, statsTyped.frames - statsType.frames), 'ms', statsTyped.frames - statsType.frames);
  report('web.frame_5000x5000_worst', statsTyped.maxMs, 'ms', statsTyped.frames);
  report('web.wasm_heap_5000x5000', statsTyped.heapBytes / (1024 * 1024), 'MB');
  await page.close();
} finally {
  await browser.close();
  await double.close();
}
