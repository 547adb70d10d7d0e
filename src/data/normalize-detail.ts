// A sync's `detail`: the version-1 message, code, link and exclusion group, and the 1.1 why and
// what next (category, retryable, fix, retry plan, exclusion reason, fields). Each bad value is
// repaired on its own, so one bad field entry never hides the others.
// NOTE: this is on the first load (every response passes here): keep it small. The warnings
// share a few sentence shapes rather than each having its own.
import { describe, isObject, type Repair } from './repair.ts';
import { ERROR_CATEGORIES, FIELD_STATUSES, type NormalizedDetail, type NormalizedField } from './types.ts';

/** Most fields kept per sync: the card shows a glance at the record, not its whole schema. */
export const MAX_FIELDS = 200;

const CATEGORIES: readonly string[] = ERROR_CATEGORIES;
const FIELD_STATES: readonly string[] = FIELD_STATUSES;
const FIELD_DIRECTIONS: readonly string[] = ['inbound', 'outbound', 'both'];

const absent = (value: unknown): value is null | undefined => value == null;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

/** `where` names the detail in warnings, e.g. `Sync "netsuite:customer" detail`. */
export function normalizeDetail(raw: Record<string, unknown>, where: string, repair: Repair): NormalizedDetail {
  const { warn, text, url, date } = repair;
  /** `value` when it is one of `allowed`, else `fallback`, with a warning when it was given. */
  const oneOf = <T>(value: unknown, allowed: readonly string[], at: string, fallback: T, then: string): T => {
    if (absent(value)) return null as T;
    if (allowed.includes(value as string)) return value as T;
    warn(`${at} ${describe(value)} is not one of ${allowed.join(', ')}; ${then}.`);
    return fallback;
  };
  const ignored = (at: string, expected: string, value: unknown) => warn(`${at} should be ${expected}, got ${describe(value)}; ignored.`);

  const category = oneOf<NormalizedDetail['category']>(raw.category, CATEGORIES, `${where}.category`, 'unknown', 'treated as "unknown"');
  let retryable = typeof raw.retryable === 'boolean' ? raw.retryable : null;
  if (retryable === null) {
    if (!absent(raw.retryable)) ignored(`${where}.retryable`, 'a boolean', raw.retryable);
    if (category) retryable = category === 'connection' || category === 'rate_limit';
  }

  let fix: NormalizedDetail['fix'] = null;
  // A bare string is plainly the text: keep it rather than lose the instruction.
  let rawFix = raw.fix;
  if (typeof rawFix === 'string') {
    warn(`${where}.fix should be an object {"text", "url"}, got a string; used as its text.`);
    rawFix = { text: rawFix };
  }
  if (isObject(rawFix)) {
    const fixText = text(rawFix.text, `${where}.fix.text`);
    if (fixText) fix = { text: fixText, url: url(rawFix.url, `${where}.fix.url`) };
    else ignored(`${where}.fix`, 'an object with a "text"', rawFix.text === undefined ? raw.fix : rawFix.text);
  } else if (!absent(rawFix)) ignored(`${where}.fix`, 'an object', rawFix);

  let retry: NormalizedDetail['retry'] = null;
  const rawRetry = raw.retry;
  if (isObject(rawRetry) && isCount(rawRetry.attempt) && isCount(rawRetry.maxAttempts)) {
    retry = { attempt: rawRetry.attempt, maxAttempts: rawRetry.maxAttempts, nextAt: date(rawRetry.nextAt, `${where}.retry.nextAt`) };
  } else if (!absent(rawRetry)) ignored(`${where}.retry`, '{"attempt", "maxAttempts"} with whole numbers of at least 1', rawRetry);

  const fields: NormalizedField[] = [];
  const names = new Set<string>();
  const rawFields = raw.fields;
  if (Array.isArray(rawFields)) {
    for (const item of rawFields) {
      if (fields.length === MAX_FIELDS) {
        warn(`${where}.fields has more than ${MAX_FIELDS} entries; the first ${MAX_FIELDS} are kept.`);
        break;
      }
      const name = isObject(item) && typeof item.name === 'string' && item.name ? text(item.name, `${where}.fields name`)! : null;
      if (!name || names.has(name)) {
        warn(`${where}.fields: skipped an entry without a string "name", or with a name already seen.`);
        continue;
      }
      names.add(name);
      const entry = item as Record<string, unknown>;
      const at = `${where} field ${describe(name)}`;
      /** A string (cut like every provider string), a finite number or a boolean; else null ("—"). */
      const scalar = (value: unknown, key: string) => {
        if (typeof value === 'string') return text(value, `${at} ${key}`);
        if (typeof value === 'boolean' || Number.isFinite(value)) return value as number | boolean;
        if (!absent(value)) ignored(`${at} ${key}`, 'a string, number or boolean', value);
        return null;
      };
      fields.push({
        name,
        label: text(entry.label, `${at} label`),
        // NOTE: the four statuses are all claims; "pending" (not known to have synced) claims least.
        status: oneOf(entry.status ?? '(none)', FIELD_STATES, `${at} status`, 'pending', 'shown as "pending"'),
        crmValue: scalar(entry.crmValue, 'crmValue'),
        externalValue: scalar(entry.externalValue, 'externalValue'),
        direction: oneOf(entry.direction, FIELD_DIRECTIONS, `${at} direction`, null, 'ignored'),
        message: text(entry.message, `${at} message`),
      });
    }
  } else if (!absent(rawFields)) ignored(`${where}.fields`, 'an array', rawFields);

  return {
    message: text(raw.message, `${where}.message`),
    code: text(raw.code, `${where}.code`),
    url: url(raw.url, `${where}.url`),
    exclusionGroup: text(raw.exclusionGroup, `${where}.exclusionGroup`),
    category,
    retryable,
    fix,
    retry,
    exclusionReason: text(raw.exclusionReason, `${where}.exclusionReason`),
    fields,
  };
}
