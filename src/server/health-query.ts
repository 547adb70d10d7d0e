// What a health route is asked (contract §15): the filter, sort, page size and cursor of
// `GET /health/records` and the export, and the `{"items"}` or `{"filter"}` body of
// `POST /health/resync`, validated here so the SQL only ever sees known values. Any value this
// file does not know is a 400 (BadRequest), never a database error. Unknown parameter
// *names* are ignored: a proxy's cache buster or the `portalId` the auth reads are not filters.
// (Types shared with the client: src/data/health-types.ts.)
import { HEALTH_SORTS, type HealthFilter, type HealthSort } from '../data/health-types.ts';
import { isObject } from '../data/normalize.ts';
import { ERROR_CATEGORIES, SYNC_STATUSES, type RecordRef } from '../data/types.ts';
import { recordClaim } from './embed-token.ts';
import { BadRequest } from './http.ts';

export type { HealthFilter, HealthSort };
export type HealthOrder = 'asc' | 'desc';

/**
 * Where the previous page ended: the sort key of its last row. The time sorts: the time (UTC,
 * microseconds, as ledger/health-queries.ts reads it; null where the row has none) then the
 * record key (objectType, objectId, syncId); `record`: the record key.
 */
export type CursorKey = (string | null)[];

export interface HealthQuery extends HealthFilter {
  sort: HealthSort;
  order: HealthOrder;
  /** Rows per page, 1–200. */
  limit: number;
  /** The page after this position, or the first page. */
  after?: CursorKey;
  /** The first page's total, carried by the cursor: later pages are not counted again. */
  total?: number;
}

export interface ResyncItem {
  record: RecordRef;
  syncId: string;
}

export type ResyncSelection = { items: ResyncItem[] } | { filter: HealthFilter };

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_RESYNC_ITEMS = 1000;
const MAX_VALUE = 256;
const MAX_LIST = 100;
const MAX_Q = 200;
/** A cursor holds at most three keys of at most 256 characters: anything longer was not ours. */
const MAX_CURSOR = 2048;
const LIST_FILTERS = ['status', 'integrationId', 'objectType', 'category', 'code'] as const;
type ListName = (typeof LIST_FILTERS)[number];

/** Allowed values of the closed lists; the others are free text within bounds. */
const KNOWN: Partial<Record<ListName, readonly string[]>> = { status: SYNC_STATUSES, category: ERROR_CATEGORIES };

function list(name: ListName, values: readonly unknown[]): string[] | undefined {
  const items: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') throw new BadRequest(`${name} must be a string or a list of strings.`);
    for (const item of value.split(',')) {
      if (item === '') continue;
      if (item.length > MAX_VALUE || item.includes('\0')) throw new BadRequest(`${name} has a value over ${MAX_VALUE} characters.`);
      const known = KNOWN[name];
      if (known && !known.includes(item)) throw new BadRequest(`${name} has an unknown value; expected one of ${known.join(', ')}.`);
      if (!items.includes(item)) items.push(item);
    }
  }
  if (items.length > MAX_LIST) throw new BadRequest(`${name} lists more than ${MAX_LIST} values.`);
  return items.length > 0 ? items : undefined;
}

function search(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > MAX_Q || value.includes('\0')) throw new BadRequest(`q must be a string of at most ${MAX_Q} characters.`);
  return value;
}

/** Sets only the filters that are present, so `{}` means "every record". */
function assign(filter: HealthFilter, name: ListName, values: string[] | undefined): void {
  if (values) (filter as Record<ListName, string[]>)[name] = values;
}

/** The filter of a query string (`status=a,b&integrationId=x…`). */
export function filterFromQuery(params: URLSearchParams): HealthFilter {
  const filter: HealthFilter = {};
  for (const name of LIST_FILTERS) assign(filter, name, list(name, params.getAll(name)));
  const q = params.getAll('q');
  if (q.length > 1) throw new BadRequest('q is given more than once.');
  const text = search(q[0]);
  if (text !== undefined) filter.q = text;
  return filter;
}

/** The filter of a `{"filter":{…}}` body: the records route's names, each a string or a list of strings. */
export function filterFromBody(value: unknown): HealthFilter {
  if (!isObject(value)) throw new BadRequest('filter must be an object.');
  const filter: HealthFilter = {};
  for (const name of LIST_FILTERS) {
    const given = value[name];
    if (given === undefined || given === null) continue;
    assign(filter, name, list(name, Array.isArray(given) ? given : [given]));
  }
  const text = search(value.q);
  if (text !== undefined) filter.q = text;
  return filter;
}

