// API faults in the widget's language (issue 12 point 6: one message catalog, below the UI too):
// with lang "de", a 401 on loading the plan, a 500 on every attempt to save it and a dropped
// connection are said in German in the mirror's role=alert, and the host's error event carries
// the same words and the message's catalog key. Core writes no sentence the panel shows: it
// names a catalog message (core/json/message_ref.h) and the UI formats it. Real wasm in Chromium,
// the strict API double on 127.0.0.1 with injected faults.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { openBlankPage, waitForEdge } from './lib/widget-page.mjs';
import { eventually as pollUntil } from './lib/eventually.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// This file's waits allow 30,000 ms unless a call says otherwise (lib/eventually.mjs polls every 50 ms).
const eventually = (read, check, what, timeoutMs = 30_000) => pollUntil(read, check, what, timeoutMs);

// Mounts a German widget and waits until it is ready or has failed to load (a 401 on the plan).
async function mountGerman(page, name = 'widget') {
  await page.evaluate(async ({ name, jobId, token }) => {
    const { mountPlanMapper } = await import('/plan-mapper.js');
    const container = document.createElement('div');
    container.id = name;
    container.style.cssText = 'width: 100%; height: 700px; position: relative';
    document.getElementById('host').appendChild(container);
    window.errors = [];
    window.controllers = { [name]: await mountPlanMapper(container, {
      apiUrl: location.origin, jobId, token, lang: 'de', autoApply: 'none', testHooks: true,
      onError: (error) => window.errors.push(error),
    }) };
  }, { name, jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
  await page.waitForSelector(`#${name}[data-plan-mapper-state="ready"], #${name}[data-plan-mapper-state="error"]`, { timeout: 30_000 });
  return name;
}

const alertText = (region) => region.getByRole('alert').textContent();
const errorsOf = (page) => page.evaluate(() => window.errors.map(({ message, messageKey, during, duringText, status }) =>
  ({ message, messageKey, during, duringText, status })));
// Words of core's English sentences that have no place in a German alert (the server's own
// words, "Injected fault: HTTP 500", are its data and stay as they came).
const ENGLISH = /\b(?:Your|sign-in|Sign in|Try again|could not|Could not|Check the|while|loading|submitting)\b/;

describe('API faults in German', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('a 401 on loading the plan: the alert and the error event are German', { timeout: 90_000 }, async () => {
    env.double.reset();
    env.double.faults.push({ type: 'status', status: 401, method: 'GET', path: '/plan' });
    const page = await openBlankPage(env.browser, env.double);
    await mountGerman(page);
    const region = page.getByRole('region', { name: 'Feldzuordnung' });
    const expected = 'Ihre Anmeldung ist abgelaufen oder der API-Schlüssel ist ungültig. Melden Sie sich erneut an.';
    const alert = await eventually(() => alertText(region), (t) => t.length > 0, 'the alert');
    assert.equal(alert, `Problem beim Schritt „Plan laden“: ${expected}`);
    assert.doesNotMatch(alert, ENGLISH);
    const [error] = await eventually(() => errorsOf(page), (e) => e.length === 1, 'one error event');
    assert.deepEqual(error, { message: expected, messageKey: 'api.unauthorized', during: 'loading the plan', duringText: 'Plan laden', status: 401 });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a 500 on every attempt to save: the alert is German, the edit stays', { timeout: 120_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const widget = await mountGerman(page);
    const region = page.getByRole('region', { name: 'Feldzuordnung' });
    const notes = region.getByRole('combobox', { name: 'Ziel für Notes' });
    await notes.fill('Tags');
    await notes.press('Enter');
    await waitForEdge(page, widget, 'tags', 'notes');
    // More faults than the client's attempts (a PUT is retried on 500).
    env.double.faults.push(...Array.from({ length: 12 }, () => ({ type: 'status', status: 500, method: 'PUT' })));
    await region.getByRole('button', { name: 'Prüfen und senden' }).press('Enter');
    await page.getByRole('dialog', { name: 'Änderungen prüfen' }).getByRole('button', { name: 'Plan senden' }).waitFor();
    await page.keyboard.press('Enter');
    const expected = 'Bei Flatfile ist ein Fehler aufgetreten (HTTP 500); „Plan speichern“ war nicht möglich. ' +
      'Versuchen Sie es in ein paar Minuten erneut. Flatfile meldet: Injected fault: HTTP 500';
    const alert = await eventually(() => alertText(region), (t) => t.length > 0, 'the alert', 60_000);
    assert.equal(alert, `Problem beim Schritt „Plan senden“: ${expected}`);
    assert.doesNotMatch(alert, ENGLISH);
    const errors = await errorsOf(page);
    assert.deepEqual(errors.at(-1), { message: expected, messageKey: 'api.serverSays', during: 'submitting the plan', duringText: 'Plan senden', status: 500 });
    await waitForEdge(page, widget, 'tags', 'notes');   // nothing lost
    env.double.faults.clear();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a dropped connection on loading the plan is said in German', { timeout: 120_000 }, async () => {
    env.double.reset();
    env.double.faults.push(...Array.from({ length: 12 }, () => ({ type: 'drop', method: 'GET', path: '/plan' })));
    const page = await openBlankPage(env.browser, env.double);
    await mountGerman(page);
    const region = page.getByRole('region', { name: 'Feldzuordnung' });
    const alert = await eventually(() => alertText(region), (t) => t.length > 0, 'the alert', 60_000);
    assert.equal(alert, 'Problem beim Schritt „Plan laden“: Flatfile ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.');
    const errors = await errorsOf(page);
    assert.equal(errors.at(-1).messageKey, 'api.network');
    env.double.faults.clear();
    await page.close();
  });
});
