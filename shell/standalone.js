// Script of the standalone page (dist/index.html): reads api and job from the URL, gets the token
// by postMessage or from the sign-in field, then mounts the widget. Text is set with textContent only.
import { mountPlanMapper } from './plan-mapper.js';

const params = new URLSearchParams(location.search);
const apiUrl = params.get('api') ?? '';
const jobId = params.get('job') ?? '';
const form = document.getElementById('sign-in');
const problem = document.getElementById('problem');
let mounted = false;

async function start(token) {
  if (mounted || !token) return;
  mounted = true;
  form.hidden = true;
  const container = document.getElementById('mapper');
  container.hidden = false;
  window.planMapper = await mountPlanMapper(container, { apiUrl, jobId, token });
}

if (!apiUrl || !jobId) {
  form.hidden = false;
  problem.hidden = false;
  problem.textContent = 'This page needs ?api=<API URL>&job=<job id> in its address.';
  form.querySelector('button').disabled = true;
} else {
  document.getElementById('target').textContent = `Job ${jobId} at ${apiUrl}`;
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start(document.getElementById('token').value.trim());
  });
  window.addEventListener('message', (event) => {
    // Only the page that embeds this one may hand over a token.
    if (event.source !== window.parent || window.parent === window) return;
    const data = event.data;
    if (data && data.type === 'plan-mapper:token' && typeof data.token === 'string') start(data.token);
  });
}
