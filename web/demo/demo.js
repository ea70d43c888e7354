// The demo page's script (kept out of the HTML so the page runs under a strict CSP).
import { mountPlanMapper } from './plan-mapper.js';
import { demo } from './demo-config.js';

window.planMapper = await mountPlanMapper(document.getElementById('mapper'), {
  apiUrl: location.origin, jobId: demo.jobId, token: demo.token,
  onError: (error) => console.warn('plan-mapper error', error),
});
