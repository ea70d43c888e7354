// The accessibility mirror: a visually hidden DOM subtree beside the canvas, inside the widget's
// region landmark that says and does what
// the canvas panel says and does, for screen readers and keyboard users. Built from the module's
// session state (src/app/mirror_model.h), never from pixels; its edits go through the module
// (src/app/mirror_actions.h) exactly like the canvas's, so undo works across both. The region holds:
// counts, Undo / Redo / Bulk actions (a menu button) / Review and submit, a search box and filter
// chips, the source columns as a virtualized grid with one destination combobox per row (enum rows
// add a disclosure and a select per value), the destination fields as a second grid, the review as
// a modal dialog, and live regions for outcomes (role=status) and errors (role=alert).
// DOM text only through textContent and attributes: server and file text is data, never markup.
import { DestinationCombobox } from './a11y-combobox.js';
import { el, setAttr, setText, VirtualGrid, WINDOW_ROWS } from './a11y-grid.js';
import { createMemoryView } from './a11y-memory.js';

// Present in the accessibility tree and the tab order, invisible on screen (the canvas shows the
// focus instead: the row whose control has the keyboard gets a ring there).
const HIDDEN_STYLE = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;margin:-1px;padding:0;border:0';

const CHIPS = [['unmapped', 'Unmapped'], ['requiredMissing', 'Required missing'], ['lowConfidence', 'Low confidence'], ['changed', 'Changed']];
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// bridge: { stateText(firstRow, rows, firstDestination, destinations) -> JSON text, options(source,
// query, limit) -> object, action(object) -> {ok, announcement} } (web/widget/plan-mapper.js).
// `container` is the widget's region landmark (plan-mapper.js), which holds the canvas too.
export function createA11yMirror({ container, bridge }) {
  const root = el('div', { 'data-plan-mapper-mirror': '' });
  root.style.cssText = HIDDEN_STYLE;
  const status = el('div', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let searchAnnounce = 0;        // the search's count, said once typing pauses
  let pendingAnnouncement = 0;   // the status text about to be set
  const alert = el('div', { role: 'alert' });
  const heading = el('h2', {}, 'Map fields');
  const loading = el('p', {}, 'Loading the plan...');
  const counts = el('p');
  const saved = el('p');
  const problem = el('p');

  let state = { loaded: false };
  let lastText = '';
  let rowWindow = 0;
  let destinationWindow = 0;
  let reviewReturnFocus = null;

  // The module draws a frame after every action (bridge.action asks for one); the mirror is brought
  // up to date after that frame, when the panel's view has been rebuilt for it anyway.
  const act = (action) => {
    if (action.source) sourceGrid.invalidate((row) => row.key === action.source);
    if (action.destination) sourceGrid.invalidate((row) => row.destination?.key === action.destination);
    const outcome = bridge.action(action);
    if (outcome.announcement) (outcome.ok ? announce : raiseAlert)(outcome.announcement);
    // Refused: nothing changed in the module, so no update comes; the controls go back now.
    if (!outcome.ok && state.loaded) render();
    return outcome;
  };

  function announce(text) {
    // The newest outcome wins: a search count still waiting for typing to pause, or another
    // announcement not yet shown, is dropped (it would otherwise replace this newer one).
    clearTimeout(searchAnnounce);
    clearTimeout(pendingAnnouncement);
    // Cleared first so the same words said twice are announced twice.
    status.textContent = '';
    pendingAnnouncement = setTimeout(() => { status.textContent = text; }, 30);
  }
  function raiseAlert(text) {
    alert.textContent = '';
    setTimeout(() => { alert.textContent = text; }, 30);
  }

  // Header: actions, bulk menu, search and chips.
  const toolbar = el('div', { role: 'toolbar', 'aria-label': 'Mapping actions' });
  const undo = el('button', { type: 'button' }, 'Undo');
  const redo = el('button', { type: 'button' }, 'Redo');
  const bulk = el('button', { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, 'Bulk actions');
  const menu = el('ul', { role: 'menu', 'aria-label': 'Bulk actions', hidden: true });
  bulk.setAttribute('aria-controls', menu.id = `plan-mapper-bulk-${Math.random().toString(36).slice(2, 8)}`);
  const review = el('button', { type: 'button' }, 'Review and submit');
  undo.addEventListener('click', () => { if (undo.getAttribute('aria-disabled') !== 'true') act({ op: 'undo' }); });
  redo.addEventListener('click', () => { if (redo.getAttribute('aria-disabled') !== 'true') act({ op: 'redo' }); });
  review.addEventListener('click', () => {
    if (review.getAttribute('aria-disabled') === 'true') return;
    reviewReturnFocus = document.activeElement;
    act({ op: 'review', open: true });
  });
  toolbar.append(undo, redo, bulk, menu, review);

  function menuItems() {
    const items = [];
    if (state.suggestions) items.push(['Accept suggestions scoring at least 90%', { op: 'bulk', action: 'acceptSuggestions', threshold: 0.9 }]);
    items.push(['Do not import any unmapped column', { op: 'bulk', action: 'ignoreUnmapped' }]);
    items.push(["Reset to the server's plan", { op: 'bulk', action: 'reset' }]);
    items.push(['Clear all mappings', { op: 'bulk', action: 'clear' }]);
    return items;
  }
  function openMenu() {
    menu.replaceChildren();
    for (const [text, action] of menuItems()) {
      const item = el('li', { role: 'menuitem', tabindex: -1 }, text);
      item.addEventListener('click', () => { closeMenu(); act(action); });
      menu.appendChild(item);
    }
    menu.hidden = false;
    bulk.setAttribute('aria-expanded', 'true');
    menu.firstChild.focus();
  }
  function closeMenu(refocus = true) {
    if (menu.hidden) return;
    menu.hidden = true;
    bulk.setAttribute('aria-expanded', 'false');
    if (refocus) bulk.focus();
  }
  bulk.addEventListener('click', () => (menu.hidden ? openMenu() : closeMenu()));
  bulk.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') { event.preventDefault(); openMenu(); }
  });
  menu.addEventListener('keydown', (event) => {
    const items = [...menu.children];
    const at = items.indexOf(document.activeElement);
    const go = (i) => items[(i + items.length) % items.length].focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') closeMenu();
    else if (event.key === 'Enter' || event.key === ' ') /** @type {HTMLElement} */ (document.activeElement).click();
    else if (event.key === 'Tab') closeMenu(false);
    else return;
    event.preventDefault();
  });
  menu.addEventListener('focusout', (event) => { if (!menu.contains(event.relatedTarget) && event.relatedTarget !== bulk) closeMenu(false); });

  const search = el('input', { type: 'search', 'aria-label': 'Search fields', autocomplete: 'off' });
  const applySearch = () => {
    const outcome = bridge.action({ op: 'filter', text: search.value });
    clearTimeout(searchAnnounce);
    // Said once typing pauses, not after every character.
    searchAnnounce = setTimeout(() => (outcome.ok ? announce : raiseAlert)(outcome.announcement), 600);
    rowWindow = 0;
  };
  search.addEventListener('input', () => { if (!search.composing) applySearch(); });
  search.addEventListener('compositionstart', () => { search.composing = true; });
  search.addEventListener('compositionend', () => { search.composing = false; applySearch(); });

  const chips = el('div', { role: 'group', 'aria-label': 'Filters' });
  const chipButtons = new Map();
  for (const [name, text] of CHIPS) {
    const button = el('button', { type: 'button', 'aria-pressed': 'false' }, text);
    button.addEventListener('click', () => {
      rowWindow = 0;
      act({ op: 'chip', chip: name, on: button.getAttribute('aria-pressed') !== 'true' });
    });
    chipButtons.set(name, button);
    chips.appendChild(button);
  }

  // The source grid.
  const combobox = new DestinationCombobox({
    fetchOptions: (source, query, limit) => bridge.options(source, query, limit),
    pick(source, option) {
      if (option.kind === 'none') act({ op: 'notMapped', source });
      else if (option.kind === 'ignore') act({ op: 'ignore', source });
      else act({ op: 'map', source, destination: option.key });
    },
  });

  function renderSourceRow(data) {
    const row = el('div', { role: 'row' });
    const first = el('div', { role: 'gridcell', 'aria-colindex': 1 });
    let firstFocus = first;
    first.appendChild(el('span', {}, data.label));
    if (data.key !== data.label) first.appendChild(el('span', {}, ` (key ${data.key})`));
    if (data.ignored) first.appendChild(el('span', {}, ', not imported'));
    if (data.changed) first.appendChild(el('span', {}, ', edited'));
    let group = null;
    if (data.enum) {
      const destinationName = data.destination.label;
      const toggle = el('button', { type: 'button', 'aria-expanded': data.enum.expanded ? 'true' : 'false' }, `Values of ${destinationName}`);
      if (data.enum.open) toggle.setAttribute('aria-description', `${plural(data.enum.open, 'value')} without an option`);
      toggle.addEventListener('click', () => act({ op: 'expand', destination: data.destination.key, open: !data.enum.expanded }));
      first.appendChild(toggle);
      firstFocus = toggle;
      if (data.enum.expanded) group = enumGroup(data);
    } else {
      first.tabIndex = -1;
    }
    const samples = el('div', { role: 'gridcell', 'aria-colindex': 2, tabindex: -1 }, data.samples.length ? data.samples.join(', ') : 'no samples');
    const pickerCell = el('div', { role: 'gridcell', 'aria-colindex': 3 });
    const shown = data.destination ? data.destination.label : data.ignored ? 'Do not import' : 'Not mapped';
    const input = combobox.create(data.key, `Destination for ${data.label}`, shown);
    pickerCell.appendChild(input);
    if (group) pickerCell.appendChild(group);
    const certainty = el('div', { role: 'gridcell', 'aria-colindex': 4, tabindex: -1 });
    const notes = [];
    if (data.certainty) notes.push(data.certainty);
    if (data.remembered) notes.push('remembered');
    if (data.typeWarning) notes.push(`type warning: ${data.typeWarning}`);
    if (data.message) notes.push(`Flatfile: ${data.message}`);
    certainty.textContent = notes.length ? notes.join('; ') : data.destination ? 'set here' : '';
    if (data.reason) certainty.setAttribute('aria-description', data.reason);
    // A pair the mapping memory proposed: its reason, and "Forget this" as the cell's control.
    let certaintyFocus = certainty;
    if (data.remembered && bridge.memory) {
      certainty.setAttribute('aria-description', data.remembered);
      const forget = el('button', { type: 'button', tabindex: -1, 'aria-label': `Forget this: ${data.remembered}` }, 'Forget this');
      forget.addEventListener('click', () => {
        const answer = bridge.memory({ op: 'forget', source: data.key });
        announce(answer.message ?? '');
      });
      certainty.appendChild(document.createTextNode(' '));
      certainty.appendChild(forget);
      certaintyFocus = forget;
    }
    row.append(first, samples, pickerCell, certainty);
    return { row, focusables: [firstFocus, samples, input, certaintyFocus] };
  }

  function enumGroup(data) {
    const destinationName = data.destination.label;
    const group = el('div', { role: 'group', 'aria-label': `Values of ${destinationName}` });
    for (const value of data.enum.values) {
      const select = el('select', { 'aria-label': `${destinationName} value ${value.text}` });
      const none = el('option', { value: '' }, 'No value');
      select.appendChild(none);
      for (const [i, option] of data.enum.options.entries()) {
        const item = el('option', { value: String(i) }, option.text);
        if (value.option !== null && JSON.stringify(value.option) === JSON.stringify(option.value)) item.selected = true;
        select.appendChild(item);
      }
      if (value.option === null) none.selected = true;
      select.addEventListener('change', () => {
        const chosen = select.value === '' ? null : data.enum.options[Number(select.value)].value;
        act({ op: 'setEnum', destination: data.destination.key, value: value.value, option: chosen });
      });
      group.appendChild(select);
    }
    return group;
  }

  const sourceGrid = new VirtualGrid({
    label: 'Source columns',
    columns: ['Source column', 'Samples', 'Destination field', 'Certainty'],
    renderRow: renderSourceRow,
    onWindow: (first) => { rowWindow = first; update(); },
    onFocusRow: (index, data) => bridge.action({ op: 'focus', source: data.key, scroll: true }),
    // The combobox keeps the arrows while its list is open, and Left/Right always (it is a text box).
    isBusy: (node) => combobox.isBusy(node),
    keyHandledByCell: (event, column) => column === 2 && (combobox.isOpen(event.target) || event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') && !event.ctrlKey,
  });

  // A row kept while its combobox was in use is brought up to date once the keyboard leaves it.
  sourceGrid.onStale = () => { if (state.loaded) render(); };

  const destinationGrid = new VirtualGrid({
    label: 'Destination fields',
    columns: ['Destination field', 'Required', 'From'],
    renderRow(data) {
      const row = el('div', { role: 'row' });
      const name = el('div', { role: 'gridcell', 'aria-colindex': 1, tabindex: -1 }, `${data.label}${data.type ? ` (${data.type})` : ''}`);
      const required = el('div', { role: 'gridcell', 'aria-colindex': 2, tabindex: -1 }, data.required ? 'required' : 'optional');
      const from = el('div', { role: 'gridcell', 'aria-colindex': 3, tabindex: -1 }, data.source ? data.source.label : 'nothing');
      row.append(name, required, from);
      return { row, focusables: [name, required, from] };
    },
    onWindow: (first) => { destinationWindow = first; update(); },
  });

  // The review dialog.
  const dialog = el('div', { role: 'dialog', 'aria-modal': 'true', hidden: true });
  const dialogTitle = el('h2', { id: `${menu.id}-review` }, 'Review changes');
  dialog.setAttribute('aria-labelledby', dialogTitle.id);
  const changeList = el('ul', { 'aria-label': 'Changes' });
  const dialogNote = el('p');
  const send = el('button', { type: 'button' }, 'Send plan');
  const keep = el('button', { type: 'button' }, 'Keep editing');
  dialog.append(dialogTitle, changeList, dialogNote, send, keep);
  send.addEventListener('click', () => { closeDialog(); act({ op: 'send' }); });
  keep.addEventListener('click', () => { act({ op: 'review', open: false }); });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); act({ op: 'review', open: false }); }
    // Enter activates the default button (Send plan) unless another button has the keyboard.
    else if (event.key === 'Enter' && event.target !== keep) { event.preventDefault(); send.click(); }
    else if (event.key === 'Tab') {  // the keyboard stays in the dialog while it is open
      event.preventDefault();
      (document.activeElement === send ? keep : send).focus();
    }
  });
  function closeDialog() {
    if (dialog.hidden) return;
    dialog.hidden = true;
    const back = reviewReturnFocus;
    reviewReturnFocus = null;
    if (back && back.isConnected && root.contains(document.activeElement)) back.focus({ preventScroll: true });
  }

  // The mapping memory's view (a11y-memory.js), when the memory is on.
  const memoryView = bridge.memory ? createMemoryView({ bridge, announce: (text) => announce(text) }) : null;
  root.append(heading, loading, counts, problem, saved, toolbar, search, chips, sourceGrid.root, combobox.listbox, combobox.more,
    el('h2', {}, 'Destination fields'), destinationGrid.root, ...(memoryView ? [memoryView.root] : []), dialog, status, alert);
  container.appendChild(root);

  function setDisabled(button, disabled) {
    if (disabled) setAttr(button, 'aria-disabled', 'true'); else if (button.hasAttribute('aria-disabled')) button.removeAttribute('aria-disabled');
  }

  function render() {
    if (loading.hidden !== !state.loading) loading.hidden = !state.loading;
    setText(problem, state.message ? `Problem: ${state.message}` : '');
    setText(saved, state.submitMessage ?? '');
    if (!state.loaded) { setText(counts, ''); return; }
    const c = state.counts;
    const missing = c.requiredMissing ? `${plural(c.requiredMissing, 'required field')} missing` : 'all required fields mapped';
    setText(counts, `${c.mapped} mapped, ${c.unmapped} unmapped, ${c.ignored} ignored; ${missing}.`);
    setDisabled(undo, !state.canUndo);
    setDisabled(redo, !state.canRedo);
    setDisabled(review, state.submitting);
    setText(review, state.submitting ? 'Submitting...' : 'Review and submit');
    if (document.activeElement !== search && search.value !== state.filter) search.value = state.filter;
    for (const [name, button] of chipButtons) setAttr(button, 'aria-pressed', state.chips[name] ? 'true' : 'false');
    const rowItems = state.rows.map((data) => ({ key: data.key, json: JSON.stringify(data), data }));
    rowWindow = state.firstRow;
    sourceGrid.show(state.rowCount, state.firstRow, rowItems);
    destinationWindow = state.firstDestination;
    destinationGrid.show(state.destinationCount, state.firstDestination,
      state.destinations.map((data) => ({ key: data.key, json: JSON.stringify(data), data })));
    renderReview();
  }

  function renderReview() {
    if (!state.reviewOpen) { closeDialog(); return; }
    changeList.replaceChildren();
    const lines = state.review.lines.length ? state.review.lines : ["Nothing differs from the server's plan; sending confirms it as it is."];
    for (const line of lines) changeList.appendChild(el('li', {}, line));
    dialogNote.textContent = state.review.requiredMissing
      ? `${plural(state.review.requiredMissing, 'required field')} ${state.review.requiredMissing === 1 ? 'has' : 'have'} no source: the import will leave them empty.`
      : '';
    if (dialog.hidden) {
      dialog.hidden = false;
      // Focus moves in when the keyboard was in the mirror (the canvas keeps its own when it opened the review).
      if (reviewReturnFocus || root.contains(document.activeElement)) {
        reviewReturnFocus ??= document.activeElement;
        send.focus({ preventScroll: true });
      }
    }
  }

  // Reads the module's state for the current windows; the DOM is touched only when it changed.
  // stats: how long updates took, for tools/bench (checks that changed nothing are counted apart).
  const stats = { checks: 0, checkMs: 0, updates: 0, totalMs: 0, lastMs: 0, maxMs: 0, lastParts: null };
  function update() {
    const started = performance.now();
    // The module answers "" when nothing the mirror shows changed since it last asked.
    const text = bridge.stateText(rowWindow, WINDOW_ROWS, destinationWindow, WINDOW_ROWS);
    if (text === '' || text === lastText) {
      stats.checks += 1;
      stats.checkMs += performance.now() - started;
      return false;
    }
    lastText = text;
    const fetched = performance.now();
    state = JSON.parse(text);
    const parsed = performance.now();
    render();
    const spent = performance.now() - started;
    // Where the last update's time went: the module's JSON, parsing it, the DOM.
    stats.lastParts = { moduleMs: fetched - started, parseMs: parsed - fetched, domMs: performance.now() - parsed, bytes: text.length };
    stats.updates += 1;
    stats.totalMs += spent;
    stats.lastMs = spent;
    stats.maxMs = Math.max(stats.maxMs, spent);
    return true;
  }

  const onRootFocusOut = (event) => {
    if (!root.contains(event.relatedTarget)) bridge.action({ op: 'focus', source: '' });
  };
  root.addEventListener('focusout', onRootFocusOut);

  return {
    root,
    stats,
    update,
    announce,
    raiseAlert,
    // Events from the module (ready, submit, error, execute): said in the live regions.
    onEvent(name, detail) {
      if (name === 'ready' && detail) announce(`Plan loaded: ${plural(detail.sources, 'source column')}, ${detail.mapped} mapped.`);
      if (name === 'submit') announce('Plan saved.');
      if (name === 'execute') announce('The import has started.');
      if (name === 'error' && detail) raiseAlert(`Problem while ${detail.during}: ${detail.message}`);
    },
    memoryChanged() { memoryView?.changed(); },
    destroy() { root.remove(); },
  };
}
