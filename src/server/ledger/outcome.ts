// What a connector sends (§14's SyncOutcome and the registration), checked field by field before
// any SQL runs: a bad event is rejected with the path of the field that is wrong, never repaired
// (the connector learns what to fix; the ledger never stores a guess). Unsafe URLs are the one
// exception the contract names: dropped from an applied event, and named in its message.
import { safeUrl } from '../../data/safe-url.ts';
import { ERROR_CATEGORIES, FIELD_STATUSES, SYNC_STATUSES, SYNC_TRIGGERS } from '../../data/types.ts';

/** Longest id (objectType, objectId, portalId, syncId, integrationId), as the card's routes. */
export const MAX_ID = 256;
/** Longest eventId (§14). */
export const MAX_EVENT_ID = 200;
/** Longest free text (a label, a message): the card shows at most 2,000 characters of any string. */
export const MAX_TEXT = 2000;
/** Most `detail.fields` entries (the card renders at most 200). */
export const MAX_FIELDS = 200;
/** Most sync types one integration registers. */
export const MAX_SYNC_TYPES = 200;

/** A field that is wrong; `message` names it. */
export class Invalid extends Error {}

/** An outcome ready for the ledger's SQL (ids checked, objectType lower-cased, portalId '' when absent). */
export interface CheckedOutcome {
  eventId: string;
  integrationId: string;
  syncId: string;
  portalId: string;
  objectType: string;
  objectId: string;
  occurredAt: string;
  status: string;
  /** Present (possibly null) only when the event named it: absent keeps the held value. */
  label?: string | null;
  syncedWith?: { name: string | null; url: string | null } | null;
  detail: Record<string, unknown> | null;
  category: string | null;
  code: string | null;
  message: string | null;
  nextSyncAt: string | null;
  direction: string | null;
  trigger: string | null;
  actor: string | null;
}

const STATUSES: ReadonlySet<string> = new Set(SYNC_STATUSES);
const CATEGORIES: ReadonlySet<string> = new Set(ERROR_CATEGORIES);
const FIELD_STATUS_SET: ReadonlySet<string> = new Set(FIELD_STATUSES);
const TRIGGERS: ReadonlySet<string> = new Set(SYNC_TRIGGERS);
const DIRECTIONS: ReadonlySet<string> = new Set(['inbound', 'outbound']);
const FIELD_DIRECTIONS: ReadonlySet<string> = new Set(['inbound', 'outbound', 'both']);
// Postgres text cannot hold U+0000, and a lone surrogate is not Unicode: both are refused by name.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// ISO 8601 with a time and an offset; the parts are checked for range below.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string of 1..max characters that Postgres can store. */
export function text(value: unknown, path: string, max: number, { allowEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new Invalid(`${path} must be a string.`);
  if (!allowEmpty && value === '') throw new Invalid(`${path} must not be empty.`);
  if (value.length > max) throw new Invalid(`${path} is longer than ${max} characters.`);
  if (UNSTORABLE.test(value)) throw new Invalid(`${path} contains a NUL character or an unpaired surrogate.`);
  return value;
}

/** An optional string: absent or null is null. */
function optionalText(value: unknown, path: string, max = MAX_TEXT): string | null {
  return value === undefined || value === null ? null : text(value, path, max, { allowEmpty: true });
}

function oneOf(value: unknown, path: string, allowed: ReadonlySet<string>): string {
  if (typeof value !== 'string' || !allowed.has(value)) throw new Invalid(`${path} must be one of ${[...allowed].join(', ')}.`);
  return value;
}

function optionalOneOf(value: unknown, path: string, allowed: ReadonlySet<string>): string | null {
  return value === undefined || value === null ? null : oneOf(value, path, allowed);
}

/** An ISO 8601 instant with an offset, within 1970–9999, every part in range. */
export function instant(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length > 40) throw new Invalid(`${path} must be an ISO 8601 date-time with an offset.`);
  const match = ISO_INSTANT.exec(value);
  if (!match) throw new Invalid(`${path} must be an ISO 8601 date-time with an offset (e.g. 2026-12-06T09:24:22Z).`);
  const [year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match.slice(1);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    Number(year) >= 1970 &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHours) < 24 &&
    Number(offsetMinutes) < 60;
  if (!valid) throw new Invalid(`${path} is not a valid date-time.`);
  return value;
}

/** A URL kept only when safe (section 4); an unsafe one is dropped and its path recorded. */
function url(value: unknown, path: string, dropped: string[]): string | null {
  if (value === undefined || value === null) return null;
  text(value, path, 8192, { allowEmpty: true });
  const safe = safeUrl(value);
  if (safe === null) dropped.push(path);
  return safe;
}

