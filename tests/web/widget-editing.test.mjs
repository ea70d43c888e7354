// The real wasm widget in Chromium, driven by real mouse and keyboard events on its canvas,
// against the strict API double: mapping, submit (the exact PUT body and headers), token refresh
// after a 401, retries, a dropped connection, drafts across a reload, two widgets on one page,
// and the controller API. Skipped until the web build has produced dist/.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_FILE_ID, DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { clickItem, edgeTo, itemCentre, mountWidget, openBlankPage, planOf, waitForEdge, waitForRequests } from './lib/widget-page.mjs';

// Settled: no frame asked for (input's frames, the module's timers such as a draft write coming
// due, the deferred code). Waiting for that, not for a fixed time, keeps these tests right on a
// slow machine.
const settled = (page, widget) => page.waitForFunction((w) => !window.controllers[w].frameScheduled(), widget, { timeout: 30_000 });

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const PLAN_PATH = `/v1/jobs/${DEMO_JOB_ID}/plan`;

describe('widget editing in Chromium', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  async function freshPage() {
    env.double.reset();
    return openBlankPage(env.browser, env.double);
  }

  test('maps a column with the mouse and submits exactly that plan', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    const before = await planOf(page, widget);
    assert.equal(edgeTo(before, 'account'), null);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await waitForEdge(page, widget, 'tags', 'notes');
    const edited = await planOf(page, widget);

    await clickItem(page, widget, 'button:submit');
    await clickItem(page, widget, 'review-send');
    const [put] = await waitForRequests(env.double, 'PUT', PLAN_PATH);
    assert.equal(put.status, 200, JSON.stringify(put.errors));
    assert.equal(put.headers.authorization, `Bearer ${DEMO_TOKEN}`);
    assert.equal(put.headers['x-disable-hooks'], 'true');
    assert.match(put.headers['content-type'], /^application\/json/);
    const body = JSON.parse(put.body);
    assert.equal(body.jobId, DEMO_JOB_ID);
    assert.equal(body.fileId, DEMO_FILE_ID);
    // Exactly what the widget showed: the same three arrays.
    assert.deepEqual(body.fieldMapping, edited.fieldMapping);
    assert.deepEqual(body.unmappedSourceFields, edited.unmappedSourceFields);
    assert.deepEqual(body.unmappedDestinationFields, edited.unmappedDestinationFields);
    await page.waitForFunction(() => window.events.widget.submit.length === 1);
    await page.close();
  });

  test('keyboard: Ctrl+Z and Ctrl+Y undo and redo an edit on the focused canvas', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await waitForEdge(page, widget, 'tags', 'notes');
    await page.keyboard.press('Control+z');
    await waitForEdge(page, widget, 'tags', null);
    await page.keyboard.press('Control+y');
    await waitForEdge(page, widget, 'tags', 'notes');
    await page.close();
  });

  test('a 401 asks getToken() again once, then the load succeeds', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page, { tokenSequence: ['expired-token', DEMO_TOKEN] });
    const calls = await page.evaluate(() => window.events.widget.tokenCalls);
    assert.equal(calls, 2);
    const gets = env.double.requestLog.find('GET', PLAN_PATH);
    assert.deepEqual(gets.map((e) => e.status), [401, 200]);
    assert.ok((await planOf(page, widget)).fieldMapping.length > 0);
    await page.close();
  });

  test('a 503 is retried and the submit still succeeds', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    env.double.faults.push({ type: 'status', status: 503, method: 'PUT' });
    await page.evaluate(() => window.controllers.widget.submit());
    const puts = await waitForRequests(env.double, 'PUT', PLAN_PATH, 2);
    assert.deepEqual(puts.map((e) => e.status), [503, 200]);
    await page.waitForFunction(() => window.events.widget.submit.length === 1);
    assert.equal(await page.evaluate(() => window.events.widget.error.length), 0);
    await page.close();
  });

  test('a dropped connection keeps the edits; submitting again succeeds', { timeout: 90_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    // Every attempt of the first submit is dropped (the policy retries network errors). Chromium
    // itself silently resends a request whose reused keep-alive socket was closed, once per idle
    // socket in its pool, so the double sees a varying number of PUTs per attempt (2-3 with the
    // bundle's modules loaded): enough drops for all of them; the rest are cleared below.
    env.double.faults.push(...Array.from({ length: 40 }, () => ({ type: 'drop', method: 'PUT' })));
    await page.evaluate(() => window.controllers.widget.submit());
    await page.waitForFunction(() => window.events.widget.error.length === 1, null, { timeout: 60_000 });
    const error = await page.evaluate(() => window.events.widget.error[0]);
    assert.ok(error.message.length > 0);
    await waitForEdge(page, widget, 'tags', 'notes');
    env.double.faults.clear();
    await page.evaluate(() => window.controllers.widget.submit());
    await page.waitForFunction(() => window.events.widget.submit.length === 1, null, { timeout: 30_000 });
    const ok = env.double.requestLog.find('PUT', PLAN_PATH).filter((e) => e.status === 200);
    assert.equal(ok.length, 1);
    assert.equal(edgeTo(JSON.parse(ok[0].body), 'tags').sourceField.key, 'notes');
    await page.close();
  });

  test('a reload in the middle of editing offers the draft and restores it', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    let widget = await mountWidget(page);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await waitForEdge(page, widget, 'tags', 'notes');
    // The draft is written once edits pause; a page going away (right after the edit here)
    // writes the one waiting at once.
    await page.reload();
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-mapper:draft:')));
    assert.equal(stored.length, 1);
    const draftText = await page.evaluate((key) => localStorage.getItem(key), stored[0]);
    assert.ok(!draftText.includes(DEMO_TOKEN), 'the draft never holds the token');
    widget = await mountWidget(page);
    assert.equal(edgeTo(await planOf(page, widget), 'tags'), null, 'the server plan comes first');
    await clickItem(page, widget, 'button:restore-draft');
    await waitForEdge(page, widget, 'tags', 'notes');
    // Confirmed by the server: the draft is gone.
    await page.evaluate(() => window.controllers.widget.submit());
    await page.waitForFunction(() => window.events.widget.submit.length === 1);
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-mapper:draft:')));
    assert.deepEqual(left, []);
    await page.close();
  });

  test('two widgets on one page stay independent', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const first = await mountWidget(page, { name: 'first', height: 360 });
    const second = await mountWidget(page, { name: 'second', height: 360 });
    // A row near the top: each widget is short.
    await clickItem(page, first, 'picker:e_mail');
    await page.keyboard.type('tags');                 // type-ahead in the drop-down, then Enter
    await page.keyboard.press('Enter');
    await waitForEdge(page, first, 'tags', 'e_mail');
    assert.equal(edgeTo(await planOf(page, second), 'tags'), null);
    await waitForEdge(page, second, 'email', 'e_mail');
    await page.close();
  });

  test('setPlan, getPlan and onChange', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    const plan = await planOf(page, widget);
    const moved = structuredClone(plan);
    const edge = moved.fieldMapping.pop();
    moved.unmappedSourceFields.push({ sourceField: edge.sourceField, preview: edge.preview ?? [] });
    moved.unmappedDestinationFields.push({ destinationField: edge.destinationField });
    assert.equal(await page.evaluate((p) => window.controllers.widget.setPlan(p), moved), true);
    assert.equal((await planOf(page, widget)).fieldMapping.length, plan.fieldMapping.length - 1);
    assert.equal(await page.evaluate(() => window.controllers.widget.setPlan({ nonsense: true })), false);
    await page.waitForFunction(() => window.events.widget.error.length === 1);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await page.waitForFunction(() => window.events.widget.change.length >= 1);
    const changed = await page.evaluate(() => window.events.widget.change.at(-1));
    assert.equal(edgeTo(changed, 'tags')?.sourceField.key, 'notes');
    await page.close();
  });

  test('a change says its revision and counts at once and writes the plan only when it is read', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    // Counts the plans the module writes (getPlan's export), from here on.
    await page.evaluate(() => {
      window.plansWritten = 0;
      document.getElementById('widget').addEventListener('plan-mapper-change', (event) => {
        window.lastChange = event.detail;
        window.summaries = [...(window.summaries ?? []), { revision: event.detail.revision, counts: { ...event.detail.counts } }];
      });
    });
    const planBefore = await planOf(page, widget);
    const mappedBefore = new Set(planBefore.fieldMapping.map((e) => e.sourceField.key)).size;
    const writtenBefore = await page.evaluate(() => performance.getEntriesByName('plan-mapper:plan-written').length);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await page.waitForFunction(() => (window.summaries ?? []).length >= 1);
    const [first] = await page.evaluate(() => window.summaries);
    assert.equal(typeof first.revision, 'number');
    assert.ok(first.revision > 0);
    assert.equal(first.counts.mapped, mappedBefore + 1, 'Notes is mapped now');
    // The edit wrote no plan: nobody has read one.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('plan-mapper:plan-written').length), writtenBefore);
    // Reading a plan member writes it once; the detail still reads as the plan.
    const read = await page.evaluate(() => {
      const detail = window.lastChange;
      const edges = detail.fieldMapping.length;
      const again = detail.fieldMapping === window.lastChange.fieldMapping;
      return { edges, again, keys: Object.keys(detail).sort(), hasPlan: 'unmappedSourceFields' in detail,
        written: performance.getEntriesByName('plan-mapper:plan-written').length };
    });
    assert.equal(read.edges, planBefore.fieldMapping.length + 1);
    assert.ok(read.again, 'built once per change');
    assert.ok(read.hasPlan);
    for (const key of ['counts', 'fieldMapping', 'revision', 'unmappedDestinationFields', 'unmappedSourceFields']) assert.ok(read.keys.includes(key), key);
    assert.equal(read.written, writtenBefore + 1);
    // An undo is a change too, with the next revision.
    await page.evaluate(() => window.controllers.widget.undo());
    await page.waitForFunction(() => window.summaries.length >= 2);
    const [, undone] = await page.evaluate(() => window.summaries);
    assert.equal(undone.revision, first.revision + 1);
    assert.equal(undone.counts.mapped, mappedBefore);
    await page.close();
  });

  test('the wheel scrolls the page unless the panel can scroll', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    await page.evaluate(() => { const spacer = document.createElement('div'); spacer.style.height = '3000px'; document.body.appendChild(spacer); });
    // The demo's rows all fit: the wheel over the table belongs to the page.
    const small = await mountWidget(page, { name: 'small', height: 700 });
    const at = await itemCentre(page, small, 'source:first_name');
    await page.mouse.move(at.x, at.y);
    await settled(page, small);     // the wheel is judged by what the pointer hovered in the last frame
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 10_000 }).catch(() => {});
    assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page did not scroll');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => { window.controllers.small.destroy(); document.getElementById('small').remove(); });

    // 600 rows do not fit: the same wheel scrolls the table, not the page.
    const rows = Array.from({ length: 600 }, (_, i) => ({ sourceField: { key: `col_${i}`, type: 'string' }, preview: [`v${i}`] }));
    const plan = { fieldMapping: [], unmappedSourceFields: rows, unmappedDestinationFields: [{ destinationField: { key: 'only', type: 'string' } }] };
    const big = await mountWidget(page, { name: 'big', height: 700, options: { plan, apiUrl: '' } });
    const first = await itemCentre(page, big, 'source:col_0');
    await page.mouse.move(first.x, first.y);
    await settled(page, big);
    await page.mouse.wheel(0, 300);
    await settled(page, big);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page scrolled under the table');
    const rect = await page.evaluate(() => window.controllers.big.debugItems()['source:col_0']);
    const top = await page.evaluate(() => document.querySelector('#big canvas').getBoundingClientRect().top);
    assert.ok(!rect || rect[1] + top < first.y - 50, 'the table did not scroll');
    await page.close();
  });

  // The fallback fonts (fetched by the slice): tests/web/font-slices.test.mjs.

  test('an idle widget draws no frames', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    await page.mouse.move(5, 5);
    await settled(page, widget);
    const before = await page.evaluate((w) => window.controllers[w].framesDrawn(), widget);
    await page.waitForTimeout(2000);
    const after = await page.evaluate((w) => window.controllers[w].framesDrawn(), widget);
    assert.equal(after - before, 0);
    await page.close();
  });
});
