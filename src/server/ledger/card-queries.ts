// What the card reads from the ledger (§14 "What the card then shows"): one record's response in
// one round trip, a sync's history, and queueing resyncs. The rules that depend on the clock (the
// in_progress timeout) or on several rows (disabled, not found, a pending resync) are applied
// here, on read, so the stored state stays a function of the events alone.
import type { SyncEntry, SyncEvent, SyncStatusResponse } from '../../data/types.ts';
import type { SqlClient } from './db.ts';

/** A record as the ledger keys it: objectType lower-cased, portalId '' for the one tenant. */
export interface LedgerKey {
  portalId: string;
  objectType: string;
  objectId: string;
}

// Registered sync types covering the object type (and any type naming a sync held for the record),
// full-joined with what the ledger holds for the record, and the record's pending resyncs.
const STATUS_SQL = /* sql */ `
WITH held AS (
  SELECT * FROM isc_syncs WHERE portal_id = $1 AND object_type = $2 AND object_id = $3
), types AS (
  SELECT * FROM isc_sync_types
  WHERE portal_id = $1 AND (object_type = $2 OR sync_id IN (SELECT sync_id FROM held))
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('id', integration_id, 'name', name, 'state', state, 'settingsUrl', settings_url)
                            ORDER BY registered_at, integration_id), '[]'::json)
   FROM isc_integrations WHERE portal_id = $1) AS integrations,
  (SELECT coalesce(json_agg(x ORDER BY x.position IS NULL, x.registered_at, x.integration_id, x.position, x.sync_id), '[]'::json)
   FROM (
     SELECT coalesce(t.sync_id, h.sync_id) AS sync_id, coalesce(t.integration_id, h.integration_id) AS integration_id,
            t.label AS type_label, t.enabled, t.position, i.registered_at,
            h.status, h.occurred_at, h.label, h.synced_with, h.detail, h.next_sync_at, h.last_synced_at,
            r.requested_at
     FROM types t
     FULL JOIN held h ON h.sync_id = t.sync_id
     LEFT JOIN isc_integrations i ON i.portal_id = $1 AND i.integration_id = coalesce(t.integration_id, h.integration_id)
     LEFT JOIN isc_resync_requests r ON r.portal_id = $1 AND r.object_type = $2 AND r.object_id = $3
          AND r.sync_id = coalesce(t.sync_id, h.sync_id) AND r.completed_at IS NULL
   ) x) AS syncs`;

interface SyncRow {
  sync_id: string;
  integration_id: string;
  type_label: string | null;
  enabled: boolean | null;
  status: string | null;
  occurred_at: string | null;
  label: string | null;
  synced_with: SyncEntry['syncedWith'];
  detail: SyncEntry['detail'];
  next_sync_at: string | null;
  last_synced_at: string | null;
  requested_at: string | null;
}

/** A timestamp as the wire carries it (pg and PGlite give Dates; json_agg gives text). */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A key as a query parameter. Postgres text cannot hold U+0000, so no stored key has one (ingest
 * refuses them) and a read naming one matches nothing: NULL, which equals no row, instead of an
 * error (a card asking for such a record reads "nothing held", like any unknown record).
 */
const keyParam = (value: string): string | null => (value.includes('\u0000') ? null : value);

/** Whether every key can be stored (no U+0000). */
const storable = (...values: string[]): boolean => values.every((value) => !value.includes('\u0000'));

const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export async function readStatus(db: SqlClient, key: LedgerKey, inProgressTimeoutMs: number, now = Date.now()): Promise<SyncStatusResponse> {
  const { rows } = await db.query(STATUS_SQL, [keyParam(key.portalId), keyParam(key.objectType), keyParam(key.objectId)]);
  const integrations = parsed<SyncStatusResponse['integrations']>(rows[0].integrations);
  const syncs = parsed<SyncRow[]>(rows[0].syncs).map((row): SyncEntry => {
    const timedOut = (at: string | null) => at !== null && now - Date.parse(at) > inProgressTimeoutMs;
    const resyncing = row.requested_at !== null && (row.occurred_at === null || Date.parse(row.requested_at) > Date.parse(row.occurred_at));
    const entry: SyncEntry = {
      id: row.sync_id,
      integrationId: row.integration_id,
      label: row.label ?? row.type_label,
      status: row.status ?? 'sync_not_found',
      syncedWith: row.synced_with ?? null,
      lastSyncedAt: iso(row.last_synced_at),
      nextSyncAt: iso(row.next_sync_at),
      detail: row.detail ?? null,
    };
    if (row.enabled === false) return { ...entry, status: 'sync_disabled', detail: null };
    if (resyncing) return { ...entry, status: timedOut(row.requested_at) ? 'sync_unknown' : 'in_progress', detail: null };
    if (entry.status === 'in_progress' && timedOut(row.occurred_at)) return { ...entry, status: 'sync_unknown' };
    return entry;
  });
  return { integrations, syncs };
}

