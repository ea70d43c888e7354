#!/usr/bin/env node
// Our matcher beside react-spreadsheet-import's rule, on the same input in the same headless
// Chromium (issue 17): the synthetic 2,000 sources x 2,000 destinations of pm_matcher_bench
// (bench/matcher/synthetic_fields.h, 5 preview values per source, with the true destination of
// each source), matched by the matcher built to wasm (pm_matcher_web_bench, from build/bench-web)
// and by the rule in tools/bench-matcher/rsi-rule.js, the headers being the sources' labels as a
// file would have them. Prints the median times, their ratio and each one's precision (right /
// proposed) and recall (right / sources with a true destination) as JSON figure lines.
// Usage: node tools/bench-matcher-web.mjs [build dir, default build/bench-web] [--runs N]
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/web/lib/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1])) : 5;
const buildDir = path.resolve(root, args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'build/bench-web');
const report = (name, value, unit, count = 1) => console.log(JSON.stringify({ name, value: Number(value.toFixed(4)), unit, runs: count }));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const files = {
  '/matcher.js': [path.join(buildDir, 'tests/matcher/pm_matcher_web_bench.js'), 'text/javascript'],
  '/pm_matcher_web_bench.wasm': [path.join(buildDir, 'tests/matcher/pm_matcher_web_bench.wasm'), 'application/wasm'],
  '/rsi-rule.js': [path.join(root, 'tools/bench-matcher/rsi-rule.js'), 'text/javascript'],
};
const page = '<!doctype html><meta charset="utf-8"><script src="/rsi-rule.js"></script><body></body>';
const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/') { response.writeHead(200, { 'content-type': 'text/html' }); response.end(page); return; }
  const file = files[url.pathname];
  if (!file) { response.writeHead(404); response.end(); return; }
  response.writeHead(200, { 'content-type': file[1] });
  response.end(readFileSync(file[0]));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  const result = await tab.evaluate(async (runs) => {
    const { default: create } = await import('/matcher.js');
    const module = await create();
    const take = (pointer) => { const text = module.UTF8ToString(pointer); module._free(pointer); return JSON.parse(text); };
    const input = take(module._pm_bench_input(2000, 2000, 5, 42));
    const headers = input.sources.map((s) => s.label);
    const ours = [];
    const theirs = [];
    let oursPredicted = null;
    let theirsPredicted = null;
    for (let i = 0; i < runs; i += 1) {
      const matched = take(module._pm_bench_match());
      ours.push(matched.ms);
      oursPredicted = matched.predicted;
      const started = performance.now();
      theirsPredicted = window.rsiMatch(headers, input.destinations);
      theirs.push(performance.now() - started);
    }
    return { truth: input.truth, ours, theirs, oursPredicted, theirsPredicted };
  }, runs);
  const quality = (predicted) => {
    let proposed = 0;
    let right = 0;
    predicted.forEach((key, i) => { if (key) { proposed += 1; if (key === result.truth[i]) right += 1; } });
    const labelled = result.truth.filter(Boolean).length;
    return { precision: proposed ? right / proposed : 1, recall: labelled ? right / labelled : 1 };
  };
  const oursMs = median(result.ours);
  const theirsMs = median(result.theirs);
  const ours = quality(result.oursPredicted);
  const theirs = quality(result.theirsPredicted);
  report('web.matcher_2000x2000_ms', oursMs, 'ms', runs);
  report('web.rsi_rule_2000x2000_ms', theirsMs, 'ms', runs);
  report('web.matcher_vs_rsi_time_ratio', oursMs / theirsMs, '', runs);
  report('web.matcher_2000x2000_precision', ours.precision, '');
  report('web.matcher_2000x2000_recall', ours.recall, '');
  report('web.rsi_rule_2000x2000_precision', theirs.precision, '');
  report('web.rsi_rule_2000x2000_recall', theirs.recall, '');
} finally {
  await browser.close();
  server.close();
}
