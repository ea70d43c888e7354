// @ts-check
// Text entry for the canvas's text fields (the search, a picker's type-ahead) through a real
// focused <input>, so input methods (Chinese, Japanese, Korean), dead keys and on-screen keyboards
// work: key events alone carry none of their text. While the panel has a text field active (the
// module's pm_text_field, checked after each frame), the keyboard is moved to an invisible input
// laid over that field's cursor (where the input method opens its candidate window); the text it
// produces goes to the field (pm_text), the composition in progress is drawn in place by the
// module (pm_ime_composition), and named keys (arrows, Enter, Escape, Backspace, shortcuts) go on
// to ImGui as before. When the field closes, the keyboard goes back to the canvas.
// A field whose text needs shaping (Arabic, Hebrew, Indic, Thai...; the module says so with the
// field's frame and text, ui/shaped_field.h) is edited in this input itself, shown over the field
// (dir=auto, the panel's font size and text colour): the browser's own bidi cursor, selection and
// editing keys. Each edit sends the whole text to the field (pm_text_field_set), so the panel
// filters as it does for typed text; only the keys the panel acts on (Enter, Escape, Tab, Up,
// Down, Page Up/Down) go on to ImGui. It stays so until the field closes.
// Text is data: it crosses to the module as a string and is an input's value, never markup.

// Invisible but laid out (an input method needs a caret rectangle to place its window); the mouse
// goes through it to the canvas.
const ENTRY_STYLE = 'position:absolute;left:0;top:0;width:2em;height:1em;margin:0;padding:0;border:0;outline:none;' +
  'opacity:0;background:transparent;color:transparent;caret-color:transparent;pointer-events:none;z-index:1';
/**
 * @param {{ region: HTMLElement, canvas: HTMLCanvasElement, bridge: {
 *   field: () => string, text: (text: string) => void, composition: (text: string) => void,
 *   key: (event: KeyboardEvent, down: boolean) => boolean, paste: (text: string) => void,
 *   blur: () => void, afterInput: () => void } }} parts
 */
export function createTextEntry({ region, canvas, bridge }) {
  const input = document.createElement('input');
  input.type = 'text';
  input.tabIndex = -1;                               // reached through the canvas's field only
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocorrect', 'off');
  input.setAttribute('aria-label', 'Text field of the visual panel');
  input.dataset.planMapperTextEntry = '';
  input.style.cssText = ENTRY_STYLE;
  canvas.after(input);                               // Tab from it goes where Tab from the canvas goes
  let composing = false;
  let placed = '';
  // The lines between shaping-hook markers exist only for fields holding shaped text: tools/
  // shaping-bytes.mjs strips them to tell what they cost a Latin plan's download. Such a field
  // (Arabic, Hebrew, Indic, Thai...) is text-entry-native.js's: text-runs.js, imported once the
  // panel has such text, gives it as `native` (below), and it shows the input over the field and
  // takes the input's events before the listeners below (but compositionend's and blur's).

  // What the input holds is sent as typed text, and it is emptied (it never keeps text: the
  // field in the canvas is the one that shows it).
  const sendValue = (text) => {
    input.value = '';
    if (text) bridge.text(text);
  };

  /** @type {Array<[string, (event: any) => void]>} */
  const listeners = [
    ['keydown', (event) => {
      if (event.isComposing || event.keyCode === 229) return;   // the input method has this key
      if ((event.ctrlKey || event.metaKey) && event.code === 'KeyV') return;   // the paste event brings it
      const consumed = bridge.key(event, true);
      // Characters (dead keys included) come as input events; named keys and shortcuts ImGui
      // took are kept from the browser (Tab still moves the focus on, as from the canvas).
      const character = event.key.length === 1 || event.key === 'Dead' || event.key === 'Process';
      if (consumed && event.key !== 'Tab' && (!character || event.ctrlKey || event.metaKey)) event.preventDefault();
      bridge.afterInput();
    }],
    ['keyup', (event) => {
      bridge.key(event, false);
      bridge.afterInput();
    }],
    ['input', (event) => {
      if (event.isComposing || composing) return;     // shown by compositionupdate, sent at its end
      sendValue(input.value);
      bridge.afterInput();
    }],
    ['compositionstart', () => { composing = true; }],
    ['compositionupdate', (event) => {
      bridge.composition(event.data ?? '');
      bridge.afterInput();
    }],
    ['compositionend', (event) => {
      composing = false;
      bridge.composition('');
      // shaping-hook:begin
      if (entry.native?.edited()) return;
      // shaping-hook:end
      sendValue(event.data || input.value);
      bridge.afterInput();
    }],
    ['paste', (event) => {
      bridge.paste(event.clipboardData?.getData('text/plain') ?? '');
      event.preventDefault();
      bridge.afterInput();
    }],
    // The keyboard leaves the widget (not just back to the canvas): ImGui hears the focus went.
    ['blur', (event) => {
      if (composing) {
        composing = false;
        bridge.composition('');
        // shaping-hook:begin
        if (!entry.native?.active)
        // shaping-hook:end
        input.value = '';
      }
      if (event.relatedTarget !== canvas) bridge.blur();
    }],
  ];
  for (const [type, handler] of listeners) input.addEventListener(type, handler);

  const entry = {
    input,
    // shaping-hook:begin
    bridge,
    /** @type {{ active: boolean, edited(): boolean, place(spec: string, composing?: boolean): boolean } | null} */
    native: null,                                    // text-entry-native.js's editing, once text-runs.js gives it
    // shaping-hook:end
    // After each frame: the input follows the active field, or hands the keyboard back.
    sync() {
      const spec = bridge.field();
      const active = document.activeElement;
      if (spec && (active === canvas || active === input)) {
        // shaping-hook:begin
        // The field's text needs shaping (the spec has its frame and text too): the input is the field.
        if (entry.native?.place(spec, composing)) placed = ''; else
        // shaping-hook:end
        if (spec !== placed) {
          const [x, y, height] = spec.split(',');
          input.style.left = `${x}px`;
          input.style.top = `${y}px`;
          input.style.height = `${height}px`;
          input.style.fontSize = `${height}px`;
          placed = spec;
        }
        if (active !== input) input.focus({ preventScroll: true });
      } else {
        // shaping-hook:begin
        entry.native?.place('');
        // shaping-hook:end
        if (!spec && active === input) canvas.focus({ preventScroll: true });
      }
    },
    destroy() {
      for (const [type, handler] of listeners) input.removeEventListener(type, handler);
      input.remove();
    },
  };
  return entry;
}
