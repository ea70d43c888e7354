// How the accessibility mirror brings its grid up to date (web/widget/a11y-grid.js) in Chromium
// with the real wasm: an edit that moves the focused row's field out of the window leaves the
// keyboard on the same control, never blurred, now naming the row that took its place; rows reused
// while the window scrolls always describe one field, with consecutive aria-rowindex values.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { mountWidget, openBlankPage } from './lib/widget-page.mjs';
import { eventually as pollUntil } from './lib/eventually.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// This file's waits allow 10,000 ms (lib/eventually.mjs polls every 50 ms).
const eventually = (read, check, what) => pollUntil(read, check, what, 10_000);

// n sources and n destinations, 4/5 mapped (Field i -> Field i).
function bigPlan(n) {
  const field = (key, i) => ({ key, label: `Field ${i}`, type: 'string' });
  const plan = { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] };
  const mapped = Math.floor(n * 0.8);
  for (let i = 0; i < mapped; i += 1) plan.fieldMapping.push({ sourceField: field(`src_${i}`, i), destinationField: field(`dst_${i}`, i), preview: [`v${i}`] });
  for (let i = mapped; i < n; i += 1) plan.unmappedSourceFields.push({ sourceField: field(`src_${i}`, i), preview: [`v${i}`] });
  for (let i = mapped; i < n; i += 1) plan.unmappedDestinationFields.push({ destinationField: field(`dst_${i}`, i) });
  return plan;
}

// Every row of the source grid in the DOM: its aria-rowindex, the label its first cell starts
// with and the name of its combobox.
const gridRows = (page) => page.evaluate(() => Array.from(document.querySelector('[data-plan-mapper-mirror] [role="grid"]')
  .querySelectorAll('[role="rowgroup"] > [role="row"]'), (row) => ({
    index: Number(row.getAttribute('aria-rowindex')),
    label: row.querySelector('[aria-colindex="1"] span').textContent,
    combobox: row.querySelector('[role="combobox"]').getAttribute('aria-label'),
  })));

function assertConsistent(rows) {
  for (const [i, row] of rows.entries()) {
    assert.equal(row.combobox, `Destination for ${row.label}`, `row ${row.index} describes one field`);
    if (i) assert.equal(row.index, rows[i - 1].index + 1, 'consecutive aria-rowindex');
  }
}

describe('accessibility mirror: updates keep the keyboard and the rows right', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('an edit that moves the focused field out of the window keeps the keyboard in place, unblurred', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page, { options: { plan: bigPlan(200), apiUrl: '' } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    const combo = region.getByRole('combobox', { name: 'Destination for Field 3', exact: true });
    await combo.focus();
    await page.evaluate(() => {
      window.focusedBefore = document.activeElement;
      window.blurs = 0;
      window.focusedBefore.addEventListener('blur', () => { window.blurs += 1; });
    });
    await combo.fill('Field 190');
    await combo.press('Enter');
    await eventually(() => region.getByRole('status').textContent(), (t) => t === 'Field 3 mapped to Field 190.', 'the announcement');
    // The remapped field went to the end of the mapped rows (160th); its row's nodes now show
    // Field 4, and the keyboard never left them.
    await eventually(() => page.evaluate(() => document.activeElement.getAttribute('aria-label')), (v) => v === 'Destination for Field 4', 'the focused control names the next field');
    const kept = await page.evaluate(() => ({ same: document.activeElement === window.focusedBefore, blurs: window.blurs,
      rowIndex: document.activeElement.closest('[role="row"]').getAttribute('aria-rowindex') }));
    assert.deepEqual(kept, { same: true, blurs: 0, rowIndex: '5' });
    assert.equal(await page.evaluate(() => document.activeElement.value), 'Field 4');
    assertConsistent(await gridRows(page));

    // Scrolling reuses rows that left the window: each still describes one field, in order.
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('PageDown');
      assertConsistent(await gridRows(page));
    }
    await page.keyboard.press('Control+End');
    const rows = await gridRows(page);
    assertConsistent(rows);
    assert.equal(rows.at(-1).index, 201);
    // The remapped field is at the end of the mapped rows (row 160 of 200: aria-rowindex 161).
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 15; i += 1) await page.keyboard.press('PageDown');
    const around = await gridRows(page);
    assertConsistent(around);
    assert.equal(around.find((row) => row.label === 'Field 3')?.index, 161);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
