// The health page's SQL (contract §15) over the ledger's tables (./migrations.ts), with the
// indexes it needs beside it (HEALTH_MIGRATION, appended to the ledger's migration list).
// Everything is scoped by `portal_id = $1` first, the portal the route's auth decided; values are
// always parameters, the SQL text is built only from the constant fragments below.
//
// Paging is keyset, never OFFSET: a page is "the rows after the last one shown" in the sort's
// order, `(sort key, object_type, object_id, sync_id) < ($2, $3, $4, $5)`, which an index walks
// from that position, so page 1 and a page at 90% depth cost the same. The record key (the
// table's primary key) breaks ties; the time keys are COALESCEd to -infinity, so a row that has
// no time yet sorts last (newest first) or first (oldest first) and still has a position.
import type { HealthGroup, HealthRecord, HealthSummary } from '../../data/health-types.ts';
import type { RecordRef, SyncDetail, SyncStatus } from '../../data/types.ts';
import type { CursorKey, HealthFilter, HealthOrder, HealthSort, ResyncSelection } from '../health-query.ts';
import type { HealthBackend } from '../health-routes.ts';
import type { SqlClient } from './db.ts';
import { countFromCounters, COUNTS_SQL, GROUPS_SQL } from './health-counts.ts';
import type { Migration } from './migrations.ts';

/** The failing statuses: the groups cover these, and the page shows them by default. */
const FAILING = `('record_not_synced', 'partially_synced')`;

export const HEALTH_MIGRATION: Migration = {
  version: 3,
  name: 'health page: keyset sorts and failure groups',
  sql: /* sql */ `
-- GET /health/records and the export, sorted by last attempt or first failure: the sort key as the
-- queries write it (COALESCE to -infinity), then the record key, so the keyset condition is one
-- index range in either direction. (sort=record walks the primary key.)
CREATE INDEX isc_health_by_attempt ON isc_syncs (portal_id, (COALESCE(last_attempt_at, '-infinity'::timestamptz)), object_type, object_id, sync_id);
CREATE INDEX isc_health_by_first_failure ON isc_syncs (portal_id, (COALESCE(first_failed_at, '-infinity'::timestamptz)), object_type, object_id, sync_id);
-- The summary's groups: failing syncs only (a partial index a fraction of the table's size), by
-- (integration, category, code); the INCLUDEd columns let the counts and first/last times come
-- from the index alone, and last_attempt_at in the key finds each group's latest message.
CREATE INDEX isc_health_groups ON isc_syncs (portal_id, integration_id, (COALESCE(category, '')), (COALESCE(code, '')), last_attempt_at)
  INCLUDE (category, code, first_failed_at) WHERE status IN ${FAILING};
`,
};

/** The portal as the tables key it: '' for a ledger without portals (./migrations.ts). */
const portalKey = (portalId: string | null) => portalId ?? '';

/** A `LIKE` pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The WHERE of a filter: `portal_id = $1 AND …`. Every value goes in `params` as `$n`; the text
 * holds only the literal column names below.
 */
function where(portalId: string | null, filter: HealthFilter, params: unknown[]): string {
  params.push(portalKey(portalId));
  const conditions = ['s.portal_id = $1'];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (!values) return;
    params.push(values);
    conditions.push(`${column} = ANY($${params.length}::text[])`);
  };
  anyOf('s.status', filter.status);
  anyOf('s.integration_id', filter.integrationId);
  // Stored lower-cased (§14: objectType compares case-insensitively).
  anyOf('s.object_type', filter.objectType?.map((type) => type.toLowerCase()));
  anyOf('s.category', filter.category);
  anyOf('s.code', filter.code);
  if (filter.q !== undefined) {
    params.push(containing(filter.q));
    const p = `$${params.length}`;
    conditions.push(`(s.object_id ILIKE ${p} OR s.synced_with->>'name' ILIKE ${p} OR s.message ILIKE ${p})`);
  }
  return conditions.join(' AND ');
}

