// A virtualized ARIA grid for the accessibility mirror: only a window of rows exists in the DOM,
// with aria-rowcount / aria-rowindex so assistive technology knows every row is there, and one tab
// stop (roving tabindex) moved by the arrow keys, Page Up/Down and Ctrl+Home/End. Moving past the
// window's edge moves the window, so every row is reachable from the keyboard.
// Text goes in only through textContent and attributes (never markup).

// Rows in the DOM at once: enough for a screen reader's browse mode to read a screenful around
// the keyboard, few enough that an update after an edit costs well under a frame.
export const WINDOW_ROWS = 30;
const PAGE_ROWS = 10;

// Writes only what differs: an unchanged attribute or text costs no DOM mutation (and no relayout).
export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export function el(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? 'true' : String(value));
  }
  if (text !== null) node.textContent = text;
  return node;
}

// columns: header texts. renderRow(data, index) -> { row: element with role=row, focusables:
// [element per column], patch(data) -> true when it brought the row up to date in place }. onWindow(first) asks for rows from `first`; onFocusRow(index, data) tells
// which row has the keyboard. keyHandledByCell(event, column) lets a cell's widget keep a key.
export class VirtualGrid {
  // isBusy(node): the focused node is mid-edit; its row is then kept as it is until focus leaves it.
  constructor({ label, columns, renderRow, onWindow, onFocusRow = null, keyHandledByCell = (_event, _column) => false,
    isBusy = (_node) => false, windowRows = WINDOW_ROWS, emptyText = 'No rows match.' }) {
    this.windowRows = windowRows;
    this.isBusy = isBusy;
    this.held = false;                 // a row was kept stale; onStale() is called once focus leaves it
    this.onStale = null;
    this.renderRow = renderRow;
    this.onWindow = onWindow;
    this.onFocusRow = onFocusRow;
    this.keyHandledByCell = keyHandledByCell;
    this.total = 0;
    this.first = 0;
    this.rows = [];                    // { key, data, row, focusables } for the window, in order
    this.activeRow = 0;                // index in the whole list
    this.activeColumn = 0;
    this.columnCount = columns.length;
    this.root = el('div', { role: 'grid', 'aria-label': label, 'aria-rowcount': 1, 'aria-colcount': columns.length });
    const header = el('div', { role: 'row', 'aria-rowindex': 1 });
    for (const [i, text] of columns.entries()) header.appendChild(el('div', { role: 'columnheader', 'aria-colindex': i + 1 }, text));
    this.root.appendChild(header);
    this.body = el('div', { role: 'rowgroup' });
    this.root.appendChild(this.body);
    this.empty = el('div', { role: 'row', 'aria-rowindex': 2 });
    this.emptyCell = el('div', { role: 'gridcell', 'aria-colindex': 1, tabindex: 0 }, emptyText);
    this.empty.appendChild(this.emptyCell);
    this.root.addEventListener('keydown', (event) => this.onKey(event));
    this.root.addEventListener('focusin', (event) => this.onFocusIn(event));
    this.root.addEventListener('focusout', () => {
      if (this.held) setTimeout(() => { if (this.held) { this.held = false; this.onStale?.(); } }, 0);
    });
  }

  // Rows [first, first + items.length) of `total`; each item { key, json, data }, json being a
  // version of the data (equal only when the data is). A row whose json did not change keeps its
  // DOM; one that changed is patched in place when it can be. Rows are
  // never taken out of the DOM while they hold the keyboard: that would blur and refocus (a
  // style and layout pass each, most of an update's cost on a big plan) and a screen reader
  // would hear the focus move.
  show(total, first, items) {
    this.total = total;
    this.first = first;
    setAttr(this.root, 'aria-rowcount', String(total + 1));
    const active = document.activeElement;
    const hadFocus = this.root.contains(active);
    const focusedColumn = this.columnOf(active);
    const focused = hadFocus ? this.rows.find((r) => r.row.contains(active)) ?? null : null;
    // The keyboard stays on the same field when an edit moves its row within the window (a
    // mapped row moves up); when the edit moves it out of the window (a remapped row goes to the
    // end of the mapped ones), its nodes show the row that took its place, and the keyboard
    // stays where it was.
    const focusedLeaves = focused !== null && focused.patch && !this.isBusy(active) && !items.some((item) => item.key === focused.key);
    const old = new Map(this.rows.map((r) => [r.key, r]));
    // Each item gets its own row's nodes, or (the focused row aside) the nodes of a row that left
    // the window, patched with the new data: scrolling or an edit that moves rows writes texts
    // instead of building and dropping rows.
    /** @type {any} the focused row given to the row that took its place (set in the map below) */
    let recycled = null;
    const given = items.map((item, i) => {
      if (focusedLeaves && !recycled && focused.index === first + i) {
        recycled = focused;
        return focused;
      }
      return old.get(item.key) ?? null;
    });
    const taken = new Set(given);
    const spare = this.rows.filter((entry) => !taken.has(entry) && !entry.row.contains(active));
    const next = [];
    for (const [i, item] of items.entries()) {
      const index = first + i;
      let entry = given[i];
      if ((recycled && entry === recycled) || (!entry && spare.length && (entry = spare.pop()))) {
        entry.key = item.key;
        entry.json = null;             // (its nodes show another row: patched below)
        // Taken out first and put back where it now belongs, like a new row (left in place, the
        // rows between its old and new places would all be moved around it instead).
        if (entry !== recycled) entry.row.remove();
      }
      if (entry && entry.json !== item.json && entry.row.contains(active) && this.isBusy(active)) {
        this.held = true;
        entry.json = null;             // stale: rebuilt by the first show() that finds it idle
      } else if (entry && entry.json !== item.json && entry.patch?.(item.data)) {
        entry.json = item.json;          // brought up to date in place: same nodes, focus kept
        entry.data = item.data;
      } else if (!entry || entry.json !== item.json) {
        const rendered = this.renderRow(item.data, index);
        entry = { key: item.key, json: item.json, data: item.data, index: -1, ...rendered };
      }
      // A row that only moved (an edit above it) keeps its DOM: only its index changes.
      if (entry.index !== index) {
        entry.index = index;
        entry.row.setAttribute('aria-rowindex', String(index + 2));
      }
      next.push(entry);
    }
    // Patch the children: drop the rows that went, then put the others in order around the row
    // that holds the keyboard (the anchor), which is never moved.
    const keep = new Set(next.map((entry) => entry.row));
    for (const child of [...this.body.children]) if (!keep.has(child)) child.remove();
    const anchorAt = next.findIndex((entry) => entry.row.contains(active));
    const place = (entries, cursor) => {
      for (const entry of entries) {
        if (cursor === entry.row) cursor = cursor.nextSibling;
        else this.body.insertBefore(entry.row, cursor);
      }
    };
    if (anchorAt < 0) place(next, this.body.firstChild);
    else {
      const anchor = next[anchorAt].row;
      place(next.slice(0, anchorAt), this.body.firstChild);
      place(next.slice(anchorAt + 1), anchor.nextSibling);
    }
    if (!next.length) this.body.appendChild(this.empty);
    this.rows = next;
    const moved = focused && !recycled ? next.find((r) => r.key === focused.key) : null;
    if (moved) this.activeRow = moved.index;
    this.activeRow = Math.min(Math.max(0, this.activeRow), Math.max(0, total - 1));
    this.updateTabStops();
    if (hadFocus && !this.root.contains(document.activeElement)) this.focusActive(focusedColumn ?? this.activeColumn);
    // The canvas's focus ring follows the field the keyboard is on now.
    if (recycled && recycled.row.contains(document.activeElement)) this.onFocusRow?.(recycled.index, recycled.data);
  }

