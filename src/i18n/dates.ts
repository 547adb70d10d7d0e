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

function safeLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
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
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const seconds = Math.round((date.getTime() - now) / 1000);
  const absolute = Math.abs(seconds);
  if (absolute < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (absolute >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** The full local date and time, for the `title` of a `<time>`. */
export function formatFull(date: Date, lang: string): string {
  const locale = safeLocale(lang);
  return cached(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' })).format(date);
}