const SORT_KEY: Record<Exclude<HealthSort, 'record'>, string> = {
  lastAttemptAt: `COALESCE(s.last_attempt_at, '-infinity'::timestamptz)`,
  firstFailedAt: `COALESCE(s.first_failed_at, '-infinity'::timestamptz)`,
};
const RECORD_KEY = ['s.object_type', 's.object_id', 's.sync_id'];
/** A time as a cursor holds it: UTC with Postgres's microseconds (a JS Date keeps milliseconds only). */
const cursorTime = (expression: string) => `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** ORDER BY, the keyset condition after `after`, and the columns a cursor is read from. */
function ordering(sort: HealthSort, order: HealthOrder, after: CursorKey | undefined, params: unknown[]) {
  // Column expressions come from SORT_KEY and RECORD_KEY only; a sort or order outside them never
  // reaches the SQL (the routes validate them; this guards a deployer calling the ledger directly).
  if (sort !== 'record' && !Object.hasOwn(SORT_KEY, sort)) throw new TypeError(`Unknown sort: ${String(sort)}`);
  if (order !== 'asc' && order !== 'desc') throw new TypeError(`Unknown order: ${String(order)}`);
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const beyond = order === 'asc' ? '>' : '<';
  const columns = sort === 'record' ? RECORD_KEY : [SORT_KEY[sort], ...RECORD_KEY];
  const orderBy = columns.map((column) => `${column} ${direction}`).join(', ');
  let keyset = '';
  if (after) {
    const placeholders = after.map((value, index) => {
      if (index > 0 || sort === 'record') {
        params.push(value);
        return `$${params.length}`;
      }
      // A null time is -infinity: the rows with no time yet.
      params.push(value ?? '-infinity');
      return `$${params.length}::timestamptz`;
    });
    keyset = ` AND (${columns.join(', ')}) ${beyond} (${placeholders.join(', ')})`;
  }
  const cursorColumns = sort === 'record' ? '' : `, ${cursorTime(SORT_KEY[sort])} AS cursor_time`;
  return { orderBy, keyset, cursorColumns };
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? new Date(value).toISOString() : null);
/** jsonb arrives parsed from pg, and from PGlite; a string is parsed in case a driver hands text. */
const jsonOf = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));

const RECORD_COLUMNS = `s.object_type, s.object_id, s.sync_id, s.integration_id, s.status, s.detail, s.synced_with,
  COALESCE(s.label, t.label) AS label, s.last_synced_at, s.last_attempt_at, s.first_failed_at, s.attempts`;
/** A cleared label falls back to the registered sync type's (§14). */
const WITH_SYNC_TYPE = 'LEFT JOIN isc_sync_types t ON t.portal_id = s.portal_id AND t.sync_id = s.sync_id';

function recordOf(row: Record<string, unknown>, portalId: string | null): HealthRecord {
  const record = { objectType: row.object_type as string, objectId: row.object_id as string };
  const syncedWith = jsonOf(row.synced_with) as { name?: string | null; url?: string | null } | null;
  return {
    record: portalId === null ? record : { ...record, portalId },
    syncId: row.sync_id as string,
    label: (row.label as string | null) ?? null,
    integrationId: row.integration_id as string,
    status: row.status as SyncStatus,
    syncedWith: syncedWith ? { name: syncedWith.name ?? null, url: syncedWith.url ?? null } : null,
    detail: jsonOf(row.detail) as SyncDetail | null,
    lastSyncedAt: iso(row.last_synced_at),
    lastAttemptAt: iso(row.last_attempt_at),
    firstFailedAt: iso(row.first_failed_at),
    attempts: Number(row.attempts),
  };
}

export interface RecordsPage {
  records: HealthRecord[];
  /** The position after the last row, or null when this page ended the list. */
  next: CursorKey | null;
}

export interface PageQuery extends HealthFilter {
  sort: HealthSort;
  order: HealthOrder;
  limit: number;
  after?: CursorKey;
}

/** One page of the filtered records, and where the next one starts. */
export async function selectRecordsPage(db: SqlClient, portalId: string | null, query: PageQuery): Promise<RecordsPage> {
  const params: unknown[] = [];
  const conditions = where(portalId, query, params);
  const { orderBy, keyset, cursorColumns } = ordering(query.sort, query.order, query.after, params);
  // One row more than the page: whether a next page exists, without counting.
  params.push(query.limit + 1);
  const { rows } = await db.query(
    `SELECT ${RECORD_COLUMNS}${cursorColumns} FROM isc_syncs s ${WITH_SYNC_TYPE}
     WHERE ${conditions}${keyset} ORDER BY ${orderBy} LIMIT $${params.length}`,
    params,
  );
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  let next: CursorKey | null = null;
  if (more && last) {
    const recordKey = [last.object_type as string, last.object_id as string, last.sync_id as string];
    next = query.sort === 'record' ? recordKey : [(last.cursor_time as string | null) ?? null, ...recordKey];
  }
  return { records: page.map((row) => recordOf(row, portalId)), next };
}

/** How many records match the filter (every page). */
export async function countRecords(db: SqlClient, portalId: string | null, filter: HealthFilter): Promise<number> {
  const counted = await countFromCounters(db, portalKey(portalId), filter);
  if (counted !== null) return counted;
  const params: unknown[] = [];
  // The text holds where()'s column names only; every value is a $n in params.
  const { rows } = await db.query(`SELECT count(*) AS total FROM isc_syncs s WHERE ${where(portalId, filter, params)}`, params);
  return Number(rows[0]?.total ?? 0);
}

/** The three parts of `GET /health/summary`, read in parallel from the counters (./health-counts.ts). */
export async function selectSummary(db: SqlClient, portalId: string | null, maxGroups = 50): Promise<HealthSummary> {
  const portal = portalKey(portalId);
  const [integrations, counts, groups] = await Promise.all([
    db.query('SELECT integration_id, name, state FROM isc_integrations WHERE portal_id = $1 ORDER BY integration_id', [portal]),
    db.query(COUNTS_SQL, [portal]),
    db.query(GROUPS_SQL, [portal, maxGroups]),
  ]);
  return {
    generatedAt: new Date().toISOString(),
    integrations: integrations.rows.map((row) => ({ id: row.integration_id as string, name: row.name as string, state: row.state as string })),
    counts: counts.rows.map((row) => ({ integrationId: row.integration_id as string, status: row.status as SyncStatus, count: Number(row.count) })),
    groups: groups.rows.map((row): HealthGroup => {
      const fix = jsonOf(row.fix) as { text?: unknown; url?: unknown } | null;
      return {
        integrationId: row.integration_id as string,
        category: (row.category as string | null) ?? null,
        code: (row.code as string | null) ?? null,
        message: (row.message as string | null) ?? null,
        fix: fix && typeof fix.text === 'string' ? { text: fix.text, url: typeof fix.url === 'string' ? fix.url : null } : null,
        count: Number(row.count),
        firstSeenAt: iso(row.first_seen_at),
        lastSeenAt: iso(row.last_seen_at),
      };
    }),
  };
}

/** Keys of the syncs a filter matches, in pages for the resync of "every matching record". */
async function selectKeys(db: SqlClient, portalId: string | null, filter: HealthFilter, after: string[] | undefined, limit: number): Promise<string[][]> {
  const params: unknown[] = [];
  const conditions = where(portalId, filter, params);
  const { orderBy, keyset } = ordering('record', 'asc', after, params);
  params.push(limit);
  // The text holds where()'s column names and ordering()'s fixed keys only; every value is a $n.
  const { rows } = await db.query(`SELECT s.object_type, s.object_id, s.sync_id FROM isc_syncs s WHERE ${conditions}${keyset} ORDER BY ${orderBy} LIMIT $${params.length}`, params);
  return rows.map((row) => [row.object_type as string, row.object_id as string, row.sync_id as string]);
}

/** What the health routes use of the ledger (./ledger.ts): its client, its bulk resync and its change feed. */
export interface HealthLedger {
  readonly db: SqlClient;
  requestResyncs(items: readonly { record: RecordRef; syncId: string }[], actor?: string | null): Promise<number>;
  onChange(listener: (change: { portalId: string; record?: unknown }) => void): () => void;
}

/** Syncs queued per call of the ledger's requestResyncs when a filter selects them. */
const RESYNC_CHUNK = 1000;

/**
 * Queues the selection through the ledger's own resync (one pending request per sync, its history
 * row and notification), always in the gate's portal.
 */
async function queueSelection(ledger: HealthLedger, portalId: string | null, selection: ResyncSelection, requestedBy: string | null): Promise<number> {
  const inPortal = (objectType: string, objectId: string): RecordRef => (portalId === null ? { objectType, objectId } : { objectType, objectId, portalId });
  if ('items' in selection) {
    // An item without a portalId is the gate's portal's; one naming another portal is dropped.
    const mine = selection.items.filter((item) => item.record.portalId === undefined || item.record.portalId === portalId);
    if (mine.length === 0) return 0;
    return ledger.requestResyncs(mine.map((item) => ({ record: inPortal(item.record.objectType, item.record.objectId), syncId: item.syncId })), requestedBy);
  }
  let queued = 0;
  let after: string[] | undefined;
  for (;;) {
    const keys = await selectKeys(ledger.db, portalId, selection.filter, after, RESYNC_CHUNK);
    if (keys.length > 0) queued += await ledger.requestResyncs(keys.map(([objectType, objectId, syncId]) => ({ record: inPortal(objectType, objectId), syncId })), requestedBy);
    if (keys.length < RESYNC_CHUNK) return queued;
    after = keys[keys.length - 1];
  }
}

/** The health routes' backend (../health-routes.ts) over the ledger. */
export function createHealthBackend(ledger: HealthLedger): HealthBackend {
  const { db } = ledger;
  return {
    summary: (portalId) => selectSummary(db, portalId),
    page: (portalId, query) => selectRecordsPage(db, portalId, query),
    count: (portalId, filter) => countRecords(db, portalId, filter),
    resync: (portalId, selection, requestedBy) => queueSelection(ledger, portalId, selection, requestedBy),
    subscribe(portalId, onChange) {
      const portal = portalKey(portalId);
      // A record's change counts one; a portal-wide one (a registration) counts one too: the page reloads either way.
      return ledger.onChange((change) => {
        if (change.portalId === portal) onChange(1);
      });
    },
  };
}
