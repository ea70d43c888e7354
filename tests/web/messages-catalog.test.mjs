// The message catalog (src/ui/messages.json, issue 12 point 6) checked as a file: every English
// key has its German, with the same placeholders and the same plural shape; every key is used by
// the code and every key the code names exists; and no fixed English text is left in the places
// the check reads (listed in LITERAL_CHECKS: ImGui's labelled widgets and the panel's text helpers
// in src/ui, the announcements in src/app, the mirror's element texts and labels in web/widget).
// It is a grep, not a parser: a literal built up across lines or passed through a variable is not
// seen. Also the page's formatter (web/widget/messages.js): placeholders, plurals, data as text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withMessageTypes } from '../../tools/gen-message-types.mjs';
import { createMessages } from '../../web/widget/messages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const catalog = JSON.parse(readFileSync(path.join(root, 'src/ui/messages.json'), 'utf8'));
const LANGUAGES = ['en', 'de'];
const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
// api, records, differences, session and insights: the messages core produces (MessageRef, core/json/message_ref.h);
// match: the matcher's reasons (matcher/reason_messages.h).
const KEY = /^(?:certainty|values|header|bulk|chip|table|picker|enum|destinations|review|keys|memory|say|app|mirror|api|records|differences|session|insights|match)\.[A-Za-z0-9]+$/;

const forms = (message) => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (message) => new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));

