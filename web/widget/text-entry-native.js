// @ts-check
// How text-entry.js shows its <input> as the canvas's text field while the field holds text that
// needs shaping (Arabic, Hebrew, Indic, Thai...): over the field's frame, which the canvas still
// draws (without its glyphs) beneath, in the panel's font size and text colour, so the browser's
// own bidi cursor, selection and editing keys are what the person uses; while it is so, the
// input's events are the field's edits (createNativeEditing). Imported by text-runs.js the first
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
 * The editing of `input` (text-entry.js's) as the field. `place` is called with the module's
 * pm_text_field after each frame: a field whose text needs shaping has a line feed in it (the
 * field's frame, then its text), and then the input is laid over the field's frame, holding the
 * field's text when it becomes the field; any other spec (another field, none) gives the input back
 * its own style. While shown, the browser edits the text: every edit goes to the field whole
 * (bridge.replace), and only the panel's keys (PANEL_KEYS) go on to ImGui. The input's events are
 * taken here before text-entry.js's own listeners hear them (capture listeners on the input run
 * first), so that module needs no code of this one's but `edited` (at a composition's end, after its
 * own part), `active` and `place`.
 * @param {HTMLInputElement} input
 * @param {{ key: (event: KeyboardEvent, down: boolean) => boolean, replace: (text: string) => void, afterInput: () => void }} bridge
 */
export function createNativeEditing(input, bridge) {
  let composing = false;                             // as text-entry.js's: a composition's input is not sent
  let shown = '';                                    // the spec the input was last laid out for
  let entryStyle = '';                               // text-entry.js's style of the input, given back by hide
  const editing = {
    active: false,
    /** @param {string} spec @param {boolean} [composingNow] text-entry.js's: the input shows a composition */
    place(spec, composingNow) {
      if (!spec.includes('\n')) {
        if (editing.active) editing.hide();
        return false;
      }
      if (spec !== shown && !composingNow) editing.show(spec);
      return true;
    },
    // `spec` is the module's (pm_text_field): the cursor's x, y, height, the field's frame (see
    // showOver), then after a line feed the field's text.
    /** @param {string} spec */
    show(spec) {
      const lineEnd = spec.indexOf('\n');
      const text = spec.slice(lineEnd + 1);
      shown = spec;
      if (!editing.active) entryStyle = input.style.cssText;
      showOver(input, spec.slice(0, lineEnd).split(',').map(Number).slice(3));
      if (editing.active) return;
      editing.active = true;
      input.dir = 'auto';
      input.dataset.planMapperTextEntry = 'native';
      input.value = text;
      input.setSelectionRange(text.length, text.length);
    },
    hide() {
      editing.active = false;
      shown = '';
      input.dir = '';
      input.dataset.planMapperTextEntry = '';
      input.value = '';
      input.style.cssText = entryStyle;
    },
    // The input's text changed (typed, pasted, composed): the field gets it whole.
    edited() {
      if (!editing.active) return false;
      bridge.replace(input.value);
      bridge.afterInput();
      return true;
    },
  };
  // Whether a composition is in progress, as text-entry.js tells it (its listeners run after these).
  /** @type {[string, boolean][]} */
  const composingAfter = [['compositionstart', true], ['compositionend', false], ['blur', false]];
  for (const [type, value] of composingAfter) {
    input.addEventListener(type, () => { composing = value; }, true);
  }
  // While shown, what each event does here; true: taken, text-entry.js's listener does not hear it.
  /** @type {Record<string, (event: any) => boolean>} */
  const take = {
    keydown(event) {
      if (event.isComposing || event.keyCode === 229) return false;   // the input method's (text-entry.js leaves it too)
      if (PANEL_KEYS.has(event.code)) {
        if (bridge.key(event, true) && event.code !== 'Tab') event.preventDefault();
        bridge.afterInput();
      }
      return true;                                   // the rest: the browser edits the text
    },
    keyup: (event) => !PANEL_KEYS.has(event.code),
    input: (event) => !event.isComposing && !composing && editing.edited(),
    // A composition in progress: the input shows it.
    compositionupdate() {
      bridge.afterInput();
      return true;
    },
    paste: () => true,                               // pasted into the input; its input event sends it
  };
  for (const [type, handle] of Object.entries(take)) {
    input.addEventListener(type, (event) => {
      if (editing.active && handle(event)) event.stopImmediatePropagation();
    }, true);
  }
  return editing;
}
