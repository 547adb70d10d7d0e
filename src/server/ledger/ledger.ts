// createSyncLedger (§14): the store connectors report sync outcomes into and the card reads from,
// over the deployer's own Postgres client (PGlite or pg; the package imports neither). It is a
// SyncDataProvider, so the handler serves the card from it like any source, and it has the
// operations behind the connector routes (ingest, registerIntegration, claimResyncRequests).
import type { RecordRef, SyncDataProvider, SyncEvent, SyncStatusResponse } from '../../data/types.ts';
import { queueResyncs, readHistory, readStatus, iso, type LedgerKey, type ResyncItem } from './card-queries.ts';
import { listen, migrate, type Listener, type SqlClient } from './db.ts';
import { checkOutcome, checkRegistration, Invalid, isObject, type CheckedOutcome } from './outcome.ts';

export type { SqlClient } from './db.ts';

export interface SyncLedgerOptions {
  /** A `pg.Pool` (LISTEN takes one dedicated client from it), a PGlite, or any client with `query(text, params)`. */
  db: SqlClient;
  /** Days the history is kept (default 90). */
  historyDays?: number;
  /** An `in_progress` older than this reads as `sync_unknown` (default 30 minutes). */
  inProgressTimeoutMs?: number;
  /** How long a claimed resync request stays with its connector before it is offered again (default 5 minutes). */
  resyncLeaseMs?: number;
  /** How often history older than `historyDays` is pruned (default hourly; 0 turns the timer off). */
  pruneIntervalMs?: number;
}

/** One event's answer on `POST …/ledger/events`. */
export interface IngestResult {
  eventId: string | null;
  result: 'applied' | 'duplicate' | 'stale' | 'rejected';
  message?: string;
}

/** A pending resync handed to a connector. */
export interface ResyncRequest {
  id: string;
  record: RecordRef;
  syncId: string;
  requestedAt: string;
  requestedBy: string | null;
}

/** What changed, as every process sharing the database hears it: a record, or a whole portal (a registration). */
export interface LedgerChange {
  portalId: string;
  record?: { objectType: string; objectId: string };
}

/** A `SyncDataProvider` whose `resync` also takes who asked (`actor`: the embed token's `sub`). */
export interface SyncLedger extends SyncDataProvider {
  getSyncStatus(record: RecordRef, options?: { signal?: AbortSignal }): Promise<SyncStatusResponse>;
  getSyncHistory(record: RecordRef, syncId: string, options?: { signal?: AbortSignal }): Promise<SyncEvent[]>;
  /** Queues a resync (none when one is pending); rejects with `status` 404 for an unknown sync, 409 for a disabled one. */
  resync(record: RecordRef, syncId: string, options?: { signal?: AbortSignal; actor?: string | null }): Promise<void>;
  subscribe(record: RecordRef, onChange: () => void): () => void;
  /** Registers or replaces an integration and its sync types; rejects with `status` 400 (a field named) or 409. */
  registerIntegration(integrationId: string, registration: unknown): Promise<void>;
  /** Applies a batch of outcomes; `integrationId` limits it to one integration (its ingest key's). */
  ingest(events: readonly unknown[], options?: { integrationId?: string }): Promise<IngestResult[]>;
  /** Takes up to `limit` (default 50, at most 500) pending resyncs of an integration, leasing them. */
  claimResyncRequests(integrationId: string, options?: { limit?: number }): Promise<ResyncRequest[]>;
  /** Queues resyncs for many records at once (the health page); answers how many were queued. */
  requestResyncs(items: readonly { record: RecordRef; syncId: string }[], actor?: string | null): Promise<number>;
  /** Every change of every portal (the health page's stream); returns an unsubscribe function. */
  onChange(listener: (change: LedgerChange) => void): () => void;
  /** Deletes history and completed resync requests older than `historyDays` (the timer calls it). */
  prune(): Promise<void>;
  /** The client passed in (for queries over the same tables, e.g. the health routes). */
  readonly db: SqlClient;
  /** Stops timers, listeners and the LISTEN connection; the client stays open (it is the deployer's). */
  close(): Promise<void>;
}

/** An error a route answers with its `status` (400, 404, 409). */
export class LedgerError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const CHANNEL = 'isc_ledger';
const MAX_CLAIM = 500;

const keyOf = (record: RecordRef): LedgerKey => ({ portalId: record.portalId ?? '', objectType: record.objectType.toLowerCase(), objectId: record.objectId });
const watchKey = (portalId: string, objectType: string, objectId: string) => JSON.stringify([portalId, objectType.toLowerCase(), objectId]);

