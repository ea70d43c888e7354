#!/usr/bin/env node
// Writes the hostile plan corpus (deterministic: the same bytes on every run and machine).
//
//   node tests/reliability/make_hostile_corpus.mjs              small cases -> tests/data/hostile (committed)
//   node tests/reliability/make_hostile_corpus.mjs --check      fails when tests/data/hostile is out of date
//   node tests/reliability/make_hostile_corpus.mjs --huge DIR   10 MB strings, 100,000 fields, deep nesting -> DIR
//
// Each directory gets a manifest.json: per file its category, what it holds and what the widget
// must make of it (tests/reliability/hostile_corpus_test.cpp reads it):
//   expect "rejected"  no plan, and at least one error      "problems" at least one problem
//          "warned"    a plan, no errors, at least one warning "usable"   a plan with no errors
//   pointer   a problem must sit at this JSON Pointer, or just above or below it
//   kept      {pointer, value} or {pointer, absent}: that member of the PUT body, as sent
//   keptText  this number must appear verbatim in the PUT body (no rounding on the way back)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byteCases } from './corpus/cases-bytes.mjs';
import { contentCases } from './corpus/cases-content.mjs';
import { hugeCases } from './corpus/cases-huge.mjs';
import { missingMemberCases, wrongTypeCases } from './corpus/mutations.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SMALL_DIR = path.join(REPO, 'tests/data/hostile');

function smallCases() {
  return [...wrongTypeCases(), ...missingMemberCases(), ...byteCases(), ...contentCases()];
}

// name -> { file, bytes, entry } with names checked unique (a clash would hide a case).
function materialise(cases) {
  const seen = new Set();
  return cases.map((c) => {
    if (seen.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    seen.add(c.name);
    const bytes = Buffer.isBuffer(c.text) ? c.text : Buffer.from(c.text, 'utf8');
    const { text, name, huge, ...rest } = c;
    return { file: `${name}.json`, bytes, entry: { file: `${name}.json`, ...rest, bytes: bytes.length } };
  });
}

function manifestText(items) {
  // One case per line: readable, and a diff shows exactly which cases changed.
  const lines = items.map((i) => JSON.stringify(i.entry)).join(',\n');
  return `{"generator":"tests/reliability/make_hostile_corpus.mjs","count":${items.length},"cases":[\n${lines}\n]}\n`;
}

function write(dir, cases) {
  mkdirSync(dir, { recursive: true });
  const items = materialise(cases);
  const wanted = new Set([...items.map((i) => i.file), 'manifest.json']);
  // The directory belongs to this generator: files it no longer makes are removed.
  for (const name of readdirSync(dir)) if (!wanted.has(name)) rmSync(path.join(dir, name));
  for (const item of items) writeFileSync(path.join(dir, item.file), item.bytes);
  writeFileSync(path.join(dir, 'manifest.json'), manifestText(items));
  return items.length;
}

function check(dir, cases) {
  const items = materialise(cases);
  const stale = [];
  for (const item of [...items, { file: 'manifest.json', bytes: Buffer.from(manifestText(items)) }]) {
    let on = null;
    try { on = readFileSync(path.join(dir, item.file)); } catch { /* missing */ }
    if (!on || !on.equals(item.bytes)) stale.push(item.file);
  }
  const extra = readdirSync(dir).filter((n) => n !== 'manifest.json' && !items.some((i) => i.file === n));
  return [...stale, ...extra.map((n) => `${n} (not made by the generator)`)];
}

const args = process.argv.slice(2);
if (args[0] === '--huge') {
  if (!args[1]) throw new Error('--huge needs a directory');
  console.log(`wrote ${write(path.resolve(args[1]), hugeCases())} huge cases to ${args[1]}`);
} else if (args[0] === '--check') {
  const stale = check(SMALL_DIR, smallCases());
  if (stale.length) {
    console.error(`tests/data/hostile is out of date (${stale.length}): ${stale.slice(0, 10).join(', ')}\n` +
      'run: node tests/reliability/make_hostile_corpus.mjs');
    process.exit(1);
  }
  console.log('tests/data/hostile matches the generator');
} else {
  const dir = args[0] === '--out' && args[1] ? path.resolve(args[1]) : SMALL_DIR;
  console.log(`wrote ${write(dir, smallCases())} cases to ${path.relative(REPO, dir) || dir}`);
}
