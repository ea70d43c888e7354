// The accessibility mirror: a visually hidden DOM subtree beside the canvas, inside the widget's
// region landmark that says and does what
// the canvas panel says and does, for screen readers and keyboard users. Built from the module's
// session state (src/app/mirror_model.h), never from pixels; its edits go through the module
// (src/app/mirror_actions.h) exactly like the canvas's, so undo works across both. The region holds:
// counts, Undo / Redo / Bulk actions (a menu button) / Review and submit, a search box and filter
// chips, the source columns as a virtualized grid with one destination combobox per row (enum rows
// add a disclosure and a select per value; a suggested mapping adds Accept and Reject), the destination fields as a second grid, the review as
// a modal dialog, and live regions for outcomes (role=status) and errors (role=alert).
// DOM text only through textContent and attributes: server and file text is data, never markup.
import { DestinationCombobox } from './a11y-combobox.js';
import { el, setAttr, setText, VirtualGrid, WINDOW_ROWS } from './a11y-grid.js';
import { createMemoryView } from './a11y-memory.js';
import { NO_MESSAGES } from './messages.js';

// Present in the accessibility tree and the tab order, invisible on screen (the canvas shows the
// focus instead: the row whose control has the keyboard gets a ring there).
const HIDDEN_STYLE = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;margin:-1px;padding:0;border:0';

// The destination grid is read less often (it says which source feeds each field): a shorter window.
const DESTINATION_ROWS = 20;
// The chips' names in the module's actions, with their message keys.
const CHIPS = [['unmapped', 'chip.unmapped'], ['requiredMissing', 'chip.requiredMissing'], ['lowConfidence', 'chip.lowConfidence'], ['changed', 'chip.changed']];
const KEYBOARD_HELP = ['mirror.keys1', 'mirror.keys2', 'mirror.keys3', 'mirror.keys4', 'mirror.keys5', 'mirror.keys6', 'mirror.keys7'];

