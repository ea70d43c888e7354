// The accessibility mirror in Chromium with the real wasm: tasks done ONLY through roles and
// accessible names (Playwright getByRole / getByLabel and the keyboard, never coordinates), as a
// screen-reader or keyboard user does them; the PUT the double receives carries the change; a
// 5,000 x 5,000 plan stays reachable to its last row with a bounded mirror; axe-core finds nothing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { eventually, expectStatus } from './lib/eventually.mjs';
import { edgeTo, mountWidget, openBlankPage, planOf, waitForEdge, waitForRequests } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const PLAN_PATH = `/v1/jobs/${DEMO_JOB_ID}/plan`;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// A plan of `n` sources and `n` destinations (4/5 mapped), like tools/bench-web.mjs uses.
function bigPlan(n) {
  const field = (key, i) => ({ key, label: `Field ${i}`, type: 'string' });
  const preview = (i) => Array.from({ length: 5 }, (_, p) => `v${i}_${p}`);
  const plan = { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] };
  const mapped = Math.floor(n * 0.8);
  for (let i = 0; i < mapped; i += 1) plan.fieldMapping.push({ sourceField: field(`src_${i}`, i), destinationField: field(`dst_${i}`, i), preview: preview(i), metadata: { certainty: 'strong', confidence: 0.92 } });
  for (let i = mapped; i < n; i += 1) plan.unmappedSourceFields.push({ sourceField: field(`src_${i}`, i), preview: preview(i) });
  for (let i = mapped; i < n; i += 1) plan.unmappedDestinationFields.push({ destinationField: field(`dst_${i}`, i) });
  return plan;
}

