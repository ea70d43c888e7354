// The double's record of the requests it received, for tests to assert on: in-process through
// RequestLog, from other processes through GET /__double/requests (token redacted there), and as
// one console line per request in serve.mjs (never with the token).

const MAX_ENTRIES = 5000;  // bounded memory for long dev sessions; tests see far fewer

export class RequestLog {
  constructor() {
    this.entries = [];
    this.nextSeq = 1;
  }

  // Headers arrive lower-cased from node:http; they are copied so later mutation cannot leak in.
  record({ method, pathname, query, headers, body }) {
    const entry = {
      seq: this.nextSeq++,
      time: new Date().toISOString(),
      method,
      path: pathname,
      query,
      headers: { ...headers },
      body,
      status: null,       // filled in when the response finishes (null if the connection dropped)
      durationMs: null,
      errors: null,       // the {key,message} list of a 4xx/5xx answer, for diagnostics
      fault: null,        // the injected fault that answered instead of the API, if any
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return entry;
  }

  all() { return [...this.entries]; }

  clear() { this.entries.length = 0; }

  find(method, path) { return this.entries.filter((e) => e.method === method && e.path === path); }

  // A copy safe to hand to other processes: the Authorization value is replaced by whether it
  // carried the expected token, which is what a test needs to know.
  redacted(token, sinceSeq = 0) {
    return this.entries.filter((e) => e.seq > sinceSeq).map((e) => ({ ...e, headers: redactHeaders(e.headers, token) }));
  }
}

export function authState(headers, token) {
  const value = headers.authorization;
  if (!value) return 'missing';
  return value === `Bearer ${token}` ? 'valid' : 'invalid';
}

export function redactHeaders(headers, token) {
  if (!('authorization' in headers)) return { ...headers };
  return { ...headers, authorization: `[REDACTED ${authState(headers, token)}]` };
}

// One console line, e.g. "PUT /v1/jobs/us_jb_x/plan -> 400 (3 ms) auth=valid | fieldMapping: ...".
export function formatLogLine(entry, token) {
  const parts = [`${entry.method} ${entry.path} -> ${entry.status ?? 'dropped'} (${entry.durationMs ?? '?'} ms)`];
  // Preflights never carry credentials, so auth state is only interesting on real API calls.
  if (entry.path.startsWith('/v1') && entry.method !== 'OPTIONS') parts.push(`auth=${authState(entry.headers, token)}`);
  if (entry.fault) parts.push(`fault=${entry.fault}`);
  let line = parts.join(' ');
  if (entry.errors?.length) line += ' | ' + entry.errors.slice(0, 3).map((e) => (e.key ? `${e.key}: ${e.message}` : e.message)).join('; ');
  return line;
}
