// The accessibility mirror's header notices in Chromium with the real wasm, used ONLY through roles
// and accessible names: edits kept from an earlier visit (restore, discard), the version Flatfile
// saved when it differs from the one sent (use it, keep mine), and copying the plan as JSON after
// a failed submit, and the keyboard map. Each outcome is read from the live region and checked in the plan itself.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { edgeTo, mountWidget, openBlankPage, planOf, waitForEdge, waitForRequests } from './lib/widget-page.mjs';
import { eventually as pollUntil } from './lib/eventually.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const PLAN_PATH = `/v1/jobs/${DEMO_JOB_ID}/plan`;

// This file's waits allow 10,000 ms (lib/eventually.mjs polls every 50 ms).
const eventually = (read, check, what) => pollUntil(read, check, what, 10_000);
const expectStatus = (region, text) => eventually(() => region.getByRole('status').textContent(), (t) => t === text, `status "${text}"`);

// A draft as the widget writes it (decisions only): Notes mapped to Tags.
const DRAFT = () => JSON.stringify({ version: 2, map: [['notes', 'tags']], unmap: [], enumValues: {}, ignored: [], savedAt: new Date().toISOString() });

describe('accessibility mirror: the header notices', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const draftKey = () => `plan-mapper:draft:${env.double.url}:${DEMO_JOB_ID}`;

  async function pageWithDraft() {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await page.evaluate(({ key, draft }) => { localStorage.clear(); localStorage.setItem(key, draft); }, { key: draftKey(), draft: DRAFT() });
    const widget = await mountWidget(page);
    return { page, widget, region: page.getByRole('region', { name: 'Field mapping' }) };
  }

  test('edits from an earlier visit: Restore brings them back, Discard drops them', { timeout: 90_000 }, async () => {
    let { page, widget, region } = await pageWithDraft();
    const offer = region.getByRole('group', { name: 'Edits from an earlier visit' });
    await offer.waitFor();
    assert.match(await offer.textContent(), /unsaved edits from an earlier visit/);
    assert.equal(edgeTo(await planOf(page, widget), 'tags'), null, "the server's plan comes first");
    await offer.getByRole('button', { name: 'Restore the earlier edits' }).press('Enter');
    await expectStatus(region, 'Edits from your earlier visit restored.');
    await waitForEdge(page, widget, 'tags', 'notes');
    await eventually(() => offer.count().then(async (n) => n && offer.isVisible()), (v) => !v, 'the offer is gone');
    // The keyboard is not lost with the button: it moves to the header's first button.
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Undo');
    // Undo takes the restored edits back, like any edit.
    await region.getByRole('button', { name: 'Undo' }).press('Enter');
    await waitForEdge(page, widget, 'tags', null);
    await page.close();

    ({ page, widget, region } = await pageWithDraft());
    await region.getByRole('button', { name: 'Discard the earlier edits' }).press('Enter');
    await expectStatus(region, 'Edits from your earlier visit discarded.');
    assert.equal(edgeTo(await planOf(page, widget), 'tags'), null);
    await eventually(() => page.evaluate((key) => localStorage.getItem(key), draftKey()), (v) => v === null, 'the stored draft is gone');
    // The mirror follows at the module's next frame, which a loaded machine may run after the announcement.
    await eventually(() => region.getByRole('button', { name: 'Restore the earlier edits' }).count(), (n) => n === 0, 'the offer is gone');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("Flatfile saved another version: Keep my version, then Use Flatfile's version", { timeout: 90_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page);
    const region = page.getByRole('region', { name: 'Field mapping' });
    // The server "keeps" everything but the person's edge (Notes -> Tags).
    await page.route(`**${PLAN_PATH}`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      const plan = json.data.plan;
      const edge = plan.fieldMapping.find((e) => e.destinationField.key === 'tags');
      if (edge) {
        plan.fieldMapping = plan.fieldMapping.filter((e) => e !== edge);
        plan.unmappedSourceFields.push({ sourceField: edge.sourceField, preview: edge.preview ?? [] });
        plan.unmappedDestinationFields.push({ destinationField: edge.destinationField });
      }
      return route.fulfill({ response, json });
    });
    const notes = region.getByRole('combobox', { name: 'Destination for Notes' });
    await notes.fill('Tags');
    await notes.press('Enter');
    await waitForEdge(page, widget, 'tags', 'notes');
    const send = async (count) => {
      await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
      await page.getByRole('dialog', { name: 'Review changes' }).getByRole('button', { name: 'Send plan' }).waitFor();
      await page.keyboard.press('Enter');
      await waitForRequests(env.double, 'PUT', PLAN_PATH, count);
    };
    const notice = region.getByRole('group', { name: "Flatfile's version" });

    await send(1);
    await notice.waitFor();
    assert.ok((await notice.textContent()).length > "Use Flatfile's versionKeep my version".length, 'the notice says what differs');
    await notice.getByRole('button', { name: 'Keep my version' }).press('Enter');
    await expectStatus(region, 'Your plan is kept; submit to send it.');
    await eventually(() => notice.isVisible(), (v) => !v, 'the notice is gone');
    assert.equal(edgeTo(await planOf(page, widget), 'tags').sourceField.key, 'notes', 'the edit stays');

    await send(2);
    await notice.waitFor();
    await notice.getByRole('button', { name: "Use Flatfile's version" }).press('Enter');
    await expectStatus(region, 'Using the plan Flatfile saved.');
    await waitForEdge(page, widget, 'tags', null);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('after a refused submit, "Copy the plan as JSON" puts the plan with the edit on the clipboard', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountWidget(page);
    const region = page.getByRole('region', { name: 'Field mapping' });
    // What reaches the clipboard (the page's own clipboard API, observed).
    await page.evaluate(() => {
      window.copied = [];
      navigator.clipboard.writeText = async (text) => { window.copied.push(text); };
    });
    assert.equal(await region.getByRole('button', { name: 'Copy the plan as JSON' }).count(), 0, 'no copy button without a problem');
    const notes = region.getByRole('combobox', { name: 'Destination for Notes' });
    await notes.fill('Tags');
    await notes.press('Enter');
    await waitForEdge(page, widget, 'tags', 'notes');
    env.double.faults.push({ type: 'status', status: 400, method: 'PUT' });
    await region.getByRole('button', { name: 'Review and submit' }).press('Enter');
    await page.getByRole('dialog', { name: 'Review changes' }).getByRole('button', { name: 'Send plan' }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => region.getByRole('alert').textContent(), (t) => t.startsWith('Problem while'), 'the alert');
    const copy = region.getByRole('button', { name: 'Copy the plan as JSON' });
    await copy.press('Enter');
    await expectStatus(region, 'The plan is on the clipboard as JSON.');
    const copied = await eventually(() => page.evaluate(() => window.copied), (c) => c.length === 1, 'one copy');
    assert.equal(edgeTo(JSON.parse(copied[0]), 'tags').sourceField.key, 'notes');
    await page.close();
  });

  test('the keyboard map is reachable from the mirror: a disclosure button and a list', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page);
    const region = page.getByRole('region', { name: 'Field mapping' });
    const button = region.getByRole('button', { name: 'Keyboard shortcuts' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await region.getByRole('list', { name: 'Keyboard shortcuts' }).count(), 0, 'closed at first');
    await button.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const lines = await region.getByRole('list', { name: 'Keyboard shortcuts' }).getByRole('listitem').allTextContents();
    assert.ok(lines.some((line) => line.includes('Ctrl+End')), lines.join(' | '));
    assert.ok(lines.some((line) => line.includes('Alt+Down')), lines.join(' | '));
    await button.press('Enter');
    assert.equal(await region.getByRole('list', { name: 'Keyboard shortcuts' }).count(), 0, 'closed again');
    await page.close();
  });
});