describe('accessibility mirror in Chromium', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  async function freshPage() {
    env.double.reset();
    return openBlankPage(env.browser, env.double);
  }

  test('maps, unmaps, sets an enum value, undoes, filters, reviews and sends by roles and names only', { timeout: 90_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    const region = page.getByRole('region', { name: 'Field mapping' });
    await expectStatus(region, 'Plan loaded: 15 source columns, 12 mapped.');

    // Map a column: type in its destination combobox, Enter takes the first match.
    const notes = region.getByRole('combobox', { name: 'Destination for Notes' });
    await notes.fill('Tags');
    assert.match(await region.getByRole('option').first().textContent(), /^Tags/);
    await notes.press('Enter');
    await expectStatus(region, 'Notes mapped to Tags.');
    await waitForEdge(page, widget, 'tags', 'notes');
    assert.equal(await notes.inputValue(), 'Tags');

    // Unmap one: the combobox's list, opened from the keyboard, offers "Not mapped".
    const phone = region.getByRole('combobox', { name: 'Destination for Phone' });
    await phone.focus();
    await phone.press('Alt+ArrowDown');
    assert.equal(await phone.getAttribute('aria-expanded'), 'true');
    assert.equal(await region.getByRole('option', { name: /^Phone/ }).first().getAttribute('aria-selected'), 'true');
    await phone.fill('not mapped');
    await phone.press('Enter');
    await expectStatus(region, 'Phone is not mapped.');
    await waitForEdge(page, widget, 'phone', null);

    // An enum value: the row's disclosure opens one select per source value.
    const values = region.getByRole('button', { name: 'Values of Country' });
    assert.equal(await values.getAttribute('aria-expanded'), 'false');
    await values.press('Enter');
    const usa = region.getByLabel('Country value USA');
    await usa.waitFor();
    assert.equal(await region.getByRole('button', { name: 'Values of Country' }).getAttribute('aria-expanded'), 'true');
    const choices = await usa.locator('option').allTextContents();
    const current = await usa.evaluate((select) => select.selectedOptions[0].textContent);
    const other = choices.find((c) => c !== current && c !== 'No value');
    await usa.selectOption({ label: other });
    await expectStatus(region, `Value USA of Country set to ${other}.`);
    const mappingOf = async () => edgeTo(await planOf(page, widget), 'country').enumDetails.mapping.find((m) => m.sourceValue === 'USA');
    await eventually(mappingOf, (m) => m && m.destinationValue !== 'US', 'USA mapped to another option');

    // Undo takes the enum edit back and says so.
    await region.getByRole('button', { name: 'Undo' }).press('Enter');
    await expectStatus(region, 'Undid: values of Country changed.');
    await eventually(mappingOf, (m) => m && m.destinationValue === 'US', 'USA back to US');
    await eventually(() => region.getByLabel('Country value USA').evaluate((s) => s.selectedOptions[0].textContent), (t) => t === current, 'the select shows the undo');

    // Filter: the search box drives the panel's filter; the grid's row count follows.
    const grid = region.getByRole('grid', { name: 'Source columns' });
    const search = region.getByRole('searchbox', { name: 'Search fields' });
    await search.fill('linked');
    await expectStatus(region, '1 of 15 source columns shown.');
    assert.equal(await grid.getAttribute('aria-rowcount'), '2');
    assert.equal(await grid.getByRole('row').count(), 2);
    assert.ok(await region.getByRole('combobox', { name: 'Destination for LinkedIn URL' }).isVisible());
    await search.fill('');
    const unmappedChip = region.getByRole('button', { name: 'Unmapped' });
    await unmappedChip.press('Enter');
    await expectStatus(region, '3 of 15 source columns shown.');   // Owner Email, LinkedIn URL and Phone
    await eventually(() => unmappedChip.getAttribute('aria-pressed'), (v) => v === 'true', 'the chip is on');
    await unmappedChip.press('Enter');
    await eventually(() => unmappedChip.getAttribute('aria-pressed'), (v) => v === 'false', 'the chip is off');

    // Review: a modal dialog with the changes; focus moves in; Enter is Send plan.
    const reviewButton = region.getByRole('button', { name: 'Review and submit' });
    await reviewButton.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Review changes' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    const lines = await dialog.getByRole('listitem').allTextContents();
    assert.ok(lines.some((l) => l.startsWith('Tags: from Notes')), lines.join(' | '));
    assert.ok(lines.some((l) => l.startsWith('Phone: from nothing')), lines.join(' | '));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Send plan');
    await page.keyboard.press('Enter');
    const [put] = await waitForRequests(env.double, 'PUT', PLAN_PATH);
    const body = JSON.parse(put.body);
    assert.equal(edgeTo(body, 'tags').sourceField.key, 'notes');
    assert.equal(edgeTo(body, 'phone'), null);
    await expectStatus(region, 'Plan saved.');
    assert.equal(await dialog.count(), 0, 'the dialog closed');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Review and submit', 'focus went back');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Escape closes the review and an edit in the canvas reaches the mirror', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page, { options: { label: 'Contacts import' } });
    const region = page.getByRole('region', { name: 'Contacts import' });
    await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
    await page.getByRole('dialog', { name: 'Review changes' }).waitFor();
    await page.keyboard.press('Escape');
    await eventually(() => page.getByRole('dialog').count(), (n) => n === 0, 'dialog closed');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Review and submit');
    // The controller's undo/redo and any canvas edit are canvas-side changes: the mirror follows.
    await page.evaluate(() => window.controllers.widget.setPlan(window.controllers.widget.getPlan()));
    await region.getByRole('combobox', { name: 'Destination for Notes' }).fill('Account');
    await region.getByRole('combobox', { name: 'Destination for Notes' }).press('Enter');
    await waitForEdge(page, widget, 'account', 'notes');
    await page.evaluate(() => window.controllers.widget.undo());
    await eventually(() => region.getByRole('combobox', { name: 'Destination for Notes' }).inputValue(), (v) => v === 'Not mapped', 'the mirror shows the undo');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a 5,000 x 5,000 plan: the last row is reachable and the mirror stays under 2,000 nodes', { timeout: 120_000 }, async () => {
    const page = await freshPage();
    await mountWidget(page, { options: { plan: bigPlan(5000), apiUrl: '' } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    const grid = region.getByRole('grid', { name: 'Source columns' });
    assert.equal(await grid.getAttribute('aria-rowcount'), '5001');
    const nodes = () => page.evaluate(() => document.querySelector('[data-plan-mapper-mirror]').querySelectorAll('*').length + 1);
    let most = await nodes();
    await grid.getByRole('gridcell').first().focus();
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('PageDown');
      most = Math.max(most, await nodes());
    }
    await page.keyboard.press('Control+End');
    const last = await page.evaluate(() => {
      const row = document.activeElement.closest('[role="row"]');
      return { index: row.getAttribute('aria-rowindex'), text: row.textContent };
    });
    assert.equal(last.index, '5001');
    assert.match(last.text, /^Field 4999/);
    most = Math.max(most, await nodes());
    // The last row's destination is reachable and usable from there.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Destination for Field 4999');
    await page.keyboard.press('Control+Home');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[role="row"]').getAttribute('aria-rowindex')), '2');
    most = Math.max(most, await nodes());
    assert.ok(most <= 2000, `the mirror held ${most} DOM nodes`);
    await page.close();
  });

  test('axe-core finds no violations with the widget loaded (mirror, enum group and review open)', { timeout: 90_000 }, async () => {
    const page = await freshPage();
    // A host page as a host would write it: a language, a title, a main landmark with a heading.
    await page.evaluate(() => {
      document.documentElement.lang = 'en';
      document.title = 'Import contacts';
      const main = document.createElement('main');
      const heading = document.createElement('h1');
      heading.textContent = 'Import contacts';
      main.append(heading, document.getElementById('host'));
      document.body.appendChild(main);
    });
    await mountWidget(page);
    await page.addScriptTag({ path: AXE_PATH });
    const region = page.getByRole('region', { name: 'Field mapping' });
    const run = () => page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(await run(), []);
    await region.getByRole('button', { name: 'Values of Country' }).press('Enter');
    await region.getByLabel('Country value USA').waitFor();
    const combo = region.getByRole('combobox', { name: 'Destination for Notes' });
    await combo.focus();
    await combo.press('Alt+ArrowDown');
    assert.deepEqual(await run(), []);
    await combo.press('Escape');
    await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
    await page.getByRole('dialog', { name: 'Review changes' }).waitFor();
    assert.deepEqual(await run(), []);
    await page.close();
  });

  test('a Japanese search term typed through IME composition filters the rows', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const plan = { fieldMapping: [], unmappedDestinationFields: [{ destinationField: { key: 'name', type: 'string' } }],
      unmappedSourceFields: [
        { sourceField: { key: 'shimei', label: '氏名', type: 'string' }, preview: ['山田'] },
        { sourceField: { key: 'jusho', label: '住所', type: 'string' }, preview: ['東京'] },
        { sourceField: { key: 'email', label: 'Email', type: 'string' }, preview: ['a@b.example'] },
      ] };
    await mountWidget(page, { options: { plan, apiUrl: '' } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    const grid = region.getByRole('grid', { name: 'Source columns' });
    assert.equal(await grid.getAttribute('aria-rowcount'), '4');
    const search = region.getByRole('searchbox', { name: 'Search fields' });
    await search.focus();
    const seen = await page.evaluate(() => {
      const box = document.activeElement;
      window.compositionEvents = [];
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) box.addEventListener(type, () => window.compositionEvents.push(type));
      return box.type;
    });
    assert.equal(seen, 'search');
    // Chromium's IME path: a composition in progress ("じゅうしょ" -> candidates), then committed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'じゅ', selectionStart: 2, selectionEnd: 2 });
    // While composing, the rows are not filtered by the half-typed reading.
    assert.equal(await grid.getAttribute('aria-rowcount'), '4');
    await cdp.send('Input.imeSetComposition', { text: '住所', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '住所' });
    await eventually(() => grid.getAttribute('aria-rowcount'), (v) => v === '2', 'one row shown');
    assert.ok(await region.getByRole('combobox', { name: 'Destination for 住所' }).isVisible());
    assert.equal(await search.inputValue(), '住所');
    const events = await page.evaluate(() => window.compositionEvents);
    assert.ok(events.includes('compositionstart') && events.includes('compositionend'), events.join(','));
    await page.close();
  });

  test('in the canvas, Ctrl+Enter opens the review and Enter sends (a default button)', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    await mountWidget(page);
    await page.evaluate(() => document.querySelector('#widget canvas').focus());
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(300);
    assert.equal(env.double.requestLog.find('PUT', PLAN_PATH).length, 0, 'not sent by the chord that opened it');
    await page.keyboard.press('Enter');
    await waitForRequests(env.double, 'PUT', PLAN_PATH);
    await page.close();
  });
});
