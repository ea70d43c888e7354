// Suggestions that show themselves (issue 13, point 7), in Chromium with the real wasm: with the
// default autoApply ('confident') the demo job's plan arrives with three of its pairs unmapped (put
// to the double first: First Name, Phone, Job Title), and the widget reads the destination sheet's mappingConfidenceThreshold and applies the matcher's pairs at
// or above it as "suggested by plan-mapper" edges, shown in the accessibility mirror's counts and
// rows and accepted all at once through its Bulk actions menu; 'none' applies nothing and reads no
// sheet. Only roles and names are used to act, as in a11y-mirror.test.mjs.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { eventually } from './lib/eventually.mjs';
import { putPlanWithUnmappedPairs, suggestedEdges, UNMAPPED } from './lib/suggested-pairs.mjs';
import { mountWidget, openBlankPage, planOf, waitForRequests } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const SHEET_PATH = '/v1/sheets/us_sh_demoDst9';     // the demo job's config.destinationSheetId

describe('autoApply in Chromium', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test("'confident' (the default) applies suggestions as suggested edges; the mirror shows and accepts them", { timeout: 90_000 }, async () => {
    env.double.reset();
    await putPlanWithUnmappedPairs(env.double);
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page, { options: { autoApply: undefined } });   // the default
    await waitForRequests(env.double, 'GET', SHEET_PATH);
    const plan = await eventually(() => planOf(page, widget), (p) => p && suggestedEdges(p).length > 0, 'suggested edges');
    const suggested = suggestedEdges(plan);
    assert.deepEqual(suggested.map((edge) => edge.destinationField.key).sort(), [...UNMAPPED].sort());
    // The double's sheet says 0.6: nothing under it was applied.
    for (const edge of suggested) assert.ok(edge.metadata.confidence >= 0.6, JSON.stringify(edge.metadata));

    const region = page.getByRole('region', { name: 'Field mapping' });
    const counts = await eventually(() => region.getByText(/ mapped/).first().textContent(), (t) => t.includes('suggested by plan-mapper'), 'counts');
    assert.match(counts, new RegExp(`${suggested.length} suggested by plan-mapper`));
    const firstSource = suggested[0].sourceField.label;
    await eventually(() => region.getByRole('row').filter({ hasText: firstSource }).first().textContent(),
      (t) => t.includes('suggested by plan-mapper'), 'the row says so');

    await region.getByRole('button', { name: 'Bulk actions' }).press('Enter');
    await region.getByRole('menuitem', { name: /^Accept all \d+ suggested mapping/ }).press('Enter');
    const accepted = await eventually(() => planOf(page, widget), (p) => suggestedEdges(p).length === 0, 'accepted');
    for (const edge of suggested) {
      const now = accepted.fieldMapping.find((e) => e.destinationField.key === edge.destinationField.key);
      assert.equal(now?.sourceField.key, edge.sourceField.key, 'accepting keeps the edge');
      assert.equal(now.metadata.source, 'plan-mapper');
    }
    await page.close();
  });

  test("'none' applies nothing and reads no sheet", { timeout: 60_000 }, async () => {
    env.double.reset();
    await putPlanWithUnmappedPairs(env.double);
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page, { options: { autoApply: 'none' } });
    // The plan has been drawn, and the frames after it (where 'confident' applies) have run: the
    // widget draws while it ranks, then goes idle.
    await page.waitForFunction((w) => window.controllers[w].framesDrawn() >= 2, widget, { timeout: 10_000, polling: 20 });
    await page.waitForTimeout(1_000);
    const plan = await planOf(page, widget);
    assert.equal(suggestedEdges(plan).length, 0);
    for (const key of UNMAPPED) assert.ok(!plan.fieldMapping.some((edge) => edge.destinationField.key === key), key);
    assert.equal(env.double.requestLog.find('GET', SHEET_PATH).length, 0);
    await page.close();
  });
});
