// prefers-reduced-motion in Chromium with the real wasm (issue 12 point 4). The panel's one
// animation is the text cursor's blink in an active text field (ImGui's; scrolling jumps, nothing
// fades or slides, and the page's own parts have no CSS transitions). While frames keep being
// drawn with the search field active, the field's pixels are sampled: with no preference the
// cursor blinks (the samples differ), with reduced motion asked for, before the mount or while
// the widget runs, the field stays exactly the same.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, framesAfterInput, mountWidget, openBlankPage } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// Screenshots of the search field (its rectangle in the canvas) while the mouse moves within the
// field so the widget keeps drawing frames (an idle widget draws none, and so shows no motion
// either way). ImGui's cursor blinks with a 1.2 s period (hidden 0.4 s of it): `blinkSeen` stops
// as soon as two looks differ (at most 30 s on a loaded machine); otherwise sampling lasts at
// least 3 s and 16 samples, so a blink would have been caught many times over.
async function fieldSamples(page, { blinkSeen = false } = {}) {
  const box = await page.evaluate(() => {
    const rect = window.controllers.widget.debugItems().filter;
    const canvas = document.querySelector('#widget canvas').getBoundingClientRect();
    return { x: canvas.left + rect[0], y: canvas.top + rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1] };
  });
  const samples = new Set();
  const framesBefore = await page.evaluate(() => window.controllers.widget.framesDrawn());
  const started = Date.now();
  for (let i = 0; ; i += 1) {
    const elapsed = Date.now() - started;
    if (blinkSeen ? samples.size >= 2 || elapsed > 30_000 : elapsed >= 3000 && i >= 16) break;
    // Right half of the field, away from the cursor and the text; the move asks for frames.
    await page.mouse.move(box.x + box.width * (0.7 + 0.1 * (i % 2)), box.y + box.height / 2);
    await framesAfterInput(page, 'widget', 1, 1000);
    samples.add((await page.screenshot({ clip: box })).toString('base64'));
  }
  const frames = (await page.evaluate(() => window.controllers.widget.framesDrawn())) - framesBefore;
  return { distinct: samples.size, frames };
}

async function activeSearch(page) {
  await mountWidget(page);
  await clickItem(page, 'widget', 'filter');
  await page.keyboard.type('e');                   // the field is active: its cursor is drawn
  await framesAfterInput(page, 'widget', 3);
}

describe('prefers-reduced-motion', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('with no preference the search field\'s cursor blinks while frames are drawn', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await activeSearch(page);
    const { distinct, frames } = await fieldSamples(page, { blinkSeen: true });
    assert.ok(frames >= 2, `frames were drawn while sampling (${frames})`);
    assert.ok(distinct >= 2, `the cursor blinks: ${distinct} distinct looks of the field`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('reduced motion asked for before the mount: the field does not change while frames are drawn', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await activeSearch(page);
    const { distinct, frames } = await fieldSamples(page);
    assert.ok(frames >= 16, `frames were drawn while sampling (${frames})`);
    assert.equal(distinct, 1, 'no motion: every sample of the field is the same');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('reduced motion asked for while the widget runs stops the blink; dropping it brings it back', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await activeSearch(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await framesAfterInput(page, 'widget', 2);
    assert.equal((await fieldSamples(page)).distinct, 1, 'no motion once reduced motion is asked for');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await framesAfterInput(page, 'widget', 2);
    assert.ok((await fieldSamples(page, { blinkSeen: true })).distinct >= 2, 'the cursor blinks again');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
