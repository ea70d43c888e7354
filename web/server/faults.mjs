// One-shot fault injection for API requests (/v1/...). Each fault answers exactly one matching
// request instead of (or, for latency, before) the normal handler, in the order queued.
//
// Fault spec (JSON), all members but `type` optional:
//   {"type":"latency", "ms":1500}                     delay, then answer normally
//   {"type":"status", "status":503}                   answer that status with an Errors body
//   {"type":"status", "status":429, "retryAfter":2}   429 carries Retry-After (default 1 s)
//   {"type":"drop"}                                   close the connection without an answer
//   {"type":"malformed-json"}                         200 with a truncated JSON body; the request is NOT applied
//   "method":"PUT"   only requests with this method      "path":"/plan"   only paths containing this
//                                                         (the query included: "pageNumber=3")
//   "ms":200         (on any type) wait this long first, e.g. a slow drop looks like a timeout

const TYPES = new Set(['latency', 'status', 'drop', 'malformed-json']);
const MAX_DELAY_MS = 60_000;  // a fault must never hold a test longer than the client's own timeout
const MAX_QUEUE = 1000;

// Returns { faults, errors } with errors in Flatfile's {key, message} shape.
export function parseFaults(value) {
  const list = Array.isArray(value) ? value : value?.faults;
  if (!Array.isArray(list)) return { faults: [], errors: [{ key: 'body', message: 'expected a JSON array of faults (or {"faults": [...]})' }] };
  if (list.length > MAX_QUEUE) return { faults: [], errors: [{ key: 'body', message: `at most ${MAX_QUEUE} faults` }] };
  const errors = [];
  const faults = list.map((f, i) => {
    const at = `[${i}]`;
    if (typeof f !== 'object' || f === null) {
      errors.push({ key: at, message: 'must be an object' });
      return null;
    }
    if (!TYPES.has(f.type)) errors.push({ key: `${at}.type`, message: `must be one of ${[...TYPES].join(', ')}` });
    if (f.ms !== undefined && !(Number.isInteger(f.ms) && f.ms >= 0 && f.ms <= MAX_DELAY_MS)) errors.push({ key: `${at}.ms`, message: `must be an integer 0..${MAX_DELAY_MS}` });
    if (f.type === 'latency' && f.ms === undefined) errors.push({ key: `${at}.ms`, message: 'is required for latency' });
    if (f.type === 'status' && !(Number.isInteger(f.status) && f.status >= 400 && f.status <= 599)) errors.push({ key: `${at}.status`, message: 'must be an integer 400..599' });
    if (f.retryAfter !== undefined && !(Number.isInteger(f.retryAfter) && f.retryAfter >= 0)) errors.push({ key: `${at}.retryAfter`, message: 'must be a non-negative integer (seconds)' });
    for (const member of ['method', 'path']) {
      if (f[member] !== undefined && typeof f[member] !== 'string') errors.push({ key: `${at}.${member}`, message: 'must be a string' });
    }
    return { type: f.type, ms: f.ms ?? 0, status: f.status, retryAfter: f.retryAfter, method: f.method?.toUpperCase(), path: f.path };
  });
  return errors.length ? { faults: [], errors } : { faults, errors };
}

export class FaultQueue {
  constructor() { this.queue = []; }

  // Replaces the queue (so posting [] clears it); validated like the HTTP endpoint.
  set(list) {
    const { faults, errors } = parseFaults(list);
    if (errors.length) throw new Error(`invalid faults: ${errors.map((e) => `${e.key} ${e.message}`).join('; ')}`);
    this.queue = faults;
  }

  push(...specs) {
    const { faults, errors } = parseFaults(specs);
    if (errors.length) throw new Error(`invalid faults: ${errors.map((e) => `${e.key} ${e.message}`).join('; ')}`);
    this.queue.push(...faults);
  }

  pending() { return this.queue.map((f) => ({ ...f })); }

  clear() { this.queue = []; }

  // Removes and returns the first fault matching this request, or null.
  take(method, pathname) {
    const i = this.queue.findIndex((f) => (!f.method || f.method === method) && (!f.path || pathname.includes(f.path)));
    return i === -1 ? null : this.queue.splice(i, 1)[0];
  }
}

// A body that any JSON parser rejects yet looks like the start of a real plan response.
export const MALFORMED_JSON_BODY = '{"data":{"job":{"id":"';
