// Script of the standalone page (dist/index.html): reads api and job from the URL and checks the
// API origin against plan-mapper.config.json before anything else; only then asks for the token
// (typed in, or by postMessage from an embedding page the config lists) and mounts the widget.
// Text is set with textContent only.
import { mountPlanMapper } from './plan-mapper.js';
import { apiUrlProblem } from './allowed-origins.js';
import { loadPageConfig } from './page-config.js';

const params = new URLSearchParams(location.search);
const apiUrl = params.get('api') ?? '';
const jobId = params.get('job') ?? '';
const form = document.getElementById('sign-in');
const problem = document.getElementById('problem');
let mounted = false;

// Says why the page will not ask for a token; the sign-in field stays hidden.
function refuse(text) {
  form.hidden = true;
  problem.textContent = text;
  problem.hidden = false;
}

async function start(config, token) {
  if (mounted || !token) return;
  mounted = true;
  form.hidden = true;
  const container = document.getElementById('mapper');
  container.hidden = false;
  window.planMapper = await mountPlanMapper(container, { apiUrl, jobId, token, allowedApiOrigins: config.allowedApiOrigins });
}

// A token handed over by the page that embeds this one, accepted only from an origin the config
// lists. The acknowledgement goes to that exact origin and never carries the token.
function listenForToken(config) {
  if (window.parent === window) return;
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !config.allowedParentOrigins.includes(event.origin)) return;
    const data = event.data;
    if (!data || data.type !== 'plan-mapper:token' || typeof data.token !== 'string' || !data.token) return;
    event.source.postMessage({ type: 'plan-mapper:token-received' }, event.origin);
    start(config, data.token);
  });
  // Tells a listed parent that the page is ready for the token (where the browser names the
  // parent's origin; elsewhere the parent sends it after the frame's load event).
  const parentOrigin = location.ancestorOrigins?.[0];
  if (parentOrigin && config.allowedParentOrigins.includes(parentOrigin)) {
    window.parent.postMessage({ type: 'plan-mapper:ready-for-token' }, parentOrigin);
  }
}

async function main() {
  if (!apiUrl || !jobId) {
    refuse('This page needs ?api=<API URL>&job=<job id> in its address.');
    return;
  }
  const loaded = await loadPageConfig(new URL('./plan-mapper.config.json', import.meta.url));
  if (loaded.problem) {
    refuse(`${loaded.problem} Nothing was sent.`);
    return;
  }
  const refusal = apiUrlProblem(apiUrl, loaded.config.allowedApiOrigins);
  if (refusal) {
    refuse(refusal);
    return;
  }
  document.getElementById('target').textContent = `Job ${jobId} at ${apiUrl}`;
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start(loaded.config, document.getElementById('token').value.trim());
  });
  listenForToken(loaded.config);
}

main();
