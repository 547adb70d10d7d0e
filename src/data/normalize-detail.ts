// A sync's `detail`: the version-1 message, code, link and exclusion group, and the 1.1 why and
// what next (category, retryable, fix, retry plan, exclusion reason, fields). Each bad value is
// repaired on its own, so one bad field entry never hides the others.
import { describe, isObject, type Repair } from './repair.ts';
import {
  ERROR_CATEGORIES,
  FIELD_STATUSES,
  type ErrorCategory,
  type FieldDirection,
  type FieldStatus,
  type FieldValue,
  type NormalizedDetail,
  type NormalizedField,
} from './types.ts';

/** Most fields kept per sync: the card shows a glance at the record, not its whole schema. */
export const MAX_FIELDS = 200;

const CATEGORIES: ReadonlySet<string> = new Set(ERROR_CATEGORIES);
const RETRYABLE_CATEGORIES: ReadonlySet<ErrorCategory> = new Set(['connection', 'rate_limit']);
const FIELD_STATUS_SET: ReadonlySet<string> = new Set(FIELD_STATUSES);
const FIELD_DIRECTIONS: ReadonlySet<string> = new Set(['inbound', 'outbound', 'both']);

const absent = (value: unknown): value is null | undefined => value === undefined || value === null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

/** `where` names the detail in warnings, e.g. `Sync "netsuite:customer" detail`. */
export function normalizeDetail(raw: Record<string, unknown>, where: string, repair: Repair): NormalizedDetail {
  const { text, url } = repair;
  const category = normalizeCategory(raw.category, where, repair);
  return {
    message: text(raw.message, `${where}.message`),
    code: text(raw.code, `${where}.code`),
    url: url(raw.url, `${where}.url`),
    exclusionGroup: text(raw.exclusionGroup, `${where}.exclusionGroup`),
    category,
    retryable: normalizeRetryable(raw.retryable, category, where, repair),
    fix: normalizeFix(raw.fix, where, repair),
    retry: normalizeRetry(raw.retry, where, repair),
    exclusionReason: text(raw.exclusionReason, `${where}.exclusionReason`),
    fields: normalizeFields(raw.fields, where, repair),
  };
}

function normalizeCategory(value: unknown, where: string, { warn }: Repair): ErrorCategory | null {
  if (absent(value)) return null;
  if (typeof value === 'string' && CATEGORIES.has(value)) return value as ErrorCategory;
  warn(`${where}.category ${describe(value)} is not a known category; treated as "unknown".`);
  return 'unknown';
}

function normalizeRetryable(value: unknown, category: ErrorCategory | null, where: string, { warn }: Repair): boolean | null {
  if (typeof value === 'boolean') return value;
  if (!absent(value)) warn(`${where}.retryable should be a boolean, got ${describe(value)}; judged from the category.`);
  return category === null ? null : RETRYABLE_CATEGORIES.has(category);
}

function normalizeFix(value: unknown, where: string, { warn, text, url }: Repair): NormalizedDetail['fix'] {
  if (absent(value)) return null;
  if (typeof value === 'string') {
    // A bare string is plainly the text: keep it rather than lose the instruction.
    warn(`${where}.fix should be an object {"text", "url"}, got a string; used as its text.`);
    const fixText = text(value, `${where}.fix`);
    return fixText ? { text: fixText, url: null } : null;
  }
  if (!isObject(value)) {
    warn(`${where}.fix should be an object, got ${describe(value)}; ignored.`);
    return null;
  }
  const fixText = text(value.text, `${where}.fix.text`);
  if (!fixText) {
    warn(`${where}.fix has no "text"; ignored.`);
    return null;
  }
  return { text: fixText, url: url(value.url, `${where}.fix.url`) };
}

function normalizeRetry(value: unknown, where: string, { warn, date }: Repair): NormalizedDetail['retry'] {
  if (absent(value)) return null;
  if (!isObject(value)) {
    warn(`${where}.retry should be an object, got ${describe(value)}; ignored.`);
    return null;
  }
  const { attempt, maxAttempts } = value;
  if (!isCount(attempt) || !isCount(maxAttempts)) {
    warn(`${where}.retry needs whole numbers "attempt" and "maxAttempts" of at least 1, got ${describe(attempt)} and ${describe(maxAttempts)}; ignored.`);
    return null;
  }
  return { attempt, maxAttempts, nextAt: date(value.nextAt, `${where}.retry.nextAt`) };
}

function normalizeFields(value: unknown, where: string, repair: Repair): NormalizedField[] {
  const { warn, text } = repair;
  if (absent(value)) return [];
  if (!Array.isArray(value)) {
    warn(`${where}.fields should be an array, got ${describe(value)}; treated as empty.`);
    return [];
  }
  const fields: NormalizedField[] = [];
  const names = new Set<string>();
  for (const item of value) {
    if (fields.length === MAX_FIELDS) {
      warn(`${where}.fields has more than ${MAX_FIELDS} entries; the first ${MAX_FIELDS} are kept.`);
      break;
    }
    if (!isObject(item) || typeof item.name !== 'string' || item.name === '') {
      warn(`${where}.fields: skipped an entry without a string "name".`);
      continue;
    }
    const name = text(item.name, `${where}.fields name`)!;
    if (names.has(name)) {
      warn(`${where}.fields: skipped a duplicate field ${describe(name)}.`);
      continue;
    }
    names.add(name);
    const at = `${where} field ${describe(name)}`;
    let status: FieldStatus = 'pending';
    if (typeof item.status === 'string' && FIELD_STATUS_SET.has(item.status)) status = item.status as FieldStatus;
    // NOTE: the four statuses are all claims; "pending" (not known to have synced) claims least.
    else warn(`${at} has an unknown status ${describe(item.status)}; shown as "pending".`);
    let direction: FieldDirection | null = null;
    if (typeof item.direction === 'string' && FIELD_DIRECTIONS.has(item.direction)) direction = item.direction as FieldDirection;
    else if (!absent(item.direction)) warn(`${at} has an unknown direction ${describe(item.direction)}; ignored.`);
    fields.push({
      name,
      label: text(item.label, `${at} label`),
      status,
      crmValue: scalar(item.crmValue, `${at} crmValue`, repair),
      externalValue: scalar(item.externalValue, `${at} externalValue`, repair),
      direction,
      message: text(item.message, `${at} message`),
    });
  }
  return fields;
}

/** A string (cut like every provider string), a finite number or a boolean; anything else is null ("—"). */
function scalar(value: unknown, where: string, { warn, text }: Repair): FieldValue {
  if (absent(value)) return null;
  if (typeof value === 'string') return text(value, where);
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  warn(`${where} should be a string, number or boolean, got ${describe(value)}; shown as "—".`);
  return null;
}
