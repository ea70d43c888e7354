// @ts-check
// How text-entry.js shows its <input> as the canvas's text field while the field holds text that
// needs shaping (Arabic, Hebrew, Indic, Thai...): over the field's frame, which the canvas still
// draws (without its glyphs) beneath, in the panel's font size and text colour, so the browser's
// own bidi cursor, selection and editing keys are what the person uses; while it is so, the
// input's events are the field's edits (createNativeEditing). Imported by text-entry.js the first
// time a field holds such text: a Latin plan never loads it.

const NATIVE_STYLE = 'position:absolute;margin:0;border:0;outline:none;box-sizing:border-box;background:transparent;' +
  'font-family:"Noto Sans",sans-serif;z-index:1';
// ImGui's font size is a line of Noto Sans (ascent + descent, 1069 + 293 units of 1000): its em.
const EM_PER_LINE = 1000 / 1362;

// The keys the panel acts on while the page edits the text; the rest are the browser's.
export const PANEL_KEYS = new Set(['Enter', 'NumpadEnter', 'Escape', 'Tab', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown']);

/**
 * Lays `input` over the field: `frame` is the module's [x, y, width, height, font size, text inset,
 * text colour (0xAABBGGRR)] in CSS pixels of the canvas.
 * @param {HTMLInputElement} input @param {number[]} frame
 */
export function showOver(input, [x, y, width, height, fontSize, paddingX, colour]) {
  input.style.cssText = NATIVE_STYLE;
  Object.assign(input.style, {
    left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px`, padding: `0 ${paddingX}px`,
    fontSize: `${(fontSize * EM_PER_LINE).toFixed(2)}px`,
    color: `rgba(${colour & 255},${(colour >>> 8) & 255},${(colour >>> 16) & 255},${((colour >>> 24) & 255) / 255})`,
  });
}

/**
 * The editing of `input` as the field (text-entry.js offers it each event first; a method
 * returning true took the event). `show` lays the input over the field's frame, holding the
 * field's text when it becomes the field; `hide` gives it back its `entryStyle`.
 * While shown, the browser edits the text: every edit goes to the field whole (bridge.replace),
 * and only the panel's keys (PANEL_KEYS) go on to ImGui.
 * @param {HTMLInputElement} input @param {string} entryStyle
 * @param {{ key: (event: KeyboardEvent, down: boolean) => boolean, replace: (text: string) => void, afterInput: () => void }} bridge
 */
export function createNativeEditing(input, bridge, entryStyle) {
  const editing = {
    active: false,
    // `spec` is the module's (pm_text_field): the cursor's x, y, height, the field's frame (see
    // showOver), then after a line feed the field's text.
    /** @param {string} spec */
    show(spec) {
      const lineEnd = spec.indexOf('\n');
      const text = spec.slice(lineEnd + 1);
      showOver(input, spec.slice(0, lineEnd).split(',').map(Number).slice(3));
      if (editing.active) return;
      editing.active = true;
      input.dataset.planMapperTextEntry = 'native';
      input.value = text;
      input.setSelectionRange(text.length, text.length);
    },
    hide() {
      editing.active = false;
      input.dataset.planMapperTextEntry = '';
      input.value = '';
      input.style.cssText = entryStyle;
    },
    /** @param {KeyboardEvent} event */
    keydown(event) {
      if (!editing.active) return false;
      if (PANEL_KEYS.has(event.code)) {
        if (bridge.key(event, true) && event.code !== 'Tab') event.preventDefault();
        bridge.afterInput();
      }
      return true;                                   // the rest: the browser edits the text
    },
    /** @param {KeyboardEvent} event */
    keyup: (event) => editing.active && !PANEL_KEYS.has(event.code),
    // The input's text changed (typed, pasted, composed): the field gets it whole.
    edited() {
      if (!editing.active) return false;
      bridge.replace(input.value);
      bridge.afterInput();
      return true;
    },
    // A composition in progress: the input shows it.
    composing() {
      if (editing.active) bridge.afterInput();
      return editing.active;
    },
  };
  return editing;
}
