// @ts-check
// Text the panel cannot shape itself (Arabic, Persian, Hebrew, Devanagari, Bengali, Tamil, Thai):
// the browser lays it out in a canvas 2D context, which shapes any script, into a white coverage
// image; this module packs the images into a few atlas pages (textures the module makes and fills
// through pm_text_run_upload) and answers the module's per-frame question "where is this text's
// run?" (src/app/web/web_text_runs.h). Loaded by plan-mapper.js with import() on the first such
// text only: a Latin plan downloads none of this, only the module's hook.
//
// The faces are Debian's Noto Sans script faces, one slice per script (cmake/slice_font.py
// --shaped, index fonts/scripts.json): a text fetches the slices of its own scripts and no other,
// each once, checked against the hashes the build wrote (like the wasm and the other fonts).
// The text is data: it only ever reaches fillText and measureText, never the DOM.

import { createRunAtlas } from './text-run-atlas.js';
/** @typedef {(file: string, expected: string | null) => Promise<{ bytes: ArrayBuffer }>} CheckedFetch */
import { SCRIPTS_INTEGRITY, SHAPING_SHA256 } from './scripts-integrity.js';

// The panel's font is Noto Sans, which Dear ImGui scales so that its ascent plus descent (1069 +
// 293 units of 1000) is the font size: the canvas's em is therefore 1000/1362 of it, and the
// baseline sits 1069/1362 of it below the top of the line. Runs are 1.5 lines high (marks above
// and below the letters), the line centred; the panel centres the run on its line.
const EM_PER_LINE = 1000 / 1362;
const BASELINE_PER_LINE = 1069 / 1362;
const HEIGHT_PER_LINE = 1.5;
const MAX_WIDTH = 1024;                              // an atlas page (text-run-atlas.js)
const INDEX_FILE = 'scripts.json';

// Strong right-to-left letters (Hebrew to NKo, the presentation forms, the historic RTL blocks):
// a paragraph whose first letter is one of them runs right to left. Digits, punctuation and
// symbols are not letters and do not decide.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const LETTER = /\p{L}/u;
/** @param {string} text */
export function paragraphIsRtl(text) {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return true;
    if (LETTER.test(ch)) return false;
  }
  return false;
}

/**
 * @param {{ fontsUrl: URL, indexIntegrity?: string }} options
 */
