#!/usr/bin/env node
// Generates the corpus of tricky URLs for the differential test of the request guard's URL
// reading (url_differential_test.cpp), and reads each one with the WHATWG URL parser (node's, the
// same standard browsers follow). Prints one JSON line per URL:
//   {"url": "...", "whatwg": {"scheme": "https", "host": "api.x.flatfile.com", "port": 443}}
// or "whatwg": null when the WHATWG parser refuses it or it is not http(s).
// The corpus crosses schemes, separators, user info, hosts (case, trailing dots, IDNA, odd IPv4
// forms, IPv6, percent-encoding, control characters), ports and what follows the authority.
//   node tests/reliability/make_url_corpus.mjs [--count]
const schemes = ['https', 'http', 'HTTPS', 'hTtP'];
const separators = ['://', ':\\\\', ':/\\', ':///', ':/', ':'];
const userInfos = ['', 'user@', 'user:pass@', 'api.x.flatfile.com@', '@', 'a%40b@', 'evil.example\\@', ':@', 'x:y:z@'];
const hosts = [
  'api.x.flatfile.com', 'API.X.Flatfile.COM', 'api.x.flatfile.com.', 'api..flatfile.com', '.api.x.flatfile.com',
  'platform.eu.flatfile.com', 'xn--bcher-kva.example', 'bücher.example', '\uff21\uff30\uff29.example', 'api\u3002x.flatfile.com',
  'api%2ex.flatfile.com', '%61pi.example', 'ex%00ample.com', '127.0.0.1', '127.1', '0x7f.0.0.1', '0177.0.0.1',
  '2130706433', '127.0.0.01', '127.000.000.001', '1.2.3.4.', '256.0.0.1', '127.0.0.1.', '0x7F000001', '127.0.0.0x1',
  'localhost', 'LOCALHOST', 'localhost.', 'localhost..', '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]',
  '[::1%25lo]', '[::1', '::1', '[1::2::3]', '[::FFFF:7f00:1]', 'a_b.example', 'exa mple.com', 'example.com\t',
  'ex\nample.com', 'example.0x10', 'example.123', '1.example', '-a.example', 'a-.example', `${'a'.repeat(63)}.example`,
  `${'a'.repeat(64)}.example`, 'example.com\u00ad', 'exam\u200bple.com', '', 'x', '1', 'ex!ample.com', 'ex$ample.com',
];
const ports = ['', ':443', ':80', ':8080', ':0', ':1', ':65535', ':65536', ':', ':08080', ':+80', ':8 0', ':0x50', ':-1', ':99999999999'];
const suffixes = ['', '/', '/v1', '/v1?x=@evil.example', '#@evil.example', '?a=1', '/../x', '\\evil.example/', ';x', '/%2e%2e/', '?@', '#'];

function* corpus() {
  for (const host of hosts) {
    for (const port of ports) for (const user of userInfos) yield `https://${user}${host}${port}/v1`;
    for (const scheme of schemes) for (const separator of separators) yield `${scheme}${separator}${host}/v1`;
    for (const suffix of suffixes) for (const user of ['', 'user@']) yield `http://${user}${host}:8080${suffix}`;
  }
  // Whitespace and controls around the whole address, which WHATWG strips and others may not.
  for (const wrap of [' ', '\t', '\n', '\u0000', '\u001f']) {
    yield `${wrap}https://api.x.flatfile.com/v1`;
    yield `https://api.x.flatfile.com/v1${wrap}`;
    yield `ht${wrap}tps://api.x.flatfile.com/v1`;
  }
}

function whatwg(text) {
  let url;
  try { url = new URL(text); } catch { return null; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const scheme = url.protocol.slice(0, -1);
  return { scheme, host: url.hostname, port: url.port ? Number(url.port) : scheme === 'https' ? 443 : 80 };
}

const urls = [...new Set(corpus())];
if (process.argv.includes('--count')) {
  console.log(urls.length);
} else {
  process.stdout.write(urls.map((url) => JSON.stringify({ url, whatwg: whatwg(url) })).join('\n') + '\n');
}
