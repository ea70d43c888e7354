#!/usr/bin/env node
// Dev server CLI: the API double plus dist/ on one 127.0.0.1 origin, until SIGINT/SIGTERM.
//   node web/server/serve.mjs [--port 8080] [--dist dist] [--token demo-token] [--quiet]
// Prints the demo and API URLs on stdout (a test or script can wait for them) and one line per
// request on stderr, with the bearer token reduced to auth=valid|invalid|missing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_JOB_ID, DEMO_TOKEN, LARGE_JOB_ID, ORDERS_JOB_ID } from '../sample-jobs/index.mjs';
import { createServer } from './api-double.mjs';
import { formatLogLine } from './request-log.mjs';

const USAGE = 'usage: node web/server/serve.mjs [--port 8080] [--dist dist] [--token demo-token] [--quiet]';

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        dist: { type: 'string', default: 'dist' },
        token: { type: 'string', default: DEMO_TOKEN },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (values.help || !Number.isInteger(port) || port < 0 || port > 65535 || values.token === '') throw new Error('bad arguments');
    return { ...values, port, dist: path.resolve(values.dist) };
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
}

const opts = options();
if (!existsSync(path.join(opts.dist, 'demo.html'))) {
  console.error(`[serve] note: ${path.join(opts.dist, 'demo.html')} does not exist yet (build the web target); the API double works regardless`);
}

let double;
try {
  double = await createServer({
    distDir: opts.dist,
    token: opts.token,
    port: opts.port,
    onRequest: opts.quiet ? null : (entry) => console.error(`[serve] ${formatLogLine(entry, opts.token)}`),
  });
} catch (err) {
  console.error(`[serve] cannot listen on 127.0.0.1:${opts.port}: ${err.message}`);
  process.exit(1);
}

console.log(`plan-mapper demo: ${double.url}/demo.html`);
console.log(`API double: ${double.apiUrl}`);
console.log(`jobs: ${DEMO_JOB_ID} (demo), ${LARGE_JOB_ID} (324 columns), ${ORDERS_JOB_ID} (24,000 rows); control: ${double.url}/__double/requests`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`[serve] ${signal}: stopping`);
  await double.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
