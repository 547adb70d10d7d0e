// isc_ingest, set-based (migration 5): a batch of outcomes applied in a few statements over the
// whole batch instead of seven per event. It answers exactly what version 2's loop answered
// (migrations.ts keeps that one as shipped): one row per event, applied | stale | duplicate |
// not_owner, and the same final state, since the rules of §14 depend on the set of events, not on
// their arrival:
// - an event is `duplicate` when its (integrationId, eventId) is stored or came earlier in the
//   batch; `not_owner` when the sync belongs to another integration (registered, or stored, or,
//   for a sync neither knows, the integration of its first event in the batch that is not a
//   duplicate; a batch that names one (integrationId, eventId) on two syncs goes event by event);
// - `stale` when a stored or earlier event of the same sync is later by (occurredAt, eventId);
// - a sync then holds its latest event, each kept value (label, syncedWith) from the latest event
//   that named it, and the failure run after its latest up_to_date: counted on from the stored
//   run, or counted again from the history when the batch moved the up_to_date.
// The syncs the batch touches are locked first, in one order (as in version 2), so concurrent
// batches neither interleave on a sync nor deadlock; a batch is one statement of the caller, so it
// is stored whole or not at all.
import type { Migration } from './migrations.ts';

/**
 * The first lines of isc_ingest (versions 2 and 5): the syncs a batch touches locked in one order
 * (advisory locks on a hash of each sync's key), so concurrent batches neither interleave on a
 * sync nor deadlock. Needs `h bigint` declared.
 */
export const LOCK_BATCH_SYNCS = `  FOR h IN
    SELECT DISTINCT hashtextextended(concat_ws(chr(31), x->>'portalId', x->>'objectType', x->>'objectId', x->>'syncId'), 0)
    FROM jsonb_array_elements(batch) AS x ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(h);
  END LOOP;
`;

/** The batch as rows, one per event (`e` the whole event, for the columns read once). */
const BATCH = /* sql */ `
  SELECT (x->>'i')::integer AS i, x->>'portalId' AS portal, x->>'objectType' AS otype, x->>'objectId' AS oid,
         x->>'syncId' AS sync, x->>'integrationId' AS integ, (x->>'eventId') COLLATE "C" AS event,
         (x->>'occurredAt')::timestamptz AS at, x->>'status' AS status, x AS e
  FROM jsonb_array_elements(batch) AS x`;

const FAILING = `('record_not_synced', 'partially_synced')`;

