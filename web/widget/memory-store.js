// @ts-check
// Where the mapping memory is kept (issue 14). The wasm learns it per schema (the plan's
// destination keys, fingerprinted: src/matcher/mapping_memory.h) and hands it over after every
// change; this module stores it where the host decides:
//   - default: this browser's localStorage, one item per schema ("plan-mapper:memory:<schemaId>");
//   - options.memory = { load(schemaId), save(schemaId, memory) }: the host's own store (per user
//     or organisation on its server); each may return a value or a Promise;
//   - options.memory = false: no memory at all.
// What is stored is the wasm's memory document: source headers and keys, destination keys,
// counts, dates and rejections. Never a sample value, never the token (the wasm writes neither).
const PREFIX = 'plan-mapper:memory:';
// A schema id as the wasm makes it: anything else is not used as a storage key.
const SCHEMA_ID = /^s1-[0-9a-f]{16}$/;

function localMemory() {
  return {
    load(schemaId) {
      try { return localStorage.getItem(PREFIX + schemaId); } catch { return null; }
    },
    save(schemaId, memory) {
      try { localStorage.setItem(PREFIX + schemaId, JSON.stringify(memory)); } catch { /* storage full or disabled */ }
    },
  };
}

// The store of one mount, or null when the memory is off. Both methods never throw: load()
// resolves to the stored document as text (or null), and a host callback that throws or rejects
// is reported through `onProblem` once per kind, and the widget maps on without memory.
export function memoryStore(options, onProblem) {
  if (options.memory === false) return null;
  const host = options.memory && typeof options.memory === 'object' ? options.memory : null;
  if (host && (typeof host.load !== 'function' || typeof host.save !== 'function')) {
    throw new TypeError('mountPlanMapper: options.memory must be false or { load(schemaId), save(schemaId, memory) }');
  }
  const store = host ?? localMemory();
  const reported = new Set();
  const report = (during, error) => {
    if (reported.has(during)) return;
    reported.add(during);
    onProblem(during, String(error?.message ?? error));
  };
  return {
    async load(schemaId) {
      if (!SCHEMA_ID.test(schemaId)) return null;
      try {
        const value = await store.load(schemaId);
        if (value === null || value === undefined) return null;
        return typeof value === 'string' ? value : JSON.stringify(value);
      } catch (error) {
        report('loading the mapping memory', error);
        return null;
      }
    },
    save(schemaId, memory) {
      if (!SCHEMA_ID.test(schemaId)) return;
      try {
        Promise.resolve(store.save(schemaId, memory)).catch((error) => report('saving the mapping memory', error));
      } catch (error) {
        report('saving the mapping memory', error);
      }
    },
  };
}
