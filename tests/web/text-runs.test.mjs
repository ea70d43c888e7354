// Text the panel cannot shape itself (issue 18): labels in Arabic, Persian, Hebrew, Devanagari,
// Bengali, Tamil, Thai and a mixed "Total (USD) الإجمالي" are laid out by the browser
// (web/widget/text-runs.js, imported only then) and drawn as runs from the module's atlas pages;
// a plan fetches only the script slices its text needs, a Latin plan none of them (nor the module);
// a right-to-left label is drawn at the right of its cell; the accessibility mirror keeps the
// labels as DOM text. The real wasm in Chromium, the dist/ the build assembled.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS_DIR, DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { mountWidget, openBlankPage } from './lib/widget-page.mjs';
import { decodePng } from './lib/png.mjs';

const built = existsSync(path.join(DIST_DIR, 'fonts', 'scripts.json'));
const scriptsIndex = () => JSON.parse(readFileSync(path.join(DIST_DIR, 'fonts', 'scripts.json'), 'utf8'));

// The script slices that hold any character of `texts`, from the built index.
function slicesFor(texts) {
  const codepoints = [...new Set([...texts.join('')].map((ch) => ch.codePointAt(0)))];
  return scriptsIndex().slices
    .filter((slice) => codepoints.some((cp) => slice.ranges.some(([first, last]) => cp >= first && cp <= last)))
    .map((slice) => slice.file).sort();
}

const LABELS = {
  arabic: 'العنوان الكامل',
  persian: 'نام خانوادگی',
  hebrew: 'שם מלא',
  devanagari: 'पूरा नाम',
  bengali: 'পুরো নাম',
  tamil: 'முழு பெயர்',
  thai: 'ชื่อเต็ม',
  mixed: 'Total (USD) الإجمالي',
};

const planWith = (labels, destinations = [{ key: 'name', label: 'Name' }]) => ({
  fieldMapping: [],
  unmappedSourceFields: Object.entries(labels).map(([key, label]) => ({ sourceField: { key, label, type: 'string' }, preview: ['x'] })),
  unmappedDestinationFields: destinations.map((d) => ({ destinationField: { key: d.key, label: d.label, type: 'string' } })),
});

