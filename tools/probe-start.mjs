// Where the time to the first frame goes: performance marks of one page load, for tools/bench
// diagnostics. usage: node tools/probe-start.mjs [runs]
import { launchChromium, startDoubleForDist } from '../tests/web/lib/browser.mjs';

const runs = Number(process.argv[2] ?? 3);
const double = await startDoubleForDist();
const browser = await launchChromium();
try {
  for (let i = 0; i < runs; i += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${double.url}/demo.html`);
    await page.waitForFunction(() => window.planMapper && window.planMapper.frameStats().frames > 0, null, { timeout: 30_000 });
    const timeline = await page.evaluate(() => {
      const out = {};
      const nav = performance.getEntriesByType('navigation')[0];
      out.responseEnd = nav.responseEnd;
      out.domContentLoaded = nav.domContentLoadedEventEnd;
      for (const r of performance.getEntriesByType('resource')) out[`res ${r.name.split('/').pop()}`] = `${r.startTime.toFixed(0)}..${r.responseEnd.toFixed(0)}`;
      for (const m of performance.getEntriesByType('mark')) out[`mark ${m.name}`] = m.startTime;
      out.firstFrameAt = window.planMapper.frameStats().firstFrameAt;
      return out;
    });
    console.log(JSON.stringify(timeline, (k, v) => (typeof v === 'number' ? Math.round(v) : v), 1));
    await page.close();
  }
} finally {
  await browser.close();
  await double.close();
}