export const INGEST_MIGRATION: Migration = {
  version: 5,
  name: 'set-based ingest',
  sql: /* sql */ `
CREATE OR REPLACE FUNCTION isc_ingest(batch jsonb) RETURNS TABLE (out_index integer, out_result text)
LANGUAGE plpgsql
-- Back to PostgreSQL's plan cache (migration 4 planned every statement anew): the statements no
-- longer take a value the plan depends on (the batch is one jsonb), and the ledger keeps the
-- statistics current (ledger.ts), whose ANALYZE also makes the cached plans be planned again.
RESET plan_cache_mode
AS $$
DECLARE
  h bigint;
  single jsonb;
  v_index integer[];
  v_result text[];
BEGIN
${LOCK_BATCH_SYNCS}
  -- One (integrationId, eventId) naming two syncs in a batch (a connector's mistake): whether the
  -- later is a duplicate depends on whether the earlier was applied, and that on who owns a sync
  -- the batch creates, so such a batch goes one event at a time, in order, as version 2 did.
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(batch) AS x GROUP BY x->>'integrationId', x->>'eventId'
             HAVING count(DISTINCT concat_ws(chr(31), x->>'portalId', x->>'objectType', x->>'objectId', x->>'syncId')) > 1) THEN
    FOR single IN SELECT value FROM jsonb_array_elements(batch) LOOP
      RETURN QUERY SELECT * FROM isc_ingest(jsonb_build_array(single));
    END LOOP;
    RETURN;
  END IF;

  -- 1. Each event's result, from what is stored and what came before it in the batch.
  WITH b AS (${BATCH}),
  known AS MATERIALIZED (
    SELECT b.i, b.portal, b.otype, b.oid, b.sync, b.integ, b.event, b.at, h.event_id IS NOT NULL AS stored_dup,
           s.integration_id AS stored_int, s.occurred_at AS held_at, s.event_id AS held_event, t.integration_id AS registered_int
    FROM b
    LEFT JOIN isc_sync_events h ON h.integration_id = b.integ AND h.event_id = b.event
    LEFT JOIN isc_syncs s ON s.portal_id = b.portal AND s.object_type = b.otype AND s.object_id = b.oid AND s.sync_id = b.sync
    LEFT JOIN isc_sync_types t ON t.portal_id = b.portal AND t.sync_id = b.sync
  ),
  owned AS (
    SELECT k.*, NOT stored_dup AND CASE
        WHEN stored_int IS NOT NULL THEN stored_int = integ AND (registered_int IS NULL OR registered_int = integ)
        WHEN registered_int IS NOT NULL THEN registered_int = integ
        ELSE integ = first_value(integ) OVER (PARTITION BY portal, otype, oid, sync ORDER BY stored_dup, i)
      END AS owner
    FROM known k
  ),
  firsts AS (
    SELECT o.*, stored_dup OR coalesce(bool_or(owner) OVER (PARTITION BY integ, event ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS dup
    FROM owned o
  ),
  kept AS (SELECT * FROM firsts WHERE owner AND NOT dup),
  -- Kept events with a later kept event of their sync before them in the batch (a hash join on the sync).
  overtaken AS (
    SELECT DISTINCT f.i FROM kept f JOIN kept q
      ON q.portal = f.portal AND q.otype = f.otype AND q.oid = f.oid AND q.sync = f.sync
     AND q.i < f.i AND (q.at, q.event) > (f.at, f.event)
  )
  SELECT array_agg(f.i), array_agg(CASE
      WHEN f.dup THEN 'duplicate'
      WHEN NOT f.owner THEN 'not_owner'
      WHEN NOT isc_later(f.at, f.event, f.held_at, f.held_event) OR f.i IN (SELECT i FROM overtaken) THEN 'stale'
      ELSE 'applied' END)
  INTO v_index, v_result
  FROM firsts f;

  -- 2. The history: every applied and stale event. One that another batch stored meanwhile
  -- (possible only when the same (integrationId, eventId) names two syncs) is a duplicate.
  WITH b AS (${BATCH}),
  r AS (SELECT * FROM unnest(v_index, v_result) AS r(i, result)),
  stored AS (
    INSERT INTO isc_sync_events (portal_id, object_type, object_id, sync_id, integration_id, event_id,
                                 occurred_at, status, message, direction, trigger, actor, result)
    SELECT b.portal, b.otype, b.oid, b.sync, b.integ, b.event, b.at, b.status, b.e->>'message',
           b.e->>'direction', b.e->>'trigger', b.e->>'actor', r.result
    FROM b JOIN r ON r.i = b.i WHERE r.result IN ('applied', 'stale') ORDER BY b.i
    ON CONFLICT (integration_id, event_id) DO NOTHING
    RETURNING integration_id, event_id
  )
  SELECT array_agg(r.i), array_agg(CASE
      WHEN r.result IN ('applied', 'stale') AND NOT EXISTS (SELECT 1 FROM stored WHERE stored.integration_id = b.integ AND stored.event_id = b.event)
      THEN 'duplicate' ELSE r.result END)
  INTO v_index, v_result
  FROM r JOIN b ON b.i = r.i;

  -- 3. Each touched sync once: its new state from the stored row and the batch's kept events.
  WITH b AS (${BATCH}),
  k AS (
    SELECT b.*, s.success_at AS stored_success_at, s.success_event_id AS stored_success_event
    FROM b JOIN unnest(v_index, v_result) AS r(i, result) ON r.i = b.i
    LEFT JOIN isc_syncs s ON s.portal_id = b.portal AND s.object_type = b.otype AND s.object_id = b.oid AND s.sync_id = b.sync
    WHERE r.result IN ('applied', 'stale')
  ),
  g AS (
    SELECT portal, otype, oid, sync, min(integ) AS integ,
      (array_agg(at ORDER BY at DESC, event DESC))[1] AS top_at,
      (array_agg(event ORDER BY at DESC, event DESC))[1] AS top_event,
      (array_agg(e ORDER BY at DESC, event DESC))[1] AS top_e,
      (array_agg(at ORDER BY at DESC, event DESC) FILTER (WHERE e ? 'label'))[1] AS label_at,
      (array_agg(event ORDER BY at DESC, event DESC) FILTER (WHERE e ? 'label'))[1] AS label_event,
      (array_agg(e->>'label' ORDER BY at DESC, event DESC) FILTER (WHERE e ? 'label'))[1] AS label,
      (array_agg(at ORDER BY at DESC, event DESC) FILTER (WHERE e ? 'syncedWith'))[1] AS with_at,
      (array_agg(event ORDER BY at DESC, event DESC) FILTER (WHERE e ? 'syncedWith'))[1] AS with_event,
      (array_agg(e->'syncedWith' ORDER BY at DESC, event DESC) FILTER (WHERE e ? 'syncedWith'))[1] AS synced_with,
      (array_agg(at ORDER BY at DESC, event DESC) FILTER (WHERE status = 'up_to_date'))[1] AS success_at,
      (array_agg(event ORDER BY at DESC, event DESC) FILTER (WHERE status = 'up_to_date'))[1] AS success_event,
      max(at) FILTER (WHERE status IN ('up_to_date', 'partially_synced')) AS synced_at,
      max(at) FILTER (WHERE status <> 'in_progress') AS attempt_at,
      count(*) FILTER (WHERE status IN ${FAILING} AND isc_later(at, event, stored_success_at, stored_success_event)) AS run_added,
      min(at) FILTER (WHERE status IN ${FAILING} AND isc_later(at, event, stored_success_at, stored_success_event)) AS run_first
    FROM k GROUP BY portal, otype, oid, sync
  ),
  n AS (
    SELECT g.*, s AS stored,
      s.portal_id IS NULL OR isc_later(g.top_at, g.top_event, s.occurred_at, s.event_id) AS held_moves,
      g.label_at IS NOT NULL AND isc_later(g.label_at, g.label_event, s.label_at, s.label_event_id) AS label_moves,
      g.with_at IS NOT NULL AND isc_later(g.with_at, g.with_event, s.synced_with_at, s.synced_with_event_id) AS with_moves,
      g.success_at IS NOT NULL AND isc_later(g.success_at, g.success_event, s.success_at, s.success_event_id) AS success_moves
    FROM g LEFT JOIN isc_syncs s
      ON s.portal_id = g.portal AND s.object_type = g.otype AND s.object_id = g.oid AND s.sync_id = g.sync
  )
  INSERT INTO isc_syncs AS s (portal_id, object_type, object_id, sync_id, integration_id, occurred_at, event_id,
    status, detail, category, code, message, next_sync_at, direction, trigger, actor,
    label, label_at, label_event_id, synced_with, synced_with_at, synced_with_event_id,
    last_synced_at, last_attempt_at, success_at, success_event_id, first_failed_at, attempts)
  SELECT n.portal, n.otype, n.oid, n.sync, coalesce((n.stored).integration_id, n.integ),
    CASE WHEN held_moves THEN top_at ELSE (n.stored).occurred_at END,
    CASE WHEN held_moves THEN top_event ELSE (n.stored).event_id END,
    CASE WHEN held_moves THEN top_e->>'status' ELSE (n.stored).status END,
    CASE WHEN held_moves THEN NULLIF(top_e->'detail', 'null'::jsonb) ELSE (n.stored).detail END,
    CASE WHEN held_moves THEN top_e->>'category' ELSE (n.stored).category END,
    CASE WHEN held_moves THEN top_e->>'code' ELSE (n.stored).code END,
    CASE WHEN held_moves THEN top_e->>'message' ELSE (n.stored).message END,
    CASE WHEN held_moves THEN (top_e->>'nextSyncAt')::timestamptz ELSE (n.stored).next_sync_at END,
    CASE WHEN held_moves THEN top_e->>'direction' ELSE (n.stored).direction END,
    CASE WHEN held_moves THEN top_e->>'trigger' ELSE (n.stored).trigger END,
    CASE WHEN held_moves THEN top_e->>'actor' ELSE (n.stored).actor END,
    CASE WHEN label_moves THEN n.label ELSE (n.stored).label END,
    CASE WHEN label_moves THEN n.label_at ELSE (n.stored).label_at END,
    CASE WHEN label_moves THEN n.label_event ELSE (n.stored).label_event_id END,
    CASE WHEN with_moves THEN NULLIF(n.synced_with, 'null'::jsonb) ELSE (n.stored).synced_with END,
    CASE WHEN with_moves THEN n.with_at ELSE (n.stored).synced_with_at END,
    CASE WHEN with_moves THEN n.with_event ELSE (n.stored).synced_with_event_id END,
    GREATEST((n.stored).last_synced_at, n.synced_at),
    GREATEST((n.stored).last_attempt_at, n.attempt_at),
    CASE WHEN success_moves THEN n.success_at ELSE (n.stored).success_at END,
    CASE WHEN success_moves THEN n.success_event ELSE (n.stored).success_event_id END,
    CASE WHEN success_moves THEN run.first ELSE LEAST((n.stored).first_failed_at, n.run_first) END,
    CASE WHEN success_moves THEN run.count ELSE coalesce((n.stored).attempts, 0) + n.run_added END
  FROM n
  -- The failure run counted again after a new latest up_to_date (the history now holds the batch).
  LEFT JOIN LATERAL (
    SELECT count(*)::integer AS count, min(x.occurred_at) AS first FROM isc_sync_events x
    WHERE n.success_moves AND x.portal_id = n.portal AND x.object_type = n.otype AND x.object_id = n.oid AND x.sync_id = n.sync
      AND x.occurred_at >= n.success_at AND x.event_id IS NOT NULL AND x.status IN ${FAILING}
      AND isc_later(x.occurred_at, x.event_id, n.success_at, n.success_event)
  ) run ON true
  ORDER BY n.portal, n.otype, n.oid, n.sync
  ON CONFLICT (portal_id, object_type, object_id, sync_id) DO UPDATE SET
    occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id, status = EXCLUDED.status, detail = EXCLUDED.detail,
    category = EXCLUDED.category, code = EXCLUDED.code, message = EXCLUDED.message, next_sync_at = EXCLUDED.next_sync_at,
    direction = EXCLUDED.direction, trigger = EXCLUDED.trigger, actor = EXCLUDED.actor,
    label = EXCLUDED.label, label_at = EXCLUDED.label_at, label_event_id = EXCLUDED.label_event_id,
    synced_with = EXCLUDED.synced_with, synced_with_at = EXCLUDED.synced_with_at, synced_with_event_id = EXCLUDED.synced_with_event_id,
    last_synced_at = EXCLUDED.last_synced_at, last_attempt_at = EXCLUDED.last_attempt_at, success_at = EXCLUDED.success_at,
    success_event_id = EXCLUDED.success_event_id, first_failed_at = EXCLUDED.first_failed_at, attempts = EXCLUDED.attempts,
    updated_at = now();

  -- 4. A resync is completed by the first applied outcome (in the batch's order) at or after its request.
  WITH b AS (${BATCH}),
  done AS (
    SELECT DISTINCT ON (q.id) q.id, b.event
    FROM b JOIN unnest(v_index, v_result) AS r(i, result) ON r.i = b.i AND r.result = 'applied'
    JOIN isc_resync_requests q
      ON q.portal_id = b.portal AND q.object_type = b.otype AND q.object_id = b.oid AND q.sync_id = b.sync
     AND q.completed_at IS NULL AND q.requested_at <= b.at
    WHERE b.status <> 'in_progress'
    ORDER BY q.id, b.i
  )
  UPDATE isc_resync_requests q SET completed_at = now(), completed_by = done.event FROM done WHERE q.id = done.id;

  -- 5. One notification per changed record (PostgreSQL folds equal payloads of a transaction anyway).
  PERFORM pg_notify('isc_ledger', json_build_object('p', c.portal, 't', c.otype, 'o', c.oid)::text)
  FROM (SELECT DISTINCT b.portal, b.otype, b.oid FROM (${BATCH}) b
        JOIN unnest(v_index, v_result) AS r(i, result) ON r.i = b.i AND r.result IN ('applied', 'stale')) c;

  RETURN QUERY SELECT r.i, r.result FROM unnest(v_index, v_result) AS r(i, result);
END
$$;
`,
};
