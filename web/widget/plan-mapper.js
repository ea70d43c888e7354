// @ts-check
// plan-mapper embedding API: mountPlanMapper(container, options) and the <plan-mapper> element.
//
// Each mount creates its own canvas and its own instance of the wasm module, so several widgets on
// one page never share state. This file owns the DOM side: sizing (ResizeObserver, HiDPI backing
// store), input events forwarded to the module, and frame scheduling — a frame is drawn only when
// input, the network or a resize asks for one, so an idle widget draws nothing.
import createPlanMapperModule from './plan-mapper-wasm.js';
import { createA11yMirror } from './a11y-mirror.js';
import { createMessages, fetchLanguage } from './messages.js';
import { allowedApiOriginsFor, apiUrlProblem } from './allowed-origins.js';
import { draftStore } from './drafts.js';
import { changeDetail } from './change-detail.js';
import { createTextEntry } from './text-entry.js';
import { memoryStore } from './memory-store.js';
import { BUNDLE_INTEGRITY } from './bundle-integrity.js';
import { deferredCode } from './deferred-code.js';
import { sha256Hex } from './sha256.js';

export { FLATFILE_API_ORIGINS } from './allowed-origins.js';

let nextCanvasId = 1;
// The fallback faces' slice indexes under fonts/ beside this file, by the face number the module
// asks for (ui::FallbackFace; src/app/web/wasm_interface.json declares the list). Each index lists
// the face's slices (cmake/slice_font.py): a file, the code points it holds and its SRI hash.
const FALLBACK_FONT_FILES = ['noto-extra.json', 'cjk-fallback.json'];
// Frames drawn after an input event: ImGui settles hover and active states over a few frames.
const SETTLE_FRAMES = 3;
// How long the WebGL context's creation waits for the wasm's bytes, so that their compile runs
// beside it (see mount): preloaded bytes take a few ms to arrive.
const WASM_BYTES_PATIENCE_MS = 30;

// `file`'s bytes once their SHA-256 is `expected`, the one the build wrote into bundle-integrity.js;
// else it throws, saying why. `withBytes(bytes)` may start something on the bytes (a compile, off
// the main thread) while the hash is computed: its result comes back as `early`.
/**
 * @param {string} file @param {string | undefined} expected
 * @param {(bytes: ArrayBuffer) => Promise<WebAssembly.Module> | null} [withBytes]
 */
