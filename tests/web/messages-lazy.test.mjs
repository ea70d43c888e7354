// The widget's languages as the bundle ships them (issue 12: transfer size): English is compiled
// into the wasm; German comes from dist/messages/de.json, fetched only when a host asks for it and
// checked against the hash in bundle-integrity.js. In Chromium with the real wasm: an English
// widget fetches no language file; lang "de-AT" fetches de.json once and speaks German; a copy of
// de.json that is not the one built is refused (English, one console warning, nothing breaks).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, useBrowserAndDouble } from './lib/browser.mjs';
import { mountWidget, openBlankPage } from './lib/widget-page.mjs';

const built = existsSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
const catalog = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../src/ui/messages.json'), 'utf8'));

const languageRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((entry) => new URL(entry.name).pathname).filter((name) => name.startsWith('/messages/')));

describe('languages fetched only when asked for', { skip: built ? false : 'dist/ not built' }, () => {
  const env = useBrowserAndDouble({ before, after });

  test('the bundle ships every language but English as messages/<lang>.json, hashed', () => {
    const integrity = readFileSync(path.join(DIST_DIR, 'bundle-integrity.js'), 'utf8');
    for (const lang of Object.keys(catalog).filter((key) => key !== 'en' && key !== 'about')) {
      assert.deepEqual(JSON.parse(readFileSync(path.join(DIST_DIR, 'messages', `${lang}.json`), 'utf8')), catalog[lang], lang);
      assert.match(integrity, new RegExp(`"${lang}": "sha384-`), `${lang} has a hash`);
    }
    assert.ok(!existsSync(path.join(DIST_DIR, 'messages', 'en.json')), 'English is in the wasm');
    // The wasm holds English only: a German word of the catalog is not in it.
    const wasm = readFileSync(path.join(DIST_DIR, 'plan-mapper-wasm.wasm'));
    assert.ok(wasm.includes(catalog.en['mirror.restoreDraft']), 'English is compiled in');
    assert.ok(!wasm.includes(catalog.de['mirror.restoreDraft']), 'German is not compiled in');
  });

  test('English fetches no language file; de-AT fetches de.json once and the mirror speaks German', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    await mountWidget(page, { name: 'english' });
    const english = page.getByRole('region', { name: 'Field mapping' });
    await english.getByRole('button', { name: catalog.en['header.undo'], exact: true }).waitFor({ state: 'attached' });
    assert.deepEqual(await languageRequests(page), []);

    await mountWidget(page, { name: 'german', options: { lang: 'de-AT' } });
    const german = page.getByRole('region', { name: catalog.de['mirror.region'] });
    await german.getByRole('button', { name: catalog.de['header.undo'], exact: true }).waitFor({ state: 'attached' });
    await german.getByRole('button', { name: catalog.de['header.review'], exact: true }).waitFor({ state: 'attached' });
    assert.deepEqual(await languageRequests(page), ['/messages/de.json']);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a de.json that is not the one built is refused: English, one warning, the widget works', { timeout: 60_000 }, async () => {
    env.double.reset();
    const page = await openBlankPage(env.browser, env.double);
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    const tampered = { ...catalog.de, 'header.undo': 'Gefälscht' };
    await page.route(`${env.double.url}/messages/de.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(tampered) }));
    await mountWidget(page, { options: { lang: 'de' } });
    const region = page.getByRole('region', { name: 'Field mapping' });
    await region.getByRole('button', { name: catalog.en['header.undo'], exact: true }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('button', { name: 'Gefälscht' }).count(), 0);
    const about = warnings.filter((text) => text.includes('messages/de.json'));
    assert.equal(about.length, 1, warnings.join('\n'));
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
