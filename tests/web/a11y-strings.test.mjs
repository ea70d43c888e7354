// The widget's words in Chromium with the real wasm (issue 12 point 6, the message catalog):
// <plan-mapper lang="de"> names its mirror's controls in German and a column is mapped through
// them by role and name only; a host's `strings` override replaces some words, and its unknown key
// and wrong placeholder are reported once to the console; the canvas in German is saved as
// test-artifacts/widget-de.png. Also the mirror's per-row Accept / Reject of a suggested mapping,
// by role and name only.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { ARTIFACTS_DIR, DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { eventually, expectStatus } from './lib/eventually.mjs';
import { countDistinctColours, decodePng } from './lib/png.mjs';
import { putPlanWithUnmappedPairs, suggestedEdges } from './lib/suggested-pairs.mjs';
import { mountWidget, openBlankPage, planOf, waitForEdge } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');


describe('the widget\'s words in Chromium', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('<plan-mapper lang="de">: the mirror speaks German and maps a column by German names; the canvas is German', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const warnings = [];
    page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
    await page.evaluate(async ({ jobId, token }) => {
      await import('/plan-mapper.js');
      const element = document.createElement('plan-mapper');
      element.setAttribute('api-url', location.origin);
      element.setAttribute('job-id', jobId);
      element.setAttribute('lang', 'de');
      element.style.height = '700px';
      document.getElementById('host').appendChild(element);
      element.token = token;
    }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
    await page.waitForSelector('plan-mapper[data-plan-mapper-state="ready"]', { timeout: 30_000 });

    const region = page.getByRole('region', { name: 'Feldzuordnung' });
    await expectStatus(region, /^Plan geladen: 15 Quellspalten, \d+ zugeordnet\.$/);
    // The header's controls by their German names.
    for (const name of ['Rückgängig', 'Wiederholen', 'Sammelaktionen', 'Prüfen und senden']) await region.getByRole('button', { name }).waitFor();
    await region.getByRole('button', { name: 'Nicht zugeordnet' }).waitFor();   // the filter chip
    await region.getByRole('searchbox', { name: 'Felder suchen' }).waitFor();
    await region.getByRole('grid', { name: 'Quellspalten' }).waitFor();

    // Map a column: the combobox "Ziel für Notes", its list offers "Nicht zugeordnet" and "Nicht importieren".
    const notes = region.getByRole('combobox', { name: 'Ziel für Notes' });
    await notes.focus();
    await notes.press('Alt+ArrowDown');
    for (const name of ['Nicht zugeordnet', 'Nicht importieren']) await region.getByRole('option', { name, exact: true }).waitFor({ state: 'attached' });
    await notes.fill('Tags');
    await notes.press('Enter');
    await expectStatus(region, 'Notes zugeordnet zu Tags.');
    const plan = await eventually(() => page.evaluate(() => document.querySelector('plan-mapper').controller?.getPlan()),
      (p) => p?.fieldMapping.some((e) => e.destinationField.key === 'tags' && e.sourceField.key === 'notes'), 'notes -> tags in the plan');
    assert.ok(plan);
    await region.getByRole('button', { name: 'Rückgängig' }).press('Enter');
    await expectStatus(region, /^Rückgängig gemacht: /);
    assert.deepEqual(warnings, [], 'a shipped language says nothing on the console');

    // The canvas, in German, for a person to look at.
    const png = await page.locator('plan-mapper canvas').screenshot();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(path.join(ARTIFACTS_DIR, 'widget-de.png'), png);
    assert.ok(countDistinctColours(decodePng(png)) > 20, 'the German canvas is drawn (test-artifacts/widget-de.png)');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a strings override renames controls; an unknown key and a wrong placeholder are reported once, never thrown', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const warnings = [];
    page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
    const widget = await mountWidget(page, {
      options: {
        label: 'Spalten',
        strings: {
          'header.undo': 'Take that back',
          'mirror.destinationFor': 'Where {source} goes',
          'say.mapped': '{source} now feeds {destination}',
          'header.noSuchKey': 'x',
          'say.cleared': { one: '{count} gone', other: '{count} gone {because}' },
        },
      },
    });
    const region = page.getByRole('region', { name: 'Spalten' });
    await region.getByRole('button', { name: 'Take that back' }).waitFor();
    const notes = region.getByRole('combobox', { name: 'Where Notes goes' });
    await notes.fill('Tags');
    await notes.press('Enter');
    await expectStatus(region, 'Notes now feeds Tags.');
    await waitForEdge(page, widget, 'tags', 'notes');
    // Keys not overridden keep the language's words.
    await region.getByRole('button', { name: 'Redo' }).waitFor();
    const reported = warnings.filter((w) => w.startsWith('plan-mapper:'));
    assert.equal(reported.length, 2, reported.join('\n'));
    assert.ok(reported.some((w) => w.includes('"header.noSuchKey"')), reported.join('\n'));
    assert.ok(reported.some((w) => w.includes('"say.cleared"') && w.includes('{because}')), reported.join('\n'));
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a suggested mapping is accepted and another rejected from its own row, by role and name only', { timeout: 90_000 }, async () => {
    env.double.reset();
    await putPlanWithUnmappedPairs(env.double);
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page, { options: { autoApply: undefined } });   // the default: confident ones applied
    const region = page.getByRole('region', { name: 'Field mapping' });
    const plan = await eventually(() => planOf(page, widget), (p) => p && suggestedEdges(p).length >= 2, 'suggested edges');
    const [first, second] = suggestedEdges(plan);
    const name = (edge) => `${edge.sourceField.label ?? edge.sourceField.key} to ${edge.destinationField.label ?? edge.destinationField.key}`;

    // The row's cell holds Accept and Reject: Left and Right move between them, Escape goes back to the cell.
    const accept = region.getByRole('button', { name: `Accept ${name(first)}`, exact: true });
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('role'));
    await accept.focus();
    await accept.press('ArrowRight');
    assert.equal(await focusedName(), `Reject ${name(first)}`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedName(), `Accept ${name(first)}`);
    await page.keyboard.press('Escape');
    assert.equal(await focusedName(), 'gridcell');
    await page.keyboard.press('Enter');
    assert.equal(await focusedName(), `Accept ${name(first)}`);
    // axe-core finds nothing wrong in the widget with the rows' buttons (the blank test page itself
    // has no title or main landmark: a11y-mirror.test.mjs checks a whole host page).
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => (await window.axe.run('#widget', { resultTypes: ['violations'] })).violations.map((v) => v.id));
    assert.deepEqual(violations, []);

    // Accept: Enter on the focused button.
    await accept.press('Enter');
    await expectStatus(region, `Accepted: ${name(first)}.`);
    const afterAccept = await eventually(() => planOf(page, widget),
      (p) => p.fieldMapping.some((e) => e.destinationField.key === first.destinationField.key && e.metadata?.source === 'plan-mapper'), 'accepted');
    assert.equal(afterAccept.fieldMapping.find((e) => e.destinationField.key === first.destinationField.key).sourceField.key, first.sourceField.key);
    // The accepted row has no Accept / Reject any more.
    await eventually(() => region.getByRole('button', { name: `Accept ${name(first)}`, exact: true }).count(), (n) => n === 0, 'the buttons go');

    // Reject: the edge goes, its source is unmapped.
    await region.getByRole('button', { name: `Reject ${name(second)}`, exact: true }).press('Enter');
    await expectStatus(region, `Rejected: ${name(second)}.`);
    await eventually(() => planOf(page, widget), (p) => !p.fieldMapping.some((e) => e.destinationField.key === second.destinationField.key), 'rejected');
    // Undo brings the suggestion back, with its buttons.
    await region.getByRole('button', { name: 'Undo' }).press('Enter');
    await region.getByRole('button', { name: `Reject ${name(second)}`, exact: true }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
