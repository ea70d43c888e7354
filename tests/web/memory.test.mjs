// The mapping memory in the real widget (issue 14): map and send, then open a new job of the same
// schema: the pair is proposed with the reason (canvas mark and mirror); "Forget this" removes
// it from the store; host callbacks receive and supply the memory; the store holds no sample
// value and no token; memory: false keeps none.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { securityCases } from './lib/security-cases.mjs';
import { clickItem, itemCentre, mountWidget, openBlankPage, planOf, waitForEdge } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

const storedMemory = (page) => page.evaluate(() =>
  Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('plan-mapper:memory:')).map((k) => [k, localStorage.getItem(k)])));

// Every preview value of the plan (the customer's data), long enough not to match by accident,
// and not also a word of a header or key (which the memory holds by design: "Lead" is a value of
// one column and a word of the header "Lead Status").
function previewValues(plan) {
  const names = [];
  const field = (f) => { names.push(f.key.toLowerCase()); if (f.label) names.push(f.label.toLowerCase()); };
  for (const edge of plan.fieldMapping) { field(edge.sourceField); field(edge.destinationField); }
  for (const entry of plan.unmappedSourceFields) field(entry.sourceField);
  for (const entry of plan.unmappedDestinationFields) field(entry.destinationField);
  const values = new Set();
  for (const edge of plan.fieldMapping) for (const p of edge.preview ?? []) values.add(p);
  for (const entry of plan.unmappedSourceFields) for (const p of entry.preview ?? []) values.add(p);
  return [...values].filter((v) => v.length >= 4 && !names.some((n) => n.includes(v.toLowerCase())));
}

function assertNoSampleOrToken(text, plan) {
  assert.ok(previewValues(plan).length > 20, 'the demo plan has values to look for');
  const leaked = previewValues(plan).filter((v) => text.includes(JSON.stringify(v).slice(1, -1)));
  assert.deepEqual(leaked, [], 'no preview value reached the memory');
  assert.ok(!text.includes(DEMO_TOKEN), 'no token in the memory');
}

// Maps Notes -> Tags by hand (the matcher would not) and sends the plan.
async function mapNotesAndSend(page, widget) {
  await clickItem(page, widget, 'picker:notes');
  await clickItem(page, widget, 'picker-option:tags');
  await waitForEdge(page, widget, 'tags', 'notes');
  await page.evaluate((name) => window.controllers[name].submit(), widget);
  await page.waitForFunction((name) => window.events[name].submit.length === 1, widget, { timeout: 30_000 });
}

