// Drafts: the person's decisions in progress, per API origin and job, kept in localStorage until
// the server confirms them. Storage is readable by every script of the host page and outlives the
// visit, so a draft holds decisions only (field keys, enum value choices, ignored columns: the
// wasm writes them, src/core/session/draft.h), never the plan's sample values, labels or the
// token; it expires after `draftTtlDays` (7 by default), and `drafts: false` keeps none.
const DEFAULT_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
// The members a version-2 draft may have; anything else is dropped before it is stored.
// base: the fingerprint (a hash of keys) of the plan the decisions were made on.
const DRAFT_MEMBERS = ['version', 'map', 'unmap', 'enumValues', 'ignored', 'base'];

function storageKey(options) {
  if (!options.jobId) return null;
  let origin = options.apiUrl ?? '';
  try { origin = new URL(origin, location.href).origin; } catch { /* keep as given */ }
  return `plan-mapper:draft:${origin}:${options.jobId}`;
}

function ttlMs(options) {
  const days = Number(options.draftTtlDays ?? DEFAULT_TTL_DAYS);
  return Number.isFinite(days) && days > 0 ? days * DAY_MS : DEFAULT_TTL_DAYS * DAY_MS;
}

function remove(key) {
  try { localStorage.removeItem(key); } catch { /* storage disabled */ }
}

// The draft store of one mount: read() once at start; writeSoon(draft|null) on every "draft"
// event keeps the newest and writes it once edits pause for WRITE_DELAY_MS (a burst of edits is
// one write, not one per edit); write() writes at once (and drops one waiting); flush() writes
// one waiting now (the page is going away or hidden, the widget is destroyed).
const WRITE_DELAY_MS = 400;
const NO_DRAFTS = { read: () => null, write: () => {}, writeSoon: () => {}, flush: () => {} };

export function draftStore(options, now = () => Date.now()) {
  const key = storageKey(options);
  if (!key) return NO_DRAFTS;
  if (options.drafts === false) {
    remove(key);                               // one kept before drafts were turned off goes too
    return NO_DRAFTS;
  }
  let timer = 0;
  let waiting;                                  // the newest draft not written yet (when timer)
  const store = {
    writeSoon(draft) {
      waiting = draft;
      clearTimeout(timer);
      timer = setTimeout(() => store.flush(), WRITE_DELAY_MS);
    },
    flush() {
      if (timer) store.write(waiting);
    },
    read() {
      let stored = null;
      try { stored = JSON.parse(localStorage.getItem(key) ?? 'null'); } catch { stored = null; }
      if (!stored) return null;
      const savedAt = Date.parse(stored.savedAt ?? '');
      // A draft of an older kind (the whole plan), unreadable or out of date is dropped unread.
      if (stored.version !== 2 || !Number.isFinite(savedAt) || now() - savedAt > ttlMs(options) || savedAt > now() + DAY_MS) {
        remove(key);
        return null;
      }
      return Object.fromEntries(DRAFT_MEMBERS.filter((m) => m in stored).map((m) => [m, stored[m]]));
    },
    write(draft) {
      clearTimeout(timer);
      timer = 0;
      waiting = undefined;
      try {
        if (!draft || draft.version !== 2) { localStorage.removeItem(key); return; }
        const kept = Object.fromEntries(DRAFT_MEMBERS.filter((m) => m in draft).map((m) => [m, draft[m]]));
        localStorage.setItem(key, JSON.stringify({ ...kept, savedAt: new Date(now()).toISOString() }));
      } catch { /* storage full or disabled: the edits still live in the widget */ }
    },
  };
  return store;
}
