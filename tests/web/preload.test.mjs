// The shipped pages (dist/index.html, dist/demo.html) preload their entry script, every module it
// imports statically, directly or through other modules, and the wasm: the browser then fetches
// them all at once instead of level by level as it reads each module's imports (a waterfall of
// round trips before the widget can mount), and the entry without waiting for the parser to reach
// its tag. A module added to the graph without its preload tag
// fails here. Modules imported with import() are loaded later, on demand, and are not preloaded.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DIST_DIR } from './lib/browser.mjs';

const built = existsSync(path.join(DIST_DIR, 'integrity.json'));
const PAGES = { 'demo.html': 'demo.js', 'index.html': 'standalone.js' };

// Every module reached from `entry` through static imports (minified or not), the entry excluded.
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    const text = readFileSync(path.join(DIST_DIR, file), 'utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*)(\(?)\s*["']\.\/([\w.-]+\.js)["']/g)) {
      if (match[1] || seen.has(match[2])) continue;   // import(): loaded on demand
      seen.add(match[2]);
      visit(match[2]);
    }
  };
  visit(entry);
  return seen;
}

describe('module preloads of the shipped pages', { skip: built ? false : 'dist/ not built' }, () => {
  for (const [page, entry] of Object.entries(PAGES)) {
    test(`${page} preloads ${entry}, every module it imports statically, and the wasm`, () => {
      const html = readFileSync(path.join(DIST_DIR, page), 'utf8');
      assert.match(html, new RegExp(`<script type="module" src="\\./${entry.replace('.', '\\.')}"`), `${page} runs ${entry}`);
      const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)"/g)].map((m) => m[1]));
      const graph = staticGraph(entry);
      assert.ok(graph.has('plan-mapper.js') && graph.has('plan-mapper-wasm.js'), `${entry} imports the widget`);
      for (const module of [entry, ...graph]) assert.ok(preloaded.has(module), `${page} has no modulepreload for ./${module}`);
      for (const module of preloaded) assert.ok(module === entry || graph.has(module), `${page} preloads ./${module}, which ${entry} never imports statically`);
      assert.match(html, /<link rel="preload" href="\.\/plan-mapper-wasm\.wasm" as="fetch" type="application\/wasm" crossorigin/);
    });
  }
});