describe('mapping memory', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });
  const cases = securityCases('memory', { after });

  async function freshPage() {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await page.evaluate(() => localStorage.clear());
    return page;
  }

  cases.test('map and send, then a new job of the same schema gets the pair with the reason; Forget this removes it', { timeout: 120_000 }, async () => {
    const page = await freshPage();
    const first = await mountWidget(page, { name: 'first' });
    const plan = await planOf(page, first);
    await mapNotesAndSend(page, first);
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('plan-mapper:memory:')));
    const stored = await storedMemory(page);
    const [key] = Object.keys(stored);
    assert.match(key, /^plan-mapper:memory:s1-[0-9a-f]{16}$/);
    const memory = JSON.parse(stored[key]);
    assert.equal(memory.format, 'plan-mapper-memory');
    assert.ok(memory.schemas[0].entries.some((e) => e.header === 'Notes' && e.destination === 'tags' && e.count === 1));
    assertNoSampleOrToken(stored[key], plan);
    await page.evaluate(() => { window.controllers.first.destroy(); document.getElementById('first').remove(); });

    // A new job of the same schema (the double serves the demo plan as it was, Notes unmapped).
    env.double.reset();
    const second = await mountWidget(page, { name: 'second' });
    await waitForEdge(page, second, 'tags', 'notes', 15_000);
    await clickItem(page, second, 'remembered:notes');          // the canvas's mark opens the reason
    await itemCentre(page, second, 'forget:notes');             // with "Forget this"
    await page.keyboard.press('Escape');
    const forget = await page.waitForSelector('#second button[aria-label^="Forget this: remembered: \\"Notes\\" → Tags"]', { state: 'attached' });
    const label = await forget.getAttribute('aria-label');
    assert.match(label, /remembered: "Notes" → Tags, 1 import, last on \d{1,2} [A-Z][a-z]{2}/);
    // The mirror's certainty cell says "remembered" and is the row's keyboard stop (the button).
    const cell = await page.evaluate(() => {
      const button = document.querySelector('#second button[aria-label^="Forget this"]');
      const gridcell = button.closest('[role="gridcell"]');
      return { text: gridcell.textContent, description: gridcell.getAttribute('aria-description') };
    });
    assert.match(cell.text, /remembered/);
    assert.match(cell.description, /^remembered: "Notes"/);

    // Forget this, from the keyboard in the mirror.
    await forget.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const text = Object.entries(localStorage).find(([k]) => k.startsWith('plan-mapper:memory:'))?.[1] ?? '';
      return !JSON.parse(text).schemas[0].entries.some((e) => e.header === 'Notes' && e.destination === 'tags');
    }, null, { timeout: 10_000 });
    await page.waitForSelector('#second button[aria-label^="Forget this: remembered: \\"Notes\\""]', { state: 'detached', timeout: 10_000 });
    const after = await planOf(page, second);
    assert.ok(after.fieldMapping.some((e) => e.sourceField.key === 'notes' && e.destinationField.key === 'tags'), 'the mapping stays');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  cases.test('host callbacks receive and supply the memory; nothing goes to localStorage', { timeout: 120_000 }, async () => {
    const page = await freshPage();
    await page.evaluate(() => {
      window.memoryLog = { loads: [], saves: [] };
      window.hostMemory = {
        load: async (schemaId) => { window.memoryLog.loads.push(schemaId); return window.memoryLog.saves.at(-1)?.[1] ?? null; },
        save: (schemaId, memory) => { window.memoryLog.saves.push([schemaId, JSON.parse(JSON.stringify(memory))]); },
      };
    });
    // Options cross into the page as JSON: the callbacks are looked up there.
    const mountWithHostMemory = (name) => page.evaluate(async (name) => {
      const { mountPlanMapper } = await import('/plan-mapper.js');
      const container = document.createElement('div');
      container.id = name;
      container.style.cssText = 'width: 100%; height: 700px; position: relative';
      document.getElementById('host').appendChild(container);
      window.events = window.events ?? {};
      const events = (window.events[name] = { change: [], submit: [], error: [] });
      window.controllers = window.controllers ?? {};
      window.controllers[name] = await mountPlanMapper(container, {
        apiUrl: location.origin, jobId: 'us_jb_demoCrm7', token: window.demoToken, testHooks: true, memory: window.hostMemory,
        onSubmit: (r) => events.submit.push(r), onError: (e) => events.error.push(e), onChange: (p) => events.change.push(p),
      });
    }, name);
    await page.evaluate((token) => { window.demoToken = token; }, DEMO_TOKEN);
    await mountWithHostMemory('hosted');
    await page.waitForSelector('#hosted[data-plan-mapper-state="ready"]');
    await page.waitForFunction(() => window.memoryLog.loads.length === 1);
    const plan = await planOf(page, 'hosted');
    await mapNotesAndSend(page, 'hosted');
    await page.waitForFunction(() => window.memoryLog.saves.length >= 1);
    const log = await page.evaluate(() => window.memoryLog);
    assert.match(log.loads[0], /^s1-[0-9a-f]{16}$/);
    assert.equal(log.saves.at(-1)[0], log.loads[0], 'saved under the schema id it was loaded by');
    const saved = log.saves.at(-1)[1];
    assert.ok(saved.schemas[0].entries.some((e) => e.header === 'Notes' && e.destination === 'tags'));
    assertNoSampleOrToken(JSON.stringify(saved), plan);
    assert.deepEqual(await storedMemory(page), {}, 'the host keeps it, not localStorage');
    await page.evaluate(() => { window.controllers.hosted.destroy(); document.getElementById('hosted').remove(); });

    // The host supplies it to the next job of the schema.
    env.double.reset();
    await mountWithHostMemory('hosted2');
    await page.waitForSelector('#hosted2[data-plan-mapper-state="ready"]');
    await waitForEdge(page, 'hosted2', 'tags', 'notes', 15_000);
    const listed = await page.evaluate(() => window.controllers.hosted2.memory.list());
    assert.equal(listed.schema.id, log.loads[0]);
    assert.ok(listed.entries.some((e) => e.header === 'Notes' && e.destination === 'tags' && e.destinationLabel === 'Tags'));

    // The mirror's memory view: a named section, its list, and "Remove" reaching the host's store.
    const view = await page.waitForSelector('#hosted2 section[aria-label="Mapping memory"]', { state: 'attached' });
    const show = await view.$('button[aria-expanded]');
    await show.focus();
    await page.keyboard.press('Enter');
    assert.equal(await show.getAttribute('aria-expanded'), 'true');
    const remove = await view.waitForSelector('ul[aria-label="Remembered pairs"] button[aria-label^=\'Remove "Notes" to Tags\']', { state: 'attached' });
    const savesBefore = await page.evaluate(() => window.memoryLog.saves.length);
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.memoryLog.saves.length > n, savesBefore);
    const last = await page.evaluate(() => window.memoryLog.saves.at(-1)[1]);
    assert.ok(!last.schemas[0].entries.some((e) => e.header === 'Notes' && e.destination === 'tags'), 'removed from the host\'s store');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  cases.test('a broken stored memory is reported once and mapping goes on; memory: false keeps none', { timeout: 120_000 }, async () => {
    let page = await freshPage();
    const first = await mountWidget(page, { name: 'probe' });
    const schemaId = await page.evaluate(() => window.controllers.probe.memory.list().schema.id);
    await page.evaluate(() => { window.controllers.probe.destroy(); document.getElementById('probe').remove(); });
    await page.evaluate((id) => localStorage.setItem(`plan-mapper:memory:${id}`, '{"format":"plan-mapper-memory","version":1,"schemas":[{"id":"x"'), schemaId);
    void first;
    const broken = await mountWidget(page, { name: 'broken' });
    await page.waitForFunction(() => window.events.broken.error.length >= 1);
    await clickItem(page, broken, 'picker:notes');               // mapping is not blocked
    await clickItem(page, broken, 'picker-option:tags');
    await waitForEdge(page, broken, 'tags', 'notes');
    const errors = await page.evaluate(() => window.events.broken.error.map((e) => e.during));
    assert.deepEqual(errors, ['reading the mapping memory']);
    await page.close();

    page = await freshPage();
    const off = await mountWidget(page, { name: 'off', options: { memory: false } });
    await mapNotesAndSend(page, off);
    assert.deepEqual(await storedMemory(page), {});
    const answer = await page.evaluate(() => window.controllers.off.memory.list());
    assert.equal(answer.ok, false);
    await page.close();
  });
});
