// Reading the source rows in Chromium with the real wasm (on by default) against the double:
// the enum editor lists every value of the column with its count, the review says which values
// will not import, the PUT's enumDetails covers values the preview never showed, progress shows
// while a long file is read and stopping keeps the panel usable, and a 403 on the rows leaves a
// quiet note. Checked through the accessibility mirror (text), and the counts against the
// double's own rows.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_ROWS, ORDERS_JOB_ID, loadSampleJobs } from '../../web/sample-jobs/index.mjs';
import { RecordSource } from '../../web/server/sample-records.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, edgeTo, mountWidget, openBlankPage, waitForRequests } from './lib/widget-page.mjs';
import { eventually as pollUntil } from './lib/eventually.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// This file's waits allow 20,000 ms (lib/eventually.mjs polls every 50 ms).
const eventually = (read, check, what) => pollUntil(read, check, what, 20_000);

// The demo job's rows as the double serves them, and how often each value of a column occurs.
function demoTally(key) {
  const sample = loadSampleJobs().find((j) => j.job.id === DEMO_JOB_ID);
  const rows = new RecordSource(sample.sourceSheet, sample.records).page(DEMO_ROWS, 1);
  const tally = new Map();
  for (const row of rows) {
    const value = row.values[key]?.value;
    if (value === undefined || value === null || value.trim() === '') continue;
    tally.set(value, (tally.get(value) ?? 0) + 1);
  }
  return tally;
}

// Latency for the orders job's 24 pages: two quick ones for the first progress, then 3 s each.
const slowPages = () => Array.from({ length: 24 }, (_, i) => ({ type: 'latency', ms: i < 2 ? 300 : 3_000, path: '/records' }));

const rowsText = (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

describe('reading the source rows in Chromium', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const recordsLine = (region) => region.locator('[data-pm="records"]').textContent();

  test('the enum editor counts every value, the review says what will not import, the PUT covers the rows', { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    // The widget's default (the test helper turns reading off unless asked): the rows are read.
    await mountWidget(page, { options: { readRecords: undefined } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    await eventually(() => recordsLine(region), (t) => t === `Checked all ${DEMO_ROWS} rows of the file.`, 'records note');
    assert.equal(await region.getByRole('button', { name: 'Stop reading', exact: true }).count(), 0);

    // Every country in the rows, with its count, including those the preview never showed.
    await region.getByRole('button', { name: 'Values of Country' }).press('Enter');
    const countries = demoTally('country');
    assert.ok(countries.has('France') && countries.has('Canada'));
    for (const [value, count] of countries) {
      await eventually(() => region.getByLabel(`Country value ${value}, ${rowsText(count)}`, { exact: true }).count(), (n) => n === 1, `select for ${value}`);
    }
    // Matched like the preview's values: France is France.
    assert.equal(await region.getByLabel(`Country value France, ${rowsText(countries.get('France'))}`, { exact: true })
      .evaluate((s) => s.selectedOptions[0].textContent), 'France');

    // The review names the revenue values that are not numbers, counted from the rows.
    const revenue = demoTally('annual_revenue');
    const notNumbers = ['$1,200,000', '€4.5M', 'n/a'].reduce((sum, v) => sum + (revenue.get(v) ?? 0), 0);
    await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
    const problems = region.getByRole('list', { name: 'Values that will not import' });
    await eventually(() => problems.getByRole('listitem').allTextContents(),
      (lines) => lines.some((l) => l.startsWith(`Annual revenue (USD): ${notNumbers} of ${DEMO_ROWS} values are not numbers`)), 'review line');
    await region.getByRole('button', { name: 'Send plan' }).press('Enter');
    const [put] = await waitForRequests(env.double, 'PUT', `/v1/jobs/${DEMO_JOB_ID}/plan`);
    assert.equal(put.status, 200, JSON.stringify(put.errors));
    const country = edgeTo(JSON.parse(put.body), 'country');
    const mapped = new Map(country.enumDetails.mapping.map((m) => [m.sourceValue, m.destinationValue]));
    assert.equal(mapped.get('France'), 'FR');
    assert.equal(mapped.get('Canada'), 'CA');
    assert.equal(mapped.get('USA'), 'US');
    await page.close();
  });

  test('a long file shows its progress and can be stopped; the panel stays usable', { timeout: 90_000 }, async () => {
    env.double.reset();
    // Slow pages, so the reading is seen in progress; after the first two they are slower still,
    // so that a loaded machine cannot finish the file before the test has pressed Stop.
    env.double.faults.set(slowPages());
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page, { options: { readRecords: true, jobId: ORDERS_JOB_ID } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    await eventually(() => recordsLine(region), (t) => /^Reading the file: [1-9][0-9,]* of 24,000 rows$/.test(t), 'progress');
    // The panel works meanwhile: the review opens.
    await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
    await region.getByRole('button', { name: 'Keep editing' }).press('Enter');
    // The mirror's own Stop reading button, as the canvas's: shown while reading, pressed by keyboard.
    const stop = region.getByRole('button', { name: 'Stop reading', exact: true });
    await stop.press('Enter');
    const note = await eventually(() => recordsLine(region), (t) => t.startsWith('Reading the file was cancelled after'), 'cancelled note');
    const read = Number(/after ([0-9,]+) rows/.exec(note)[1].replace(/,/g, ''));
    assert.ok(read > 0 && read < 24_000, note);
    // Said in the live region, and the button is gone with the reading.
    await eventually(() => region.getByRole('status').textContent(), (t) => t === note, 'announcement');
    assert.equal(await stop.count(), 0);
    // No more pages are asked for once stopped (the one in flight was cancelled).
    const pagesSeen = env.double.requestLog.all().filter((r) => r.path.includes('/records')).length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(env.double.requestLog.all().filter((r) => r.path.includes('/records')).length, pagesSeen);
    await page.close();
  });

  test("the canvas's Stop reading button stops it too", { timeout: 90_000 }, async () => {
    env.double.reset();
    env.double.faults.set(slowPages());
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page, { options: { readRecords: true, jobId: ORDERS_JOB_ID } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    await eventually(() => recordsLine(region), (t) => /^Reading the file: [1-9][0-9,]* of 24,000 rows$/.test(t), 'progress');
    await clickItem(page, 'widget', 'button:stop-reading');
    await eventually(() => recordsLine(region), (t) => t.startsWith('Reading the file was cancelled after'), 'cancelled note');
    assert.equal(await region.getByRole('button', { name: 'Stop reading', exact: true }).count(), 0);
    await page.close();
  });

  test('rows that cannot be read (403) leave the previews and a quiet note', { timeout: 60_000 }, async () => {
    env.double.reset();
    env.double.faults.set([{ type: 'status', status: 403, path: '/v1/sheets/' }]);
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page, { options: { readRecords: true } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    await eventually(() => recordsLine(region), (t) => t === "The file's rows could not be read, so only the preview values are used.", 'note');
    assert.deepEqual(await page.evaluate(() => window.events.widget.error), []);
    await page.close();
  });
});
