// The demo page's script (kept out of the HTML so the page runs under a strict CSP).
import { mountPlanMapper } from './plan-mapper.js';
import { demo } from './demo-config.js';

try {
  window.planMapper = await mountPlanMapper(document.getElementById('mapper'), {
    apiUrl: location.origin, jobId: demo.jobId, token: demo.token,
    onError: (error) => console.warn('plan-mapper error', error),
  });
} catch (error) {
  // E.g. the wasm failed its integrity check: say so on the page (as text).
  const problem = document.createElement('p');
  problem.id = 'problem';
  problem.setAttribute('role', 'alert');
  problem.textContent = error.message;
  document.body.prepend(problem);
}