export function createTextRuns({ fontsUrl, indexIntegrity }) {
  const canvas = document.createElement('canvas');
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
  const stats = { runs: 0, slicesFetched: 0, bytesFetched: 0 };
  /** @type {Promise<{slices: {file: string, family: string, ranges: number[][], integrity?: string}[]}> | null} */
  let index = null;
  /** @type {Map<string, Promise<boolean>>} */
  const slices = new Map();                          // file -> loaded (and added to document.fonts)
  const families = new Set();

  function loadIndex() {
    index ??= (indexIntegrity ? fetch(new URL(INDEX_FILE, fontsUrl), { integrity: indexIntegrity }) : Promise.reject(new Error('no hash')))
      .then((response) => (response.ok ? response.json() : { slices: [] }))
      .then((json) => ({ slices: Array.isArray(json?.slices) ? json.slices : [] }))
      .catch(() => ({ slices: [] }));
    return index;
  }

  // Fetches (once) and registers the slices that hold any character of `text`.
  async function fontsFor(text) {
    const { slices: all } = await loadIndex();
    const codepoints = new Set([...text].map((ch) => /** @type {number} */ (ch.codePointAt(0))));
    const wanted = all.filter((slice) => [...codepoints].some((cp) => slice.ranges.some(([first, last]) => cp >= first && cp <= last)));
    await Promise.all(wanted.map((slice) => {
      if (!slices.has(slice.file)) {
        slices.set(slice.file, fetch(new URL(slice.file, fontsUrl), { integrity: slice.integrity })
          .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`))))
          .then(async (bytes) => {
            stats.slicesFetched += 1;
            stats.bytesFetched += bytes.byteLength;
            const unicodeRange = slice.ranges.map(([first, last]) => `U+${first.toString(16)}-${last.toString(16)}`).join(',');
            const face = new FontFace(`plan-mapper-${slice.family}`, bytes, { unicodeRange });
            await face.load();
            // FontFaceSet is set-like; this TypeScript's DOM types do not declare its add().
            /** @type {{ add(face: FontFace): void }} */ (/** @type {unknown} */ (document.fonts)).add(face);
            families.add(`"plan-mapper-${slice.family}"`);
            return true;
          })
          .catch(() => { slices.delete(slice.file); return false; }));   // a later text tries again
      }
      return slices.get(slice.file);
    }));
  }

  /**
   * The run of `text` at `pixels` device pixels (the panel's font size): a white image whose alpha
   * is the text's coverage, laid out right to left when `rightToLeft` (its first strong letter).
   * At most `maxWidth` device pixels wide (0: the atlas page's width): a longer text is cut
   * between graphemes and ended with "…" at its logical end (the left of a right-to-left one), as
   * the panel ends a label cut at its length limit, so its start always shows. `text` is what was
   * laid out.
   * @returns {Promise<{width: number, height: number, data: Uint8ClampedArray, text: string}>}
   */
  async function render(text, pixels, rightToLeft, maxWidth = 0) {
    await fontsFor(text);
    // Script faces first; the rest of a mixed label (Latin, digits) in the page's sans-serif.
    const font = `${(pixels * EM_PER_LINE).toFixed(2)}px ${[...families, 'sans-serif'].join(', ')}`;
    const setUp = () => {
      context.font = font;
      context.direction = rightToLeft ? 'rtl' : 'ltr';
      context.textAlign = rightToLeft ? 'right' : 'left';
      context.textBaseline = 'alphabetic';
      context.fillStyle = '#fff';
    };
    setUp();
    const inked = (/** @type {string} */ s) => {
      const metrics = context.measureText(s);
      return Math.max(metrics.width, (metrics.actualBoundingBoxLeft ?? 0) + (metrics.actualBoundingBoxRight ?? 0)) + 4;
    };
    const limit = maxWidth > 0 ? Math.min(maxWidth, MAX_WIDTH) : MAX_WIDTH;
    let laid = text;
    if (inked(text) > limit) {
      const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((g) => g.segment);
      const cut = (/** @type {number} */ count) => `${graphemes.slice(0, count).join('').trimEnd()}\u2026`;
      let low = 0;                                   // cut(low) fits, or low is 0
      let high = graphemes.length;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (inked(cut(mid)) <= limit) low = mid; else high = mid - 1;
      }
      laid = cut(low);
    }
    const width = Math.max(1, Math.min(limit, Math.ceil(inked(laid))));
    const height = Math.max(1, Math.ceil(pixels * HEIGHT_PER_LINE));
    canvas.width = width;                            // also clears and resets the context's state
    canvas.height = height;
    setUp();
    // Right to left: drawn from the right edge, so a run still too wide (ink beyond) keeps its start.
    const baseline = (height - pixels) / 2 + pixels * BASELINE_PER_LINE;
    context.fillText(laid, rightToLeft ? width - 2 : 2, baseline);
    stats.runs += 1;
    return { width, height, data: context.getImageData(0, 0, width, height).data, text: laid };
  }

  return { render, stats };
}

/**
 * The text runs of one widget: laid out here (the faces from ./fonts/, checked against the hash
 * the build wrote), kept by text-run-atlas.js in the module's textures.
 * @param {{ module: import('./text-run-atlas.js').RunModule, ready: () => void, alive: () => boolean }} options
 */
export function createWidgetTextRuns({ module, ready, alive }) {
  const layout = createTextRuns({ fontsUrl: new URL('./fonts/', import.meta.url), indexIntegrity: SCRIPTS_INTEGRITY ?? undefined });
  const atlas = createRunAtlas({ module, layout: layout.render, rightToLeft: paragraphIsRtl, ready, alive });
  return { lookup: atlas.lookup, stats: () => ({ ...atlas.counts, page: layout.stats }) };
}

// The module's code that draws runs (web/bundle/split-shaping.mjs): fetched and checked against
// the SHA-256 the build wrote (by plan-mapper.js's checkedFetch, as the main wasm), then linked to
// the main instance's exports (its memory, table, stack pointer and a few of emcc's exports; the
// rest of the main wasm's functions it calls through the shared table, table-links.mjs; its
// element segment puts its own functions into that table). Its exports (pm_text_runs_start,
// pm_text_run_upload, pm_text_field_set: web/bundle/shaping-exports.mjs) join the module's as
// emcc's wrappers of the main wasm's exports are, so module._pm_text_runs_start() calls it.
// Throws, saying why, if it cannot.
/** @param {{ asm: WebAssembly.Exports }} module @param {CheckedFetch} checkedFetch */
async function loadShapingCode(module, checkedFetch) {
  const { bytes } = await checkedFetch('plan-mapper-shaping.wasm', SHAPING_SHA256);
  const { instance } = await WebAssembly.instantiate(bytes, { primary: module.asm });
  Object.assign(module, Object.fromEntries(Object.entries(instance.exports).map(([name, value]) => [`_${name}`, value])));
}

// The text entry's fields whose text needs shaping (text-entry.js's `native`): its input edits them
// itself, by text-entry-native.js, imported the first time such a field is edited (not composing);
// until it is there, such a field is typed into as any other.
/** @param {{ input: HTMLInputElement, bridge: { key: (event: KeyboardEvent, down: boolean) => boolean, afterInput: () => void },
 *   native: unknown }} entry @param {(text: string) => void} replace the field's whole text (pm_text_field_set) */
function giveNativeEditing(entry, replace) {
  let loading = null;
  entry.native = {
    active: false,
    edited: () => false,
    /** @param {string} spec @param {boolean} [composing] */
    place(spec, composing) {
      if (spec.includes('\n') && !composing) {
        loading ??= import('./text-entry-native.js').then((kit) => {
          entry.native = kit.createNativeEditing(entry.input, { ...entry.bridge, replace });
          entry.bridge.afterInput();
        }, () => {});
      }
      return false;
    },
  };
}

/**
 * What plan-mapper.js calls once it has imported this module, on the first text that needs
 * shaping (the module asks with textRun while it has no run source): loads the shaping code, then
 * makes the widget's runs, answers the module's textRun from now on, has the text entry edit fields
 * holding such text itself (`textEntry`, text-entry.js's), gives the module its run source
 * (pm_text_runs_start, in the shaping code) and asks for a frame that draws them.
 * Code that could not be loaded (a tampered copy) leaves such text to the module's own glyphs:
 * `failed` hears why, once, and the result is null (no source, so the module never calls the
 * deferred code). Null too when the widget went away meanwhile (`alive` false).
 * @param {import('./text-run-atlas.js').RunModule & { asm: WebAssembly.Exports, _pm_text_runs_start(): void,
 *   _pm_text_field_set(text: number): void, planMapper: { textRun: unknown, wake(): void } }} module
 * @param {() => boolean} alive @param {(during: string, message: string) => void} failed
 * @param {CheckedFetch} checkedFetch plan-mapper.js's fetch of a bundle file that throws unless
 *   its SHA-256 is the expected one
 * @param {Parameters<typeof giveNativeEditing>[0] | null} textEntry
 * @param {(module: any, text: string, use: (pointer: number) => void) => void} withString plan-mapper.js's: `text`
 *   copied into the module's memory for the length of `use`
 */
export async function startWidgetTextRuns(module, alive, failed, checkedFetch, textEntry, withString) {
  try {
    await loadShapingCode(module, checkedFetch);
    // Only that code gives the module its run source: without it nothing here may be set up
    // (the module would be asked for runs it has no code to draw).
    if (typeof module._pm_text_runs_start !== 'function') throw new Error('the shaping code has no pm_text_runs_start');
  } catch (error) {
    const message = `plan-mapper: text in Arabic, Hebrew, Indic or Thai script is shown unshaped: ${error instanceof Error ? error.message : error}`;
    console.error(message);
    failed('loading the shaping code', message);
    return null;
  }
  if (!alive()) return null;
  const ready = () => module.planMapper.wake();
  const runs = createWidgetTextRuns({ module, ready, alive });
  module.planMapper.textRun = runs.lookup;
  if (textEntry) giveNativeEditing(textEntry, (text) => withString(module, text, (pointer) => module._pm_text_field_set(pointer)));
  module._pm_text_runs_start();
  ready();
  return runs;
}
