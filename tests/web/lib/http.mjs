// HTTP helpers for tests of the API double: authenticated API calls with the headers the widget
// must send, and raw requests for what fetch() would normalise away (e.g. "/../" paths).
import http from 'node:http';
import { DEMO_TOKEN } from '../../../web/sample-jobs/index.mjs';

// Sends an API request; `token: null` / `hooks: false` leave those headers out on purpose.
// Returns { status, headers, text, json } with json undefined when the body is not JSON.
export async function api(baseUrl, method, path, { token = DEMO_TOKEN, hooks = true, body, headers = {} } = {}) {
  const all = { ...headers };
  if (token !== null) all.Authorization = `Bearer ${token}`;
  if (hooks) all['X-Disable-Hooks'] = 'true';
  if (body !== undefined && !('Content-Type' in all)) all['Content-Type'] = 'application/json';
  const res = await fetch(baseUrl + path, {
    method,
    headers: all,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

// A GET whose path is sent byte for byte; resolves { status, headers, body }.
export function rawGet(baseUrl, rawPath) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET', agent: false, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('raw request timed out')));
    req.on('error', reject);
    req.end();
  });
}

// The PUT body a well-behaved client builds from a GET plan response.
export function putBodyFrom(jobPlan) {
  return { ...structuredClone(jobPlan.plan), jobId: jobPlan.job.id, fileId: jobPlan.job.fileId };
}