export async function createSyncLedger(options: SyncLedgerOptions): Promise<SyncLedger> {
  const { db, historyDays = 90, inProgressTimeoutMs = 1_800_000, resyncLeaseMs = 300_000, pruneIntervalMs = 3_600_000 } = options;
  if (!db || typeof db.query !== 'function') throw new TypeError('createSyncLedger needs a db with query(text, params).');
  await migrate(db);

  // Who is watching: the card's subscriptions per record, the health page's per ledger.
  const watchers = new Map<string, Set<() => void>>();
  const changeListeners = new Set<(change: LedgerChange) => void>();

  const fire = (callback: () => void) => {
    try {
      callback();
    } catch {
      // one watcher's failure is not the others'
    }
  };

  function deliver(change: LedgerChange): void {
    for (const listener of changeListeners) fire(() => listener(change));
    if (change.record) {
      for (const watcher of watchers.get(watchKey(change.portalId, change.record.objectType, change.record.objectId)) ?? []) fire(watcher);
      return;
    }
    for (const [key, set] of watchers) if (JSON.parse(key)[0] === change.portalId) for (const watcher of set) fire(watcher);
  }

  function deliverPayload(payload: string): void {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (!isObject(message) || typeof message.p !== 'string') return;
    deliver(typeof message.t === 'string' && typeof message.o === 'string' ? { portalId: message.p, record: { objectType: message.t, objectId: message.o } } : { portalId: message.p });
  }

  const everything = () => {
    const portals = new Set([...watchers.keys()].map((key) => JSON.parse(key)[0] as string));
    for (const portalId of portals) deliver({ portalId });
    if (portals.size === 0) for (const listener of changeListeners) fire(() => listener({ portalId: '' }));
  };
  const listener: Listener | null = await listen(db, CHANNEL, deliverPayload, { onReconnect: everything });
  // Without LISTEN (a bare single connection), this process still hears its own writes.
  const local = (change: LedgerChange) => {
    if (!listener) deliver(change);
  };

  let pruneTimer: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  async function prune(): Promise<void> {
    await db.query('DELETE FROM isc_sync_events WHERE occurred_at < now() - make_interval(days => $1)', [historyDays]);
    await db.query('DELETE FROM isc_resync_requests WHERE completed_at < now() - make_interval(days => $1)', [historyDays]);
  }
  if (pruneIntervalMs > 0) {
    pruneTimer = setInterval(() => void prune().catch(() => {}), pruneIntervalMs);
    (pruneTimer as { unref?: () => void }).unref?.();
  }

  // The planner's statistics while the tables are young. Without them (PostgreSQL's autovacuum
  // analyzes a new table only after its first minute; PGlite has no autovacuum at all) a batch
  // read its syncs through a health index or scanned the whole history (500 events: 3× slower at
  // 2,500 syncs). So this process analyzes after 1,000 stored events and again each time they
  // grow fourfold: one ANALYZE at a time, in the background; a failure (not the tables' owner) only
  // leaves it to autovacuum.
  let storedEvents = 0;
  let analyzeAt = 1000;
  let analyzing: Promise<void> | null = null;
  function keepStatistics(stored: number): void {
    storedEvents += stored;
    if (storedEvents < analyzeAt || analyzing || closed) return;
    analyzeAt = storedEvents * 4;
    analyzing = db
      .query('ANALYZE isc_syncs, isc_sync_events')
      .then(() => {}, () => {})
      .finally(() => {
        analyzing = null;
      });
  }

  async function requestResyncs(items: readonly { record: RecordRef; syncId: string }[], actor: string | null = null) {
    const keyed: ResyncItem[] = items.map(({ record, syncId }) => ({ key: keyOf(record), syncId }));
    const counts = await queueResyncs(db, keyed, actor);
    if (counts.queued > 0) for (const { key } of keyed) local({ portalId: key.portalId, record: key });
    return counts;
  }

  const ledger: SyncLedger = {
    db,
    getSyncStatus: (record) => readStatus(db, keyOf(record), inProgressTimeoutMs),
    getSyncHistory: (record, syncId) => readHistory(db, keyOf(record), syncId),

    async resync(record, syncId, resyncOptions) {
      const counts = await requestResyncs([{ record, syncId }], resyncOptions?.actor ?? null);
      if (counts.known === 0) throw new LedgerError('No such sync for this record.', 404);
      if (counts.enabled === 0) throw new LedgerError('This sync is turned off.', 409);
    },

    subscribe(record, onChange) {
      const key = watchKey(record.portalId ?? '', record.objectType, record.objectId);
      let set = watchers.get(key);
      if (!set) watchers.set(key, (set = new Set()));
      const watcher = () => onChange();
      set.add(watcher);
      return () => {
        set.delete(watcher);
        if (set.size === 0 && watchers.get(key) === set) watchers.delete(key);
      };
    },

    async registerIntegration(integrationId, registration) {
      let checked;
      try {
        checked = checkRegistration(integrationId, registration);
      } catch (error) {
        if (error instanceof Invalid) throw new LedgerError(error.message, 400);
        throw error;
      }
      const { rows } = await db.query('SELECT isc_register($1::jsonb) AS taken', [JSON.stringify(checked)]);
      const taken = rows[0]?.taken;
      if (typeof taken === 'string') throw new LedgerError(`syncTypes: ${JSON.stringify(taken)} belongs to another integration of this portal.`, 409);
      local({ portalId: checked.portalId });
    },

    async ingest(events, ingestOptions) {
      const results: IngestResult[] = new Array(events.length);
      const checked: (CheckedOutcome & { i: number })[] = [];
      const byIndex = new Map<number, CheckedOutcome>();
      const dropped = new Map<number, string[]>();
      events.forEach((raw, i) => {
        const eventId = isObject(raw) && typeof raw.eventId === 'string' ? raw.eventId.slice(0, 200) : null;
        try {
          const { outcome, dropped: urls } = checkOutcome(raw, ingestOptions?.integrationId);
          checked.push({ ...outcome, i });
          byIndex.set(i, outcome);
          if (urls.length > 0) dropped.set(i, urls);
          results[i] = { eventId: outcome.eventId, result: 'rejected' };
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          results[i] = { eventId, result: 'rejected', message: error.message };
        }
      });
      if (checked.length > 0) {
        const { rows } = await db.query('SELECT out_index, out_result FROM isc_ingest($1::jsonb)', [JSON.stringify(checked)]);
        keepStatistics(rows.filter((row) => row.out_result === 'applied' || row.out_result === 'stale').length);
        for (const row of rows) {
          const i = Number(row.out_index);
          const result = row.out_result as string;
          if (result === 'not_owner') {
            results[i] = { eventId: results[i].eventId, result: 'rejected', message: 'syncId belongs to another integration.' };
            continue;
          }
          results[i] = { eventId: results[i].eventId, result: result as IngestResult['result'] };
          const urls = dropped.get(i);
          if (urls && result !== 'duplicate') results[i].message = `Dropped an unsafe URL: ${urls.join(', ')}.`;
          if (result !== 'duplicate') {
            const event = byIndex.get(i)!;
            local({ portalId: event.portalId, record: { objectType: event.objectType, objectId: event.objectId } });
          }
        }
      }
      return results;
    },

    async claimResyncRequests(integrationId, claimOptions) {
      const limit = Math.max(1, Math.min(MAX_CLAIM, Math.floor(claimOptions?.limit ?? 50)));
      const { rows } = await db.query(
        `UPDATE isc_resync_requests SET leased_until = now() + make_interval(secs => $3::double precision / 1000)
         WHERE id IN (SELECT id FROM isc_resync_requests
                      WHERE integration_id = $1 AND completed_at IS NULL AND (leased_until IS NULL OR leased_until <= now())
                      ORDER BY requested_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, portal_id, object_type, object_id, sync_id, requested_at, requested_by`,
        [integrationId, limit, resyncLeaseMs],
      );
      return rows
        .map((row) => ({
          id: String(row.id),
          record: { objectType: row.object_type as string, objectId: row.object_id as string, ...(row.portal_id ? { portalId: row.portal_id as string } : {}) },
          syncId: row.sync_id as string,
          requestedAt: iso(row.requested_at) ?? '',
          requestedBy: (row.requested_by as string | null) ?? null,
        }))
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || Number(a.id) - Number(b.id));
    },

    requestResyncs: async (items, actor) => (await requestResyncs(items, actor)).queued,

    onChange(listenerFn) {
      changeListeners.add(listenerFn);
      return () => changeListeners.delete(listenerFn);
    },

    prune,

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(pruneTimer);
      await analyzing;
      watchers.clear();
      changeListeners.clear();
      await listener?.close();
    },
  };
  return ledger;
}
