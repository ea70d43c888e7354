// Drafts without customer data, in the real widget: after an edit, localStorage holds the
// person's decisions (keys) and no preview value, label or description of the plan; drafts
// expire (draftTtlDays), a draft of the old kind (the whole plan) is dropped unread, and
// drafts: false keeps none. Restoring across a reload is in widget-editing.test.mjs.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { securityCases } from './lib/security-cases.mjs';
import { clickItem, itemCentre, mountWidget, openBlankPage, planOf, waitForEdge } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const DAY_MS = 24 * 60 * 60 * 1000;

const storedDrafts = (page) => page.evaluate(() =>
  Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('plan-mapper:draft:')).map((k) => [k, localStorage.getItem(k)])));

// Every text of the plan that is customer data: previews, labels, descriptions.
function customerTexts(plan) {
  const texts = new Set();
  const field = (f) => { if (f.label) texts.add(f.label); if (f.description) texts.add(f.description); };
  for (const edge of plan.fieldMapping) { field(edge.sourceField); field(edge.destinationField); for (const p of edge.preview ?? []) texts.add(p); }
  for (const entry of plan.unmappedSourceFields) { field(entry.sourceField); for (const p of entry.preview ?? []) texts.add(p); }
  for (const entry of plan.unmappedDestinationFields) field(entry.destinationField);
  return texts;
}

// A version-2 draft as the widget writes it, saved `ageDays` ago.
const draftSavedAgo = (ageDays) => JSON.stringify({
  version: 2, map: [['notes', 'tags']], unmap: [], enumValues: {}, ignored: [],
  savedAt: new Date(Date.now() - ageDays * DAY_MS).toISOString(),
});

describe('drafts hold decisions only', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const cases = securityCases('drafts', { after });
  const draftKey = () => `plan-mapper:draft:${env.double.url}:${DEMO_JOB_ID}`;

  async function freshPage() {
    env.double.reset();
    return openBlankPage(env.browser, env.double);
  }

  // Mounts with `stored` in localStorage first; says whether the draft was offered.
  async function mountWith(page, stored, options = {}) {
    await page.evaluate(({ key, stored }) => { localStorage.clear(); if (stored) localStorage.setItem(key, stored); }, { key: draftKey(), stored });
    const widget = await mountWidget(page, { options });
    await itemCentre(page, widget, 'picker:notes');             // the plan has been drawn
    const items = await page.evaluate(() => Object.keys(window.controllers.widget.debugItems()));
    return { widget, offered: items.includes('button:restore-draft') };
  }

  cases.test('after editing, storage holds keys and no preview value, label or description', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    const plan = await planOf(page, widget);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await waitForEdge(page, widget, 'tags', 'notes');
    // Written once the edits pause (a burst of edits is one write).
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, draftKey());
    const drafts = await storedDrafts(page);
    assert.deepEqual(Object.keys(drafts), [draftKey()]);
    const text = drafts[draftKey()];
    const draft = JSON.parse(text);
    assert.deepEqual(Object.keys(draft).sort(), ['base', 'enumValues', 'ignored', 'map', 'savedAt', 'unmap', 'version']);
    assert.match(draft.base, /^[0-9a-f]{16}$/, 'the plan it was made on, as a fingerprint of keys');
    assert.deepEqual(draft.map, [['notes', 'tags']]);
    // Texts that are also keys or JSON words would match by accident; the demo job has none that matter.
    const keys = new Set([...plan.fieldMapping.flatMap((e) => [e.sourceField.key, e.destinationField.key]),
      ...plan.unmappedSourceFields.map((e) => e.sourceField.key), ...plan.unmappedDestinationFields.map((e) => e.destinationField.key)]);
    const texts = [...customerTexts(plan)].filter((t) => t.length >= 3 && !keys.has(t));
    assert.ok(texts.length > 20, `the demo plan has customer texts to look for (${texts.length})`);
    const leaked = texts.filter((t) => text.includes(JSON.stringify(t).slice(1, -1)));
    assert.deepEqual(leaked, [], 'no preview value, label or description reached storage');
    assert.ok(!text.includes(DEMO_TOKEN));
    assert.ok(text.length < 400, `small: ${text.length} characters`);
    await page.close();
  });

  cases.test('an edit made just before the page goes away is in the draft (pagehide writes it at once)', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const widget = await mountWidget(page);
    await clickItem(page, widget, 'picker:notes');
    await clickItem(page, widget, 'picker-option:tags');
    await waitForEdge(page, widget, 'tags', 'notes');
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, draftKey());
    await page.evaluate(() => window.controllers.widget.undo());
    await page.waitForFunction((key) => localStorage.getItem(key) === null, draftKey());
    // The redo and the page going away in one task: no frame runs between them, so the draft
    // can only be there if pagehide asks the module for it.
    const stored = await page.evaluate((key) => {
      window.controllers.widget.redo();
      window.dispatchEvent(new Event('pagehide'));
      return localStorage.getItem(key);
    }, draftKey());
    assert.ok(stored, 'a draft was written when the page went away');
    assert.deepEqual(JSON.parse(stored).map, [['notes', 'tags']]);
    await page.close();
  });

  cases.test('a draft older than draftTtlDays is dropped unread; a younger one is offered', { timeout: 90_000 }, async () => {
    let page = await freshPage();
    const expired = await mountWith(page, draftSavedAgo(8));
    assert.equal(expired.offered, false, 'an 8-day-old draft is not offered by default (7 days)');
    assert.deepEqual(await storedDrafts(page), {}, 'and it is gone from storage');
    await page.close();

    page = await freshPage();
    const kept = await mountWith(page, draftSavedAgo(8), { draftTtlDays: 30 });
    assert.equal(kept.offered, true, 'kept for 30 days when asked');
    await clickItem(page, kept.widget, 'button:restore-draft');
    await waitForEdge(page, kept.widget, 'tags', 'notes');
    await page.close();

    page = await freshPage();
    const fresh = await mountWith(page, draftSavedAgo(1));
    assert.equal(fresh.offered, true);
    await page.close();
  });

  cases.test('a draft of the old kind (the whole plan) is dropped unread', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const old = JSON.stringify({ plan: { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] }, ignored: [], savedAt: new Date().toISOString() });
    const result = await mountWith(page, old);
    assert.equal(result.offered, false);
    assert.deepEqual(await storedDrafts(page), {});
    await page.close();
  });

  cases.test('drafts: false keeps none and removes one kept before', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const result = await mountWith(page, draftSavedAgo(1), { drafts: false });
    assert.equal(result.offered, false);
    assert.deepEqual(await storedDrafts(page), {});
    await clickItem(page, result.widget, 'picker:notes');
    await clickItem(page, result.widget, 'picker-option:tags');
    await waitForEdge(page, result.widget, 'tags', 'notes');
    assert.deepEqual(await storedDrafts(page), {}, 'an edit writes nothing');
    await page.close();
  });
});
