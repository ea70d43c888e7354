// Test-control endpoints under /__double/ (no auth: the double binds 127.0.0.1 only, and these
// are how out-of-process tests and the demo page steer it). Not logged and never faulted, so
// reading the log does not change it.
//   GET  /__double/requests[?since=SEQ]  request log, Authorization redacted to valid/invalid/missing
//   POST /__double/reset                 jobs back to their initial state; log and faults cleared
//   GET  /__double/faults                pending faults
//   POST /__double/faults                replace the pending faults with a JSON list ([] clears)
import { preflightHeaders, sendErrors, sendJson } from './http-util.mjs';
import { parseFaults } from './faults.mjs';

export function handleControl(req, res, pathname, query, bodyText, ctx) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, preflightHeaders(req));
    return res.end();
  }
  const route = `${req.method} ${pathname.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__double/requests': {
      const since = Number(new URLSearchParams(query).get('since') ?? 0);
      return sendJson(req, res, 200, { data: ctx.log.redacted(ctx.token, Number.isFinite(since) ? since : 0) });
    }
    case 'POST /__double/reset':
      ctx.reset();
      return sendJson(req, res, 200, { data: { success: true } });
    case 'GET /__double/faults':
      return sendJson(req, res, 200, { data: ctx.faults.pending() });
    case 'POST /__double/faults': {
      let value;
      try {
        value = JSON.parse(bodyText);
      } catch (err) {
        return sendErrors(req, res, 400, [{ key: 'body', message: `Body is not valid JSON: ${err.message}` }]);
      }
      const { errors } = parseFaults(value);
      if (errors.length) return sendErrors(req, res, 400, errors);
      ctx.faults.set(value);
      return sendJson(req, res, 200, { data: { pending: ctx.faults.pending().length } });
    }
    default:
      return sendErrors(req, res, 404, [{ message: `No control route ${route}` }]);
  }
}
