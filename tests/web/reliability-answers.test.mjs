// Fault matrix, part 2: answers the retry policy must not repeat (401, 403, 404, 400 with an Errors
// body, unreadable JSON), a 200 whose plan differs from what was sent, and submit semantics (never
// two PUTs for one change; edits made while a PUT is in flight are kept and sent next). The real
// wasm widget in Chromium against the API double; each case asserts what the person is told
// (onError) and that the edit survived (controller.getPlan()).
// Results: test-artifacts/reliability/faults-answers.jsonl (tools/make-reliability-report.mjs).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import {
  answerNextPut, editKept, errorsBody, eventCount, faultCase, makeEdit, mountExpectingError, nthEvent, PLAN_PATH,
  planHasEdit, puts, startResults, submit, trackPutAttempts,
} from '../reliability/fault-matrix.mjs';
import { DIST_DIR, launchChromium, startDoubleForDist } from './lib/browser.mjs';
import { clickItem, edgeTo, itemCentre, mountWidget, openBlankPage, planOf, waitForEdge } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const SIGN_IN = /sign-in has expired or the API key is not valid\. Sign in again/;

describe('fault matrix: answers that are not retried, and submitting', { skip: built ? false : 'dist/ not built' }, () => {
  let double;
  let browser;
  let results;
  before(async () => {
    results = startResults('answers');
    double = await startDoubleForDist();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await double?.close();
  });

  async function editedWidget(mount = {}) {
    double.reset();
    const page = await openBlankPage(browser, double);
    const widget = await mountWidget(page, mount);
    await makeEdit(page, widget);
    return { page, widget, attempts: trackPutAttempts(page) };
  }

  // One status, answered once: reported at once (no retry), the edit kept and still exportable.
  async function reportedOnce(seen, status, pattern, { mount = {}, answer } = {}) {
    const { page, widget, attempts } = await editedWidget(mount);
    if (answer) await answerNextPut(page, answer);
    else double.faults.push({ type: 'status', status, method: 'PUT' });
    await submit(page, widget);
    const error = await nthEvent(page, widget, 'error');
    await page.waitForTimeout(1500);            // a retry would come after about 1 s
    // "Exportable as JSON": what getPlan() hands the page survives a JSON round trip.
    const exported = JSON.parse(JSON.stringify(await planOf(page, widget)));
    Object.assign(seen, { message: error.message, status: error.status, attempts: attempts.length, editsKept: planHasEdit(exported) });
    assert.equal(attempts.length, 1, 'not retried');
    assert.equal(error.status, status);
    assert.match(error.message, pattern);
    assert.ok(seen.editsKept, 'the edit is in the widget and in getPlan()');
    return { page, widget, error, attempts };
  }

  test('401, then the page hands over a fresh token: asked once, the PUT is sent again and saved', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'HTTP 401 once (token expired), getToken() gives a good one', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget({ tokenSequence: [DEMO_TOKEN, DEMO_TOKEN] });
      double.faults.push({ type: 'status', status: 401, method: 'PUT' });
      await submit(page, widget);
      await nthEvent(page, widget, 'submit');
      const tokenCalls = await page.evaluate(() => window.events.widget.tokenCalls);
      Object.assign(seen, { attempts: attempts.length, editsKept: await editKept(page, widget), message: '(none: saved)', tokenCalls });
      assert.equal(tokenCalls, 2, 'the initial token and one refresh');
      assert.deepEqual(puts(double).map((e) => e.status), [401, 200]);
      assert.equal(await eventCount(page, widget, 'error'), 0);
      assert.ok(planHasEdit(JSON.parse(puts(double)[1].body)));
      seen.outcome = 'getToken() asked once more, the PUT sent again with the new token, saved';
      await page.close();
    });
  });

  test('401 again after the refresh: a clear sign-in error, asked only once, the edit kept', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'HTTP 401 twice (the refreshed token is refused too)', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget({ tokenSequence: [DEMO_TOKEN, 'refused-token'] });
      double.faults.push({ type: 'status', status: 401, method: 'PUT' });
      await submit(page, widget);
      const error = await nthEvent(page, widget, 'error');
      await page.waitForTimeout(1500);
      const tokenCalls = await page.evaluate(() => window.events.widget.tokenCalls);
      Object.assign(seen, { message: error.message, status: error.status, attempts: attempts.length, editsKept: await editKept(page, widget), tokenCalls });
      assert.equal(tokenCalls, 2, 'asked once, not in a loop');
      assert.equal(attempts.length, 2);
      assert.equal(error.status, 401);
      assert.match(error.message, SIGN_IN);
      assert.ok(seen.editsKept);
      seen.outcome = 'getToken() asked once; the second 401 gives the sign-in message';
      await page.close();
    });
  });

  test('401 with no way to refresh the token: the sign-in error at once', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'HTTP 401, no getToken()', request: 'PUT plan' }, async (seen) => {
      const { page } = await reportedOnce(seen, 401, SIGN_IN);
      seen.outcome = 'the sign-in message at once';
      await page.close();
    });
  });

  test('403: a clear message, not retried, the edit kept', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'HTTP 403', request: 'PUT plan' }, async (seen) => {
      const { page } = await reportedOnce(seen, 403, /do not have access to job us_jb_demoCrm7/);
      seen.outcome = 'the no-access message at once; the edit still in getPlan()';
      await page.close();
    });
  });

  test('404 (job gone): a clear message, not retried, the edit kept', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'HTTP 404 (job deleted)', request: 'PUT plan' }, async (seen) => {
      const { page } = await reportedOnce(seen, 404, /Job us_jb_demoCrm7 was not found/);
      seen.outcome = 'the job-not-found message at once; the edit still in getPlan()';
      await page.close();
    });
  });

  test('400 with an Errors body: the server\'s words reach the person, keyed to the field', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'HTTP 400 {errors:[{key:"tags", message}]}', request: 'PUT plan' }, async (seen) => {
      const errors = [{ key: 'tags', message: 'Tags cannot come from a free-text column' }, { message: 'Plan rejected' }];
      const { page, error } = await reportedOnce(seen, 400, /did not accept the request/, { answer: errorsBody(400, errors) });
      assert.deepEqual(error.serverMessages, [{ key: 'tags', message: errors[0].message }, { key: '', message: 'Plan rejected' }]);
      assert.match(error.message, /Flatfile says: tags: Tags cannot come from a free-text column; Plan rejected/);
      seen.outcome = 'the message quotes the server; onError serverMessages carries {key:"tags", message}';
      await page.close();
    });
  });

  test('malformed JSON in a 200 answer to the PUT: a clear message, the edit kept and saved next time', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: '200 with truncated JSON ({"data":{"job":{"id":")', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget();
      double.faults.push({ type: 'malformed-json', method: 'PUT' });
      await submit(page, widget);
      const error = await nthEvent(page, widget, 'error');
      Object.assign(seen, { message: error.message, status: error.status, attempts: attempts.length, editsKept: await editKept(page, widget) });
      assert.equal(attempts.length, 1);
      assert.match(error.message, /answer to the request to save plan could not be read/);
      assert.ok(error.problems.length > 0, 'the parse problem is passed on for logs');
      assert.ok(seen.editsKept);
      await submit(page, widget);
      await nthEvent(page, widget, 'submit');
      assert.ok(planHasEdit(JSON.parse(puts(double).at(-1).body)));
      seen.outcome = 'the could-not-be-read message; the edit saved by the next submit';
      await page.close();
    });
  });

  test('malformed JSON in the answer to the first GET: a clear message instead of a panel', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: '200 with truncated JSON', request: 'GET plan (load)' }, async (seen) => {
      double.reset();
      const page = await openBlankPage(browser, double);
      double.faults.push({ type: 'malformed-json', method: 'GET', path: '/plan' });
      const { state, error } = await mountExpectingError(page, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
      Object.assign(seen, { message: error?.message, status: error?.status, attempts: double.requestLog.find('GET', PLAN_PATH).length, editsKept: 'n/a (nothing edited yet)' });
      assert.equal(state, 'error');
      assert.match(error.message, /could not be read/);
      assert.equal(seen.attempts, 1);
      seen.outcome = 'the widget stops in its error state with the could-not-be-read message';
      await page.close();
    });
  });

  // A server plan that differs from the one sent is shown as server-side changes (a banner with
  // "Use Flatfile's version" / "Keep mine"), never applied over the person's edits.
  test('a 200 whose plan differs from what was sent does not silently replace the edit', {
    timeout: 60_000,
  }, async () => {
    await faultCase(results, { fault: '200 whose plan lacks the edge that was sent', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget();
      await page.route(`**${PLAN_PATH}`, async (route) => {
        if (route.request().method() !== 'PUT') return route.continue();
        const response = await route.fetch();
        const json = await response.json();
        // The server "keeps" everything but the person's edge: notes and tags back to unmapped.
        const plan = json.data.plan;
        const edge = plan.fieldMapping.find((e) => e.destinationField.key === 'tags');
        plan.fieldMapping = plan.fieldMapping.filter((e) => e !== edge);
        plan.unmappedSourceFields.push({ sourceField: edge.sourceField, preview: edge.preview ?? [] });
        plan.unmappedDestinationFields.push({ destinationField: edge.destinationField });
        return route.fulfill({ response, json });
      });
      await submit(page, widget);
      await nthEvent(page, widget, 'submit');
      await page.waitForTimeout(300);
      Object.assign(seen, { attempts: attempts.length, editsKept: await editKept(page, widget), message: '(none)', errors: await eventCount(page, widget, 'error') });
      seen.outcome = seen.editsKept ? 'the edit stays; the server\'s version is shown apart' : 'the widget silently took the server\'s plan: the edit is gone from view';
      assert.ok(seen.editsKept, 'the person\'s edit was replaced by the server\'s plan without a word');
      // The difference is shown, with the choice; taking Flatfile's version applies it.
      await itemCentre(page, widget, 'button:use-server-plan');
      await clickItem(page, widget, 'button:use-server-plan');
      await page.waitForFunction((w) => !window.controllers[w].getPlan().fieldMapping.some((e) => e.destinationField.key === 'tags'),
        widget, { timeout: 5_000 });
      seen.outcome += '; "Use Flatfile\'s version" then applies it';
      await page.close();
    });
  });

  test('submitting three times while the first PUT is in flight sends one PUT', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'submit x3 within one PUT (800 ms latency)', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget();
      double.faults.push({ type: 'latency', ms: 800, method: 'PUT' });
      await page.evaluate(() => { const c = window.controllers.widget; c.submit(); c.submit(); });
      await page.waitForTimeout(200);
      await submit(page, widget);
      await nthEvent(page, widget, 'submit');
      await page.waitForTimeout(1500);
      Object.assign(seen, { attempts: attempts.length, editsKept: await editKept(page, widget), message: '(none: saved)', submits: await eventCount(page, widget, 'submit') });
      assert.equal(attempts.length, 1);
      assert.equal(seen.submits, 1);
      seen.outcome = 'one PUT, one onSubmit';
      await page.close();
    });
  });

  test('an edit made while a PUT is in flight is kept and sent by the next PUT', { timeout: 60_000 }, async () => {
    await faultCase(results, { fault: 'edit during a PUT (1.5 s latency), then submit', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget();
      double.faults.push({ type: 'latency', ms: 1500, method: 'PUT' });
      await submit(page, widget);
      await clickItem(page, widget, 'picker:owner_email');
      await clickItem(page, widget, 'picker-option:owner');
      await waitForEdge(page, widget, 'owner', 'owner_email');
      await submit(page, widget);                 // while the first is still in flight
      await nthEvent(page, widget, 'submit', 2);
      const [first, second] = puts(double).map((e) => JSON.parse(e.body));
      const plan = await planOf(page, widget);
      Object.assign(seen, { attempts: attempts.length, editsKept: planHasEdit(plan) && edgeTo(plan, 'owner')?.sourceField.key === 'owner_email', message: '(none: saved)' });
      assert.equal(attempts.length, 2);
      assert.equal(edgeTo(first, 'owner'), null, 'the first PUT went before the second edit');
      assert.equal(edgeTo(second, 'owner')?.sourceField.key, 'owner_email');
      assert.ok(planHasEdit(second));
      assert.ok(seen.editsKept);
      seen.outcome = 'two PUTs: the second carries the edit made meanwhile; both edits in the widget';
      await page.close();
    });
  });

  test('submitting again after a confirmed save sends no duplicate PUT', {
    timeout: 60_000,
  }, async () => {
    await faultCase(results, { fault: 'submit again after a confirmed save, nothing changed', request: 'PUT plan' }, async (seen) => {
      const { page, widget, attempts } = await editedWidget();
      await submit(page, widget);
      await nthEvent(page, widget, 'submit');
      await submit(page, widget);
      await page.waitForTimeout(1500);
      Object.assign(seen, { attempts: attempts.length, editsKept: await editKept(page, widget), message: '(none)' });
      seen.outcome = attempts.length === 1 ? 'one PUT: nothing new to send' : `${attempts.length} PUTs for one change`;
      assert.equal(attempts.length, 1);
      await page.close();
    });
  });
});
