// A classic script run before the page's modules: when one of them cannot be used (it failed
// its integrity check, or could not be fetched), the browser runs none of the page's code and
// fires an error event at its tag. This says so on the page instead of leaving it blank.
// The pages load it with `defer`, so that it does not hold up the parser and the fetches of the
// tags after it; deferred scripts and module scripts run in document order, so this listener is
// in place before the page's module script runs or fires its error. A modulepreload that fails
// before then goes unheard here, but the module script importing that file then fails as well.
// Text only (textContent).
window.addEventListener('error', (event) => {
  const tag = event.target;
  if (!(tag instanceof HTMLScriptElement || tag instanceof HTMLLinkElement)) return;
  const file = (tag.getAttribute('src') ?? tag.getAttribute('href') ?? '').replace(/^\.\//, '');
  let problem = document.getElementById('problem');
  if (!problem) {
    problem = document.createElement('p');
    problem.id = 'problem';
    problem.setAttribute('role', 'alert');
    document.body.prepend(problem);
  }
  problem.textContent = `plan-mapper could not be loaded: ${file || 'a file of this page'} failed its integrity check or could not be fetched, ` +
    'so none of its code was run and nothing was sent. Reload the page; if this persists, the site serves a damaged or tampered copy.';
  problem.hidden = false;
  document.getElementById('sign-in')?.setAttribute('hidden', '');
  document.documentElement.dataset.planMapperLoad = 'failed';
}, true);
