// The matcher's reasons in the panel's language, in Chromium with the real wasm (issue 12 point 6):
// with <plan-mapper lang="de"> a suggestion's reason, the accessible description of the mirror's
// certainty cell, is German (the matcher's match.* catalog messages, matcher/reason_messages.h),
// found through roles and names only; in English the same cell says the matcher's English.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_JOB_ID, DEMO_TOKEN } from '../../web/sample-jobs/index.mjs';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { eventually } from './lib/eventually.mjs';
import { openBlankPage } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));

async function mountDemo(page, lang) {
  await page.evaluate(async ({ jobId, token, language }) => {
    await import('/plan-mapper.js');
    const element = document.createElement('plan-mapper');
    element.setAttribute('api-url', location.origin);
    element.setAttribute('job-id', jobId);
    if (language) element.setAttribute('lang', language);
    element.style.height = '700px';
    document.getElementById('host').appendChild(element);
    element.token = token;
  }, { jobId: DEMO_JOB_ID, token: DEMO_TOKEN, language: lang });
  await page.waitForSelector('plan-mapper[data-plan-mapper-state="ready"]', { timeout: 30_000 });
}

// The description of the certainty cell in the row of the combobox `comboboxName`, as the
// attribute the mirror sets and as Chromium's accessibility tree computes it.
async function certaintyDescription(page, region, comboboxName) {
  // The row that holds the combobox (an inner locator is matched inside each row).
  const row = region.getByRole('row').filter({ has: page.getByRole('combobox', { name: comboboxName }) });
  const cell = row.getByRole('gridcell').last();
  const attribute = (await cell.getAttribute('aria-description', { timeout: 2_000 }).catch(() => null)) ?? '';
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const computed = nodes.filter((n) => n.role?.value === 'gridcell').map((n) => n.description?.value ?? '');
  return { attribute, computed: computed.includes(attribute) };
}

describe('the matcher\'s reasons in the panel\'s language', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('lang="de": the mirror describes a suggestion\'s certainty with the matcher\'s reason in German', { timeout: 90_000 }, async (t) => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await mountDemo(page, 'de');
    const region = page.getByRole('region', { name: 'Feldzuordnung' });
    // E-mail -> Email: the matcher's reason names the values it read (the rows, once read).
    const seen = await eventually(() => certaintyDescription(page, region, 'Ziel für E-mail'),
      (d) => d.computed && /E-Mail-Adressen/.test(d.attribute), 'a German reason on the E-mail row');
    t.diagnostic(`description: ${seen.attribute}`);
    assert.match(seen.attribute, /E-Mail-Adressen/);
    assert.match(seen.attribute, /Sicherheit 96 %/);
    assert.doesNotMatch(seen.attribute, /email addresses|values|normalization|synonym of|exact |rows/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('English: the same cell says the matcher\'s English reason', { timeout: 90_000 }, async (t) => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await mountDemo(page, null);
    const region = page.getByRole('region', { name: 'Field mapping' });
    const seen = await eventually(() => certaintyDescription(page, region, 'Destination for E-mail'),
      (d) => d.computed && /email addresses/.test(d.attribute), 'an English reason on the E-mail row');
    t.diagnostic(`description: ${seen.attribute}`);
    assert.match(seen.attribute, /confidence 96%/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
