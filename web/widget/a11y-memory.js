// The mapping memory view of the accessibility mirror (issue 14): the schema's remembered pairs
// as a list, each with "Remove"; "Clear memory"; "Export" (the memory document as JSON in a
// read-only text box, also copied) and "Import" (paste a memory document). Plain buttons and a
// list, all reachable with Tab; results are said in the mirror's live region. Text goes in only
// through textContent and attributes.
import { el, setText } from './a11y-grid.js';

// bridge.memory(request) -> answer (MapperApp::memory_request); announce(text) speaks a result.
export function createMemoryView({ bridge, announce }) {
  const root = el('section', { 'aria-label': 'Mapping memory' });
  const heading = el('h2', {}, 'Mapping memory');
  const note = el('p', {}, '');
  const toggle = el('button', { type: 'button', 'aria-expanded': 'false' }, 'Show mapping memory');
  const body = el('div', {});
  body.hidden = true;
  const list = el('ul', { 'aria-label': 'Remembered pairs' });
  const clear = el('button', { type: 'button' }, 'Clear memory');
  const exportButton = el('button', { type: 'button' }, 'Export memory');
  const importButton = el('button', { type: 'button' }, 'Import memory');
  const text = el('textarea', { 'aria-label': 'Memory as JSON', rows: 4 });
  body.append(list, clear, exportButton, importButton, text);
  root.append(heading, note, toggle, body);

  const request = (payload) => bridge.memory(payload);

  function refresh() {
    const answer = request({ op: 'list' });
    list.replaceChildren();
    if (answer.ok === false) {
      setText(note, answer.message ?? '');
      return;
    }
    const entries = answer.entries ?? [];
    setText(note, entries.length ? `${entries.length} remembered for this schema.` : 'Nothing is remembered for this schema yet.');
    for (const entry of entries) {
      const what = entry.destination
        ? `"${entry.header}" to ${entry.destinationLabel}${entry.rejected ? ', rejected' : ''}`
        : `"${entry.header}" left unmapped`;
      const item = el('li', {}, `${what}: ${entry.count} ${entry.count === 1 ? 'import' : 'imports'}, last on ${entry.lastUsed}. `);
      const remove = el('button', { type: 'button', 'aria-label': `Remove ${what}` }, 'Remove');
      remove.addEventListener('click', () => {
        const done = request({ op: 'remove', header: entry.header, destination: entry.destination });
        announce(done.message ?? '');
        refresh();
      });
      item.appendChild(remove);
      list.appendChild(item);
    }
  }

  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', body.hidden ? 'false' : 'true');
    setText(toggle, body.hidden ? 'Show mapping memory' : 'Hide mapping memory');
    if (!body.hidden) refresh();
  });
  clear.addEventListener('click', () => { announce(request({ op: 'clear' }).message ?? ''); refresh(); });
  exportButton.addEventListener('click', () => {
    const answer = request({ op: 'export' });
    if (answer.ok) {
      text.value = JSON.stringify(answer.memory, null, 1);
      navigator.clipboard?.writeText(text.value).catch(() => {});
      announce('The memory is in the text box as JSON.');
    }
  });
  importButton.addEventListener('click', () => {
    const answer = request({ op: 'import', memory: text.value });
    announce(answer.ok ? 'Memory imported.' : `Not imported: ${answer.message}`);
    refresh();
  });

  return {
    root,
    // After a change the module reports (learned, forgotten): the open list is read again.
    changed() { if (!body.hidden) refresh(); },
  };
}
