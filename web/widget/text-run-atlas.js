// @ts-check
// The text runs' bookkeeping, loaded with text-runs.js (so only by a plan whose text needs
// shaping): which texts have a run, where each sits in the atlas pages (textures the module makes
// and fills through pm_text_run_upload), the shelf packing, and the eviction of the page used
// longest ago when all are full. The module asks lookup() for every shaped text it draws, each
// frame; a text not seen before is laid out (layout(), the browser's shaping) and uploaded, and the
// page asks the module for a frame when it is ready.

const GAP = 1;                                       // between runs, so linear filtering never bleeds a neighbour in

/**
 * @typedef {{ _pm_text_run_upload(texture: number, x: number, y: number, width: number, height: number, rgba: number): number,
 *   _malloc(size: number): number, _free(pointer: number): void, HEAPU8: Uint8Array }} RunModule
 * @typedef {{ width: number, height: number, data: Uint8ClampedArray }} RunImage
 * @param {{ module: RunModule, layout: (text: string, pixels: number, rightToLeft: boolean, maxWidth: number) => Promise<RunImage>,
 *   rightToLeft: (text: string) => boolean, ready: () => void, alive: () => boolean, pageSize?: number, maxPages?: number }} options
 */
export function createRunAtlas({ module, layout, rightToLeft, ready, alive, pageSize = 1024, maxPages = 4 }) {
  const counts = { requested: 0, delivered: 0, failed: 0, drawn: 0, evicted: 0, pages: 0 };
  /** @type {Map<string, {state: 'pending' | 'ready' | 'failed', rtl: boolean, page: number, x: number, y: number, width: number, height: number}>} */
  const entries = new Map();                         // by device pixel size and text
  /** @type {{texture: number, x: number, y: number, shelf: number, used: number}[]} */
  const pages = [];
  let clock = 0;                                     // lookups so far: what "used longest ago" means

  // Where a width x height image goes: its page (or -1) and top-left corner.
  function place(width, height) {
    if (width > pageSize || height > pageSize) return { page: -1, x: 0, y: 0 };
    const fits = (/** @type {typeof pages[number]} */ p) => {
      if (p.x + width > pageSize) { p.y += p.shelf + GAP; p.x = 0; p.shelf = 0; }   // next shelf
      if (p.y + height > pageSize) return null;
      const at = { x: p.x, y: p.y };
      p.x += width + GAP;
      p.shelf = Math.max(p.shelf, height);
      return at;
    };
    for (const [i, p] of pages.entries()) {
      const at = fits(p);
      if (at) return { page: i, ...at };
    }
    if (pages.length < maxPages) {
      const texture = module._pm_text_run_upload(0, 0, 0, pageSize, pageSize, 0);
      if (!texture) return { page: -1, x: 0, y: 0 };
      pages.push({ texture, x: 0, y: 0, shelf: 0, used: clock });
      counts.pages = pages.length;
      const at = fits(pages[pages.length - 1]);
      return at ? { page: pages.length - 1, ...at } : { page: -1, x: 0, y: 0 };
    }
    // All pages full: the one used longest ago is emptied; its runs are asked for again when shown.
    let oldest = 0;
    for (const [i, p] of pages.entries()) if (p.used < pages[oldest].used) oldest = i;
    for (const [key, entry] of entries) {
      if (entry.state === 'ready' && entry.page === oldest) { entries.delete(key); counts.evicted += 1; }
    }
    Object.assign(pages[oldest], { x: 0, y: 0, shelf: 0 });
    const at = fits(pages[oldest]);
    return at ? { page: oldest, ...at } : { page: -1, x: 0, y: 0 };
  }

  function request(key, entry, text, pixels, maxWidth) {
    layout(text, pixels, entry.rtl, maxWidth).catch(() => null).then((image) => {
      if (!alive() || entries.get(key) !== entry) return;
      const spot = image && image.width > 0 && image.height > 0 ? place(image.width, image.height) : { page: -1, x: 0, y: 0 };
      const pointer = spot.page >= 0 && image ? module._malloc(image.data.length) : 0;
      if (!pointer || !image) { entry.state = 'failed'; counts.failed += 1; return; }
      try {
        module.HEAPU8.set(image.data, pointer);
        module._pm_text_run_upload(pages[spot.page].texture, spot.x, spot.y, image.width, image.height, pointer);
      } finally { module._free(pointer); }
      Object.assign(entry, { state: 'ready', page: spot.page, x: spot.x, y: spot.y, width: image.width, height: image.height });
      pages[spot.page].used = clock;
      counts.delivered += 1;
      ready();
    });
  }

  /**
   * The module's question for `text` at `pixels` device pixels, at most `maxWidth` device pixels
   * wide (0: no limit; cut with an ellipsis to fit): 1 with out (8 floats in the
   * module's memory) = texture, u0, v0, u1, v1, width, height (device pixels), right to left;
   * 0 while the run is being made, or when it cannot be.
   * @param {string} text @param {number} pixels @param {number} maxWidth @param {number} out
   */
  function lookup(text, pixels, maxWidth, out) {
    clock += 1;
    const key = `${pixels},${maxWidth}\u001f${text}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { state: 'pending', rtl: rightToLeft(text), page: -1, x: 0, y: 0, width: 0, height: 0 };
      entries.set(key, entry);
      counts.requested += 1;
      request(key, entry, text, pixels, maxWidth);
    }
    if (entry.state !== 'ready') return 0;
    const page = pages[entry.page];
    page.used = clock;
    counts.drawn += 1;
    new Float32Array(module.HEAPU8.buffer, out, 8).set([page.texture, entry.x / pageSize, entry.y / pageSize,
      (entry.x + entry.width) / pageSize, (entry.y + entry.height) / pageSize, entry.width, entry.height, entry.rtl ? 1 : 0]);
    return 1;
  }

  return { lookup, counts };
}
