// The fallback faces come in unicode-range slices (cmake/slice_font.py, an index per face): a plan
// fetches its face's index and only the slices that hold its characters, each once, a Latin plan
// fetches nothing, and the characters then draw as glyphs, not as the replacement box they are
// without the slices. The real wasm in Chromium, the dist/ the build assembled.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { mountWidget, openBlankPage } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'fonts', 'cjk-fallback.json'));
const indexOf = (face) => JSON.parse(readFileSync(path.join(DIST_DIR, 'fonts', `${face}.json`), 'utf8'));

// The slice files of `face` that hold any character of `texts`, from the built index.
function slicesFor(face, texts) {
  const codepoints = [...new Set([...texts.join('')].map((ch) => ch.codePointAt(0)))];
  return indexOf(face).slices
    .filter((slice) => codepoints.some((cp) => slice.ranges.some(([first, last]) => cp >= first && cp <= last)))
    .map((slice) => slice.file).sort();
}

const planWith = (label, preview) => ({
  fieldMapping: [],
  unmappedSourceFields: [{ sourceField: { key: 'col', label, type: 'string' }, preview }],
  unmappedDestinationFields: [{ destinationField: { key: 'name', type: 'string' } }],
});

describe('fallback fonts in slices', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  // A page that records every font request, as paths under fonts/.
  async function recordingPage() {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    page.fontRequests = [];
    page.on('request', (request) => {
      const at = request.url().indexOf('/fonts/');
      if (at >= 0) page.fontRequests.push(request.url().slice(at + '/fonts/'.length));
    });
    return page;
  }

  async function waitForFonts(page, expected) {
    const deadline = Date.now() + 15_000;
    while (expected.some((file) => !page.fontRequests.includes(file)) && Date.now() < deadline) await page.waitForTimeout(100);
    await page.waitForTimeout(500);                   // any request too many would show by now
  }

  async function expectSlices(face, label, preview, laterLabel) {
    const page = await recordingPage();
    const widget = await mountWidget(page);
    await page.waitForTimeout(300);
    assert.deepEqual(page.fontRequests, [], 'the demo plan is Latin: no font at all');

    const first = slicesFor(face, [label, ...preview]);
    assert.ok(first.length >= 1);
    assert.ok(first.length < indexOf(face).slices.length, 'a few slices, not the whole face');
    assert.equal(await page.evaluate((p) => window.controllers[p.widget].setPlan(p.plan), { widget, plan: planWith(label, preview) }), true);
    await waitForFonts(page, [`${face}.json`, ...first]);
    assert.deepEqual([...page.fontRequests].sort(), [`${face}.json`, ...first].sort());

    // A later plan with more characters fetches only the slices not here yet.
    const more = slicesFor(face, [laterLabel]).filter((file) => !first.includes(file));
    assert.ok(more.length >= 1, 'the later label needs another slice');
    const before = page.fontRequests.length;
    assert.equal(await page.evaluate((p) => window.controllers[p.widget].setPlan(p.plan), { widget, plan: planWith(`${label} ${laterLabel}`, preview) }), true);
    await waitForFonts(page, more);
    assert.deepEqual(page.fontRequests.slice(before).sort(), more);
    assert.deepEqual(page.problems, []);
    await page.close();
  }

  test('a CJK plan fetches the CJK index and only the slices that hold its characters, each once', { timeout: 60_000 }, () =>
    expectSlices('cjk-fallback', '氏名', ['東京', '서울'], '電話番号'));

  test('Greek and Cyrillic fetch only Noto extra slices, each once', { timeout: 60_000 }, () =>
    expectSlices('noto-extra', 'Имя', ['Ελένη'], 'Nguyễn'));

  // The label's pixels on a page that gets the slices and on one whose font requests all fail
  // (the characters then draw as U+FFFD): they differ only if the slices brought the glyphs.
  test('CJK labels draw as glyphs once their slices arrive, not as replacement boxes', { timeout: 60_000 }, async () => {
    const label = '氏名住所電話';
    const plan = planWith(label, ['東京']);
    const pixels = async (blockFonts) => {
      const page = await recordingPage();
      if (blockFonts) await page.route('**/fonts/**', (route) => route.abort());
      const widget = await mountWidget(page, { options: { plan, apiUrl: '' } });
      await waitForFonts(page, blockFonts ? ['cjk-fallback.json'] : ['cjk-fallback.json', ...slicesFor('cjk-fallback', [label, '東京'])]);
      const clip = await page.evaluate((w) => {
        const rect = window.controllers[w].debugItems()['source:col'];
        const canvas = document.querySelector(`#${w} canvas`).getBoundingClientRect();
        return rect && { x: canvas.left + rect[0], y: canvas.top + rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1] };
      }, widget);
      assert.ok(clip && clip.width > 10 && clip.height > 5, 'the label is drawn');
      const shot = await page.screenshot({ clip });
      await page.close();
      return shot;
    };
    const withSlices = await pixels(false);
    const withoutFonts = await pixels(true);
    assert.notDeepEqual(withSlices, withoutFonts, 'the label looks the same with and without its glyphs');
  });
});
