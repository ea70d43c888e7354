// The web `records` option offline (a `plan` given, no API) in Chromium with the real wasm: the
// rows given are profiled like rows read from the API, so the enum editor lists every value with
// its count and the review says which values will not import; the values matched from the rows
// are one undo step; nothing is requested from anywhere. Read through the accessibility mirror.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_ROWS, loadSampleJobs } from '../../web/sample-jobs/index.mjs';
import { RecordSource } from '../../web/server/sample-records.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { edgeTo, mountWidget, openBlankPage } from './lib/widget-page.mjs';
import { eventually as pollUntil } from './lib/eventually.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// This file's waits allow 20,000 ms (lib/eventually.mjs polls every 50 ms).
const eventually = (read, check, what) => pollUntil(read, check, what, 20_000);

const sample = loadSampleJobs().find((j) => j.job.id === DEMO_JOB_ID);
const records = new RecordSource(sample.sourceSheet, sample.records).page(DEMO_ROWS, 1);

function tally(key) {
  const out = new Map();
  for (const row of records) {
    const value = row.values[key]?.value;
    if (value === undefined || value === null || String(value).trim() === '') continue;
    out.set(value, (out.get(value) ?? 0) + 1);
  }
  return out;
}

const rowsText = (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

describe('the records option offline in Chromium', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('counts in the enum editor and the review, one undo step, no request', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    // Offline: the plan and its rows are given, there is no API to read from.
    await mountWidget(page, { options: { plan: sample.plan, records: { data: { records } }, apiUrl: '' } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    await eventually(() => region.locator('[data-pm="records"]').textContent(),
      (t) => t === `Checked all ${DEMO_ROWS} rows of the records given.`, 'records note');

    // Every country of the rows with its count, those the preview never showed too.
    await region.getByRole('button', { name: 'Values of Country' }).press('Enter');
    const countries = tally('country');
    const previewed = new Set(sample.plan.fieldMapping.find((e) => e.destinationField.key === 'country').preview ?? []);
    assert.ok([...countries.keys()].some((v) => !previewed.has(v)), 'the rows hold values the preview does not show');
    for (const [value, count] of countries) {
      await eventually(() => region.getByLabel(`Country value ${value}, ${rowsText(count)}`, { exact: true }).count(), (n) => n === 1, `select for ${value}`);
    }

    // The review counts the revenue values that are not numbers over the rows given.
    const revenue = tally('annual_revenue');
    const notNumbers = ['$1,200,000', '€4.5M', 'n/a'].reduce((sum, v) => sum + (revenue.get(v) ?? 0), 0);
    assert.ok(notNumbers > 0);
    // The row says it too, in the mirror's grid.
    const mark = `will not import: Annual revenue (USD): ${notNumbers} of ${DEMO_ROWS} values are not numbers`;
    await eventually(() => region.getByRole('row').filter({ hasText: mark }).count(), (n) => n === 1, 'row mark');
    await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
    const problems = region.getByRole('list', { name: 'Values that will not import' });
    await eventually(() => problems.getByRole('listitem').allTextContents(),
      (lines) => lines.some((l) => l.startsWith(`Annual revenue (USD): ${notNumbers} of ${DEMO_ROWS} values are not numbers`)), 'review line');
    await region.getByRole('button', { name: 'Keep editing' }).press('Enter');

    // The country values matched from the rows, then one Undo takes them all back.
    const mapped = (plan) => new Map((edgeTo(plan, 'country').enumDetails?.mapping ?? [])
      .filter((m) => m.destinationValue != null).map((m) => [m.sourceValue, m.destinationValue]));
    const withRows = mapped(await page.evaluate(() => window.controllers.widget.getPlan()));
    assert.equal(withRows.get('Canada'), 'CA');
    assert.equal(withRows.get('France'), 'FR');
    assert.equal(await page.evaluate(() => window.controllers.widget.undo()), true);
    const undone = mapped(await page.evaluate(() => window.controllers.widget.getPlan()));
    assert.deepEqual(undone, mapped(sample.plan), 'one Undo restores the enum values as the plan gave them');

    // Nothing went to the double (or anywhere else it could see).
    assert.deepEqual(env.double.requestLog.all().filter((r) => r.path.startsWith('/v1/')), []);
    await page.close();
  });
});