function single(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1) throw new BadRequest(`${name} is given more than once.`);
  return values.length === 1 ? values[0] : null;
}

/** The whole query of `GET /health/records` (and of the export, which ignores `limit`). */
export function healthQueryFromParams(params: URLSearchParams): HealthQuery {
  const sortValue = single(params, 'sort') ?? 'lastAttemptAt';
  if (!(HEALTH_SORTS as readonly string[]).includes(sortValue)) throw new BadRequest(`sort must be one of ${HEALTH_SORTS.join(', ')}.`);
  const sort = sortValue as HealthSort;
  const orderValue = single(params, 'order') ?? (sort === 'record' ? 'asc' : 'desc');
  if (orderValue !== 'asc' && orderValue !== 'desc') throw new BadRequest('order must be asc or desc.');
  const limitValue = single(params, 'limit');
  let limit = DEFAULT_LIMIT;
  if (limitValue !== null) {
    if (!/^[0-9]{1,3}$/.test(limitValue)) throw new BadRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
    limit = Number(limitValue);
    if (limit < 1 || limit > MAX_LIMIT) throw new BadRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  const query: HealthQuery = { ...filterFromQuery(params), sort, order: orderValue, limit };
  const cursor = single(params, 'cursor');
  if (cursor !== null && cursor !== '') Object.assign(query, decodeCursor(cursor, sort, orderValue));
  return query;
}

/** `POST /health/resync`'s body: `{"items":[{record, syncId}…]}` (1–1,000) or `{"filter":{…}}`. */
export function resyncSelectionFromBody(body: unknown): ResyncSelection {
  if (!isObject(body)) throw new BadRequest('Expected {"items":[{"record","syncId"}…]} or {"filter":{…}}.');
  if ('filter' in body && body.filter !== undefined) {
    if ('items' in body && body.items !== undefined) throw new BadRequest('Send items or filter, not both.');
    return { filter: filterFromBody(body.filter) };
  }
  if (!Array.isArray(body.items)) throw new BadRequest('Expected {"items":[{"record","syncId"}…]} or {"filter":{…}}.');
  if (body.items.length > MAX_RESYNC_ITEMS) throw new BadRequest(`At most ${MAX_RESYNC_ITEMS} items per resync.`);
  const items = body.items.map((item, index): ResyncItem => {
    const record = isObject(item) ? recordClaim(item.record) : null;
    const syncId = isObject(item) ? item.syncId : undefined;
    if (!record || typeof syncId !== 'string' || syncId === '' || syncId.length > MAX_VALUE) {
      throw new BadRequest(`items[${index}] is not {"record":{"objectType","objectId"},"syncId":string}.`);
    }
    return { record, syncId };
  });
  return { items };
}

// Cursors: base64url of JSON `[sort, order, total, ...key]`. They are opaque to clients and validated,
// not trusted: the portal always comes from the auth, so a forged cursor can at most move within
// the caller's own records; a garbled one, or one of another sort or order, is a 400.

/** A time as health-queries.ts writes it into a cursor: UTC, microseconds (Postgres's precision). */
const TIME_KEY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$/;

const keyPart = (part: unknown) => typeof part === 'string' && part !== '' && part.length <= MAX_VALUE && !part.includes('\0');

function validKey(sort: HealthSort, key: unknown[]): key is CursorKey {
  if (sort === 'record') return key.length === 3 && key.every(keyPart);
  const [time, ...record] = key;
  return key.length === 4 && (time === null || (typeof time === 'string' && TIME_KEY.test(time))) && record.every(keyPart);
}

// base64url by hand over btoa/atob: Buffer is Node's, and the server runs on any Fetch runtime.
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/**
 * The cursor after `key`. It also carries the first page's `total`: counting every matching row
 * is the one part of a page whose cost grows with the table, and the page keeps showing the
 * total it started with anyway (live changes are offered, not applied under the user).
 */
export function encodeCursor(sort: HealthSort, orderValue: HealthOrder, total: number, key: CursorKey): string {
  return toBase64Url(JSON.stringify([sort, orderValue, total, ...key]));
}

export function decodeCursor(cursor: string, sort: HealthSort, orderValue: HealthOrder): { after: CursorKey; total: number } {
  const invalid = () => new BadRequest('cursor is not a cursor of this sort and order: start again from the first page.');
  if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort || parsed[1] !== orderValue) throw invalid();
  const total = parsed[2];
  const key = parsed.slice(3);
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0 || !validKey(sort, key)) throw invalid();
  return { after: key, total };
}
