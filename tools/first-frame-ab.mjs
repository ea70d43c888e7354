#!/usr/bin/env node
// Compares the first frame after navigation of two builds of dist/ (issue 17), measured as
// tools/bench-web.mjs measures web.first_frame_after_navigation (demo.html in a fresh page,
// planMapper.frameStats().firstFrameAt), but interleaved A B B A ... in one Chromium, each dist
// served by its own API double, because on a shared, loaded host the noise between two runs is
// larger than most changes. Per page it prints the widget's marks, the renderer main thread's task
// time at the first frame (CDP Performance metrics) and the 1-minute load average; then the medians.
// A first page of each is opened and not counted (a browser's first page is slower).
// --latency MS adds that round trip to every request (Chromium's network emulation), to see the
// loading as over a real network rather than over a loopback starved of CPU.
//   node tools/first-frame-ab.mjs DIST_A DIST_B [PAIRS] [--latency MS]
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../tests/web/lib/browser.mjs';
import { createServer } from '../web/server/api-double.mjs';
import { DEMO_TOKEN } from '../web/sample-jobs/index.mjs';

const args = process.argv.slice(2);
const latencyAt = args.indexOf('--latency');
const latency = latencyAt >= 0 ? Number(args.splice(latencyAt, 2)[1]) : 0;
const [distA, distB, pairsArg] = args;
if (!distA || !distB) throw new Error('usage: node tools/first-frame-ab.mjs DIST_A DIST_B [PAIRS] [--latency MS]');
const pairs = Number(pairsArg ?? 5);
const doubles = {
  A: await createServer({ distDir: path.resolve(distA), token: DEMO_TOKEN }),
  B: await createServer({ distDir: path.resolve(distB), token: DEMO_TOKEN }),
};
const browser = await launchChromium();
const results = { A: [], B: [] };
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function open(which, counted) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (latency) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  const load = os.loadavg()[0];
  await page.goto(`${doubles[which].url}/demo.html`);
  await page.waitForFunction(() => window.planMapper && window.planMapper.frameStats().frames > 0, null, { timeout: 30_000 });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const seen = await page.evaluate(() => ({
    firstFrameAt: window.planMapper.frameStats().firstFrameAt,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('plan-mapper:', ''), Math.round(m.startTime)])),
  }));
  await page.close();
  if (counted) results[which].push({ ...seen, task, load });
  const m = seen.marks;
  console.log(`${which}${counted ? '' : ' (not counted)'}: first frame ${seen.firstFrameAt.toFixed(1)} ms; mount ${m.mount}, context ${m.context}, module-ready ${m['module-ready']}, created ${m.created}; main-thread tasks ${task.toFixed(0)} ms; load ${load.toFixed(2)}`);
}

try {
  await open('A', false);
  await open('B', false);
  for (let i = 0; i < pairs; i += 1) for (const which of i % 2 ? ['B', 'A'] : ['A', 'B']) await open(which, true);
  for (const which of ['A', 'B']) {
    const rows = results[which];
    const of = (pick) => median(rows.map(pick));
    console.log(`${which} (${which === 'A' ? distA : distB}): median first frame ${of((r) => r.firstFrameAt).toFixed(1)} ms ` +
      `(${rows.length} pages, ${Math.min(...rows.map((r) => r.firstFrameAt)).toFixed(1)}-${Math.max(...rows.map((r) => r.firstFrameAt)).toFixed(1)}); ` +
      `marks: mount ${of((r) => r.marks.mount)}, context ${of((r) => r.marks.context)}, module-ready ${of((r) => r.marks['module-ready'])}, ` +
      `created ${of((r) => r.marks.created)}; main-thread tasks ${of((r) => r.task).toFixed(0)} ms; load average ${of((r) => r.load).toFixed(2)}` +
      (latency ? `; ${latency} ms added to each request` : ''));
  }
} finally {
  await browser.close();
  await doubles.A.close();
  await doubles.B.close();
}