  entryAt(index) { return this.rows[index - this.first] ?? null; }

  // The rows `matches(data)` picks are rebuilt at the next show() even if their data comes back
  // the same: a control there already shows the person's choice, which an undo or a refusal made
  // before that show() may have taken back.
  invalidate(matches) {
    for (const entry of this.rows) if (matches(entry.data)) entry.json = null;
  }

  columnOf(node) {
    for (const entry of this.rows) {
      const column = entry.focusables.findIndex((f) => f === node || f.contains(node));
      if (column >= 0) return column;
    }
    return null;
  }

  updateTabStops() {
    for (const entry of this.rows) {
      for (const [column, focusable] of entry.focusables.entries()) {
        const tabIndex = entry.index === this.activeRow && column === this.activeColumn ? 0 : -1;
        if (focusable.tabIndex !== tabIndex) focusable.tabIndex = tabIndex;   // unchanged: no DOM write
      }
    }
    // With no row in the window (an empty filter), the grid still has one tab stop.
    const emptyTab = this.rows.length ? -1 : 0;
    if (this.emptyCell.tabIndex !== emptyTab) this.emptyCell.tabIndex = emptyTab;
    if (this.rows.length && !this.entryAt(this.activeRow)) this.rows[0].focusables[this.activeColumn].tabIndex = 0;
  }

  // Moves the keyboard to (row, column), bringing the row into the window first when needed.
  moveTo(row, column = this.activeColumn) {
    if (!this.total) return;
    this.activeRow = Math.min(Math.max(0, row), this.total - 1);
    this.activeColumn = Math.min(Math.max(0, column), this.columnCount - 1);
    if (!this.entryAt(this.activeRow)) {
      const first = Math.max(0, Math.min(this.activeRow - Math.floor(this.windowRows / 4), this.total - this.windowRows));
      this.onWindow(first);            // calls show() synchronously
    }
    this.updateTabStops();
    this.focusActive(this.activeColumn);
  }

  focusActive(column) {
    const entry = this.entryAt(this.activeRow);
    entry?.focusables[column]?.focus({ preventScroll: true });
  }

  onFocusIn(event) {
    for (const entry of this.rows) {
      const column = entry.focusables.findIndex((f) => f === event.target || f.contains(event.target));
      if (column < 0) continue;
      this.activeRow = entry.index;
      this.activeColumn = column;
      this.updateTabStops();
      this.onFocusRow?.(entry.index, entry.data);
      return;
    }
  }

  onKey(event) {
    const column = this.columnOf(event.target);
    if (column === null || this.keyHandledByCell(event, column)) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const moves = {
      ArrowDown: () => this.moveTo(this.activeRow + 1),
      ArrowUp: () => this.moveTo(this.activeRow - 1),
      PageDown: () => this.moveTo(this.activeRow + PAGE_ROWS),
      PageUp: () => this.moveTo(this.activeRow - PAGE_ROWS),
      ArrowRight: () => this.moveTo(this.activeRow, this.activeColumn + 1),
      ArrowLeft: () => this.moveTo(this.activeRow, this.activeColumn - 1),
      Home: () => (ctrl ? this.moveTo(0, this.activeColumn) : this.moveTo(this.activeRow, 0)),
      End: () => (ctrl ? this.moveTo(this.total - 1, this.activeColumn) : this.moveTo(this.activeRow, this.columnCount - 1)),
    };
    const move = moves[event.key];
    if (!move || event.altKey) return;
    event.preventDefault();
    move();
  }
}