function scalar(value: unknown, path: string): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Invalid(`${path} must be a finite number.`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  return text(value, path, MAX_TEXT, { allowEmpty: true });
}

function positiveInt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1_000_000) throw new Invalid(`${path} must be an integer ≥ 1.`);
  return value;
}

/** `detail` (sections 2 and 11): its known fields checked, unknown ones left out. */
function checkDetail(raw: unknown, dropped: string[]): Record<string, unknown> | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) throw new Invalid('detail must be an object or null.');
  const detail: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== null) detail[key] = value;
  };
  put('message', optionalText(raw.message, 'detail.message'));
  put('code', optionalText(raw.code, 'detail.code', MAX_ID));
  put('url', url(raw.url, 'detail.url', dropped));
  put('exclusionGroup', optionalText(raw.exclusionGroup, 'detail.exclusionGroup'));
  put('exclusionReason', optionalText(raw.exclusionReason, 'detail.exclusionReason'));
  put('category', optionalOneOf(raw.category, 'detail.category', CATEGORIES));
  if (raw.retryable !== undefined && raw.retryable !== null) {
    if (typeof raw.retryable !== 'boolean') throw new Invalid('detail.retryable must be a boolean.');
    detail.retryable = raw.retryable;
  }
  if (raw.fix !== undefined && raw.fix !== null) {
    if (!isObject(raw.fix)) throw new Invalid('detail.fix must be an object.');
    detail.fix = { text: text(raw.fix.text, 'detail.fix.text', MAX_TEXT), url: url(raw.fix.url, 'detail.fix.url', dropped) };
  }
  if (raw.retry !== undefined && raw.retry !== null) {
    if (!isObject(raw.retry)) throw new Invalid('detail.retry must be an object.');
    const nextAt = raw.retry.nextAt === undefined || raw.retry.nextAt === null ? null : instant(raw.retry.nextAt, 'detail.retry.nextAt');
    detail.retry = { attempt: positiveInt(raw.retry.attempt, 'detail.retry.attempt'), maxAttempts: positiveInt(raw.retry.maxAttempts, 'detail.retry.maxAttempts'), nextAt };
  }
  if (raw.fields !== undefined && raw.fields !== null) {
    if (!Array.isArray(raw.fields)) throw new Invalid('detail.fields must be an array.');
    if (raw.fields.length > MAX_FIELDS) throw new Invalid(`detail.fields has more than ${MAX_FIELDS} entries.`);
    detail.fields = raw.fields.map((field: unknown, index) => {
      const at = `detail.fields[${index}]`;
      if (!isObject(field)) throw new Invalid(`${at} must be an object.`);
      const checked: Record<string, unknown> = { name: text(field.name, `${at}.name`, MAX_ID), status: oneOf(field.status, `${at}.status`, FIELD_STATUS_SET) };
      const label = optionalText(field.label, `${at}.label`);
      if (label !== null) checked.label = label;
      if ('crmValue' in field) checked.crmValue = scalar(field.crmValue, `${at}.crmValue`);
      if ('externalValue' in field) checked.externalValue = scalar(field.externalValue, `${at}.externalValue`);
      const direction = optionalOneOf(field.direction, `${at}.direction`, FIELD_DIRECTIONS);
      if (direction !== null) checked.direction = direction;
      const message = optionalText(field.message, `${at}.message`);
      if (message !== null) checked.message = message;
      return checked;
    });
  }
  return Object.keys(detail).length > 0 ? detail : null;
}

/** The record reference of an event or a resync item: `portalId` '' when absent. */
export function checkRecord(raw: unknown, path: string): { objectType: string; objectId: string; portalId: string } {
  if (!isObject(raw)) throw new Invalid(`${path} must be an object {"objectType","objectId"}.`);
  const objectType = text(raw.objectType, `${path}.objectType`, MAX_ID).toLowerCase();
  const objectId = text(raw.objectId, `${path}.objectId`, MAX_ID);
  const portalId = raw.portalId === undefined || raw.portalId === null ? '' : text(raw.portalId, `${path}.portalId`, MAX_ID, { allowEmpty: true });
  return { objectType, objectId, portalId };
}

/**
 * Checks one event. `integrationId`, when given, is the only integration the caller may write
 * (its ingest key's). Returns the outcome and the unsafe URLs it dropped.
 */