function filesUnder(dir, extensions) {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(relative, extensions));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(relative);
  }
  return out;
}
const codeFiles = [...filesUnder('src', ['.cpp', '.h']), ...filesUnder('web/widget', ['.js'])];
const code = Object.fromEntries(codeFiles.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

test('the catalog ships English and German, each message text or plural forms with "other"', () => {
  for (const lang of LANGUAGES) {
    assert.equal(typeof catalog[lang], 'object', lang);
    for (const [key, message] of Object.entries(catalog[lang])) {
      assert.match(key, KEY, `${lang} ${key}: keys are area.name`);
      if (typeof message === 'string') continue;
      assert.ok(message && typeof message === 'object' && typeof message.other === 'string', `${lang} ${key}: plural forms need "other"`);
      for (const [category, text] of Object.entries(message)) {
        assert.ok(CATEGORIES.has(category), `${lang} ${key}: ${category} is not a CLDR plural category`);
        assert.equal(typeof text, 'string', `${lang} ${key}.${category}`);
      }
    }
  }
  assert.ok(Object.keys(catalog.en).length > 200, 'the catalog holds the panel\'s words');
});

test('every English key has its German, with the same placeholders and plural shape', () => {
  assert.deepEqual(Object.keys(catalog.de).sort(), Object.keys(catalog.en).sort());
  for (const [key, english] of Object.entries(catalog.en)) {
    const german = catalog.de[key];
    assert.equal(typeof german, typeof english, `${key}: plural in one language, text in the other`);
    assert.deepEqual([...placeholders(german)].sort(), [...placeholders(english)].sort(), `${key}: placeholders`);
    assert.notEqual(JSON.stringify(german), '""', `${key}: German is empty`);
  }
});

test('every key is used by the code, and every key the code names exists', () => {
  const named = new Set();
  for (const text of Object.values(code)) {
    for (const m of text.matchAll(/["'`]([a-z]+\.[A-Za-z0-9]+)["'`]/g)) if (KEY.test(m[1])) named.add(m[1]);
  }
  // The certainty words are looked up by the core's name for the certainty ("certainty." + "strong").
  const built = (key) => key.startsWith('certainty.') && /"certainty\."\) \+ to_string\(/.test(code['src/ui/panel_widgets.cpp']);
  const unused = Object.keys(catalog.en).filter((key) => !named.has(key) && !built(key));
  assert.deepEqual(unused, [], 'keys no code names');
  const missing = [...named].filter((key) => !(key in catalog.en));
  assert.deepEqual(missing, [], 'keys the code names that the catalog lacks');
});

// Where fixed English text would be shown or said, and what a literal there looks like: a quoted
// text with a letter (not an ImGui id "##..." and not a key).
const LITERAL_CHECKS = [
  { files: /^src\/ui\/.*\.cpp$/, pattern: /\b(?:Button|SmallButton|Selectable|SeparatorText|TextUnformatted|Text|TableSetupColumn|BeginPopupModal|MenuItem|Checkbox)\(\s*"(?!#)[^"]*[A-Za-z]/g },
  { files: /^src\/ui\/.*\.cpp$/, pattern: /\b(?:text|muted_text|tooltip_text|wrapped_text)\(\s*"[^"]*[A-Za-z]/g },
  { files: /^src\/ui\/.*\.cpp$/, pattern: /\bcoloured_text\([^,]+,\s*"[^"]*[A-Za-z]/g },
  { files: /^src\/ui\/.*\.cpp$/, pattern: /\bInputTextWithHint\([^,]+,\s*"[^"]*[A-Za-z]/g },
  { files: /^src\/app\/(?:mirror_actions|mapper_app\w*)\.cpp$/, pattern: /\b(?:refused|answer)\((?:\w+,\s*)?"[^"]*[A-Za-z]/g },
  { files: /^src\/app\/(?:mirror_actions|mapper_app\w*)\.cpp$/, pattern: /MirrorOutcome\{\s*(?:true|false),\s*"[^"]*[A-Za-z]/g },
  { files: /^src\/app\/(?:mirror_actions|mapper_app\w*)\.cpp$/, pattern: /\b(?:message|submit_message|warning|records_note)\s*=\s*"[^"]*[A-Za-z]/g },
  { files: /^web\/widget\/a11y-\w+\.js$/, pattern: /\bel\([^;]*?\},\s*'[^']*[A-Za-z]/g },
  { files: /^web\/widget\/a11y-\w+\.js$/, pattern: /'aria-label':\s*['`][^'`]*[A-Za-z]/g },
  { files: /^web\/widget\/a11y-\w+\.js$/, pattern: /\b(?:announce|raiseAlert|setText\(\w+,)\s*\(?\s*['`][^'`]*[A-Za-z]/g },
];

test('no fixed English text is left where the check looks', () => {
  const found = [];
  for (const [file, text] of Object.entries(code)) {
    for (const { files, pattern } of LITERAL_CHECKS) {
      if (!files.test(file)) continue;
      for (const m of text.matchAll(pattern)) {
        // The literal's own text: escapes ("\xE2\x80\xA6" is an ellipsis) and ${...} are not words.
        const literal = m[0].replace(/^[^"'`]*["'`]/, '').replace(/\\x[0-9A-Fa-f]{1,2}/g, '').replace(/\$\{[^}]*\}?/g, '');
        if (KEY.test(literal) || !/[A-Za-z]/.test(literal)) continue;
        const line = text.slice(0, m.index).split('\n').length;
        found.push(`${file}:${line}: ${m[0]}`);
      }
    }
  }
  assert.deepEqual(found, []);
});

// Core, the matcher and the profile reader keep an English sentence beside each catalog message
// (for logs and the CLI). The shared app and UI code must show the catalog message: reading one
// of the English members or accessors there would put English in a German panel.
const CORE_ENGLISH = /\b(?:progress_text|secret_key_warning|describe_server_differences|describe_check)\(|->note\(\)|\.refused\)|\bw\.message\b|\berror\.message\b(?!\s*=[^=])/g;

test('core\'s English sentences do not reach the panel: the app and UI format core\'s catalog messages', () => {
  const found = [];
  for (const [file, text] of Object.entries(code)) {
    if (!/^src\/(?:app|ui)\/[^/]+\.cpp$/.test(file)) continue;
    for (const m of text.matchAll(CORE_ENGLISH)) found.push(`${file}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
  }
  assert.deepEqual(found, []);
  // Every catalog key core names is a string literal in MessageRef("...") or a key table; each
  // one is in the catalog (checked above for all named keys), and core names some in each area.
  const coreKeys = new Set();
  for (const [file, text] of Object.entries(code)) {
    if (!/^src\/(?:core|matcher)\//.test(file)) continue;
    for (const m of text.matchAll(/"((?:api|records|differences|session|insights)\.[A-Za-z0-9]+)"/g)) coreKeys.add(m[1]);
  }
  for (const area of ['api', 'records', 'differences', 'session', 'insights'])
    assert.ok([...coreKeys].some((key) => key.startsWith(`${area}.`)), `core names ${area}.* keys`);
  for (const key of coreKeys) for (const lang of LANGUAGES) assert.ok(key in catalog[lang], `${lang} lacks ${key}`);
});

test('the page formatter fills placeholders as text, picks plurals by language and falls back to the key', () => {
  const en = createMessages({ lang: 'en', messages: catalog.en });
  assert.equal(en.t('say.mapped', { source: 'Notes', destination: 'Account' }), 'Notes mapped to Account');
  assert.equal(en.n('header.requiredMissing', 1), '1 required field missing');
  assert.equal(en.n('header.requiredMissing', 1234), '1,234 required fields missing');
  // Data with braces, percent signs and replacement patterns stays exactly as it was.
  assert.equal(en.t('say.mapped', { source: '{destination} 100% $& $1', destination: '%s' }), '{destination} 100% $& $1 mapped to %s');
  assert.equal(en.t('no.suchKey'), 'no.suchKey');
  const de = createMessages({ lang: 'de', messages: catalog.de });
  assert.equal(de.n('header.requiredMissing', 1), '1 Pflichtfeld fehlt');
  assert.equal(de.n('header.requiredMissing', 1234), '1.234 Pflichtfelder fehlen');
  // A language with more forms (a host's Polish through `strings`): Intl.PluralRules chooses.
  const pl = createMessages({ lang: 'pl', messages: { 'say.cleared': { one: '{count} mapowanie', few: '{count} mapowania', many: '{count} mapowań', other: '{count} mapowania' } } });
  assert.deepEqual([1, 3, 5, 22, 25].map((count) => pl.n('say.cleared', count)), ['1 mapowanie', '3 mapowania', '5 mapowań', '22 mapowania', '25 mapowań']);
});

test('plan-mapper.d.ts lists every key (tools/gen-message-types.mjs wrote it from this catalog)', () => {
  const dts = readFileSync(path.join(root, 'web/widget/plan-mapper.d.ts'), 'utf8');
  assert.equal(withMessageTypes(dts, catalog), dts, 'run node tools/gen-message-types.mjs');
  for (const key of Object.keys(catalog.en)) assert.ok(dts.includes(`'${key}'?:`), key);
});
