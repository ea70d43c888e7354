// @ts-check
// How text-entry.js shows its <input> as the canvas's text field while the field holds text that
// needs shaping (Arabic, Hebrew, Indic, Thai...): over the field's frame, which the canvas still
// draws (without its glyphs) beneath, in the panel's font size and text colour, so the browser's
// own bidi cursor, selection and editing keys are what the person uses. Imported by text-entry.js
// the first time a field holds such text: a Latin plan never loads it.

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
