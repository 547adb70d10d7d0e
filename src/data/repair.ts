// The repairs every part of a provider response shares: each bad value becomes a definite,
// safe-to-render one (or null) and is described once, for `console.warn` and `isc-data-warning`.
import { safeUrl } from './safe-url.ts';

// ISO 8601 date or date-time; Date.parse alone accepts far looser strings ("1", "March 7").
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
// Strings longer than this are cut: a multi-megabyte name helps nobody and slows rendering.
export const MAX_TEXT = 2000;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export interface Repair {
  warn(message: string): void;
  /** A string (cut at `MAX_TEXT`), else null. */
  text(value: unknown, where: string): string | null;
  /** A valid ISO 8601 date string, else null ("—"). */
  date(value: unknown, where: string): string | null;
  /** An absolute http(s) URL (`safeUrl`), else null: shown without a link. */
  url(value: unknown, where: string): string | null;
}

export function createRepair(warn: (message: string) => void): Repair {
  const text = (value: unknown, where: string): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      warn(`${where} should be a string, got ${describe(value)}; ignored.`);
      return null;
    }
    if (value.length > MAX_TEXT) {
      warn(`${where} is longer than ${MAX_TEXT} characters; shortened.`);
      return `${value.slice(0, MAX_TEXT)}…`;
    }
    return value;
  };
  return {
    warn,
    text,
    date(value, where) {
      if (value === undefined || value === null) return null;
      if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
      warn(`${where} is not a valid ISO 8601 date (${describe(value)}); shown as "—".`);
      return null;
    },
    url(value, where) {
      const candidate = text(value, where);
      if (candidate === null) return null;
      const safe = safeUrl(candidate);
      if (safe === null) warn(`${where} is not an absolute http(s) URL; shown without a link.`);
      return safe;
    },
  };
}
