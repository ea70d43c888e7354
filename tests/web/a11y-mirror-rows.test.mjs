// The accessibility mirror patches only the rows that changed (the module writes a row the page
// already has, unchanged, as its key: src/app/mirror_model.h MirrorRowsSent). These tests edit in
// the canvas (real mouse and keyboard on its items) and read the mirror only through roles and
// names: an edit that takes a destination from another row must update both rows and the
// destination grid; undo, redo, the bulk actions, the filter and a new plan with the same keys
// must reach every row they change, not only the one last edited.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, mountWidget, openBlankPage, waitForEdge } from './lib/widget-page.mjs';
import { eventually as pollUntil } from './lib/eventually.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// This file's waits allow 10,000 ms (lib/eventually.mjs polls every 50 ms).
const eventually = (read, check, what) => pollUntil(read, check, what, 10_000);

// Ten sources: Field 0..7 mapped to the destination of the same number, Field 8 and 9 not.
function smallPlan(labels = {}) {
  const field = (key, i) => ({ key, label: labels[key] ?? `Field ${i}`, type: 'string' });
  const plan = { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] };
  for (let i = 0; i < 8; i += 1) plan.fieldMapping.push({ sourceField: field(`src_${i}`, i), destinationField: field(`dst_${i}`, i), preview: [`v${i}`] });
  for (let i = 8; i < 10; i += 1) plan.unmappedSourceFields.push({ sourceField: field(`src_${i}`, i), preview: [`v${i}`] });
  for (let i = 8; i < 10; i += 1) plan.unmappedDestinationFields.push({ destinationField: field(`dst_${i}`, i) });
  return plan;
}

describe('accessibility mirror: every row an edit changes is brought up to date', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('a canvas edit, undo, redo, bulk actions, the filter and a new plan reach every row they change', { timeout: 120_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page, { options: { plan: smallPlan(), apiUrl: '' } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    const value = (label) => region.getByRole('combobox', { name: `Destination for ${label}`, exact: true }).inputValue();
    // Every source row's combobox value by its label, as a screen reader user finds them.
    const values = async (labels) => Object.fromEntries(await Promise.all(labels.map(async (l) => [l, await value(l)])));
    const expectValues = (expected, what) => eventually(() => values(Object.keys(expected)), (v) => JSON.stringify(v) === JSON.stringify(expected), what);
    // The destination grid's "from" cell of a destination, found by its name cell.
    const fedBy = (name) => region.getByRole('grid', { name: 'Destination fields' }).getByRole('row')
      .filter({ has: page.getByRole('gridcell', { name: `${name} (string)`, exact: true }) }).getByRole('gridcell').nth(2).textContent();

    await expectValues({ 'Field 2': 'Field 2', 'Field 3': 'Field 3', 'Field 8': 'Not mapped' }, 'the plan as loaded');

    // In the canvas, Field 8 takes Field 2's destination: Field 2's row loses it.
    await clickItem(page, widget, 'picker:src_8');
    await clickItem(page, widget, 'picker-option:dst_2');
    await waitForEdge(page, widget, 'dst_2', 'src_8');
    await expectValues({ 'Field 2': 'Not mapped', 'Field 3': 'Field 3', 'Field 8': 'Field 2' }, 'both rows after the canvas edit');
    await eventually(() => fedBy('Field 2'), (t) => t === 'Field 8', 'the destination grid says who feeds Field 2');
    // Field 5's picker says who has Field 2 now.
    const picker = region.getByRole('combobox', { name: 'Destination for Field 5', exact: true });
    await picker.fill('Field 2');
    assert.equal(await page.getByRole('option', { name: 'Field 2, taken by Field 8', exact: true }).count(), 1);
    await picker.press('Escape');

    // Undo and redo in the canvas: both rows go back, then forward again.
    await clickItem(page, widget, 'button:undo');
    await expectValues({ 'Field 2': 'Field 2', 'Field 3': 'Field 3', 'Field 8': 'Not mapped' }, 'both rows after undo');
    await eventually(() => fedBy('Field 2'), (t) => t === 'Field 2', 'the destination grid after undo');
    await clickItem(page, widget, 'button:redo');
    await expectValues({ 'Field 2': 'Not mapped', 'Field 3': 'Field 3', 'Field 8': 'Field 2' }, 'both rows after redo');

    // Bulk actions in the canvas change rows nobody touched.
    await clickItem(page, widget, 'button:bulk');
    await clickItem(page, widget, 'bulk:clear');
    await expectValues({ 'Field 0': 'Not mapped', 'Field 2': 'Not mapped', 'Field 7': 'Not mapped', 'Field 8': 'Not mapped' }, 'every row after Clear all mappings');
    await eventually(() => fedBy('Field 7'), (t) => t !== 'Field 7', 'the destination grid after Clear all mappings');
    await clickItem(page, widget, 'button:bulk');
    await clickItem(page, widget, 'bulk:reset');
    await expectValues({ 'Field 0': 'Field 0', 'Field 2': 'Field 2', 'Field 7': 'Field 7', 'Field 8': 'Not mapped' }, 'every row after Reset');

    // The canvas's filter: the mirror's rows follow it, and come back with their values.
    await clickItem(page, widget, 'filter');
    await page.keyboard.type('Field 9');
    await eventually(() => region.getByRole('grid', { name: 'Source columns' }).getAttribute('aria-rowcount'), (n) => n === '2', 'one row matches');
    assert.equal(await region.getByRole('combobox', { name: 'Destination for Field 2', exact: true }).count(), 0);
    for (let i = 0; i < 'Field 9'.length; i += 1) await page.keyboard.press('Backspace');
    await eventually(() => region.getByRole('grid', { name: 'Source columns' }).getAttribute('aria-rowcount'), (n) => n === '11', 'all rows again');
    await expectValues({ 'Field 2': 'Field 2', 'Field 8': 'Not mapped', 'Field 9': 'Not mapped' }, 'the rows after the filter is cleared');

    // A new plan with the same keys: rows the page kept by key show the new labels and choices.
    await page.evaluate((plan) => window.controllers.widget.setPlan(plan), (() => {
      const plan = smallPlan({ src_3: 'Renamed 3' });
      plan.fieldMapping[3].destinationField = { key: 'dst_9', label: 'Field 9', type: 'string' };
      plan.unmappedDestinationFields[1] = { destinationField: { key: 'dst_3', label: 'Field 3', type: 'string' } };
      return plan;
    })());
    await expectValues({ 'Renamed 3': 'Field 9', 'Field 2': 'Field 2' }, 'the new plan\'s rows');
    assert.equal(await region.getByRole('combobox', { name: 'Destination for Field 3', exact: true }).count(), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
