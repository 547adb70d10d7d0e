// Cached Intl formatters: building one costs far more than formatting with it.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, lang: string, create: () => T): T {
  let formatter = cache.get(lang);
  if (!formatter) {
    if (cache.size > 20) cache.clear();
    formatter = create();
    cache.set(lang, formatter);
  }
  return formatter;
}

const canonical = new Map<string, string>();
function safeLocale(lang: string): string {
  let locale = canonical.get(lang);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      locale = 'en';
    }
    if (canonical.size > 20) canonical.clear();
    canonical.set(lang, locale);
  }
  return locale;
}

// NOTE: formatting is costly too (a full date takes tens of microseconds), and every card
// re-renders on each tick: formatted strings are kept, keyed by locale and value.
const formatted = new Map<string, string>();
function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 2000) formatted.clear();
    formatted.set(key, (text = format()));
  }
  return text;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago", "il y a 3 minutes", "in 5 minutes". */
export function formatRelative(date: Date, lang: string, now = Date.now()): string {
  const locale = safeLocale(lang);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const absolute = Math.abs(seconds);
  let value = 0;
  let unit: Intl.RelativeTimeFormatUnit = 'second';
  if (absolute >= 45) {
    const [found, size] = UNITS.find(([, size]) => absolute >= size) ?? UNITS[UNITS.length - 1];
    unit = found;
    value = Math.round(seconds / size);
  }
  return remembered(`r ${locale} ${value} ${unit}`, () =>
    cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(value, unit),
  );
}

/** The full local date and time, for the `title` of a `<time>`. */
export function formatFull(date: Date, lang: string): string {
  const locale = safeLocale(lang);
  return remembered(`f ${locale} ${date.getTime()}`, () =>
    cached(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' })).format(date),
  );
}