// bridge: { stateText(firstRow, rows, firstDestination, destinations, whole) -> JSON text, options(source,
// query, limit) -> object, action(object) -> {ok, announcement} } (web/widget/plan-mapper.js).
// `container` is the widget's region landmark (plan-mapper.js), which holds the canvas too.
// messages: the widget's words (messages.js), from the module's catalog.
export function createA11yMirror({ container, bridge, messages = NO_MESSAGES }) {
  const { t, n } = messages;
  const root = el('div', { 'data-plan-mapper-mirror': '' });
  root.style.cssText = HIDDEN_STYLE;
  const status = el('div', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let searchAnnounce = 0;        // the search's count, said once typing pauses
  let pendingAnnouncement = 0;   // the status text about to be set
  const alert = el('div', { role: 'alert' });
  const heading = el('h2', {}, t('header.title'));
  const loading = el('p', {}, t('header.loading'));
  const counts = el('p');
  const saved = el('p');
  const problem = el('p');
  // Reading the file's rows: progress, then a quiet note (the canvas header's line).
  const records = el('p', { 'data-pm': 'records' });

  let state = { loaded: false };
  let lastText = '';
  // The rows of the last state, as the grids take them ({key, json, data}; json is a version that
  // changes whenever the data does), by key: the module writes a row it gave last time and that
  // has not changed as its key alone (src/app/mirror_model.h MirrorRowsSent), taken from here.
  let sourceItems = [];
  let destinationItems = [];
  let rowVersion = 0;
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

  // The header's notices with their buttons, as in the canvas: a warning, the version Flatfile
  // saved when it differs from the one sent, edits kept from an earlier visit, and (with a
  // problem shown) a way to take the plan away as JSON. The app carries them out (apply_requests).
  const warning = el('p');
  const serverNotice = el('div', { role: 'group', 'aria-label': t('mirror.flatfileVersion'), hidden: true });
  const serverText = el('p');
  const useServer = el('button', { type: 'button' }, t('header.useServer'));
  const keepMine = el('button', { type: 'button' }, t('mirror.keepMine'));
  serverNotice.append(serverText, useServer, keepMine);
  const draftNotice = el('div', { role: 'group', 'aria-label': t('mirror.draftGroup'), hidden: true });
  const draftText = el('p', {}, t('header.draftOffered'));
  const restoreDraft = el('button', { type: 'button' }, t('mirror.restoreDraft'));
  const discardDraft = el('button', { type: 'button' }, t('mirror.discardDraft'));
  draftNotice.append(draftText, restoreDraft, discardDraft);
  const copyPlan = el('button', { type: 'button', hidden: true }, t('header.copyPlan'));
  const request = (op, closes) => {
    const outcome = act({ op });
    // The notice goes once it is answered: the keyboard moves on to the header's first button.
    if (closes && outcome.ok) undo.focus({ preventScroll: true });
  };
  useServer.addEventListener('click', () => request('useServerPlan', true));
  keepMine.addEventListener('click', () => request('keepOwnPlan', true));
  restoreDraft.addEventListener('click', () => request('restoreDraft', true));
  discardDraft.addEventListener('click', () => request('discardDraft', true));
  copyPlan.addEventListener('click', () => request('copyPlan', false));
  // The canvas's "Stop reading" beside the progress: shown only while the rows are being read;
  // what was read is kept. It goes once pressed, so the keyboard moves on to Undo.
  const stopReading = el('button', { type: 'button', hidden: true }, t('header.stopReading'));
  stopReading.addEventListener('click', () => request('stopReading', true));
  const notices = el('div');
  notices.append(warning, serverNotice, draftNotice, copyPlan);

  // Header: actions, bulk menu, search and chips.
  const toolbar = el('div', { role: 'toolbar', 'aria-label': t('mirror.toolbar') });
  const undo = el('button', { type: 'button' }, t('header.undo'));
  const redo = el('button', { type: 'button' }, t('header.redo'));
  const bulk = el('button', { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, t('header.bulk'));
  const menu = el('ul', { role: 'menu', 'aria-label': t('header.bulk'), hidden: true });
  bulk.setAttribute('aria-controls', menu.id = `plan-mapper-bulk-${Math.random().toString(36).slice(2, 8)}`);
  const review = el('button', { type: 'button' }, t('header.review'));
  undo.addEventListener('click', () => { if (undo.getAttribute('aria-disabled') !== 'true') act({ op: 'undo' }); });
  redo.addEventListener('click', () => { if (redo.getAttribute('aria-disabled') !== 'true') act({ op: 'redo' }); });
  review.addEventListener('click', () => {
    if (review.getAttribute('aria-disabled') === 'true') return;
    reviewReturnFocus = document.activeElement;
    act({ op: 'review', open: true });
  });
  // The keyboard map (the canvas's F1 popup, in words): a disclosure after the toolbar.
  const helpButton = el('button', { type: 'button', 'aria-expanded': 'false' }, t('mirror.keyboard'));
  const help = el('ul', { 'aria-label': t('mirror.keyboard'), hidden: true });
  helpButton.setAttribute('aria-controls', help.id = `${menu.id}-keys`);
  for (const key of KEYBOARD_HELP) help.appendChild(el('li', {}, t(key)));
  helpButton.addEventListener('click', () => {
    help.hidden = !help.hidden;
    helpButton.setAttribute('aria-expanded', help.hidden ? 'false' : 'true');
  });
  toolbar.append(undo, redo, bulk, menu, review, helpButton);

  function menuItems() {
    const items = [];
    if (state.counts?.suggested) {
      items.push([n('bulk.acceptAllSuggested', state.counts.suggested), { op: 'bulk', action: 'acceptSuggested' }]);
      items.push([n('bulk.rejectAllSuggested', state.counts.suggested), { op: 'bulk', action: 'rejectSuggested' }]);
    }
    if (state.suggestions) items.push([t('bulk.acceptAtPercent', { percent: 90 }), { op: 'bulk', action: 'acceptSuggestions', threshold: 0.9 }]);
    items.push([t('bulk.ignoreUnmapped'), { op: 'bulk', action: 'ignoreUnmapped' }]);
    items.push([t('bulk.reset'), { op: 'bulk', action: 'reset' }]);
    items.push([t('bulk.clear'), { op: 'bulk', action: 'clear' }]);
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

  const search = el('input', { type: 'search', 'aria-label': t('mirror.search'), autocomplete: 'off' });
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

  const chips = el('div', { role: 'group', 'aria-label': t('mirror.filters') });
  const chipButtons = new Map();
  for (const [name, key] of CHIPS) {
    const button = el('button', { type: 'button', 'aria-pressed': 'false' }, t(key));
    button.addEventListener('click', () => {
      rowWindow = 0;
      act({ op: 'chip', chip: name, on: button.getAttribute('aria-pressed') !== 'true' });
    });
    chipButtons.set(name, button);
    chips.appendChild(button);
  }

  // The source grid.
  const combobox = new DestinationCombobox({
    messages,
    fetchOptions: (source, query, limit) => bridge.options(source, query, limit),
    pick(source, option) {
      if (option.kind === 'none') act({ op: 'notMapped', source });
      else if (option.kind === 'ignore') act({ op: 'ignore', source });
      else act({ op: 'map', source, destination: option.key });
    },
  });

  // A source row, built once and then patched in place (patch(data) -> false when its shape
  // changed and it must be rebuilt): an edit touches a few texts, never the row's nodes, so the
  // keyboard stays where it is and a 40-row window costs almost nothing to bring up to date.
  function renderSourceRow(data) {
    const row = el('div', { role: 'row' });
    const first = el('div', { role: 'gridcell', 'aria-colindex': 1 });
    const name = el('span');
    const detail = el('span');
    first.append(name, detail);
    let firstFocus = first;
    let toggle = null;
    if (data.enum) {
      toggle = el('button', { type: 'button' });
      toggle.addEventListener('click', () => act({ op: 'expand', destination: current.destination.key, open: !current.enum.expanded }));
      first.appendChild(toggle);
      firstFocus = toggle;
    } else {
      first.tabIndex = -1;
    }
    const samples = el('div', { role: 'gridcell', 'aria-colindex': 2, tabindex: -1 });
    const pickerCell = el('div', { role: 'gridcell', 'aria-colindex': 3 });
    const input = combobox.create(data.key, '', '');
    pickerCell.appendChild(input);
    let group = null;
    let groupShape = '';
    const certainty = el('div', { role: 'gridcell', 'aria-colindex': 4, tabindex: -1 });
    // The certainty's words, and for a pair the mapping memory proposed, "Forget this" as the
    // cell's control (its reason is the cell's description).
    const certaintyText = el('span');
    certainty.appendChild(certaintyText);
    let forget = null;
    if (data.remembered && bridge.memory) {
      forget = el('button', { type: 'button', tabindex: -1 }, t('table.forget'));
      forget.addEventListener('click', () => {
        const answer = bridge.memory({ op: 'forget', source: current.key });
        announce(answer.message ?? '');
      });
      certainty.append(' ', forget);
    }
    // A suggested edge (applied by plan-mapper when the plan loaded, not reviewed yet) gets Accept
    // and Reject, as the canvas's row has. The cell then holds several controls (the ARIA grid
    // way): the cell has the keyboard, Enter goes in, Left and Right move between its buttons,
    // Escape comes back out.
    const suggestion = data.suggested && data.destination ? [t('table.accept'), t('table.reject')].map((text) => el('button', { type: 'button', tabindex: -1 }, text)) : null;
    if (suggestion) {
      const [accept, reject] = suggestion;
      const decide = (op) => act({ op, source: current.key, destination: current.destination.key });
      accept.addEventListener('click', () => decide('acceptSuggested'));
      reject.addEventListener('click', () => decide('rejectSuggested'));
      certainty.append(' ', accept, ' ', reject);
      certainty.addEventListener('keydown', (event) => {
        const buttons = [...certainty.querySelectorAll('button')];
        const at = buttons.indexOf(/** @type {HTMLButtonElement} */ (event.target));
        let next = null;
        if (event.target === certainty && (event.key === 'Enter' || event.key === 'F2')) next = buttons[0];
        else if (at >= 0 && event.key === 'Escape') next = certainty;
        else if (at >= 0 && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) next = buttons[at + (event.key === 'ArrowRight' ? 1 : -1)];
        if (!next) return;
        event.preventDefault();
        event.stopPropagation();
        next.focus({ preventScroll: true });
      });
    }
    row.append(first, samples, pickerCell, certainty);
    let current = data;

    // A row may be given another field's data (the grid recycles the focused row's nodes).
    function patch(next) {
      if (!next.enum !== !data.enum) return false;
      if (!next.remembered !== !data.remembered) return false;   // the cell's control differs
      if (!(next.suggested && next.destination) !== !suggestion) return false;
      current = next;
      input.dataset.source = next.key;
      setText(name, next.label);
      setText(detail, (next.key !== next.label ? t('mirror.keyDetail', { key: next.key }) : '') + (next.ignored ? t('mirror.notImported') : '') +
        (next.changed ? t('mirror.edited') : '') + (next.suggested ? t('mirror.suggestedMark') : ''));
      setText(samples, next.samples.length ? next.samples.join(', ') : t('mirror.noSamples'));
      const shown = next.destination ? next.destination.label : t(next.ignored ? 'picker.ignore' : 'picker.notMapped');
      setAttr(input, 'aria-label', t('mirror.destinationFor', { source: next.label }));
      if (!combobox.isBusy(input)) {
        input.dataset.shown = shown;
        if (input.value !== shown) input.value = shown;
      }
      const notes = [];
      if (next.certainty) notes.push(next.certainty);
      if (next.remembered) notes.push(t('mirror.remembered'));
      if (next.typeWarning) notes.push(t('mirror.typeWarning', { warning: next.typeWarning }));
      if (next.message) notes.push(t('table.flatfile', { message: next.message }));
      if (next.valueProblem) notes.push(t('mirror.willNotImport', { problem: next.valueProblem }));
      setText(certaintyText, notes.length ? notes.join('; ') : next.destination ? t('mirror.setHere') : '');
      setOptionalAttr(certainty, 'aria-description', next.remembered || next.reason);
      if (forget) setAttr(forget, 'aria-label', t('mirror.forget', { reason: next.remembered }));
      if (suggestion) {
        const pair = { source: next.label, destination: next.destination.label };
        setAttr(suggestion[0], 'aria-label', t('mirror.acceptSuggested', pair));
        setAttr(suggestion[1], 'aria-label', t('mirror.rejectSuggested', pair));
      }
      if (toggle) patchEnum(next);
      return true;
    }

    function patchEnum(next) {
      const destinationName = next.destination.label;
      setText(toggle, t('mirror.valuesOf', { field: destinationName }));
      setAttr(toggle, 'aria-expanded', next.enum.expanded ? 'true' : 'false');
      setOptionalAttr(toggle, 'aria-description', next.enum.open ? n('mirror.openValues', next.enum.open) : '');
      // The selects are rebuilt only when the values or options themselves changed; a choice made
      // (here, in the canvas, or by an undo) only moves the selection.
      const shape = next.enum.expanded ? JSON.stringify([next.destination, next.enum.options, next.enum.values.map((v) => [v.value, v.countText])]) : '';
      if (shape !== groupShape) {
        const focused = group ? [...group.children].indexOf(document.activeElement) : -1;
        group?.remove();
        group = shape ? enumGroup(next) : null;
        groupShape = shape;
        if (group) pickerCell.appendChild(group);
        if (focused >= 0) group?.children[focused]?.focus({ preventScroll: true });
      }
      if (!group) return;
      for (const [i, value] of next.enum.values.entries()) {
        const select = /** @type {HTMLSelectElement} */ (group.children[i]);
        const wanted = value.option === null ? '' : String(next.enum.options.findIndex((o) => JSON.stringify(o.value) === JSON.stringify(value.option)));
        if (select.value !== wanted) select.value = wanted;
      }
    }

    patch(data);
    return { row, focusables: [firstFocus, samples, input, suggestion ? certainty : forget ?? certainty], patch };
  }

  function enumGroup(data) {
    const destinationName = data.destination.label;
    const group = el('div', { role: 'group', 'aria-label': t('mirror.valuesOf', { field: destinationName }) });
    for (const value of data.enum.values) {
      const count = value.countText ? `, ${value.countText}` : '';
      const select = el('select', { 'aria-label': t('mirror.enumValue', { field: destinationName, value: value.text }) + count });
      select.appendChild(el('option', { value: '' }, t('mirror.noValue')));
      for (const [i, option] of data.enum.options.entries()) select.appendChild(el('option', { value: String(i) }, option.text));
      select.addEventListener('change', () => {
        const chosen = select.value === '' ? null : data.enum.options[Number(select.value)].value;
        act({ op: 'setEnum', destination: data.destination.key, value: value.value, option: chosen });
      });
      group.appendChild(select);
    }
    return group;
  }

  const sourceGrid = new VirtualGrid({
    label: t('mirror.sourceColumns'),
    columns: [t('table.source'), t('table.samples'), t('table.destination'), t('table.certainty')],
    emptyText: t('mirror.noRows'),
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
    label: t('mirror.destinationFields'),
    columns: [t('table.destination'), t('mirror.requiredColumn'), t('destinations.from')],
    emptyText: t('mirror.noRows'),
    renderRow(data) {
      const row = el('div', { role: 'row' });
      const name = el('div', { role: 'gridcell', 'aria-colindex': 1, tabindex: -1 });
      const required = el('div', { role: 'gridcell', 'aria-colindex': 2, tabindex: -1 });
      const from = el('div', { role: 'gridcell', 'aria-colindex': 3, tabindex: -1 });
      row.append(name, required, from);
      const patch = (next) => {
        setText(name, `${next.label}${next.type ? ` (${next.type})` : ''}`);
        setText(required, t(next.required ? 'mirror.requiredCell' : 'mirror.optionalCell'));
        setText(from, next.source ? next.source.label : t('mirror.fromNothing'));
        return true;
      };
      patch(data);
      return { row, focusables: [name, required, from], patch };
    },
    windowRows: DESTINATION_ROWS,
    onWindow: (first) => { destinationWindow = first; update(); },
  });

  // The review dialog.
  const dialog = el('div', { role: 'dialog', 'aria-modal': 'true', hidden: true });
  const dialogTitle = el('h2', { id: `${menu.id}-review` }, t('review.title'));
  dialog.setAttribute('aria-labelledby', dialogTitle.id);
  const changeList = el('ul', { 'aria-label': t('mirror.changes') });
  const dialogNote = el('p');
  const valueProblemList = el('ul', { 'aria-label': t('mirror.valueProblems') });
  const send = el('button', { type: 'button' }, t('review.send'));
  const keep = el('button', { type: 'button' }, t('review.keep'));
  dialog.append(dialogTitle, changeList, valueProblemList, dialogNote, send, keep);
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
    // Focus goes back only from inside the dialog: "Keep editing" closes it a frame later, and a
    // person (or a test) who has already moved on to another control keeps the keyboard there.
    const keyboardInDialog = dialog.contains(document.activeElement);
    dialog.hidden = true;
    const back = reviewReturnFocus;
    reviewReturnFocus = null;
    if (back && back.isConnected && keyboardInDialog) back.focus({ preventScroll: true });
  }

  // The mapping memory's view (a11y-memory.js), when the memory is on.
  const memoryView = bridge.memory ? createMemoryView({ bridge, messages, announce: (text) => announce(text) }) : null;
  root.append(heading, loading, counts, records, stopReading, problem, saved, notices, toolbar, help, search, chips, sourceGrid.root, combobox.listbox, combobox.more,
    el('h2', {}, t('mirror.destinationFields')), destinationGrid.root, ...(memoryView ? [memoryView.root] : []), dialog, status, alert);
  container.appendChild(root);

  function showIf(node, shown) {
    if (node.hidden === shown) node.hidden = !shown;
  }
  function setOptionalAttr(node, attribute, value) {
    if (value) setAttr(node, attribute, value); else if (node.hasAttribute(attribute)) node.removeAttribute(attribute);
  }
  function setDisabled(button, disabled) {
    if (disabled) setAttr(button, 'aria-disabled', 'true'); else if (button.hasAttribute('aria-disabled')) button.removeAttribute('aria-disabled');
  }

  function render() {
    if (loading.hidden !== !state.loading) loading.hidden = !state.loading;
    setText(problem, state.message ? t('mirror.problem', { message: state.message }) : '');
    setText(saved, state.submitMessage ?? '');
    setText(records, state.recordsProgress || state.recordsNote || '');
    showIf(stopReading, state.loaded && !!state.reading);
    setText(warning, state.warning ?? '');
    showIf(serverNotice, state.loaded && !!state.serverChanges);
    setText(serverText, state.serverChanges ?? '');
    showIf(draftNotice, state.loaded && state.draftOffered);
    showIf(copyPlan, state.loaded && !!state.message);
    if (!state.loaded) { setText(counts, ''); return; }
    const c = state.counts;
    const missing = c.requiredMissing ? n('header.requiredMissing', c.requiredMissing) : t('header.allRequired');
    const suggested = c.suggested ? n('mirror.countsSuggested', c.suggested) : '';
    setText(counts, t('mirror.counts', { mapped: c.mapped, suggested, unmapped: c.unmapped, ignored: c.ignored, missing }));
    setDisabled(undo, !state.canUndo);
    setDisabled(redo, !state.canRedo);
    setDisabled(review, state.submitting);
    setText(review, t(state.submitting ? 'header.submitting' : 'header.review'));
    if (document.activeElement !== search && search.value !== state.filter) search.value = state.filter;
    for (const [name, button] of chipButtons) setAttr(button, 'aria-pressed', state.chips[name] ? 'true' : 'false');
    rowWindow = state.firstRow;
    sourceGrid.show(state.rowCount, state.firstRow, sourceItems);
    destinationWindow = state.firstDestination;
    destinationGrid.show(state.destinationCount, state.firstDestination, destinationItems);
    renderReview();
  }

  function renderReview() {
    if (!state.reviewOpen) { closeDialog(); return; }
    changeList.replaceChildren();
    const lines = state.review.lines.length ? state.review.lines : [t('review.nothing')];
    for (const line of lines) changeList.appendChild(el('li', {}, line));
    valueProblemList.replaceChildren(...(state.review.valueProblems ?? []).map((line) => el('li', {}, line)));
    valueProblemList.hidden = valueProblemList.childElementCount === 0;
    dialogNote.textContent = state.review.requiredMissing ? n('review.requiredMissing', state.review.requiredMissing) : '';
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
    // The module answers "" when nothing the mirror shows changed since it last asked (and the
    // whole state when the mirror has none yet).
    let text = bridge.stateText(rowWindow, WINDOW_ROWS, destinationWindow, DESTINATION_ROWS, lastText === '');
    if (text === '' || text === lastText) {
      stats.checks += 1;
      stats.checkMs += performance.now() - started;
      return false;
    }
    const fetched = performance.now();
    let next = JSON.parse(text);
    let sources = withKept(next.rows, sourceItems);
    let destinations = withKept(next.destinations, destinationItems);
    if (!sources || !destinations) {
      // A row given as a key the mirror does not hold (never expected): the whole state instead.
      text = bridge.stateText(rowWindow, WINDOW_ROWS, destinationWindow, DESTINATION_ROWS, true);
      next = JSON.parse(text);
      sources = withKept(next.rows, []);
      destinations = withKept(next.destinations, []);
    }
    lastText = text;
    state = next;
    sourceItems = sources ?? [];
    destinationItems = destinations ?? [];
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

  // The grids' items for `rows` (a state's rows or destinations): a row given whole is new data;
  // one given as its key is the same item as in `kept` (so the grid sees it unchanged). null when
  // a key is not in `kept`.
  function withKept(rows = [], kept) {
    const byKey = new Map(kept.map((item) => [item.key, item]));
    const items = [];
    for (const row of rows) {
      const item = typeof row === 'string' ? byKey.get(row) : { key: row.key, json: ++rowVersion, data: row };
      if (!item) return null;
      items.push(item);
    }
    return items;
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
      if (name === 'ready' && detail) announce(n('mirror.loaded', detail.sources, { mapped: detail.mapped }));
      if (name === 'submit') announce(t('app.planSaved'));
      if (name === 'execute') announce(t('mirror.importStarted'));
      if (name === 'error' && detail) raiseAlert(t('mirror.error', { during: detail.duringText ?? detail.during, message: detail.message }));
    },
    memoryChanged() { memoryView?.changed(); },
    destroy() { root.remove(); },
  };
}
