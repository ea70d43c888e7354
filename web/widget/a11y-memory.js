// The mapping memory view of the accessibility mirror (issue 14): the schema's remembered pairs
// as a list, each with "Remove"; "Clear memory"; "Export" (the memory document as JSON in a
// read-only text box, also copied) and "Import" (paste a memory document). Plain buttons and a
// list, all reachable with Tab; results are said in the mirror's live region. Text goes in only
// through textContent and attributes.
import { el, setText } from './a11y-grid.js';
import { NO_MESSAGES } from './messages.js';

// bridge.memory(request) -> answer (MapperApp::memory_request); announce(text) speaks a result;
// messages: the widget's words (messages.js).
export function createMemoryView({ bridge, announce, messages = NO_MESSAGES }) {
  const { t, n } = messages;
  const root = el('section', { 'aria-label': t('memory.title') });
  const heading = el('h2', {}, t('memory.title'));
  const note = el('p', {}, '');
  const toggle = el('button', { type: 'button', 'aria-expanded': 'false' }, t('mirror.memoryShow'));
  const body = el('div', {});
  body.hidden = true;
  const list = el('ul', { 'aria-label': t('mirror.memoryPairs') });
  const clear = el('button', { type: 'button' }, t('mirror.memoryClear'));
  const exportButton = el('button', { type: 'button' }, t('mirror.memoryExport'));
  const importButton = el('button', { type: 'button' }, t('mirror.memoryImport'));
  const text = el('textarea', { 'aria-label': t('mirror.memoryJson'), rows: 4 });
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
    setText(note, entries.length ? n('memory.count', entries.length) : t('memory.empty'));
    for (const entry of entries) {
      const what = entry.destination
        ? t(entry.rejected ? 'mirror.memoryPairRejected' : 'mirror.memoryPair', { header: entry.header, field: entry.destinationLabel })
        : t('mirror.memoryUnmapped', { header: entry.header });
      const item = el('li', {}, n('mirror.memoryUses', entry.count, { what, date: entry.lastUsed }));
      const remove = el('button', { type: 'button', 'aria-label': t('mirror.memoryRemove', { what }) }, t('memory.remove'));
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
    setText(toggle, t(body.hidden ? 'mirror.memoryShow' : 'mirror.memoryHide'));
    if (!body.hidden) refresh();
  });
  clear.addEventListener('click', () => { announce(request({ op: 'clear' }).message ?? ''); refresh(); });
  exportButton.addEventListener('click', () => {
    const answer = request({ op: 'export' });
    if (answer.ok) {
      text.value = JSON.stringify(answer.memory, null, 1);
      navigator.clipboard?.writeText(text.value).catch(() => {});
      announce(t('mirror.memoryExported'));
    }
  });
  importButton.addEventListener('click', () => {
    const answer = request({ op: 'import', memory: text.value });
    announce(answer.ok ? t('mirror.memoryImported') : t('memory.notImported', { message: answer.message }));
    refresh();
  });

  return {
    root,
    // After a change the module reports (learned, forgotten): the open list is read again.
    changed() { if (!body.hidden) refresh(); },
  };
}
