#!/usr/bin/env node
// Part of the dist target: the message catalog's languages other than English, one file each
// (dist/messages/<lang>.json, the language's {key: text or {category: text}}, minified). The wasm
// has English compiled in (src/ui/CMakeLists.txt); plan-mapper.js fetches one of these only for
// a host that asks for that language (web/widget/messages.js, fetchLanguage), checked against the
// hash write-integrity.mjs puts in bundle-integrity.js.
//   node web/bundle/write-messages.mjs src/ui/messages.json DIST_DIR
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [catalogFile, dist] = process.argv.slice(2);
if (!catalogFile || !dist) throw new Error('usage: node web/bundle/write-messages.mjs src/ui/messages.json DIST_DIR');
const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
const dir = path.join(dist, 'messages');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const languages = Object.keys(catalog).filter((lang) => lang !== 'en' && lang !== 'about');
for (const lang of languages) {
  if (!/^[a-z]{2,3}$/.test(lang)) throw new Error(`write-messages: "${lang}" is not a language subtag`);
  writeFileSync(path.join(dir, `${lang}.json`), JSON.stringify(catalog[lang]));
}
console.log(`write-messages: ${languages.join(', ')}`);