export function checkOutcome(raw: unknown, integrationId?: string): { outcome: CheckedOutcome; dropped: string[] } {
  if (!isObject(raw)) throw new Invalid('The event must be an object.');
  const dropped: string[] = [];
  const eventId = text(raw.eventId, 'eventId', MAX_EVENT_ID);
  const integration = text(raw.integrationId, 'integrationId', MAX_ID);
  if (integrationId !== undefined && integration !== integrationId) throw new Invalid(`integrationId is not the integration of this ingest key.`);
  const syncId = text(raw.syncId, 'syncId', MAX_ID);
  const record = checkRecord(raw.record, 'record');
  const occurredAt = instant(raw.occurredAt, 'occurredAt');
  const status = oneOf(raw.status, 'status', STATUSES);
  const outcome: CheckedOutcome = {
    eventId,
    integrationId: integration,
    syncId,
    ...record,
    occurredAt,
    status,
    detail: checkDetail(raw.detail, dropped),
    category: null,
    code: null,
    message: null,
    nextSyncAt: raw.nextSyncAt === undefined || raw.nextSyncAt === null ? null : instant(raw.nextSyncAt, 'nextSyncAt'),
    direction: optionalOneOf(raw.direction, 'direction', DIRECTIONS),
    trigger: optionalOneOf(raw.trigger, 'trigger', TRIGGERS),
    actor: optionalText(raw.actor, 'actor', MAX_ID),
  };
  if ('label' in raw) outcome.label = optionalText(raw.label, 'label');
  if ('syncedWith' in raw) {
    const syncedWith = raw.syncedWith;
    if (syncedWith === null) outcome.syncedWith = null;
    else if (!isObject(syncedWith)) throw new Invalid('syncedWith must be an object or null.');
    else outcome.syncedWith = { name: optionalText(syncedWith.name, 'syncedWith.name'), url: url(syncedWith.url, 'syncedWith.url', dropped) };
  }
  if (outcome.detail) {
    outcome.category = (outcome.detail.category as string | undefined) ?? null;
    outcome.code = (outcome.detail.code as string | undefined) ?? null;
    outcome.message = (outcome.detail.message as string | undefined) ?? null;
  }
  return { outcome, dropped };
}

/** A registration (`PUT …/ledger/integrations/{id}`). */
export interface CheckedRegistration {
  portalId: string;
  integrationId: string;
  name: string;
  state: string;
  settingsUrl: string | null;
  syncTypes: { syncId: string; label: string; objectType: string; enabled: boolean }[];
}

const STATES: ReadonlySet<string> = new Set(['active', 'extra_features_required', 'disconnected']);

export function checkRegistration(integrationId: string, raw: unknown): CheckedRegistration {
  if (!isObject(raw)) throw new Invalid('The body must be an object {"name","state","syncTypes"}.');
  const id = text(integrationId, 'integrationId', MAX_ID);
  const name = text(raw.name, 'name', MAX_TEXT);
  const state = oneOf(raw.state, 'state', STATES);
  const ignored: string[] = [];
  const settingsUrl = url(raw.settingsUrl, 'settingsUrl', ignored);
  if (ignored.length > 0) throw new Invalid('settingsUrl must be an absolute http(s) URL.');
  const portalId = raw.portalId === undefined || raw.portalId === null ? '' : text(raw.portalId, 'portalId', MAX_ID, { allowEmpty: true });
  if (!Array.isArray(raw.syncTypes)) throw new Invalid('syncTypes must be an array.');
  if (raw.syncTypes.length > MAX_SYNC_TYPES) throw new Invalid(`syncTypes has more than ${MAX_SYNC_TYPES} entries.`);
  const seen = new Set<string>();
  const syncTypes = raw.syncTypes.map((item: unknown, index) => {
    const at = `syncTypes[${index}]`;
    if (!isObject(item)) throw new Invalid(`${at} must be an object {"syncId","label","objectType","enabled"}.`);
    const syncId = text(item.syncId, `${at}.syncId`, MAX_ID);
    if (seen.has(syncId)) throw new Invalid(`${at}.syncId repeats ${JSON.stringify(syncId)}.`);
    seen.add(syncId);
    if (typeof item.enabled !== 'boolean') throw new Invalid(`${at}.enabled must be a boolean.`);
    return { syncId, label: text(item.label, `${at}.label`, MAX_TEXT), objectType: text(item.objectType, `${at}.objectType`, MAX_ID).toLowerCase(), enabled: item.enabled };
  });
  return { portalId, integrationId: id, name, state, settingsUrl, syncTypes };
}
