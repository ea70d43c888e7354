// Mounting the real widget (dist/plan-mapper.js) on a blank same-origin page with test options,
// and aiming real Playwright mouse and keyboard events at the panel's items through the widget's
// test hook (controller.debugItems(): item rectangles of the last frame, in CSS pixels).
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../../web/sample-jobs/index.mjs';

// Serves an empty page at /__test/page.html on the double's origin (so the module, the wasm and
// the API share one origin, like a host page that embeds the widget).
export async function openBlankPage(browser, double, { width = 1200, height = 760 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.route(`${double.url}/__test/page.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html><body style="margin:0"><div id="host"></div></body></html>',
  }));
  await page.goto(`${double.url}/__test/page.html`);
  page.problems = problems;
  return page;
}

// Mounts a widget into a new container; `script` is the body of an async function that gets
// (mountPlanMapper, container, defaults) and returns the controller (runs in the page).
export async function mountWidget(page, { name = 'widget', height = 700, options = {}, tokenSequence = null } = {}) {
  await page.evaluate(async ({ name, height, options, tokenSequence, jobId, token }) => {
    const { mountPlanMapper } = await import('/plan-mapper.js');
    const container = document.createElement('div');
    container.id = name;
    container.style.cssText = `width: 100%; height: ${height}px; position: relative`;
    document.getElementById('host').appendChild(container);
    window.events = window.events ?? {};
    const events = (window.events[name] = { change: [], submit: [], error: [], tokenCalls: 0 });
    const full = {
      // Suggestions are not applied on load and the rows are not read unless a test asks
      // (auto-apply.test.mjs, records.test.mjs do): the other tests work on the plan exactly as
      // the double serves it. Both are on by default in the widget.
      apiUrl: location.origin, jobId, token, testHooks: true, autoApply: 'none', readRecords: false, ...options,
      onChange: (plan) => events.change.push(plan),
      onSubmit: (result) => events.submit.push(result),
      onError: (error) => events.error.push(error),
    };
    if (tokenSequence) {
      // getToken answers the given tokens in turn (the first is the initial token).
      delete full.token;
      full.getToken = async () => tokenSequence[Math.min(events.tokenCalls++, tokenSequence.length - 1)];
    }
    window.controllers = window.controllers ?? {};
    window.controllers[name] = await mountPlanMapper(container, full);
  }, { name, height, options, tokenSequence, jobId: DEMO_JOB_ID, token: DEMO_TOKEN });
  await page.waitForSelector(`#${name}[data-plan-mapper-state="ready"]`, { timeout: 30_000 });
  return name;
}

// The centre of a named item in page coordinates, waiting for it to be drawn.
export async function itemCentre(page, widget, item, { timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page.evaluate(({ widget, item }) => {
      const rect = window.controllers[widget].debugItems()[item];
      if (!rect) return null;
      const canvas = document.querySelector(`#${widget} canvas`).getBoundingClientRect();
      return { x: canvas.left + (rect[0] + rect[2]) / 2, y: canvas.top + (rect[1] + rect[3]) / 2 };
    }, { widget, item });
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`item ${item} was never drawn in ${widget}`);
    await page.waitForTimeout(50);
  }
}

// Moves the real mouse onto an item (twice: hovering may shift a popup by a line) and clicks it.
export async function clickItem(page, widget, item) {
  let at = await itemCentre(page, widget, item);
  await page.mouse.move(at.x, at.y);
  await framesAfterInput(page, widget);
  at = await itemCentre(page, widget, item);
  await page.mouse.move(at.x, at.y);
  await framesAfterInput(page, widget);
  await page.mouse.down();
  await framesAfterInput(page, widget);
  await page.mouse.up();
  await framesAfterInput(page, widget, 3);
}

// Waits until the widget has drawn `count` frames since the call (each input event asks for a
// few), at least 60 ms: ImGui settles hover and active states over frames, and on a loaded
// machine a frame can take far longer than a fixed pause would allow.
export async function framesAfterInput(page, widget, count = 2, timeoutMs = 5_000) {
  const start = await page.evaluate((w) => window.controllers[w].framesDrawn(), widget);
  await page.waitForTimeout(60);
  await page.waitForFunction(({ w, target }) => window.controllers[w].framesDrawn() >= target,
    { w: widget, target: start + count }, { timeout: timeoutMs, polling: 20 }).catch(() => {});
}

export async function planOf(page, widget) {
  return page.evaluate((widget) => window.controllers[widget].getPlan(), widget);
}

export function edgeTo(plan, destinationKey) {
  return plan.fieldMapping.find((e) => e.destinationField.key === destinationKey) ?? null;
}

// Waits until the double has logged `count` requests of method+path; returns them.
export async function waitForRequests(double, method, path, count = 1, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = double.requestLog.find(method, path);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`expected ${count} ${method} ${path}, saw ${found.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Waits (up to timeoutMs) until the destination is fed by `sourceKey` (null: by nothing); input
// reaches ImGui over several frames, so a fixed pause would be a guess.
export async function waitForEdge(page, widget, destinationKey, sourceKey, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const edge = edgeTo(await planOf(page, widget), destinationKey);
    const actual = edge ? edge.sourceField.key : null;
    if (actual === sourceKey) return;
    if (Date.now() > deadline) throw new Error(`${destinationKey} is fed by ${actual}, expected ${sourceKey}`);
    await page.waitForTimeout(50);
  }
}

// How many source rows the mirror's source grid says it has (its header row not counted): the
// rows the panel's filter lets through.
export const sourceRowCount = (page) => page.evaluate(() => {
  const grid = document.querySelector('[data-plan-mapper-mirror] [role="grid"][aria-label="Source columns"]');
  return Number(grid.getAttribute('aria-rowcount')) - 1;
});

export const waitForSourceRowCount = (page, rows) => page.waitForFunction((n) => {
  const grid = document.querySelector('[data-plan-mapper-mirror] [role="grid"][aria-label="Source columns"]');
  return Number(grid.getAttribute('aria-rowcount')) - 1 === n;
}, rows, { timeout: 10_000 });

// Resolves once the page's text entry (web/widget/text-entry.js) has the keyboard.
export const waitForTextEntryFocus = (page) => page.waitForFunction(
  () => document.activeElement?.hasAttribute('data-plan-mapper-text-entry'), null, { timeout: 10_000 });
