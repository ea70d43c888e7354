// Security cases record what they saw for docs/RELIABILITY.md: one JSON line per case in
// test-artifacts/reliability/security-<suite>.jsonl (tools/make-reliability-report.mjs reads them).
//   const cases = securityCases('standalone-origins', { after });
//   cases.test('an unlisted api is refused', { timeout }, async () => { ... });
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RESULTS_DIR = fileURLToPath(new URL('../../../test-artifacts/reliability/', import.meta.url));

export function securityCases(suite, hooks) {
  const rows = [];
  hooks.after(() => {
    if (rows.length === 0) return;                 // skipped (no dist/): keep the last results
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, `security-${suite}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  });
  return {
    test(name, options, body) {
      return test(name, options, async (t) => {
        try {
          await body(t);
          rows.push({ case: name, passed: true });
        } catch (error) {
          rows.push({ case: name, passed: false, error: String(error?.message ?? error).split('\n')[0] });
          throw error;
        }
      });
    },
  };
}
