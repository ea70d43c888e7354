// The part of the wasm the first frame does not run (issue 17): the build moved it into
// plan-mapper-deferred.wasm (web/bundle/split-deferred.mjs), and the main module imports a
// placeholder ("d" namespace, named by table slot) in each table slot of a moved function.
// start() fetches the deferred module right after the main one is instantiated, checks its SHA-256
// and links it (its element segment puts the real functions into the shared table), all off the
// main thread. A placeholder called before that loads it at once, synchronously: the bytes already
// fetched and checked if they are here, else a synchronous request for the same file whose SHA-256
// is checked before anything is compiled; then it makes the call it stands for. So a function the
// first-frame list misses costs time, never a wrong result. Bytes that fail the check are never
// run: the call throws (the module cannot go on) and `onFailure` hears why, once.
import { sha256HexSync } from './sha256.js';

/**
 * @param {{ file: string, expected: string | undefined, url: URL,
 *   checkedFetch: (file: string, expected: string | undefined) => Promise<{ bytes: ArrayBuffer }>,
 *   integrityError: (file: string) => Error, onFailure: (error: Error) => void, patienceMs?: number }} options
 */
export function deferredCode({ file, expected, url, checkedFetch, integrityError, onFailure, patienceMs = 15_000 }) {
  let main = null;            // the main module's instance: its exports are the deferred module's imports
  let linked = false;
  let failure = null;
  let checked = null;         // the checked bytes, once fetched (the synchronous path compiles them)
  let waiting = [];           // callbacks for when it is linked (or has failed)
  let patient = false;        // true while the fetch is under way and not yet overdue
  const settled = () => { patient = false; for (const callback of waiting.splice(0)) callback(); };

  const fail = (error) => {
    if (!failure) { failure = error; onFailure(error); settled(); }
    throw failure;
  };
  // Links the deferred module into the main one; synchronous, so nothing runs in between.
  const link = (module) => {
    if (linked) return;
    new WebAssembly.Instance(module, { primary: main.exports });
    linked = true;
    settled();
  };
  const loadNow = () => {
    if (failure) throw failure;
    if (!main) fail(new Error(`${file} was needed before the main module was instantiated`));
    try {
      if (!checked) {
        if (!expected) throw new Error(`this copy of plan-mapper.js has no hash for ${file}, so it does not run it`);
        const request = new XMLHttpRequest();
        request.open('GET', url.href, false);
        request.overrideMimeType('text/plain; charset=x-user-defined');   // the bytes as they are
        request.send();
        if (request.status !== 200) throw new Error(`${file} could not be fetched (HTTP ${request.status})`);
        const text = request.responseText;
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
        if (sha256HexSync(bytes) !== expected) throw integrityError(file);
        checked = bytes;
      }
      link(new WebAssembly.Module(checked));
    } catch (error) {
      fail(error);
    }
  };
  let table = null;
  return {
    // The main module's "d" imports: each calls what its table slot holds once linked.
    placeholders: new Proxy({}, {
      get: (_, slot) => (...args) => {
        if (!linked) {
          // Worth knowing (tools/first-frame-functions.mjs may need running): the page waits here.
          console.warn(`plan-mapper: ${file} is loaded synchronously (table slot ${String(slot)} was called before it arrived)`);
          loadNow();
        }
        table ??= Object.values(main.exports).find((value) => value instanceof WebAssembly.Table);
        return table.get(Number(slot))(...args);
      },
    }),
    start(instance) {
      main = instance;
      if (!expected) return;   // a build without the split: a placeholder called says so (loadNow)
      patient = true;
      setTimeout(settled, patienceMs);
      checkedFetch(file, expected).then(async ({ bytes }) => {
        if (linked) return;
        checked ??= new Uint8Array(bytes);
        const module = await WebAssembly.compile(bytes);
        if (!failure) link(module);
      }).catch((error) => {
        try { fail(error); } catch { /* reported through onFailure */ }
      });
    },
    // While true the page had better not run what the first frame does not (the next frames, which
    // read the plan): waiting costs less than loading synchronously. False once linked, failed, or
    // overdue (then a moved function called loads it synchronously).
    get pending() { return patient; },
    whenSettled(callback) { if (patient) waiting.push(callback); else callback(); },
  };
}
