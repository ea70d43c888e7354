// The destination picker of the accessibility mirror: an ARIA 1.2 editable combobox (an <input>,
// so typing, IME composition and on-screen keyboards work) with one listbox shared by every row,
// filled only while open. Options come from the module (the canvas picker's list: Not mapped, Do
// not import, the matcher's candidates, then every field, taken ones with their source); a plan of
// 5,000 destinations lists the first OPTION_LIMIT that match what was typed.
import { el } from './a11y-grid.js';
import { NO_MESSAGES } from './messages.js';

const OPTION_LIMIT = 50;
let nextListboxId = 1;

// What the option says to a person: "Tags", "Tags, required, taken by Notes", "Account, 92% match".
export function optionName(option, { t } = NO_MESSAGES) {
  if (option.kind !== 'destination') return option.label;
  let name = option.label;
  if (option.required) name += t('mirror.required');
  if (option.takenBy) name += `, ${t('picker.takenBy', { source: option.takenBy })}`;
  if (option.score !== undefined) name += t('mirror.score', { score: option.score });
  return name;
}

// fetchOptions(sourceKey, query, limit) -> {options, more}; pick(sourceKey, option) applies one;
// messages: the widget's words (messages.js).
export class DestinationCombobox {
  constructor({ fetchOptions, pick, messages = NO_MESSAGES }) {
    this.messages = messages;
    this.fetchOptions = fetchOptions;
    this.pick = pick;
    this.listbox = el('ul', { role: 'listbox', id: `plan-mapper-destinations-${nextListboxId++}`, hidden: true });
    this.more = el('span', { id: `${this.listbox.id}-more` });
    this.input = null;                 // the combobox that is open
    this.options = [];
    this.active = -1;
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());   // keep focus in the input
    this.listbox.addEventListener('click', (event) => {
      const item = event.target.closest('[role="option"]');
      if (item && this.input) this.choose(Number(item.dataset.index));
    });
  }

  // One combobox for a row: `label` names it ("Destination for E-mail address"); `shown` is the
  // current choice's text.
  create(sourceKey, label, shown) {
    const input = el('input', {
      type: 'text', role: 'combobox', 'aria-label': label, 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': this.listbox.id, 'aria-describedby': this.more.id, autocomplete: 'off', spellcheck: 'false',
    });
    input.value = shown;
    input.dataset.shown = shown;
    input.dataset.source = sourceKey;
    input.addEventListener('input', () => { if (!input.composing) this.open(input, input.value); });
    // IME: the query is taken when the composition is committed, not from its intermediate text.
    input.addEventListener('compositionstart', () => { input.composing = true; });
    input.addEventListener('compositionend', () => { input.composing = false; this.open(input, input.value); });
    input.addEventListener('keydown', (event) => this.onKey(input, event));
    input.addEventListener('blur', () => { if (this.input === input) this.close(true); });
    return input;
  }

  isOpen(input) { return this.input === input; }

  // The person is in the middle of choosing: the list is open or they typed something. The row
  // must not be rebuilt under them (suggestions arriving would throw their typing away).
  isBusy(node) {
    return node instanceof HTMLInputElement && node.getAttribute('role') === 'combobox' &&
      (this.input === node || node.value !== node.dataset.shown);
  }

  open(input, query) {
    if (this.input && this.input !== input) this.close(true);
    this.input = input;
    const { options, more } = this.fetchOptions(input.dataset.source, query, OPTION_LIMIT);
    this.options = options;
    this.listbox.replaceChildren();
    for (const [index, option] of options.entries()) {
      const item = el('li', { role: 'option', id: `${this.listbox.id}-${index}`, 'aria-selected': option.selected ? 'true' : 'false' }, optionName(option, this.messages));
      item.dataset.index = String(index);
      this.listbox.appendChild(item);
    }
    this.more.textContent = more > 0 ? this.messages.n('mirror.moreMatch', more) : options.length ? '' : this.messages.t('picker.noMatch');
    // An empty listbox is not shown (the description says nothing matches).
    this.listbox.hidden = options.length === 0;
    input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
    // Typed text selects the first match (Enter takes it, like the canvas); opened empty, the current choice.
    const selected = options.findIndex((o) => o.selected);
    this.setActive(query ? (options.length ? 0 : -1) : Math.max(0, selected));
  }

  setActive(index) {
    const items = this.listbox.children;
    if (this.active >= 0 && items[this.active]) items[this.active].classList.remove('active');
    this.active = index;
    if (index >= 0 && items[index]) {
      items[index].classList.add('active');
      this.input.setAttribute('aria-activedescendant', items[index].id);
    } else {
      this.input?.removeAttribute('aria-activedescendant');
    }
  }

  close(restore) {
    const input = this.input;
    if (!input) return;
    this.input = null;
    this.listbox.hidden = true;
    this.listbox.replaceChildren();
    this.more.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    if (restore) input.value = input.dataset.shown;
  }

  choose(index) {
    const input = this.input;
    const option = this.options[index];
    if (!input || !option) return;
    this.close(false);
    input.value = option.label;
    input.dataset.shown = option.label;
    this.pick(input.dataset.source, option);
  }

  // Keys the combobox keeps (the grid gets the others): true when handled.
  onKey(input, event) {
    const open = this.isOpen(input);
    if (event.key === 'ArrowDown' && (event.altKey || open)) {
      event.preventDefault();
      event.stopPropagation();
      if (!open) this.open(input, '');
      else this.setActive(Math.min(this.active + 1, this.options.length - 1));
      return true;
    }
    if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      event.stopPropagation();
      if (event.altKey) this.close(true); else this.setActive(Math.max(this.active - 1, 0));
      return true;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      if (open && this.active >= 0) this.choose(this.active);
      else if (!open) this.open(input, '');
      return true;
    }
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return true;
    }
    if ((event.key === 'Home' || event.key === 'End' || event.key === 'ArrowLeft' || event.key === 'ArrowRight') && open) {
      event.stopPropagation();           // caret keys while typing
      return true;
    }
    return false;
  }
}
