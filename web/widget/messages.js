// The widget's words on the page (issue 12): the module's message catalog (src/ui/messages.json,
// compiled into the wasm, so the words exist once and travel once), resolved there for the chosen
// language with the host's `strings` on top, and handed over by pm_messages. t(key, args) fills
// {name} placeholders; n(key, count, args) picks the plural form with Intl.PluralRules. Values are
// inserted as text (the mirror sets textContent): a "{x}" or "$&" in data stays as it is.

/** @param {{lang?: string, messages?: Record<string, string | Record<string, string>>}} catalog */
export function createMessages({ lang = 'en', messages = {} } = {}) {
  let rules;
  let numbers;
  try {
    rules = new Intl.PluralRules(lang);
    numbers = new Intl.NumberFormat(lang);
  } catch {
    rules = new Intl.PluralRules('en');
    numbers = new Intl.NumberFormat('en');
  }
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
    const all = { ...args, count: numbers.format(count) };
    return fill(typeof message === 'string' ? message : message[rules.select(count)] ?? message.other, all);
  };
  return { lang, t, n };
}

// Until the module has answered (and in tests of the mirror alone): the keys themselves.
export const NO_MESSAGES = createMessages();
