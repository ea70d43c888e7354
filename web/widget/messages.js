// The widget's words on the page (issue 12): the module's message catalog (src/ui/messages.json,
// English compiled into the wasm, another language fetched when asked for: fetchLanguage below;
// the words exist once and travel once), resolved there for the chosen
// language with the host's `strings` on top, and handed over by pm_messages. t(key, args) fills
// {name} placeholders; n(key, count, args) picks the plural form with Intl.PluralRules. Values are
// inserted as text (the mirror sets textContent): a "{x}" or "$&" in data stays as it is.

/** @param {{lang?: string, messages?: Record<string, string | Record<string, string>>}} catalog */
export function createMessages({ lang = 'en', messages = {} } = {}) {
  // Made on the first count, not here: a page's first Intl.NumberFormat loads ICU data (28-91 ms in
  // headless Chromium on a loaded 2-core machine), and this runs at import and before the first frame.
  let formats = null;
  const counting = () => {
    if (!formats) {
      try {
        formats = { rules: new Intl.PluralRules(lang), numbers: new Intl.NumberFormat(lang) };
      } catch {
        formats = { rules: new Intl.PluralRules('en'), numbers: new Intl.NumberFormat('en') };
      }
    }
    return formats;
  };
  const fill = (pattern, args) =>
    pattern.replace(/\{(\w+)\}/g, (whole, name) => (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
  /** @param {string} key @param {Record<string, unknown>} [args] */
  const t = (key, args = {}) => {
    const message = messages[key];
    if (message === undefined) return key;
    return fill(typeof message === 'string' ? message : message.other, args);
  };
  /** @param {string} key @param {number} count @param {Record<string, unknown>} [args] */
  const n = (key, count, args = {}) => {
    const message = messages[key];
    if (message === undefined) return key;
    const { rules, numbers } = counting();
    const all = { ...args, count: numbers.format(count) };
    return fill(typeof message === 'string' ? message : message[rules.select(count)] ?? message.other, all);
  };
  return { lang, t, n };
}

// The words of a language other than English: the module has English compiled in, and the
// bundle ships each other language as messages/<lang>.json (web/bundle/write-messages.mjs),
// fetched (checked against its hash, like the fonts) only for a host that asks for it. Resolves
// to {lang: messages} for the module's config, or null (English, a language not shipped, or a
// failed fetch: the module then uses English and says so once).
/** @param {string} lang @param {Record<string, string> | undefined} hashes @param {string} baseUrl */
export async function fetchLanguage(lang, hashes, baseUrl) {
  const base = String(lang ?? '').toLowerCase().split(/[-_]/)[0];
  const integrity = hashes?.[base];
  if (!integrity) return null;
  try {
    const response = await fetch(new URL(`./messages/${base}.json`, baseUrl), { integrity, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { [base]: await response.json() };
  } catch (error) {
    console.warn(`plan-mapper: the words in "${base}" (messages/${base}.json) could not be fetched (${error?.message ?? error}); English is used.`);
    return null;
  }
}

// Until the module has answered (and in tests of the mirror alone): the keys themselves.
export const NO_MESSAGES = createMessages();
