// Text entry for every language in the real widget: typing into the canvas's search goes through
// a real focused <input> (web/widget/text-entry.js), so an input method's composition (Japanese
// here, through Chromium's own IME path: CDP Input.imeSetComposition, then the committed text),
// a dead key's accent and on-screen keyboards reach the panel. The rows it filters are read from
// the accessibility mirror's grid (aria-rowcount: the rows that match, plus the header row).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, framesAfterInput, mountWidget, openBlankPage, sourceRowCount, waitForSourceRowCount, waitForTextEntryFocus } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

const source = (key, label) => ({ sourceField: { key, label, type: 'string' }, preview: ['x'] });
const PLAN = {
  fieldMapping: [],
  unmappedSourceFields: [source('tokyo_to', '東京都'), source('tokyo_eki', '東京駅'), source('osaka', '大阪府'),
    source('namae', '名前'), source('cafe_accent', 'Café'), source('cafe_plain', 'Cafe')],
  unmappedDestinationFields: [{ destinationField: { key: 'city', label: 'City', type: 'string' } }],
};

const composed = (page) => page.evaluate(() => window.controllers.widget.debugItems()['ime-composition'] ?? null);

describe('text entry through a real input', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  async function openSearch() {
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page, { options: { plan: PLAN, apiUrl: '' } });
    assert.equal(await sourceRowCount(page), 6);
    await clickItem(page, widget, 'filter');
    // The search field is active: the keyboard is in the text entry, laid over the field.
    await waitForTextEntryFocus(page);
    const placed = await page.evaluate(() => {
      const entry = document.activeElement.getBoundingClientRect();
      const canvas = document.querySelector('#widget canvas').getBoundingClientRect();
      const field = window.controllers.widget.debugItems().filter;
      return { x: entry.left - canvas.left, y: entry.top - canvas.top, field };
    });
    assert.ok(placed.x >= placed.field[0] - 1 && placed.x <= placed.field[2] && placed.y >= placed.field[1] - 1 && placed.y <= placed.field[3],
      `the entry sits on the search field's cursor: ${JSON.stringify(placed)}`);
    return { page, widget };
  }

  test('a Japanese search term composed with the input method filters the rows', { timeout: 90_000 }, async () => {
    const { page, widget } = await openSearch();
    const client = await page.context().newCDPSession(page);
    // Kana while composing: drawn in place in the field, not typed yet (nothing filtered).
    await client.send('Input.imeSetComposition', { text: 'とうきょう', selectionStart: 5, selectionEnd: 5 });
    await framesAfterInput(page, widget, 3);
    await page.waitForFunction(() => !!window.controllers.widget.debugItems()['ime-composition'], null, { timeout: 10_000 });
    const shown = await composed(page);
    const field = await page.evaluate(() => window.controllers.widget.debugItems().filter);
    assert.ok(shown[1] >= field[1] - 2 && shown[3] <= field[3] + 2, `the composition is drawn on the field's line: ${shown} in ${field}`);
    assert.equal(await sourceRowCount(page), 6, 'nothing is typed while composing');
    // Converted to kanji, then committed: the committed text is what the field gets.
    await client.send('Input.imeSetComposition', { text: '東京', selectionStart: 2, selectionEnd: 2 });
    await framesAfterInput(page, widget, 3);
    await page.keyboard.insertText('東京');
    await waitForSourceRowCount(page, 2);
    await framesAfterInput(page, widget, 3);
    assert.equal(await composed(page), null, 'the composition is gone once committed');
    const labels = await page.evaluate(() => [...document.querySelectorAll('[data-plan-mapper-mirror] [role="grid"][aria-label="Source columns"] [role="row"][aria-rowindex]')]
      .map((row) => row.querySelector('[aria-colindex="1"] span')?.textContent).filter(Boolean));
    assert.deepEqual(labels.sort(), ['東京都', '東京駅'].sort());
    // The input never keeps text of its own: the field in the canvas holds it.
    assert.equal(await page.evaluate(() => document.activeElement.value), '');
    // Backspace (a named key) still edits the field: one character off leaves 東, which both keep.
    await page.keyboard.press('Backspace');
    await waitForSourceRowCount(page, 2);
    await page.keyboard.press('Backspace');
    await waitForSourceRowCount(page, 6);
    await client.detach();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an accented character from a dead key filters the rows', { timeout: 90_000 }, async () => {
    const { page, widget } = await openSearch();
    await page.keyboard.type('caf');
    await waitForSourceRowCount(page, 2);
    // A dead key composes: the accent shows in place, then the accented letter is committed
    // (the events a browser sends for ´ then e).
    await page.evaluate(() => {
      const entry = document.activeElement;
      entry.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      entry.dispatchEvent(new CompositionEvent('compositionupdate', { data: '´' }));
    });
    await framesAfterInput(page, widget, 3);
    await page.waitForFunction(() => !!window.controllers.widget.debugItems()['ime-composition'], null, { timeout: 10_000 });
    assert.equal(await sourceRowCount(page), 2);
    await page.evaluate(() => document.activeElement.dispatchEvent(new CompositionEvent('compositionend', { data: 'é' })));
    await waitForSourceRowCount(page, 1);
    // The same character straight from an on-screen keyboard or a layout that has it.
    await page.keyboard.press('Backspace');
    await waitForSourceRowCount(page, 2);
    await page.keyboard.insertText('é');
    await waitForSourceRowCount(page, 1);
    // Escape closes the field: the keyboard goes back to the canvas.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.tagName === 'CANVAS', null, { timeout: 10_000 });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