describe('text runs: scripts that need shaping', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  // A page that records what it fetches under fonts/ and whether text-runs.js was loaded.
  async function recordingPage(viewport) {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double, viewport);
    page.fontRequests = [];
    page.moduleRequests = [];
    page.on('request', (request) => {
      const url = request.url();
      const at = url.indexOf('/fonts/');
      if (at >= 0) page.fontRequests.push(url.slice(at + '/fonts/'.length));
      if (url.endsWith('.js')) page.moduleRequests.push(url.slice(url.lastIndexOf('/') + 1));
    });
    return page;
  }

  const stats = (page, widget) => page.evaluate((w) => window.controllers[w].textRunStats(), widget);

  // Until the module has every run it asked for and drew them in a frame since.
  async function waitForRuns(page, widget, count) {
    const deadline = Date.now() + 20_000;
    let last = null;
    while (Date.now() < deadline) {
      last = await stats(page, widget);
      if (last.delivered >= count && last.drawn >= count) return last;
      await page.waitForTimeout(100);
    }
    assert.fail(`runs not delivered and drawn: ${JSON.stringify(last)}`);
  }

  test('every script is asked for, laid out, drawn, and fetches its slice only', { timeout: 90_000 }, async () => {
    const page = await recordingPage({ width: 1280, height: 800 });
    const widget = await mountWidget(page, { height: 760, options: { plan: planWith(LABELS, [{ key: 'address', label: 'כתובת' }]), apiUrl: '' } });
    const after = await waitForRuns(page, widget, Object.keys(LABELS).length + 1);
    assert.equal(after.failed, 0);
    assert.ok(after.pages >= 1 && after.pages <= 4, `atlas pages: ${after.pages}`);
    await page.waitForTimeout(500);
    const expected = ['scripts.json', ...slicesFor(Object.values(LABELS))];
    assert.equal(expected.length, 1 + 6, 'six script faces: Arabic (for Persian too), Hebrew, Devanagari, Bengali, Tamil, Thai');
    assert.deepEqual([...new Set(page.fontRequests)].sort(), expected.sort());
    assert.equal(page.fontRequests.length, expected.length, 'each file once');
    assert.ok(page.moduleRequests.includes('text-runs.js'));
    // Drawn: the canvas, as a person sees it.
    const png = await page.locator(`#${widget} canvas`).screenshot();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(path.join(ARTIFACTS_DIR, 'text-runs-scripts.png'), png);
    // The accessibility mirror has the labels as text (the browser shapes those itself).
    const mirrorText = await page.locator(`#${widget} [data-plan-mapper-mirror]`).textContent();
    for (const label of Object.values(LABELS)) assert.ok(mirrorText.includes(label), `mirror lacks ${label}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an Arabic plan fetches the Arabic slice only; a Latin plan fetches no script font and no text-runs.js', { timeout: 60_000 }, async () => {
    const latin = await recordingPage();
    const latinWidget = await mountWidget(latin);
    await latin.waitForTimeout(1000);
    assert.deepEqual(latin.fontRequests, [], 'the demo plan is Latin');
    assert.ok(!latin.moduleRequests.includes('text-runs.js'));
    const latinStats = await stats(latin, latinWidget);
    assert.equal(latinStats.requested, 0);
    assert.equal(latinStats.page, null);
    await latin.close();

    const page = await recordingPage();
    const widget = await mountWidget(page, { options: { plan: planWith({ a: LABELS.arabic, p: LABELS.persian }), apiUrl: '' } });
    await waitForRuns(page, widget, 2);
    await page.waitForTimeout(500);
    assert.deepEqual(page.fontRequests.sort(), ['scripts.json', 'scripts/arabic-00.ttf']);
    await page.close();
  });

  // The ink of a label's cell: the first and last columns with pixels far from the background.
  async function inkColumns(page, widget, item) {
    const clip = await page.evaluate(({ w, item }) => {
      const rect = window.controllers[w].debugItems()[item];
      const canvas = document.querySelector(`#${w} canvas`).getBoundingClientRect();
      return rect && { x: canvas.left + rect[0], y: canvas.top + rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1] };
    }, { w: widget, item });
    assert.ok(clip && clip.width > 40, `${item} is drawn`);
    const { width, height, channels, pixels } = decodePng(await page.screenshot({ clip }));
    const at = (x, y) => pixels.subarray((y * width + x) * channels, (y * width + x) * channels + 3);
    const background = at(width - 1, 0);
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x += 1) {
      for (let y = 0; y < height; y += 1) {
        const p = at(x, y);
        if (Math.abs(p[0] - background[0]) + Math.abs(p[1] - background[1]) + Math.abs(p[2] - background[2]) > 150) {
          if (first < 0) first = x;
          last = x;
          break;
        }
      }
    }
    return { first, last, width };
  }

  test('a right-to-left label is drawn at the right of its cell, a mixed one starting in Latin at the left', { timeout: 60_000 }, async () => {
    const page = await recordingPage({ width: 1280, height: 800 });
    // Keys equal to the labels: the cell then shows the label alone (no key beside it).
    const rtlLabel = 'שם';
    const ltrLabel = 'Total (USD) الإجمالي';
    const widget = await mountWidget(page, { height: 760, options: { plan: planWith({ [rtlLabel]: rtlLabel, [ltrLabel]: ltrLabel }), apiUrl: '' } });
    await waitForRuns(page, widget, 2);
    await page.waitForTimeout(300);
    const rtl = await inkColumns(page, widget, `source:${rtlLabel}`);
    const ltr = await inkColumns(page, widget, `source:${ltrLabel}`);
    assert.ok(rtl.first > rtl.width / 2, `Hebrew ink starts at ${rtl.first} of ${rtl.width}: not right-aligned`);
    assert.ok(rtl.last >= rtl.width - 20, `Hebrew ink ends at ${rtl.last} of ${rtl.width}`);
    assert.ok(ltr.first < 20, `mixed label's ink starts at ${ltr.first}: not left-aligned`);
    await page.close();
  });

  test('a run too wide for its cell is cut with an ellipsis at its logical end, its start kept', { timeout: 60_000 }, async () => {
    const page = await recordingPage({ width: 1280, height: 800 });
    const long = 'Total amount including shipping and handling (USD) الإجمالي الكامل للطلب مع الضريبة';
    const widget = await mountWidget(page, { height: 760, options: { plan: planWith({ total: long }), apiUrl: '' } });
    await waitForRuns(page, widget, 2);             // asked whole, then cut to its cell
    // The layout itself: the same text cut to 200 device pixels, and a right-to-left one.
    const laid = await page.evaluate(async ({ text, rtl }) => {
      const { createTextRuns } = await import('/text-runs.js');
      const runs = createTextRuns({ fontsUrl: new URL('/fonts/', location.href) });
      const cut = await runs.render(text, 20, false, 200);
      const whole = await runs.render(text, 20, false, 0);
      const cutRtl = await runs.render(rtl, 20, true, 120);
      return { cut: { text: cut.text, width: cut.width }, whole: { text: whole.text, width: whole.width }, cutRtl: { text: cutRtl.text, width: cutRtl.width } };
    }, { text: long, rtl: 'العنوان الكامل للمرسل إليه في المدينة' });
    assert.equal(laid.whole.text, long, 'it fits the widest image whole');
    assert.ok(laid.whole.width > 200);
    assert.ok(laid.cut.text.endsWith('…') && long.startsWith(laid.cut.text.slice(0, -1)), `cut: ${laid.cut.text}`);
    assert.ok(laid.cut.width <= 200 && laid.cut.width > 120, `cut width ${laid.cut.width}`);
    assert.ok(!laid.cut.text.slice(0, -1).endsWith(' '), 'no space before the ellipsis');
    assert.ok(laid.cutRtl.text.endsWith('…') && laid.cutRtl.width <= 120, `right to left: ${laid.cutRtl.text}`);
    // In the panel: the label's cell shows the cut run, from the cell's left, not past it.
    const png = await page.locator(`#${widget} canvas`).screenshot();
    writeFileSync(path.join(ARTIFACTS_DIR, 'text-runs-ellipsis.png'), png);
    const stats = await page.evaluate((w) => window.controllers[w].textRunStats(), widget);
    assert.equal(stats.failed, 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
