// The platform's look in Chromium with the real wasm: asking for more contrast, or forced colours,
// switches the canvas to the high-contrast theme (pure white or black behind the text) while the
// widget runs, and switching back restores the normal theme (read from the canvas's pixels); a
// larger browser text size redraws the canvas's text larger (read from where items are drawn).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { eventually } from './lib/eventually.mjs';
import { decodePng } from './lib/png.mjs';
import { mountWidget, openBlankPage } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

// The colour of the canvas's top-left corner (the panel's window background), as [r, g, b].
async function cornerColour(page) {
  const image = decodePng(await page.locator('#widget canvas').screenshot());
  const at = (4 * image.width + 4) * image.channels;
  return [...image.pixels.slice(at, at + 3)];
}

async function waitForCorner(page, check, what) {
  const deadline = Date.now() + 10_000;
  let colour;
  for (;;) {
    colour = await cornerColour(page);
    if (check(colour)) return colour;
    if (Date.now() > deadline) throw new Error(`${what}: the corner is ${colour.join(',')}`);
    await page.waitForTimeout(100);
  }
}

const grey = (value) => (colour) => colour.every((channel) => Math.abs(channel - value) <= 2);

describe('the canvas follows prefers-contrast and forced-colors', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('more contrast gives a pure white window; forced colours follow the system background; both go back', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'none', colorScheme: 'light' });
    await mountWidget(page);
    const normal = await cornerColour(page);
    assert.ok(normal.every((channel) => channel > 200 && channel < 250), `the light theme's grey window: ${normal}`);

    await page.emulateMedia({ contrast: 'more' });
    await waitForCorner(page, grey(255), 'high contrast: white');

    await page.emulateMedia({ contrast: 'no-preference' });
    await waitForCorner(page, (c) => c.join() === normal.join(), 'back to the normal theme');

    // Forced colours: the system's background colour (as the page sees it) decides light or dark.
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    const systemDark = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.cssText = 'color:Canvas;forced-color-adjust:none';
      document.body.appendChild(probe);
      const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g).map(Number);
      probe.remove();
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    });
    await waitForCorner(page, grey(systemDark ? 0 : 255), `forced colours (${systemDark ? 'dark' : 'light'} system background)`);

    await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    await waitForCorner(page, (c) => c.join() === normal.join(), 'back to the normal theme after forced colours');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a larger browser text size rebuilds the canvas text at that size; back to normal when it goes', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page);
    // The search field's height in the canvas follows the font size.
    const searchHeight = () => page.evaluate(() => {
      const rect = window.controllers.widget.debugItems().filter;
      return rect ? rect[3] - rect[1] : 0;
    });
    const normal = await eventually(searchHeight, (h) => h > 0, 'the search field drawn');
    // What a reader's larger default font size does to the page: the root font size grows.
    await page.evaluate(() => { document.documentElement.style.fontSize = '24px'; });
    const larger = await eventually(searchHeight, (h) => h >= normal * 1.4, `the search field grows from ${normal}`);
    assert.ok(larger <= normal * 1.6, `grew to ${larger} from ${normal}`);
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await eventually(searchHeight, (h) => Math.abs(h - normal) < 0.5, 'the search field back to its size');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
