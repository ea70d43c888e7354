// The allowed-origins rules without a browser: which API addresses the widget and the standalone
// page accept, how plan-mapper.config.json is checked, and that the shipped config, its JSON
// schema and the checker agree (the page cannot load a schema library, so the rules live twice).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { FLATFILE_API_ORIGINS, allowedApiOriginsFor, apiUrlProblem, originEntryProblem } from '../../web/widget/allowed-origins.js';

// shell/page-config.js imports ./allowed-origins.js as it sits in dist/: laid out the same way here.
const layout = mkdtempSync(path.join(tmpdir(), 'pm-config-'));
copyFileSync(new URL('../../shell/page-config.js', import.meta.url), path.join(layout, 'page-config.js'));
copyFileSync(new URL('../../web/widget/allowed-origins.js', import.meta.url), path.join(layout, 'allowed-origins.js'));
const { checkPageConfig } = await import(pathToFileURL(path.join(layout, 'page-config.js')).href);

const readJson = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const shipped = readJson('shell/plan-mapper.config.json');
const schema = readJson('shell/plan-mapper.config.schema.json');

test('the shipped config lists exactly Flatfile\'s public https origins and no parent', () => {
  const { config, problem } = checkPageConfig(shipped);
  assert.equal(problem, undefined);
  assert.deepEqual([...config.allowedApiOrigins], [...FLATFILE_API_ORIGINS]);
  assert.deepEqual([...config.allowedParentOrigins], []);
  for (const origin of config.allowedApiOrigins) assert.match(origin, /^https:\/\/[a-z.]+\.flatfile\.com$/);
});

test('an API address is accepted only when its origin is listed', () => {
  const allowed = [...FLATFILE_API_ORIGINS];
  assert.equal(apiUrlProblem('https://api.x.flatfile.com/v1', allowed), null);
  assert.equal(apiUrlProblem('https://platform.eu.flatfile.com/api', allowed), null);
  assert.equal(apiUrlProblem('HTTPS://API.X.FLATFILE.COM:443/v1', allowed), null);   // the same origin, written otherwise
  assert.equal(apiUrlProblem('', allowed), null);                                      // the default
  const refused = {
    'https://attacker.example/v1': /does not send sign-in tokens to https:\/\/attacker\.example/,
    'https://api.x.flatfile.com.attacker.example/v1': /attacker\.example/,
    'https://api.x.flatfile.com@attacker.example/v1': /user name or password|attacker\.example/,
    'https://attacker.example\\@api.x.flatfile.com/v1': /attacker\.example/,
    'https://api.x.flatfile.com./v1': /api\.x\.flatfile\.com\./,
    'https://api.x.flatfile.com:8443/v1': /:8443/,
    'http://api.x.flatfile.com/v1': /http:\/\/api\.x\.flatfile\.com/,
    'http://127.0.0.1:8080': /127\.0\.0\.1:8080/,                                      // loopback only when listed
    'api.x.flatfile.com/v1': /cannot be read/,
    'javascript:alert(1)': /does not send sign-in tokens to null/,
  };
  for (const [url, why] of Object.entries(refused)) {
    const problem = apiUrlProblem(url, allowed);
    assert.ok(problem, `${url} was accepted`);
    assert.match(problem, why, url);
    assert.match(problem, /Nothing was sent/);
  }
  assert.equal(apiUrlProblem('http://127.0.0.1:8080/v1', [...allowed, 'http://127.0.0.1:8080']), null);
});

test('the default list is Flatfile\'s origins plus the page\'s own', () => {
  assert.deepEqual(allowedApiOriginsFor(undefined, 'http://127.0.0.1:9000'), [...FLATFILE_API_ORIGINS, 'http://127.0.0.1:9000']);
  assert.deepEqual(allowedApiOriginsFor(undefined, 'null'), [...FLATFILE_API_ORIGINS]);
  assert.deepEqual([...allowedApiOriginsFor(['https://proxy.example.com'], 'http://127.0.0.1:9000')], ['https://proxy.example.com']);
  assert.throws(() => allowedApiOriginsFor('https://api.x.flatfile.com'), /allowedApiOrigins must be a list/);
  assert.throws(() => allowedApiOriginsFor(['*']), /allowedApiOrigins\[0\]/);
});

test('config entries must be origins as browsers write them', () => {
  const good = ['https://api.x.flatfile.com', 'https://example.com:8443', 'http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:8080'];
  const bad = ['*', 'null', 'https://api.x.flatfile.com/', 'https://api.x.flatfile.com/v1', 'https://API.x.flatfile.com',
    'https://example.com:443', 'http://example.com', 'https://user@example.com', 'ftp://example.com', 'file:///etc', 42, '',
    'https://example.com?x', 'http://10.0.0.1:8080'];
  for (const origin of good) assert.equal(originEntryProblem(origin), null, origin);
  for (const origin of bad) assert.ok(originEntryProblem(origin), `${origin} was accepted`);
  // The schema's patterns say the same of these examples.
  const patterns = schema.$defs.origin.anyOf.map((p) => new RegExp(p.pattern, 'u'));
  const excluded = schema.$defs.origin.not.anyOf.map((p) => new RegExp(p.pattern, 'u'));
  const schemaAccepts = (origin) => typeof origin === 'string' && patterns.some((re) => re.test(origin)) &&
    !excluded.some((re) => re.test(origin));
  for (const origin of good) assert.ok(schemaAccepts(origin), `schema refuses ${origin}`);
  for (const origin of bad) assert.ok(!schemaAccepts(origin), `schema accepts ${origin}`);
});

test('a config that cannot be used says why', () => {
  const cases = [
    [null, /JSON object/],
    [[], /JSON object/],
    [{}, /allowedApiOrigins must be a list/],
    [{ allowedApiOrigins: [] }, /lists no origin/],
    [{ allowedApiOrigins: ['https://api.x.flatfile.com/v1'] }, /allowedApiOrigins\[0\].*write "https:\/\/api\.x\.flatfile\.com"/],
    [{ allowedApiOrigins: ['https://api.x.flatfile.com'], allowedParentOrigins: ['*'] }, /allowedParentOrigins\[0\]/],
    [{ allowedApiOrigins: ['https://api.x.flatfile.com'], allowedApiOrigin: [] }, /unknown member "allowedApiOrigin"/],
  ];
  for (const [document, why] of cases) assert.match(checkPageConfig(document).problem ?? '', why, JSON.stringify(document));
  // The schema forbids the same unknown members and requires the same list.
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$comment', '$schema', 'allowedApiOrigins', 'allowedParentOrigins']);
  assert.deepEqual(schema.required, ['allowedApiOrigins']);
});