async function checkedFetch(file, expected, withBytes = () => null) {
  if (!expected) throw new Error(`this copy of plan-mapper has no hash for ${file} (its integrity file is the unbuilt placeholder), so it does not run it`);
  const response = await fetch(new URL(`./${file}`, import.meta.url), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${file} could not be fetched (HTTP ${response.status})`);
  const bytes = await response.arrayBuffer();
  const early = withBytes(bytes);
  if (await sha256Hex(bytes) !== expected) throw integrityError(file);
  return { bytes, early };
}
const integrityError = (file) => new Error(`${file} failed its integrity check (its SHA-256 is not the one this plan-mapper.js was built with): it was not run. The host may serve a tampered or mixed-up copy.`);

// Instantiates the wasm only once its bytes have the SHA-256 the build wrote into
// bundle-integrity.js: a host whose CDN serves other bytes fails closed with a clear message.
// Compiling and hashing run side by side; nothing is instantiated before the hash matches.
// The compile starts from the whole bytes (WebAssembly.compile decodes and validates on V8's
// background threads), not streamed: a streamed compile consumes its bytes on the main thread,
// which is blocked meanwhile by the WebGL context's creation, so it could only start after it.
// `bytesHere` is called once the compile has started (or the fetch failed).
// Emscripten's instantiateWasm hook: the exports arrive through `receive`.
// The build moved the code that draws shaped text into plan-mapper-shaping.wasm (web/bundle/
// split-shaping.mjs), which text-runs.js loads; the main wasm needs no import for it (its
// placeholders are traps that nothing can reach before that module is loaded: web/bundle/
// placeholder-functions.mjs).
// The code the first frame does not run is in plan-mapper-deferred.wasm (deferred-code.js).
function verifiedWasm(onFailure, deferred, bytesHere) {
  return (imports, receive) => {
    imports.d = deferred.placeholders;   // split-deferred.mjs's PLACEHOLDER_NAMESPACE
    (async () => {
      // A compile error of tampered bytes is reported by the hash check instead.
      const { early: compiling } = await checkedFetch('plan-mapper-wasm.wasm', BUNDLE_INTEGRITY?.wasm?.sha256, (bytes) => {
        const compiling = WebAssembly.compile(bytes);
        compiling.catch(() => {});
        bytesHere();
        return compiling;
      });
      const instance = await WebAssembly.instantiate(await compiling, imports);
      deferred.start(instance);
      receive(instance, await compiling);
    })().catch((error) => { bytesHere(); onFailure(error); });
    return {};
  };
}

function copyStringToHeap(module, text) {
  const size = module.lengthBytesUTF8(text) + 1;
  const pointer = module._malloc(size);
  module.stringToUTF8(text, pointer, size);
  return pointer;
}

function withString(module, text, use) {
  const pointer = copyStringToHeap(module, text);
  try { return use(pointer); } finally { module._free(pointer); }
}

// Options with a fixed set of values, and the ones that must be functions: a wrong one rejects the
// mount with a TypeError that names it, instead of being replaced by a default without a word.
const CHOICES = { theme: ['light', 'dark'], submitMethod: ['put', 'patch'] };
const CALLBACKS = ['getToken', 'onReady', 'onChange', 'onSubmit', 'onError'];

function checkOptions(options) {
  if (options === null || typeof options !== 'object') throw new TypeError('mountPlanMapper: options must be an object');
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = options[name];
    if (value !== undefined && value !== null && !allowed.includes(value)) {
      const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
      throw new TypeError(`mountPlanMapper: options.${name} must be ${allowed.map((v) => `"${v}"`).join(' or ')}, not ${shown}`);
    }
  }
  for (const name of CALLBACKS) {
    const value = options[name];
    if (value !== undefined && value !== null && typeof value !== 'function') {
      throw new TypeError(`mountPlanMapper: options.${name} must be a function, not ${typeof value}`);
    }
  }
  if (options.lang != null && typeof options.lang !== 'string') {
    throw new TypeError(`mountPlanMapper: options.lang must be a string such as "de", not ${typeof options.lang}`);
  }
  if (options.strings != null && (typeof options.strings !== 'object' || Array.isArray(options.strings))) {
    throw new TypeError('mountPlanMapper: options.strings must be an object of message key -> text');
  }
  if (options.label != null && typeof options.label !== 'string') {
    throw new TypeError(`mountPlanMapper: options.label must be a string, not ${typeof options.label}`);
  }
  if (options.signal != null && !(options.signal instanceof AbortSignal)) {
    throw new TypeError('mountPlanMapper: options.signal must be an AbortSignal');
  }
}

const abortError = () => new DOMException('plan-mapper: the mount was aborted', 'AbortError');

// `promise`, or an AbortError as soon as `signal` aborts, whichever comes first.
function unlessAborted(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    if (signal.aborted) { reject(abortError()); return; }
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function mountPlanMapper(container, options = {}) {
  if (!(container instanceof HTMLElement)) throw new TypeError('mountPlanMapper: container must be an element');
  checkOptions(options);
  const signal = options.signal ?? null;
  if (signal?.aborted) throw abortError();
  // The token goes only to an allowed API origin, checked before anything is loaded or sent: the
  // API address may come from the host page's own URL, which anyone can write into a link.
  // A plan given with no API address is edited offline and sends nothing.
  const allowedApiOrigins = allowedApiOriginsFor(options.allowedApiOrigins);
  if (options.apiUrl || !options.plan) {
    const refusal = apiUrlProblem(options.apiUrl, allowedApiOrigins);
    if (refusal) {
      container.dataset.planMapperState = 'error';
      throw new Error(`plan-mapper: ${refusal}`);
    }
  }
  // The widget's region landmark (named by options.label): the canvas for the mouse and for
  // sighted keyboard use, and beside it the accessibility mirror for screen readers (a11y-mirror.js).
  const label = options.label ?? 'Field mapping';
  const region = document.createElement('section');
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', label);
  region.style.cssText = 'display:block;position:relative;width:100%;height:100%';
  const canvas = document.createElement('canvas');
  canvas.id = `plan-mapper-canvas-${nextCanvasId++}`;
  canvas.tabIndex = 0;                                 // focusable by click or Tab, never grabs focus itself
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-label', `${label}, visual panel`);
  canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:none';
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  region.appendChild(canvas);
  container.appendChild(region);
  container.dataset.planMapperState = 'loading';

  let module = null;
  let deferred = null;                                 // the code the first frame does not run (deferred-code.js)
  let destroyed = false;
  let frameRequest = 0;
  let frameTimer = 0;
  let settleFrames = SETTLE_FRAMES;
  let mirror = null;
  let buildMirror = null;                              // builds it, in the task after the first frame
  let readyWithoutMirror = false;                      // 'ready' came before the mirror: said once it is built
  let textEntry = null;                                // the <input> the panel's text fields type through
  const pendingMirrorEvents = [];                      // events before the mirror exists (ready)

  // The backing store at the device pixel ratio. Assigned only when it changes: any assignment
  // clears and reallocates the drawing buffer.
  function sizeCanvas() {
    const rect = container.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    return { rect, ratio };
  }

  // The slices of each fallback face this mount has (or is fetching): a plan fetches only the ones
  // that hold its characters, each once. Indexes and slices are checked like the wasm: the module
  // parses them, so they must be the ones built (bundle-integrity.js holds the indexes' hashes,
  // each index its slices').
  const sliceIndexes = new Map();
  const slicesTaken = new Set();
  function fallbackSlices(face, indexFile, codepoints) {
    if (!sliceIndexes.has(face)) {
      const integrity = BUNDLE_INTEGRITY?.fonts?.[indexFile];
      sliceIndexes.set(face, (integrity ? fetch(new URL(`./fonts/${indexFile}`, import.meta.url), { integrity }) : Promise.reject(new Error('no hash')))
        .then((response) => (response.ok ? response.json() : { slices: [] }))
        .catch(() => ({ slices: [] })));
    }
    return sliceIndexes.get(face).then((index) => {
      const wanted = (Array.isArray(index.slices) ? index.slices : []).filter((slice) => !slicesTaken.has(slice.file) &&
        codepoints.some((cp) => slice.ranges.some(([first, last]) => cp >= first && cp <= last)));
      for (const slice of wanted) slicesTaken.add(slice.file);
      return Promise.all(wanted.map((slice) => fetch(new URL(`./fonts/${slice.file}`, import.meta.url), { integrity: slice.integrity })
        .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`))))
        .then((buffer) => new Uint8Array(buffer))
        .catch(() => { slicesTaken.delete(slice.file); return null; })));   // a later plan tries again
    }).then((files) => files.filter(Boolean));
  }

  // shaping-hook:begin (tools/shaping-bytes.mjs strips these lines to tell what they cost)
  // Text the module cannot shape (Arabic, Hebrew, Indic, Thai): the module asks (textRun) until
  // text-runs.js, imported then, has loaded the shaping code and taken over (it answers textRun,
  // gives the module its run source and the text entry its editing of such text); until then the
  // module draws the text itself. Failing to load them is said once (text-runs.js words it); the
  // rest of the panel carries on.
  let shaping = null;
  const textRun = () => {
    shaping ??= import('./text-runs.js').then((loaded) => loaded.startWidgetTextRuns(module, () => !destroyed, reportError, checkedFetch, textEntry, withString),
      (error) => reportError('loading the shaping code', `plan-mapper: ${error?.message ?? error}`));
    return 0;
  };
  // shaping-hook:end

  const emit = (name, detail) => {
    const handlers = { ready: options.onReady, change: options.onChange, submit: options.onSubmit, error: options.onError };
    const handler = handlers[name];
    if (handler) {
      try { handler(detail); } catch (error) { console.error('plan-mapper: callback failed', error); }
    }
    container.dispatchEvent(new CustomEvent(`plan-mapper-${name}`, { detail }));
  };
  const reportError = (during, message) => emit('error', { during, message, status: 0, serverMessages: [], problems: [] });

  const frameStats = { frames: 0, totalMs: 0, lastMs: 0, maxMs: 0, firstFrameAt: 0 };
  let inFrame = false;
  const drawFrame = () => {
    frameRequest = 0;
    if (destroyed || !module) return;
    // The frames after the first read the plan, i.e. run the deferred code: they wait for it.
    if (frameStats.frames && deferred?.pending) { deferred.whenSettled(() => scheduleFrame(0)); return; }
    const started = performance.now();
    if (!frameStats.frames) performance.mark?.('plan-mapper:first-frame-start');
    let delay = module._pm_frame(started);
    const spent = performance.now() - started;
    frameStats.frames += 1;
    frameStats.totalMs += spent;
    frameStats.lastMs = spent;
    frameStats.maxMs = Math.max(frameStats.maxMs, spent);
    if (!frameStats.firstFrameAt) {
      frameStats.firstFrameAt = performance.now();   // ms since navigation
      performance.mark?.('plan-mapper:first-frame');
      if (buildMirror) setTimeout(buildMirror, 0);   // after this frame is shown
    }
    // Input noted by the mirror or text entry now (a focus moved) asks for its frames below, with
    // the frame's own request, not a second requestAnimationFrame in the middle of this one.
    inFrame = true;
    try {
      mirror?.update();
      textEntry?.sync();
    } finally { inFrame = false; }
    if (settleFrames > 0) { settleFrames -= 1; delay = 0; }
    if (delay >= 0) scheduleFrame(delay);
  };

  function scheduleFrame(delay = 0) {
    if (destroyed) return;
    if (delay > 0) {
      if (!frameTimer) frameTimer = setTimeout(() => { frameTimer = 0; scheduleFrame(0); }, delay);
      return;
    }
    if (!frameRequest) frameRequest = requestAnimationFrame(drawFrame);
  }

  const afterInput = () => { settleFrames = SETTLE_FRAMES; if (!inFrame) scheduleFrame(0); };

  // Until the controller is returned, any failure (an aborted signal, getToken throwing, the module
  // failing to start) takes back everything this call put in the container.
  let abandon = () => {
    destroyed = true;
    if (frameRequest) cancelAnimationFrame(frameRequest);
    if (frameTimer) clearTimeout(frameTimer);
    region.remove();
    delete container.dataset.planMapperState;
  };
  try {
    return await start();
  } catch (error) {
    const keepErrorState = container.dataset.planMapperState === 'error' && error?.name !== 'AbortError';
    abandon();
    if (keepErrorState) container.dataset.planMapperState = 'error';
    throw error;
  }

  async function start() {
  const token = options.token ?? (options.getToken ? await unlessAborted(Promise.resolve().then(() => options.getToken()), signal) : '');
  const drafts = draftStore(options);
  // The plan as it stands now, written by the module on demand (getPlan(), a change's plan members).
  // Each plan written leaves a performance mark, so the cost is visible (and tests can count it).
  function currentPlan() {
    if (destroyed || !module) return null;
    performance.mark?.('plan-mapper:plan-written');
    return JSON.parse(module.UTF8ToString(module._pm_get_plan()));
  }
  // A draft waiting for edits to pause is written before the page goes away or is hidden: the
  // module works out the draft of edits made in the last moments (it waits for edits to pause),
  // then the store writes it at once.
  const flushDraft = () => {
    if (!destroyed && module) module._pm_flush_draft();
    drafts.flush();
  };
  const flushDraftIfHidden = () => { if (document.visibilityState === 'hidden') flushDraft(); };
  const stopFlushingDraft = () => {
    window.removeEventListener('pagehide', flushDraft);
    document.removeEventListener('visibilitychange', flushDraftIfHidden);
  };
  // The mapping memory's store (memory-store.js): null when options.memory is false.
  const memory = memoryStore(options, reportError);
  const memoryRequest = (request) => (destroyed || !module ? { ok: false, message: 'not running' }
    : withString(module, JSON.stringify(request), (r) => JSON.parse(module.UTF8ToString(module._pm_memory(r)))));
  const config = {
    apiUrl: options.apiUrl ?? '', jobId: options.jobId ?? '', fileId: options.fileId ?? '', token: token ?? '',
    plan: options.plan ?? null, records: options.plan ? options.records ?? null : null, theme: options.theme ?? 'light', allowOneToMany: !!options.allowOneToMany,
    submitMethod: options.submitMethod ?? 'put', executeOnSubmit: !!options.executeOnSubmit,
    autoApply: options.autoApply ?? 'confident',
    canRefreshToken: typeof options.getToken === 'function', draft: drafts.read(),
    testHooks: !!options.testHooks, readRecords: options.readRecords !== false,
    lang: options.lang ?? '', strings: options.strings ?? null, catalog: null,
    // Where the page runs: a secret key (sk_...) on a page that is not on this computer is exposed
    // to everyone who can open it, and the widget says so.
    pageOrigin: globalThis.location?.origin ?? '',
    pixelRatio: window.devicePixelRatio || 1,
    memory: memory !== null,
  };

  performance.mark?.('plan-mapper:mount');
  // A language other than English is fetched while the wasm downloads (messages.js).
  const languageFetch = fetchLanguage(config.lang, BUNDLE_INTEGRITY?.messages, import.meta.url);
  let wasmRefused;
  const wasmFailure = new Promise((_, reject) => { wasmRefused = reject; });
  wasmFailure.catch(() => {});
  // Without the deferred code the module cannot go on: it stops (the last draft is kept) and says why.
  const deferredFailed = (error) => {
    const message = `plan-mapper could not start: ${error?.message ?? error}`;
    console.error(message);
    destroyed = true;
    container.dataset.planMapperState = 'error';
    drafts.flush();
    emit('error', { during: 'loading plan-mapper', message, status: 0, serverMessages: [], problems: [] });
  };
  deferred = deferredCode({ file: 'plan-mapper-deferred.wasm', expected: BUNDLE_INTEGRITY?.deferred?.sha256,
    url: new URL('./plan-mapper-deferred.wasm', import.meta.url), checkedFetch, integrityError, onFailure: deferredFailed });
  let bytesHere;
  const wasmBytes = new Promise((resolve) => { bytesHere = resolve; });
  const modulePromise = createPlanMapperModule({
    canvas,
    instantiateWasm: verifiedWasm((error) => wasmRefused(error), deferred, () => bytesHere()),
    planMapper: {
      onEvent(name, json) {
        let detail = null;
        try { detail = JSON.parse(json); } catch { detail = null; }
        // "ready" promises the host a complete widget, its accessibility mirror included.
        if (name === 'ready') {
          if (mirror) container.dataset.planMapperState = 'ready'; else readyWithoutMirror = true;
        }
        if (name === 'error' && container.dataset.planMapperState === 'loading' && !readyWithoutMirror) container.dataset.planMapperState = 'error';
        // Kept once edits pause (drafts.js), not after each one; a page going away writes it at
        // once. No draft (discarded, or nothing differs from the server) is removed at once.
        if (name === 'draft') { if (detail) drafts.writeSoon(detail); else drafts.write(null); return; }
        if (name === 'submit') drafts.write(null);   // the server has the edits now
        // The plan is built only when the host reads it (change-detail.js).
        if (name === 'change') detail = changeDetail(detail, currentPlan);
        // The plan's schema is known: its memory is looked up (never inside this call, which
        // runs inside the module's frame) and handed to the module, which proposes its pairs.
        if (name === 'ready' && memory && detail?.memory?.id) {
          memory.load(detail.memory.id).then((text) => {
            if (destroyed || !module) return;
            memoryRequest({ op: 'supply', memory: text });
            afterInput();
          });
        }
        if (name === 'memory') {
          if (memory && detail?.schema?.id) memory.save(detail.schema.id, detail.memory);
          mirror?.memoryChanged();
        }
        if (mirror) mirror.onEvent(name, detail); else pendingMirrorEvents.push([name, detail]);
        emit(name, detail);
      },
      wake: () => scheduleFrame(0),
      // After a 401: fetch a fresh token from the host page, once; the module waits for it.
      requestToken() {
        if (typeof options.getToken !== 'function') return false;
        Promise.resolve().then(() => options.getToken()).then(
          (fresh) => { if (!destroyed) { withString(module, String(fresh ?? ''), (t) => module._pm_set_token(t)); scheduleFrame(0); } },
          () => { if (!destroyed) { withString(module, '', (t) => module._pm_set_token(t)); scheduleFrame(0); } });
        return true;
      },
      copyText(text) { navigator.clipboard?.writeText(text).catch(() => {}); },
      // shaping-hook:begin
      textRun,
      // shaping-hook:end
      // The plan has characters the built-in font lacks (CJK, Greek...): fetch the slices of the
      // face that hold them and that this module does not have yet, and hand them over at once.
      loadFallbackFont(face, codepoints) {
        const index = FALLBACK_FONT_FILES[face];
        if (!index) return false;
        fallbackSlices(face, index, String(codepoints).split(',').map(Number)).then((files) => {
          if (destroyed || !module) return;
          const total = files.reduce((sum, f) => sum + 4 + f.length, 0);
          const pointer = total ? module._malloc(total) : 0;
          if (pointer) {
            let at = pointer;
            for (const file of files) {
              new DataView(module.HEAPU8.buffer).setUint32(at, file.length, true);
              module.HEAPU8.set(file, at + 4);
              at += 4 + file.length;
            }
          }
          try { module._pm_fallback_font(face, pointer, pointer ? total : 0); } finally { if (pointer) module._free(pointer); }
          scheduleFrame(0);
        });
        return true;
      },
    },
    print: (text) => console.log(`plan-mapper: ${text}`),
    printErr: (text) => console.warn(`plan-mapper: ${text}`),
  });
  // While the wasm downloads and compiles (off the main thread), create the WebGL context: in a
  // browser without a GPU that takes hundreds of ms. The module's context creation then gets this
  // same context back (same attributes as src/app/web/main_web.cpp asks for).
  // Creating it blocks the main thread, so the compile is started first when the bytes are already
  // here (the page preloads them) or come within a few ms; a slow download does not wait for it.
  await unlessAborted(Promise.race([wasmBytes, new Promise((resolve) => setTimeout(resolve, WASM_BYTES_PATIENCE_MS))]), signal);
  // Sized first: resizing a WebGL canvas reallocates its drawing buffer (~100 ms without a GPU).
  sizeCanvas();
  canvas.getContext('webgl2', { alpha: false, antialias: false, depth: true, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
  performance.mark?.('plan-mapper:context');
  try {
    module = await unlessAborted(Promise.race([modulePromise, wasmFailure]), signal);
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    // E.g. the wasm failed its integrity check: the host hears why (abandon() keeps the state).
    container.dataset.planMapperState = 'error';
    const message = `plan-mapper could not start: ${error?.message ?? error}`;
    reportError('loading plan-mapper', message);
    throw new Error(message);
  }
  performance.mark?.('plan-mapper:module-ready');
  config.catalog = await unlessAborted(languageFetch, signal);
  // A plan given inline is read as the module starts, by the deferred code: wait for it (no faster).
  if (config.plan) await unlessAborted(new Promise((resolve) => deferred.whenSettled(resolve)), signal);

  const created = withString(module, `#${canvas.id}`, (selector) =>
    withString(module, JSON.stringify(config), (configText) => module._pm_create(selector, configText)));
  performance.mark?.('plan-mapper:created');
  if (created !== 0) {
    container.dataset.planMapperState = 'error';
    throw new Error(`plan-mapper: could not start (WebGL2 unavailable?), code ${created}`);
  }
  abandon = () => { module._pm_destroy(); destroyed = true; region.remove(); delete container.dataset.planMapperState; };

  // The platform's look, followed while the widget lives: more contrast asked for (or forced
  // colours, whose background decides light or dark) gives the high-contrast theme; reduced
  // motion stops the text cursor blinking.
  const lookQueries = ['(prefers-contrast: more)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)']
    .map((query) => window.matchMedia?.(query) ?? null);
  const applyLook = () => {
    if (destroyed) return;
    const [contrast, forced, motion] = lookQueries.map((query) => !!query?.matches);
    let dark = config.theme === 'dark';
    if (forced) {
      // The system's own background colour, as the page is told it in forced-colors mode.
      const probe = document.createElement('span');
      probe.style.cssText = 'color:Canvas;forced-color-adjust:none';
      region.appendChild(probe);
      const [r, g, b] = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
      probe.remove();
      dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    }
    // The reader's text size (a larger default font size in the browser, or text scaling on the
    // system): the root's font size against the 16 px the panel is designed for.
    const textScale = (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16;
    module._pm_set_look(dark ? 1 : 0, contrast || forced ? 1 : 0, motion ? 1 : 0, textScale);
    scheduleFrame(0);
  };
  for (const query of lookQueries) query?.addEventListener('change', applyLook);
  // A change of the root font size resizes this probe (10rem wide), which re-applies the look.
  const textProbe = document.createElement('span');
  textProbe.setAttribute('aria-hidden', 'true');
  textProbe.style.cssText = 'position:absolute;left:0;top:0;width:10rem;height:0;visibility:hidden;pointer-events:none';
  region.appendChild(textProbe);
  const textObserver = new ResizeObserver(() => applyLook());
  textObserver.observe(textProbe);
  applyLook();

  // The accessibility mirror reads the module's state after each frame that may have changed it.
  const readText = (pointer) => module.UTF8ToString(pointer);
  // The words, from the module's catalog; what was wrong in options.strings or lang is said once.
  const catalog = JSON.parse(readText(module._pm_messages()));
  for (const problem of catalog.problems) console.warn(`plan-mapper: ${problem}`);
  const messages = createMessages(catalog);
  const regionName = options.label ?? messages.t('mirror.region');
  region.setAttribute('aria-label', regionName);
  canvas.setAttribute('aria-label', messages.t('mirror.visualPanel', { label: regionName }));
  // The accessibility mirror is built in the task after the first frame, so that frame is shown
  // without waiting for the mirror's DOM and its layout (about 35 ms with software WebGL, measured
  // in a Chromium trace of the demo). Events that come before it are handed over when it is built.
  buildMirror = () => {
    if (destroyed || mirror) return;
    mirror = createA11yMirror({
      container: region,
      messages,
      bridge: {
        stateText: (firstRow, rows, firstDestination, destinations, whole) =>
          readText(module._pm_mirror_state(firstRow, rows, firstDestination, destinations, whole ? 1 : 0)),
        options: (source, query, limit) => withString(module, source, (s) =>
          withString(module, query, (q) => JSON.parse(readText(module._pm_mirror_options(s, q, limit))))),
        // The mapping memory's requests (the rows' "Forget this", the memory view); null when off.
        memory: memory ? (request) => { const answer = memoryRequest(request); afterInput(); return answer; } : null,
        action(action) {
          if (destroyed) return { ok: false, announcement: '' };
          const outcome = withString(module, JSON.stringify(action), (a) => JSON.parse(readText(module._pm_mirror_action(a))));
          afterInput();
          return outcome;
        },
      },
    });
    for (const [name, detail] of pendingMirrorEvents) mirror.onEvent(name, detail);
    pendingMirrorEvents.length = 0;
    mirror.update();
    if (readyWithoutMirror) container.dataset.planMapperState = 'ready';
  };
  if (frameStats.firstFrameAt) setTimeout(buildMirror, 0);

  const resize = () => {
    const { rect, ratio } = sizeCanvas();
    module._pm_resize(rect.width, rect.height, ratio);
    scheduleFrame(0);
  };
  const resizeObserver = new ResizeObserver(resize);
  resizeObserver.observe(container);
  resize();
  // A new device pixel ratio (browser zoom, a move to another screen) re-renders the text sharp.
  let ratioQuery = null;
  const watchRatio = () => {
    ratioQuery?.removeEventListener('change', onRatioChange);
    ratioQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`) ?? null;
    ratioQuery?.addEventListener('change', onRatioChange);
  };
  function onRatioChange() { resize(); watchRatio(); }
  watchRatio();

  // Typing into the panel's text fields goes through a real <input> (text-entry.js): input
  // methods, dead keys and on-screen keyboards then work.
  textEntry = createTextEntry({
    region,
    canvas,
    bridge: {
      field: () => readText(module._pm_text_field()),
      text: (text) => withString(module, text, (t) => module._pm_text(t)),
      composition: (text) => withString(module, text, (t) => module._pm_ime_composition(t)),
      key: (event, down) => withString(module, event.code, (code) =>
        module._pm_key(code, down ? 1 : 0, event.ctrlKey, event.shiftKey, event.altKey, event.metaKey)) === 1,
      paste: (text) => withString(module, text, (pointer) => module._pm_paste(pointer)),
      blur: () => module._pm_focus(0),
      afterInput,
    },
  });

  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  /** @type {Array<[string, (event: any) => void, AddEventListenerOptions?]>} */
  const listeners = [
    ['pointermove', (event) => { module._pm_pointer_move(...local(event)); afterInput(); }],
    ['pointerdown', (event) => {
      canvas.focus({ preventScroll: true });
      canvas.setPointerCapture(event.pointerId);      // a drag keeps going outside the canvas
      module._pm_pointer_move(...local(event));
      module._pm_pointer_button(event.button, 1);
      afterInput();
    }],
    ['pointerup', (event) => { module._pm_pointer_move(...local(event)); module._pm_pointer_button(event.button, 0); afterInput(); }],
    ['pointerleave', () => { module._pm_pointer_leave(); afterInput(); }],
    ['wheel', (event) => {
      const scale = event.deltaMode === 1 ? 1 : event.deltaMode === 2 ? 10 : 1 / 100;
      if (module._pm_wheel(event.deltaX * scale, event.deltaY * scale)) event.preventDefault();
      afterInput();
    }, { passive: false }],
    ['keydown', (event) => {
      // Ctrl/Cmd+V is left to the browser: its paste event (below) brings the clipboard text.
      if ((event.ctrlKey || event.metaKey) && event.code === 'KeyV') return;
      const consumed = withString(module, event.code, (code) =>
        module._pm_key(code, 1, event.ctrlKey, event.shiftKey, event.altKey, event.metaKey));
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
        withString(module, event.key, (text) => module._pm_text(text));
        event.preventDefault();
      } else if (consumed && event.key !== 'Tab') {
        event.preventDefault();                       // keep arrows/Enter from scrolling the page
      }
      afterInput();
    }],
    ['keyup', (event) => {
      withString(module, event.code, (code) => module._pm_key(code, 0, event.ctrlKey, event.shiftKey, event.altKey, event.metaKey));
      afterInput();
    }],
    ['paste', (event) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      withString(module, text, (pointer) => module._pm_paste(pointer));
      event.preventDefault();
      afterInput();
    }],
    ['focus', () => { module._pm_focus(1); afterInput(); }],
    // Focus going to the text entry stays in the widget: ImGui keeps its active field.
    ['blur', (event) => { if (event.relatedTarget !== textEntry.input) module._pm_focus(0); afterInput(); }],
  ];
  for (const [type, handler, listenerOptions] of listeners) canvas.addEventListener(type, handler, listenerOptions);
  window.addEventListener('pagehide', flushDraft);
  document.addEventListener('visibilitychange', flushDraftIfHidden);
  // The first frame is drawn now, once, not at the next animation frame: that shows the panel (or
  // its loading state) and starts the plan request at once (the browser's first animation frame can
  // come hundreds of ms later while it starts up).
  if (frameRequest) cancelAnimationFrame(frameRequest);
  drawFrame();

  const call = (use) => { if (destroyed) return undefined; const result = use(); afterInput(); return result; };
  const controller = {
    getPlan: currentPlan,
    setPlan(plan) {
      return call(() => withString(module, typeof plan === 'string' ? plan : JSON.stringify(plan), (p) => module._pm_set_plan(p)) === 1);
    },
    submit() { call(() => module._pm_submit()); },
    // A fresh token from the host (kept in memory only); a request waiting for one goes on.
    setToken(fresh) { call(() => withString(module, String(fresh ?? ''), (t) => module._pm_set_token(t))); },
    // Time spent inside the module's frames (CPU side, without the GPU) and the wasm heap size.
    frameStats() { return { ...frameStats, heapBytes: destroyed ? 0 : module.HEAP8.length }; },
    // Time spent bringing the accessibility mirror up to date (only updates that changed it).
    mirrorStats() { return mirror ? { ...mirror.stats } : null; },
    undo() { return call(() => module._pm_undo() === 1); },
    // The mapping memory of the plan's schema: list, forget a row's remembered pair, remove one
    // entry, clear, export and import (a memory document). Each answers {ok, message, ...}.
    memory: {
      list: () => call(() => memoryRequest({ op: 'list' })),
      forget: (sourceKey) => call(() => memoryRequest({ op: 'forget', source: String(sourceKey) })),
      remove: (header, destination) => call(() => memoryRequest({ op: 'remove', header: String(header), destination: String(destination) })),
      clear: () => call(() => memoryRequest({ op: 'clear' })),
      export: () => call(() => memoryRequest({ op: 'export' })),
      import: (document) => call(() => memoryRequest({ op: 'import', memory: typeof document === 'string' ? document : JSON.stringify(document) })),
    },
    redo() { return call(() => module._pm_redo() === 1); },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      signal?.removeEventListener('abort', onSignalAbort);
      if (frameRequest) cancelAnimationFrame(frameRequest);
      if (frameTimer) clearTimeout(frameTimer);
      resizeObserver.disconnect();
      ratioQuery?.removeEventListener('change', onRatioChange);
      for (const query of lookQueries) query?.removeEventListener('change', applyLook);
      textObserver.disconnect();
      for (const [type, handler, listenerOptions] of listeners) canvas.removeEventListener(type, handler, listenerOptions);
      textEntry.destroy();
      module._pm_destroy();                    // hands over a draft its last edits left waiting
      drafts.flush();
      stopFlushingDraft();
      mirror?.destroy();
      region.remove();
      delete container.dataset.planMapperState;
    },
  };
  if (options.testHooks) {
    // For tests only: item rectangles of the last frame in CSS pixels relative to the canvas, and
    // how many frames have been drawn.
    controller.debugItems = () => (destroyed ? {} : JSON.parse(module.UTF8ToString(module._pm_debug_items())));
    controller.framesDrawn = () => (destroyed ? 0 : module._pm_frames_drawn());
    // Whether a frame is asked for (now, on a timer the module set, or once the deferred code is
    // in): a test of idleness waits until none is, instead of guessing how long that takes.
    controller.frameScheduled = () => !destroyed && Boolean(frameRequest || frameTimer || deferred?.pending);
    // The text runs' counters (requested, delivered, drawn...) and the page side's (fonts fetched).
    // shaping-hook:begin
    controller.textRunStats = async () => (await shaping)?.stats() ?? { requested: 0, page: null };
    // shaping-hook:end
  }
  // Aborting the signal later takes the mounted widget down too.
  function onSignalAbort() { controller.destroy(); }
  signal?.addEventListener('abort', onSignalAbort, { once: true });
  return controller;
  }
}

// <plan-mapper api-url="…" job-id="…" theme="dark"> for plain pages. The token is never an
// attribute (attributes end up in the DOM and in logs): set element.token or element.getToken from
// script. The element waits for one of them before its first request (a page typically imports
// this module, which upgrades the element at once, and sets the token on the next line), mounts
// again when api-url, job-id, file-id or theme change, and is taken down when removed, also while
// it is still starting.
// element.allowedApiOrigins (a property, like the token) replaces the default list of API origins.
const ELEMENT_ATTRIBUTES = ['api-url', 'job-id', 'file-id', 'theme', 'label', 'lang'];
export class PlanMapperElement extends HTMLElement {
  static get observedAttributes() { return ELEMENT_ATTRIBUTES; }

  #token = undefined;
  #getToken = undefined;
  #mounting = null;       // the AbortController of the mount under way or in place
  controller = null;
  /** @type {readonly string[] | undefined} */
  allowedApiOrigins = undefined;

  constructor() {
    super();
    // Values a script set on the element before this class upgraded it are own properties that
    // hide the accessors below: take them over.
    for (const name of ['token', 'getToken']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  get token() { return this.#token; }
  set token(value) {
    this.#token = value;
    if (this.controller) this.controller.setToken(value ?? '');
    else this.#mount();
  }
  get getToken() { return this.#getToken; }
  set getToken(value) {
    this.#getToken = value;
    if (!this.controller) this.#mount();
  }

  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this.#mount();
  }
  disconnectedCallback() { this.#unmount(); }
  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#mounting) return;
    this.#unmount();
    this.#mount();
  }

  #unmount() {
    this.#mounting?.abort();
    this.#mounting = null;
    this.controller?.destroy();
    this.controller = null;
  }

  #mount() {
    if (!this.isConnected || this.#mounting) return;
    if (this.#token == null && typeof this.#getToken !== 'function') {
      this.dataset.planMapperState = 'waiting-for-token';
      return;
    }
    const mounting = new AbortController();
    this.#mounting = mounting;
    mountPlanMapper(this, {
      apiUrl: this.getAttribute('api-url') ?? '', jobId: this.getAttribute('job-id') ?? '',
      fileId: this.getAttribute('file-id') ?? '', theme: this.getAttribute('theme') ?? 'light',
      label: this.getAttribute('label') ?? undefined, lang: this.getAttribute('lang') ?? undefined,
      token: this.#token ?? undefined, getToken: this.#getToken, signal: mounting.signal,
      allowedApiOrigins: this.allowedApiOrigins,
    }).then((controller) => {
      if (this.#mounting === mounting) this.controller = controller;
      else controller.destroy();
    }, (error) => {
      if (error?.name === 'AbortError') return;
      if (this.#mounting === mounting) this.#mounting = null;
      this.dispatchEvent(new CustomEvent('plan-mapper-error', { detail: { during: 'starting', message: String(error?.message ?? error), status: 0, serverMessages: [], problems: [] } }));
    });
  }
}
if (typeof customElements !== 'undefined' && !customElements.get('plan-mapper')) {
  customElements.define('plan-mapper', PlanMapperElement);
}
