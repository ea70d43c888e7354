// A local stand-in for Flatfile's job/plan API plus a static server for the built widget, on one
// 127.0.0.1 origin. Tests create it in-process; serve.mjs wraps it as a CLI for manual runs.
//
//   const double = await createServer({ distDir: 'dist', token: 'demo-token' });
//   double.url            -> 'http://127.0.0.1:PORT' (API under double.apiUrl = url + '/v1')
//   double.requestLog     -> RequestLog (all()/find()/clear(); in-process entries keep the token)
//   double.faults         -> FaultQueue (set()/push()/pending()/clear())
//   double.store          -> JobStore (per-job state)
//   double.reset()        -> initial jobs, empty log, no faults
//   await double.close()  -> stops listening and drops open connections
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEMO_TOKEN, loadSampleJobs } from '../sample-jobs/index.mjs';
import { handleApi } from './api-routes.mjs';
import { handleControl } from './control-routes.mjs';
import { FaultQueue, MALFORMED_JSON_BODY } from './faults.mjs';
import { corsHeaders, preflightHeaders, readBody, sendErrors, splitTarget } from './http-util.mjs';
import { JobStore } from './job-store.mjs';
import { RequestLog } from './request-log.mjs';
import { PAGE_CONFIG_PATH, demoPageConfig } from './demo-page-config.mjs';
import { createStaticHandler } from './static-files.mjs';

const HOST = '127.0.0.1';  // never reachable from other machines

export async function createServer({
  distDir = null,
  token = DEMO_TOKEN,
  jobs = loadSampleJobs(),
  port = 0,                 // 0 = a free port chosen by the OS
  completeAfterMs = 500,    // how long an executed job stays "executing"
  onRequest = null,         // called with each finished RequestLog entry (serve.mjs prints it)
  // Answer /plan-mapper.config.json with one that allows this server's origin (the demo and the
  // tests); false serves dist's shipped file, which allows Flatfile's public origins only.
  demoConfig = true,
} = {}) {
  const store = new JobStore(jobs, { completeAfterMs });
  const log = new RequestLog();
  const faults = new FaultQueue();
  const serveStatic = createStaticHandler(distDir);
  let url = '';              // http://127.0.0.1:PORT once listening
  const timers = new Set();
  const reset = () => {
    store.reset();
    log.clear();
    faults.clear();
  };
  const control = { log, faults, token, reset };

  const delay = (ms) => new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

  async function applyFault(fault, req, res) {
    if (fault.ms) await delay(fault.ms);
    if (res.destroyed) return true;
    switch (fault.type) {
      case 'latency':
        return false;  // delayed; now answer normally
      case 'drop':
        res.destroy();
        return true;
      case 'malformed-json':
        res.writeHead(200, { ...corsHeaders(req), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': MALFORMED_JSON_BODY.length });
        res.end(MALFORMED_JSON_BODY);
        return true;
      default: {
        const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
        const headers = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
        sendErrors(req, res, fault.status, [{ message: `Injected fault: HTTP ${fault.status}` }], headers);
        return true;
      }
    }
  }

  async function handle(req, res) {
    const { pathname, query } = splitTarget(req.url);
    const body = await readBody(req);
    if (pathname.startsWith('/__double/')) {
      if (body.tooLarge) return sendErrors(req, res, 413, [{ message: 'Request body too large' }]);
      return handleControl(req, res, pathname, query, body.text, control);
    }

    const entry = log.record({ method: req.method, pathname, query, headers: req.headers, body: body.text });
    const started = performance.now();
    res.on('close', () => {
      entry.status = res.writableFinished ? res.statusCode : null;
      entry.durationMs = Math.round(performance.now() - started);
      onRequest?.(entry);
    });

    if (req.method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req));
      return res.end();
    }
    if (body.tooLarge) return sendErrors(req, res, 413, [{ message: 'Request body too large' }]);
    if (pathname === '/v1' || pathname.startsWith('/v1/')) {
      // Faults match the query too, so a test can fail one page: {"path": "pageNumber=3"}.
      const fault = faults.take(req.method, query ? `${pathname}?${query}` : pathname);
      if (fault) {
        entry.fault = fault.type;
        if (await applyFault(fault, req, res)) return;
      }
      return handleApi(req, res, pathname, body.text, entry, { store, token });
    }
    if (demoConfig && pathname === PAGE_CONFIG_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      const text = JSON.stringify(demoPageConfig(url), null, 2);
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : text);
    }
    return serveStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      // A bug in the double must show up as a loud 500, not as a hung request.
      console.error('[api-double] internal error:', err);
      if (!res.headersSent) sendErrors(req, res, 500, [{ message: `API double internal error: ${err.message}` }]);
      else res.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://${HOST}:${server.address().port}`;

  return {
    url,
    apiUrl: `${url}/v1`,
    port: server.address().port,
    requestLog: log,
    faults,
    store,
    reset,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();  // keep-alive sockets would otherwise hold close() open
      });
    },
  };
}