const HISTORY_SQL = /* sql */ `
SELECT occurred_at, status, message, direction, trigger, actor FROM isc_sync_events
WHERE portal_id = $1 AND object_type = $2 AND object_id = $3 AND sync_id = $4
ORDER BY occurred_at DESC, event_id DESC, id DESC
LIMIT $5`;

/** Most history entries one read returns (newest first). */
export const HISTORY_LIMIT = 100;

export async function readHistory(db: SqlClient, key: LedgerKey, syncId: string): Promise<SyncEvent[]> {
  const { rows } = await db.query(HISTORY_SQL, [keyParam(key.portalId), keyParam(key.objectType), keyParam(key.objectId), keyParam(syncId), HISTORY_LIMIT]);
  return rows.map((row) => ({
    at: iso(row.occurred_at) ?? '',
    status: row.status as string,
    message: (row.message as string | null) ?? null,
    direction: (row.direction as SyncEvent['direction']) ?? null,
    trigger: (row.trigger as SyncEvent['trigger']) ?? null,
    actor: (row.actor as string | null) ?? null,
  }));
}

// One pending request per (record, sync id) (the partial unique index); a resync row in the
// history; a notification per queued request. Items naming no known sync, or a disabled one,
// queue nothing.
const RESYNC_SQL = /* sql */ `
WITH items AS (
  SELECT DISTINCT * FROM jsonb_to_recordset($1::jsonb) AS x(portal_id text, object_type text, object_id text, sync_id text)
), known AS (
  SELECT i.*, coalesce(t.integration_id, h.integration_id) AS integration_id, coalesce(t.enabled, true) AS enabled
  FROM items i
  LEFT JOIN isc_sync_types t ON t.portal_id = i.portal_id AND t.sync_id = i.sync_id
  LEFT JOIN isc_syncs h ON h.portal_id = i.portal_id AND h.object_type = i.object_type AND h.object_id = i.object_id AND h.sync_id = i.sync_id
  WHERE coalesce(t.integration_id, h.integration_id) IS NOT NULL
), queued AS (
  INSERT INTO isc_resync_requests (portal_id, object_type, object_id, sync_id, integration_id, requested_by)
  SELECT portal_id, object_type, object_id, sync_id, integration_id, $2 FROM known WHERE enabled
  ON CONFLICT (portal_id, object_type, object_id, sync_id) WHERE completed_at IS NULL DO NOTHING
  RETURNING portal_id, object_type, object_id, sync_id, integration_id, requested_at
), history AS (
  INSERT INTO isc_sync_events (portal_id, object_type, object_id, sync_id, integration_id, occurred_at, status, trigger, actor, result)
  SELECT portal_id, object_type, object_id, sync_id, integration_id, requested_at, 'in_progress', 'manual', $2, 'requested' FROM queued
  RETURNING 1
), notified AS (
  SELECT pg_notify('isc_ledger', json_build_object('p', portal_id, 't', object_type, 'o', object_id)::text) FROM queued
)
SELECT (SELECT count(*) FROM known)::integer AS known,
       (SELECT count(*) FROM known WHERE enabled)::integer AS enabled,
       (SELECT count(*) FROM queued)::integer AS queued,
       (SELECT count(*) FROM history)::integer AS written,
       (SELECT count(*) FROM notified)::integer AS notified`;

export interface ResyncItem {
  key: LedgerKey;
  syncId: string;
}

export async function queueResyncs(db: SqlClient, items: readonly ResyncItem[], actor: string | null): Promise<{ known: number; enabled: number; queued: number }> {
  // A key no row can hold names no known sync: it queues nothing (404 for the card's resync).
  const rows = items.filter(({ key, syncId }) => storable(key.portalId, key.objectType, key.objectId, syncId)).map(({ key, syncId }) => ({ portal_id: key.portalId, object_type: key.objectType, object_id: key.objectId, sync_id: syncId }));
  const { rows: [counts] } = await db.query(RESYNC_SQL, [JSON.stringify(rows), actor]);
  return { known: Number(counts.known), enabled: Number(counts.enabled), queued: Number(counts.queued) };
}
