// Which failed loads may succeed if tried again later, and how long the server asked us to wait.
// The element decides from these fields alone, never by parsing error messages.

/** HTTP statuses that mean "try again later": timeout, throttled, gateway or service trouble. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** What an error says about retrying it. */
export interface FailureKind {
  /** Trying again later may succeed (network, timeout, 408, 429, 502, 503, 504, or `transient: true`). */
  transient: boolean;
  /** The least wait the server asked for (`Retry-After`), in milliseconds; `null` when none. */
  retryAfterMs: number | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Classifies a provider's rejection. An error with `transient: true` (a custom provider opting
 * in) or `false` decides by itself; otherwise an HTTP `status` in TRANSIENT_STATUSES is
 * transient. Anything else, aborts included, is not.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (!isObject(error) || (error as { name?: unknown }).name === 'AbortError') return { transient: false, retryAfterMs: null };
  const { transient, status, retryAfterMs } = error as { transient?: unknown; status?: unknown; retryAfterMs?: unknown };
  const isTransient = typeof transient === 'boolean' ? transient : typeof status === 'number' && TRANSIENT_STATUSES.has(status);
  const wait = typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? retryAfterMs : null;
  return { transient: isTransient, retryAfterMs: isTransient ? wait : null };
}

/**
 * Reads an HTTP `Retry-After` header: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, relative to `now`). A date in the past is 0; anything
 * unreadable is `null` (as if the header were absent).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // NOTE: only the IMF-fixdate form and its obsolete cousins have a weekday or a month name;
  // Date.parse alone would also accept "1" or "2026" as dates.
  if (!/[a-z]{3}/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
