// The TypeScript declarations shipped beside plan-mapper.js: an embedding example type-checks
// against them, and misuse does not (so the declarations are not just `any`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = (file) => spawnSync(process.execPath, [
  'node_modules/typescript/bin/tsc', '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022',
  '--moduleResolution', 'bundler', '--lib', 'es2022,dom', '--allowJs', 'false', file,
], { cwd: root, encoding: 'utf8' });

test('the embedding example type-checks against plan-mapper.d.ts', () => {
  const result = tsc('tests/web/types/embed-example.ts');
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('misuse is rejected by the declarations', () => {
  const result = tsc('tests/web/types/misuse-example.ts');
  assert.notEqual(result.status, 0);
  const errors = result.stdout.split('\n').filter((line) => line.includes('error TS'));
  assert.equal(errors.length, 5, result.stdout);
});

test('plan-mapper.js passes its own // @ts-check (checkJs against the DOM types)', () => {
  const source = readFileSync(`${root}/web/widget/plan-mapper.js`, 'utf8');
  assert.match(source.split('\n')[0], /^\/\/ @ts-check$/);
  const result = spawnSync(process.execPath, [
    'node_modules/typescript/bin/tsc', '--noEmit', '--allowJs', '--checkJs', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', '--lib', 'es2022,dom', 'web/widget/plan-mapper.js',
  ], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
