// Drafts: the person's decisions in progress, per API origin and job, kept in localStorage until
// the server confirms them. Storage is readable by every script of the host page and outlives the
// visit, so a draft holds decisions only (field keys, enum value choices, ignored columns: the
// wasm writes them, src/core/session/draft.h), never the plan's sample values, labels or the
// token; it expires after `draftTtlDays` (7 by default), and `drafts: false` keeps none.
const DEFAULT_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
// The members a version-2 draft may have; anything else is dropped before it is stored.
const DRAFT_MEMBERS = ['version', 'map', 'unmap', 'enumValues', 'ignored'];

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

// The draft store of one mount: read() once at start, write(draft|null) on every "draft" event.
export function draftStore(options, now = () => Date.now()) {
  const key = storageKey(options);
  if (!key) return { read: () => null, write: () => {} };
  if (options.drafts === false) {
    remove(key);                               // one kept before drafts were turned off goes too
    return { read: () => null, write: () => {} };
  }
  return {
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
      try {
        if (!draft || draft.version !== 2) { localStorage.removeItem(key); return; }
        const kept = Object.fromEntries(DRAFT_MEMBERS.filter((m) => m in draft).map((m) => [m, draft[m]]));
        localStorage.setItem(key, JSON.stringify({ ...kept, savedAt: new Date(now()).toISOString() }));
      } catch { /* storage full or disabled: the edits still live in the widget */ }
    },
  };
}
