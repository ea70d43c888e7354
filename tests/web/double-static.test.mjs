// Static serving of the built widget: MIME types browsers require, index.html for "/", and no
// way out of the served directory (the parent holds a file the tests try to steal).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createServer } from '../../web/server/api-double.mjs';
import { rawGet } from './lib/http.mjs';

const SECRET = 'secret-outside-dist-7f3a';
const PACKED = `export const text = ${JSON.stringify('compressible '.repeat(200))};\n`;
const FILES = {
  'index.html': ['<!doctype html><title>index</title>', 'text/html'],
  'demo.html': ['<!doctype html><title>demo</title>', 'text/html'],
  'plan_mapper.js': ['export default 1;', 'text/javascript'],
  'loader.mjs': ['export {};', 'text/javascript'],
  'plan_mapper.wasm': ['\0asm\x01\0\0\0', 'application/wasm'],
  'data.json': ['{}', 'application/json'],
  'fonts/Inter.ttf': ['ttf', 'font/ttf'],
  'logo.png': ['png', 'image/png'],
  'style.css': ['body{}', 'text/css'],
  'icon.svg': ['<svg/>', 'image/svg+xml'],
};

describe('API double: static files', () => {
  let workDir;
  let double;
  before(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'pm-static-'));
    const dist = path.join(workDir, 'dist');
    mkdirSync(path.join(dist, 'fonts'), { recursive: true });
    for (const [name, [content]] of Object.entries(FILES)) writeFileSync(path.join(dist, name), content);
    writeFileSync(path.join(workDir, 'secret.txt'), SECRET);
    symlinkSync(path.join(workDir, 'secret.txt'), path.join(dist, 'link.txt'));
    writeFileSync(path.join(dist, 'packed.js'), PACKED);
    writeFileSync(path.join(dist, 'packed.js.br'), brotliCompressSync(PACKED));
    writeFileSync(path.join(dist, 'packed.js.gz'), gzipSync(PACKED));
    double = await createServer({ distDir: dist });
  });
  after(async () => {
    await double?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  test('each file type is served with its MIME type and exact bytes', async () => {
    for (const [name, [content, type]] of Object.entries(FILES)) {
      const res = await fetch(`${double.url}/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('content-type').split(';')[0], type, name);
      assert.equal(await res.text(), content, name);
    }
  });

  test('"/" serves index.html; HEAD has headers only', async () => {
    const res = await fetch(`${double.url}/`);
    assert.equal(await res.text(), FILES['index.html'][0]);
    const head = await fetch(`${double.url}/demo.html`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(FILES['demo.html'][0].length));
    assert.equal(await head.text(), '');
  });

  test('the .br or .gz copy goes out when the browser takes it, with the original type', async () => {
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', null]]) {
      const res = await fetch(`${double.url}/packed.js`, { headers: { 'Accept-Encoding': accept } });
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers.get('content-encoding'), encoding, accept);
      assert.equal(res.headers.get('content-type').split(';')[0], 'text/javascript', accept);
      assert.equal(await res.text(), PACKED, `${accept}: decodes to the file`);
    }
  });

  test('missing files are 404, other methods 405', async () => {
    assert.equal((await fetch(`${double.url}/nope.js`)).status, 404);
    assert.equal((await fetch(`${double.url}/demo.html`, { method: 'POST' })).status, 405);
  });

  test('traversal attempts are refused and never leak the file outside dist', async () => {
    const attempts = [
      '/../secret.txt', '/fonts/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt', '/fonts/..%5c..%5csecret.txt', '/..\\secret.txt', '/%00index.html',
      '/link.txt', '/%E0%A4%A', 'secret.txt',
    ];
    for (const attempt of attempts) {
      const res = await rawGet(double.url, attempt);
      assert.ok([400, 403, 404].includes(res.status), `${attempt} -> ${res.status}`);
      assert.ok(!res.body.includes(SECRET), `${attempt} leaked the secret`);
    }
  });
});

test('without a dist directory the double still answers, with 404 for pages', async () => {
  const double = await createServer({ distDir: null });
  try {
    const res = await fetch(`${double.url}/demo.html`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /no dist directory/);
  } finally {
    await double.close();
  }
});
