// Right-to-left and other shaped text typed into the canvas's text fields (issue 18): once a
// field's text needs shaping, the page's own <input dir=auto> is the field, shown over it
// (web/widget/text-entry.js, ui/shaped_field.h), so the cursor, the selection and the editing
// keys are the browser's bidi-aware ones; every edit goes back to the panel whole and the rows
// filter on it. Left, the field shows the text shaped in the canvas. The real wasm in Chromium;
// typing through Playwright's keyboard (insertText, arrows, Shift+arrows, Backspace).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS_DIR, DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, framesAfterInput, mountWidget, openBlankPage, sourceRowCount, waitForEdge, waitForSourceRowCount, waitForTextEntryFocus } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'fonts', 'scripts.json'));

const source = (key, label) => ({ sourceField: { key, label, type: 'string' }, preview: ['x'] });
const destination = (key, label) => ({ destinationField: { key, label, type: 'string' } });
const PLAN = {
  fieldMapping: [],
  unmappedSourceFields: [source('address', 'العنوان الكامل'), source('phone', 'رقم الهاتف'), source('city', 'المدينة'),
    source('email', 'Email'), source('code', 'كود')],
  unmappedDestinationFields: [destination('d_city', 'المدينة'), destination('d_phone', 'الهاتف'), destination('d_name', 'Name')],
};

// The entry once it is the field (its text needs shaping), and what it holds.
const waitForNative = (page) => page.waitForFunction(() => document.querySelector('[data-plan-mapper-text-entry="native"]') === document.activeElement,
  null, { timeout: 10_000 });
const entry = (page) => page.evaluate(() => {
  const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-plan-mapper-text-entry]'));
  return { value: input.value, start: input.selectionStart, end: input.selectionEnd, native: input.dataset.planMapperTextEntry === 'native',
    focused: document.activeElement === input, rect: input.getBoundingClientRect().toJSON() };
});

describe('right-to-left text in the canvas text fields', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('Arabic typed into the search: the browser edits it in place (cursor, selection, Backspace) and the rows filter', { timeout: 90_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double, { width: 1200, height: 700 });
    const widget = await mountWidget(page, { height: 660, options: { plan: PLAN, apiUrl: '' } });
    assert.equal(await sourceRowCount(page), 5);
    await clickItem(page, widget, 'filter');
    await waitForTextEntryFocus(page);
    assert.equal((await entry(page)).native, false, 'an empty field is ImGui\'s');

    // The first Arabic letters: the field's text now needs shaping, and the input becomes the field.
    await page.keyboard.insertText('ال');
    await waitForNative(page);
    let now = await entry(page);
    assert.equal(now.value, 'ال');
    assert.deepEqual([now.start, now.end], [2, 2], 'the caret after what was typed');
    const field = await page.evaluate(() => {
      const canvas = document.querySelector('#widget canvas').getBoundingClientRect();
      const [x0, y0, x1, y1] = window.controllers.widget.debugItems().filter;
      return { left: canvas.left + x0, top: canvas.top + y0, right: canvas.left + x1, bottom: canvas.top + y1 };
    });
    assert.ok(Math.abs(now.rect.left - field.left) <= 1 && Math.abs(now.rect.right - field.right) <= 1 &&
      Math.abs(now.rect.top - field.top) <= 1 && Math.abs(now.rect.bottom - field.bottom) <= 1,
      `the input lies over the field: ${JSON.stringify(now.rect)} vs ${JSON.stringify(field)}`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).direction), 'rtl', 'dir=auto: right to left');
    await waitForSourceRowCount(page, 3);                      // العنوان الكامل, رقم الهاتف, المدينة

    await page.keyboard.insertText('مدينة');
    await waitForSourceRowCount(page, 1);
    now = await entry(page);
    assert.equal(now.value, 'المدينة');
    assert.deepEqual([now.start, now.end], [7, 7]);

    // Arrows move the caret visually: in right-to-left text Right goes back towards the start.
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    now = await entry(page);
    assert.deepEqual([now.start, now.end], [2, 2], 'five characters back: after ال');
    // Shift+Left selects forwards (leftwards on screen) to the end: مدينة.
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    now = await entry(page);
    assert.deepEqual([now.start, now.end], [2, 7], 'the selection covers مدينة');
    await page.screenshot({ clip: { x: field.left - 4, y: field.top - 4, width: field.right - field.left + 8, height: field.bottom - field.top + 8 } })
      .then((png) => { mkdirSync(ARTIFACTS_DIR, { recursive: true }); writeFileSync(path.join(ARTIFACTS_DIR, 'text-entry-rtl-selection.png'), png); });
    await page.keyboard.press('Backspace');
    now = await entry(page);
    assert.equal(now.value, 'ال', 'Backspace deleted the selection');
    assert.deepEqual([now.start, now.end], [2, 2]);
    await waitForSourceRowCount(page, 3);
    // Backspace with a caret: the character before it (logically), not one on its left on screen.
    await page.keyboard.press('ArrowRight');        // after ا
    await page.keyboard.press('Backspace');
    now = await entry(page);
    assert.equal(now.value, 'ل');
    assert.deepEqual([now.start, now.end], [0, 0]);
    await waitForSourceRowCount(page, 3);                      // every label with ل
    await page.keyboard.insertText('رق');            // at the caret, before ل: رقل
    now = await entry(page);
    assert.equal(now.value, 'رقل');
    await waitForSourceRowCount(page, 0);
    await page.keyboard.press('Delete');             // ل, after the caret
    assert.equal((await entry(page)).value, 'رق');
    await waitForSourceRowCount(page, 1);                      // رقم الهاتف

    // Enter leaves the field: the keyboard goes back to the canvas, which draws the field's text
    // shaped in place.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'CANVAS', null, { timeout: 10_000 });
    now = await entry(page);
    assert.equal(now.native, false);
    assert.equal(now.value, '', 'the input keeps nothing once the field is left');
    await framesAfterInput(page, widget, 3);
    await page.waitForFunction(async () => (await window.controllers.widget.textRunStats()).delivered >= 1, null, { timeout: 10_000 });
    await framesAfterInput(page, widget, 3);
    assert.equal(await sourceRowCount(page), 1);
    const png = await page.locator('#widget canvas').screenshot();
    writeFileSync(path.join(ARTIFACTS_DIR, 'text-entry-rtl.png'), png);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('the picker\'s type-ahead takes Arabic the same way, and Enter still picks', { timeout: 90_000 }, async () => {
    const page = await openBlankPage(env.browser, env.double, { width: 1200, height: 700 });
    const widget = await mountWidget(page, { height: 660, options: { plan: PLAN, apiUrl: '' } });
    await clickItem(page, widget, 'picker:email');
    await waitForTextEntryFocus(page);
    await page.keyboard.insertText('اله');
    await waitForNative(page);
    await page.keyboard.insertText('اتف');
    assert.equal((await entry(page)).value, 'الهاتف');
    await framesAfterInput(page, widget, 3);
    const items = await page.evaluate(() => Object.keys(window.controllers.widget.debugItems()));
    assert.ok(items.includes('picker-option:d_phone'), 'الهاتف is offered');
    assert.ok(!items.includes('picker-option:d_city'), 'المدينة is filtered out');
    await page.keyboard.press('Enter');
    await waitForEdge(page, widget, 'd_phone', 'email');
    await page.waitForFunction(() => document.activeElement?.tagName === 'CANVAS', null, { timeout: 10_000 });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
