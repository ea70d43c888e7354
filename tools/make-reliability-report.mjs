#!/usr/bin/env node
// Writes docs/RELIABILITY.md from what the reliability tests recorded in test-artifacts/reliability/:
//   corpus-<variant>.jsonl, corpus-huge-<variant>.jsonl  one line per hostile file and build
//                                                         (tests/reliability/hostile_corpus_test.cpp)
//   faults-<suite>.jsonl                                  one line per fault case
//                                                         (tests/web/reliability-*.test.mjs, and
//                                                         tests/reliability/cli-fault-matrix.mjs)
//   fuzz-<target>.log, fuzz-smoke-<target>.log            libFuzzer output with -print_final_stats=1
//                                                         (tests/reliability/run-fuzz.sh; ctest --preset fuzz)
// and tests/reliability/fuzz-findings.json (what fuzzing found and what fixed it, kept by hand).
// Nothing is measured here: every figure comes from those files, and a missing input is named in
// the report rather than guessed.
//
//   node tools/make-reliability-report.mjs [--in DIR] [--out FILE]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : fallback);
const IN = option('--in', path.join(REPO, 'test-artifacts/reliability'));
const OUT = option('--out', path.join(REPO, 'docs/RELIABILITY.md'));

function readLines(file) {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function filesMatching(re) {
  return existsSync(IN) ? readdirSync(IN).filter((n) => re.test(n)).sort() : [];
}

// Hostile text must not act in the report either: control characters, bidi controls and other
// invisible code points are shown as U+XXXX, and Markdown's table and code syntax is escaped.
function cell(value, max = 160) {
  let text = String(value ?? '');
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu,
    (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  const points = Array.from(text);
  if (points.length > max) text = `${points.slice(0, max).join('')}…`;
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const count = (items, pred) => items.filter(pred).length;

// ---- corpus ----------------------------------------------------------------------------------
function loadCorpus() {
  const variants = new Map();   // variant -> Map(file -> line)
  // Committed files first, then the generated ones, so the tables follow the corpus's own order.
  const names = filesMatching(/^corpus(-huge)?-.+\.jsonl$/).sort((a, b) => a.startsWith('corpus-huge') - b.startsWith('corpus-huge'));
  for (const name of names) {
    const variant = name.replace(/^corpus(-huge)?-/, '').replace(/\.jsonl$/, '');
    if (!variants.has(variant)) variants.set(variant, new Map());
    for (const line of readLines(path.join(IN, name))) variants.get(variant).set(line.file, { ...line, huge: name.startsWith('corpus-huge') });
  }
  return variants;
}

function corpusSection(variants) {
  const out = ['## Hostile and broken input', ''];
  if (variants.size === 0) return [...out, `No corpus results in ${path.relative(REPO, IN)} (run the pm_reliability_tests suite).`, ''];
  const names = [...variants.keys()];
  // One row per file, from whichever build saw it first; builds agree on outcomes (the parser is
  // the same code), and the per-build column says whether each build passed the file.
  const files = new Map();
  for (const v of names) for (const [file, line] of variants.get(v)) if (!files.has(file)) files.set(file, line);
  const rows = [...files.values()];
  const passedIn = (file) => names.map((v) => { const l = variants.get(v).get(file); return !l ? '–' : l.passed ? 'pass' : l.knownIssue ? 'known issue' : 'FAIL'; });

  out.push(`${rows.length} files: ${count(rows, (r) => !r.huge)} committed in \`tests/data/hostile\` (written by ` +
    '`tests/reliability/make_hostile_corpus.mjs`), ' + `${count(rows, (r) => r.huge)} generated at test time into the build tree. ` +
    'Each file is read by `parse_plan_document`; when a plan comes out, a `Session` is built from it, edited, undone and ' +
    'written as a PUT body; then the panel is drawn headlessly (ImGui, no renderer) with the plan or with its error message. ' +
    'A file passes when nothing crashed or aborted, every problem has a message and a JSON Pointer that leads into the ' +
    'document, the outcome is the one its manifest entry expects, undo restores the plan, and the PUT body reads back cleanly ' +
    'and keeps what the widget only carries.', '');
  out.push('| build | files | passed | failed | known issues |', '|---|---:|---:|---:|---:|');
  for (const v of names) {
    const lines = [...variants.get(v).values()];
    out.push(`| ${v} | ${lines.length} | ${count(lines, (l) => l.passed)} | ${count(lines, (l) => !l.passed && !l.knownIssue)} | ${count(lines, (l) => !l.passed && l.knownIssue)} |`);
  }
  out.push('', '### By category', '', '| category | files | rejected | partial (some elements left out) | usable with warnings | usable |', '|---|---:|---:|---:|---:|---:|');
  const categories = [...new Set(rows.map((r) => r.category))];
  for (const c of categories) {
    const inCat = rows.filter((r) => r.category === c);
    out.push(`| ${c} | ${inCat.length} | ${['rejected', 'partial', 'usable-with-warnings', 'usable'].map((o) => count(inCat, (r) => r.outcome === o)).join(' | ')} |`);
  }
  const total = (o) => count(rows, (r) => r.outcome === o);
  out.push(`| **all** | **${rows.length}** | **${total('rejected')}** | **${total('partial')}** | **${total('usable-with-warnings')}** | **${total('usable')}** |`, '');

  const known = rows.filter((r) => r.knownIssue);
  if (known.length) {
    out.push('### Known issues in the corpus', '');
    for (const r of known) out.push(`- \`${cell(r.file)}\`: ${cell(r.knownIssue, 300)}`);
    out.push('');
  }
  const slow = rows.filter((r) => r.huge).map((r) => ({ ...r, ms: (r.checkMs ?? 0) + (r.drawMs ?? 0) }));
  if (slow.length) {
    out.push(`### The big files (${names[0]} build)`, '', '| file | bytes | outcome | parse, session, checks (ms) | drawing (ms, frames) |', '|---|---:|---|---:|---:|');
    for (const r of slow) out.push(`| ${cell(r.file)} | ${r.bytes.toLocaleString('en-US')} | ${r.outcome} | ${r.checkMs ?? '?'} | ${r.drawMs ?? '?'} (${r.framesDrawn}) |`);
    out.push('');
  }
  out.push('### Every file', '', `| file | what it holds | expected | outcome | first problem | ${names.join(' | ')} |`,
    `|---|---|---|---|---|${names.map(() => '---').join('|')}|`);
  for (const r of rows) {
    out.push(`| ${cell(r.file, 60)} | ${cell(r.description, 100)} | ${r.expect} | ${r.outcome} | ${cell(r.firstProblem, 120)} | ${passedIn(r.file).join(' | ')} |`);
  }
  out.push('');
  return out;
}

// ---- faults ----------------------------------------------------------------------------------
// What each suite is, by the name in faults-<suite>.jsonl; a suite not listed here is still shown.
const FAULT_SUITES = {
  retries: ['fetch transport: failures the retry policy handles', 'The real wasm widget in Chromium ' +
    '(`tests/web/reliability-faults.test.mjs`) against the local API double (`web/server`), faults injected by the double ' +
    'or, where the double cannot make them or Chromium would resend the request itself, by the page\'s network route. ' +
    'Attempts are counted at the page. "Edits kept" means the edit made with the mouse before the fault is still in ' +
    '`controller.getPlan()` afterwards (and, where the case says so, reached the server with the next submit).'],
  answers: ['fetch transport: answers the person must understand', 'The same widget and double ' +
    '(`tests/web/reliability-answers.test.mjs`): sign-in and access errors, error bodies, malformed answers, answers that ' +
    'differ from what was sent, and submitting twice.'],
  libcurl: ['libcurl transport: the native command line', 'The native `plan-mapper put` / `get` (ApiClient over ' +
    '`src/app/desktop/http_client_curl`, the desktop app\'s transport) against the same double ' +
    '(`tests/reliability/cli-fault-matrix.mjs`). Attempts are counted at the double. "Edits kept" means the file holding ' +
    'the edit is unchanged, the server did not take a half-applied plan, and the same file sent again once the fault is ' +
    'gone was saved (where the case says so). The CLI cannot shorten the 60 s per-attempt timeout, so a real timeout is ' +
    'not among these cases.'],
};

function faultSection() {
  const out = ['## Faults', ''];
  const files = filesMatching(/^faults-.+\.jsonl$/);
  const rows = files.flatMap((f) => readLines(path.join(IN, f)).map((r) => ({ ...r, suite: f.replace(/^faults-|\.jsonl$/g, '') })));
  if (rows.length === 0) return [...out, `No fault results in ${path.relative(REPO, IN)} (run node --test tests/web/reliability-*.test.mjs and ctest -R reliability_faults_libcurl).`, ''];
  const passed = count(rows, (r) => r.passed);
  const suites = [...new Set(rows.map((r) => r.suite))].sort((a, b) => Object.keys(FAULT_SUITES).indexOf(a) - Object.keys(FAULT_SUITES).indexOf(b));
  out.push(`${rows.length} cases in ${suites.length} suites, ${passed} passed, ${rows.length - passed} not (yet) as required.`, '');
  for (const suite of suites) {
    const [title, about] = FAULT_SUITES[suite] ?? [suite, ''];
    const inSuite = rows.filter((r) => r.suite === suite);
    out.push(`### ${title}`, '');
    if (about) out.push(about, '');
    out.push(`${inSuite.length} cases, ${count(inSuite, (r) => r.passed)} passed.`, '');
    out.push('| fault | request | what the person is told | status | attempts | edits kept | outcome | result |', '|---|---|---|---:|---:|---|---|---|');
    for (const r of inSuite) {
      const kept = r.editsKept === true ? 'yes' : r.editsKept === false ? '**no**' : cell(r.editsKept ?? '?');
      out.push(`| ${cell(r.fault)} | ${cell(r.request)} | ${cell(r.message ?? '', 200)} | ${r.status ?? ''} | ${r.attempts ?? '?'} | ${kept} | ${cell(r.outcome ?? r.error ?? '', 200)} | ${r.passed ? 'pass' : '**not met**'} |`);
    }
    out.push('');
  }
  return out;
}

// ---- fuzzing ---------------------------------------------------------------------------------
// fuzz-smoke-<target>.log: the seeded 20 s runs of tools/test (ctest --preset fuzz);
// fuzz-<target>.log: a longer run of tests/reliability/run-fuzz.sh. Findings that were fixed are
// recorded by hand in tests/reliability/fuzz-findings.json (the logs of those runs are not kept).
function fuzzSection() {
  const out = ['## Fuzzing', ''];
  const logs = filesMatching(/^fuzz-.+\.log$/);
  if (logs.length === 0) out.push(`No libFuzzer logs in ${path.relative(REPO, IN)} (ctest --preset fuzz and tests/reliability/run-fuzz.sh write them).`, '');
  else {
    out.push('Both targets are built with ASan + UBSan (preset `fuzz`, clang 14): `fuzz_plan_parse` (any bytes through the ' +
      'plan reader, a session and the writers) and `fuzz_session_ops` (random sequences of session operations over plans ' +
      'built from the input, checking the session\'s invariants after every step).', '');
    out.push('| target | run | date | wall time (s) | executions | exec/s | coverage (edges) | corpus | crashes, leaks, timeouts |', '|---|---|---|---:|---:|---:|---:|---:|---:|');
    for (const name of logs) {
      const text = readFileSync(path.join(IN, name), 'utf8');
      const stat = (key) => text.match(new RegExp(`stat::${key}:\\s+(\\d+)`))?.[1];
      const last = [...text.matchAll(/cov: (\d+) ft: \d+ corp: (\d+)/g)].at(-1);
      const done = text.match(/^Done (\d+) runs in (\d+) second/m);
      const findings = (text.match(/^==\d+==ERROR|deadly signal|^SUMMARY: |ALARM: working on the last Unit/gm) ?? []).length;
      const smoke = name.startsWith('fuzz-smoke-');
      const target = `fuzz_${name.replace(/^fuzz-(smoke-)?|\.log$/g, '')}`;
      const date = statSync(path.join(IN, name)).mtime.toISOString().slice(0, 10);
      out.push(`| ${target} | ${smoke ? 'smoke (tools/test)' : 'longer (run-fuzz.sh)'} | ${date} | ${done?.[2] ?? '?'} | ${Number(stat('number_of_executed_units') ?? done?.[1] ?? NaN).toLocaleString('en-US')} | ${stat('average_exec_per_sec') ?? '?'} | ${last?.[1] ?? '?'} | ${last?.[2] ?? '?'} | ${findings} |`);
    }
    out.push('');
  }
  const findingsFile = path.join(REPO, 'tests/reliability/fuzz-findings.json');
  const found = existsSync(findingsFile) ? JSON.parse(readFileSync(findingsFile, 'utf8')).findings ?? [] : [];
  out.push('### Found and fixed', '');
  if (found.length === 0) out.push('Nothing recorded in `tests/reliability/fuzz-findings.json`.', '');
  for (const f of found) out.push(`- \`${cell(f.target)}\` (${cell(f.found, 200)}): ${cell(f.what, 400)}. Fix: ${cell(f.fix, 300)}. Regression: ${cell(f.regression, 300)}.`);
  out.push('');
  return out;
}

// ---- security --------------------------------------------------------------------------------
// security-<suite>.jsonl: one line per case, written by tests/web/lib/security-cases.mjs (browser
// tests) and tests/reliability/url_differential_test.cpp.
const SECURITY_SUITES = {
  'standalone-origins': ['Allowed API origins (standalone page)', '`tests/web/standalone-origins.test.mjs`: `plan-mapper.config.json` decides where the token may go.'],
  'token-hand-over': ['Token hand-over by postMessage', '`tests/web/standalone-origins.test.mjs`: only parents listed in `allowedParentOrigins`.'],
  'trusted-types': ['Trusted Types and hostile text', '`tests/web/trusted-types.test.mjs`: the shipped pages require Trusted Types; hostile labels stay text.'],
  integrity: ['Integrity of the bundle', '`tests/web/integrity.test.mjs`: SRI for modules, SHA-256 for the wasm, tampered copies fail closed.'],
  drafts: ['Drafts without customer data', '`tests/web/drafts.test.mjs`: localStorage holds decisions only, and expires.'],
  'url-differential': ['URL reading of the request guard', '`tests/reliability/url_differential_test.cpp` on the corpus of `tests/reliability/make_url_corpus.mjs`.'],
};

function securitySection() {
  const out = ['## Security', ''];
  const files = filesMatching(/^security-.+\.jsonl$/);
  const rows = files.flatMap((f) => readLines(path.join(IN, f)).map((r) => ({ ...r, suite: f.replace(/^security-|\.jsonl$/g, '') })));
  if (rows.length === 0) return [...out, `No security results in ${path.relative(REPO, IN)} (run node --test tests/web/{standalone-origins,trusted-types,integrity,drafts}.test.mjs and ctest -R pm_url_differential_tests).`, ''];
  out.push(`${rows.length} cases, ${count(rows, (r) => r.passed)} passed.`, '');
  const order = Object.keys(SECURITY_SUITES);
  const suites = [...new Set(rows.map((r) => r.suite))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  out.push('| area | case | result |', '|---|---|---|');
  for (const suite of suites) {
    for (const r of rows.filter((row) => row.suite === suite)) {
      const result = r.passed ? `pass${r.detail ? ` (${cell(r.detail, 200)})` : ''}` : `**failed**: ${cell(r.error ?? '', 200)}`;
      out.push(`| ${cell(SECURITY_SUITES[suite]?.[0] ?? suite)} | ${cell(r.case, 200)} | ${result} |`);
    }
  }
  out.push('', ...suites.map((s) => `- ${SECURITY_SUITES[s]?.[0] ?? s}: ${SECURITY_SUITES[s]?.[1] ?? ''}`), '');
  return out;
}

const variants = loadCorpus();
const doc = [
  '# Reliability',
  '',
  '<!-- Generated by tools/make-reliability-report.mjs from test-artifacts/reliability; do not edit by hand. -->',
  '',
  'What happens to a person\'s mapping when the network, the server or the input misbehaves, as measured by the ' +
  'reliability tests (issue 7). Regenerate: run the tests (`tools/test`, or `ctest -R reliability` and ' +
  '`node --test tests/web/reliability-*.test.mjs`), then `node tools/make-reliability-report.mjs`.',
  '',
  ...faultSection(),
  ...corpusSection(variants),
  ...fuzzSection(),
  ...securitySection(),
].join('\n');
writeFileSync(OUT, `${doc}\n`);
console.log(`wrote ${path.relative(REPO, OUT)}`);
