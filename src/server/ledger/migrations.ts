// The ledger's schema: a versioned list of migrations, each table with its indexes beside it.
// createSyncLedger runs the missing ones on create (./db.ts: one transaction under an advisory
// lock, so two processes starting at once apply each version once). Versions only ever append:
// a deployed database has run the earlier ones, so they are never edited after a release.
//
// Tables (every one keyed by portal_id first: '' is the one tenant of a ledger without portals,
// never NULL, so `portal_id = $1` is the only comparison any query needs):
// - isc_schema_migrations  the versions applied.
// - isc_integrations       one row per registered integration (portal_id, integration_id): its
//                          name, state (active | extra_features_required | disconnected), settings URL.
// - isc_sync_types         the sync types an integration registered: which CRM object type each
//                          covers (lower-cased), its label, enabled, and its place in the list.
// - isc_syncs              the current state of one sync (portal, object type, object id, sync id):
//                          the held event (occurred_at + event_id: the order key of §14), its status,
//                          label, synced_with, detail (jsonb) and the detail's category, code and
//                          message as columns for the health page's filters and groups; the §14
//                          derived values last_synced_at, last_attempt_at (latest outcome that was not
//                          in_progress), first_failed_at and attempts (the failure run); and the order
//                          keys of the event that last set label / synced_with and of the latest
//                          up_to_date (so a late, stale event changes these exactly as if it had come
//                          in order: the final state depends on the set of events, not their arrival).
// - isc_sync_events        the history: every applied and stale outcome, and a row per resync request
//                          (event_id NULL, trigger manual). Its unique (integration_id, event_id) is
//                          the idempotency key of §14; rows older than historyDays are pruned.
// - isc_resync_requests    the resync queue: at most one pending request per (record, sync id), a
//                          lease (leased_until) while a connector runs it, completed_at when an
//                          outcome completes it.
// Text keys compared for order (event ids, record keys) use COLLATE "C": code-point order on UTF-8,
// the same on every server whatever its locale.

import { HEALTH_MIGRATION } from './health-queries.ts';
import { COUNTS_MIGRATION } from './health-counts.ts';
import { INGEST_MIGRATION, LOCK_BATCH_SYNCS } from './ingest-sql.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements run in one transaction; constants only (no values are ever built into SQL). */
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'integrations, sync types, syncs, history, resync requests',
    sql: /* sql */ `
CREATE TABLE isc_integrations (
  portal_id      text NOT NULL,
  integration_id text COLLATE "C" NOT NULL,
  name           text NOT NULL,
  state          text NOT NULL,
  settings_url   text,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (portal_id, integration_id)
);

CREATE TABLE isc_sync_types (
  portal_id      text NOT NULL,
  sync_id        text COLLATE "C" NOT NULL,
  integration_id text COLLATE "C" NOT NULL,
  label          text NOT NULL,
  object_type    text COLLATE "C" NOT NULL,   -- lower-cased
  enabled        boolean NOT NULL,
  position       integer NOT NULL,            -- order within the integration's registration
  PRIMARY KEY (portal_id, sync_id)
);
-- The card: the sync types covering one object type.
CREATE INDEX isc_sync_types_object ON isc_sync_types (portal_id, object_type);
-- A registration replaces its integration's sync types.
CREATE INDEX isc_sync_types_integration ON isc_sync_types (portal_id, integration_id);

CREATE TABLE isc_syncs (
  portal_id            text NOT NULL,
  object_type          text COLLATE "C" NOT NULL,   -- lower-cased
  object_id            text COLLATE "C" NOT NULL,
  sync_id              text COLLATE "C" NOT NULL,
  integration_id       text COLLATE "C" NOT NULL,
  -- The held event: the latest by (occurred_at, event_id).
  occurred_at          timestamptz NOT NULL,
  event_id             text COLLATE "C" NOT NULL,
  status               text NOT NULL,
  detail               jsonb,
  category             text,
  code                 text,
  message              text,
  next_sync_at         timestamptz,
  direction            text,
  trigger              text,
  actor                text,
  -- Kept when an event omits them, cleared by an explicit null: the last event (by order key) that named each.
  label                text,
  label_at             timestamptz,
  label_event_id       text COLLATE "C",
  synced_with          jsonb,
  synced_with_at       timestamptz,
  synced_with_event_id text COLLATE "C",
  -- Derived (§14, §15).
  last_synced_at       timestamptz,   -- latest up_to_date or partially_synced
  last_attempt_at      timestamptz,   -- latest outcome whose status is not in_progress
  success_at           timestamptz,   -- order key of the latest up_to_date: the failure run starts after it
  success_event_id     text COLLATE "C",
  first_failed_at      timestamptz,   -- earliest failure of the current run (NULL: no run)
  attempts             integer NOT NULL DEFAULT 0,   -- failures in the current run
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (portal_id, object_type, object_id, sync_id)
);
-- The health page: a portal's syncs by status, newest attempt or first failure first, keyset-paged
-- on the record key; and its counts per (integration, status).
CREATE INDEX isc_syncs_by_attempt ON isc_syncs (portal_id, status, last_attempt_at DESC, object_type, object_id, sync_id);
CREATE INDEX isc_syncs_by_first_failure ON isc_syncs (portal_id, status, first_failed_at DESC, object_type, object_id, sync_id);
CREATE INDEX isc_syncs_counts ON isc_syncs (portal_id, integration_id, status);

CREATE TABLE isc_sync_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portal_id      text NOT NULL,
  object_type    text COLLATE "C" NOT NULL,
  object_id      text COLLATE "C" NOT NULL,
  sync_id        text COLLATE "C" NOT NULL,
  integration_id text COLLATE "C" NOT NULL,
  event_id       text COLLATE "C",              -- NULL for a resync request's row
  occurred_at    timestamptz NOT NULL,
  status         text NOT NULL,
  message        text,
  direction      text,
  trigger        text,
  actor          text,
  result         text NOT NULL,                 -- applied | stale | requested
  received_at    timestamptz NOT NULL DEFAULT now()
);
-- Idempotency: one event per (integration, eventId); NULLs (resync rows) are distinct.
CREATE UNIQUE INDEX isc_sync_events_idempotency ON isc_sync_events (integration_id, event_id);
-- A sync's history, newest first; and the failures after a given order key (the failure run).
CREATE INDEX isc_sync_events_sync ON isc_sync_events (portal_id, object_type, object_id, sync_id, occurred_at DESC, event_id DESC);
-- Pruning after historyDays.
CREATE INDEX isc_sync_events_occurred ON isc_sync_events (occurred_at);

CREATE TABLE isc_resync_requests (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portal_id      text NOT NULL,
  object_type    text COLLATE "C" NOT NULL,
  object_id      text COLLATE "C" NOT NULL,
  sync_id        text COLLATE "C" NOT NULL,
  integration_id text COLLATE "C" NOT NULL,
  requested_at   timestamptz NOT NULL DEFAULT now(),
  requested_by   text,
  leased_until   timestamptz,                   -- NULL: never claimed
  completed_at   timestamptz,
  completed_by   text COLLATE "C"               -- the eventId that completed it
);
-- At most one pending request per (record, sync id): a second click adds none.
CREATE UNIQUE INDEX isc_resync_requests_pending ON isc_resync_requests (portal_id, object_type, object_id, sync_id) WHERE completed_at IS NULL;
-- A connector's claim: its integration's pending requests, oldest first.
CREATE INDEX isc_resync_requests_claim ON isc_resync_requests (integration_id, requested_at) WHERE completed_at IS NULL;
-- Pruning completed requests after historyDays.
CREATE INDEX isc_resync_requests_completed ON isc_resync_requests (completed_at) WHERE completed_at IS NOT NULL;
`,
  },
  {
    version: 2,
    name: 'ingest and register functions',
    // One statement per batch: the rules run next to the rows (one round trip for 500 events,
    // one transaction, so a batch is applied whole or not at all) and every process runs the same SQL.
    sql: /* sql */ `
-- "(a_at, a_id) is later than (b_at, b_id)": §14's order, the event id in code-point order
-- (COLLATE "C" on UTF-8); anything is later than nothing (b_at NULL).
CREATE FUNCTION isc_later(a_at timestamptz, a_id text, b_at timestamptz, b_id text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT b_at IS NULL OR a_at > b_at OR (a_at = b_at AND a_id COLLATE "C" > b_id COLLATE "C")
$$;

-- Applies a batch of outcomes the caller has already validated (ledger/outcome.ts), in order,
-- and answers one row per event: applied | stale | duplicate | not_owner (the sync id belongs to
-- another integration). The syncs the batch touches are locked first, in one order, so
-- concurrent batches neither interleave on a sync nor deadlock.
CREATE FUNCTION isc_ingest(batch jsonb) RETURNS TABLE (out_index integer, out_result text)
LANGUAGE plpgsql AS $$
DECLARE
  e jsonb;
  h bigint;
  s isc_syncs%ROWTYPE;
  v_found boolean;
  v_stale boolean;
  v_owner text;
  v_portal text;
  v_type text;
  v_id text;
  v_sync text;
  v_int text;
  v_event text COLLATE "C";
  v_at timestamptz;
  v_status text;
BEGIN
${LOCK_BATCH_SYNCS}
  FOR e IN SELECT value FROM jsonb_array_elements(batch) LOOP
    out_index := (e->>'i')::integer;
    v_portal := e->>'portalId';
    v_type := e->>'objectType';
    v_id := e->>'objectId';
    v_sync := e->>'syncId';
    v_int := e->>'integrationId';
    v_event := e->>'eventId';
    v_at := (e->>'occurredAt')::timestamptz;
    v_status := e->>'status';

    IF EXISTS (SELECT 1 FROM isc_sync_events WHERE integration_id = v_int AND event_id = v_event) THEN
      out_result := 'duplicate';
      RETURN NEXT;
      CONTINUE;
    END IF;

    SELECT * INTO s FROM isc_syncs
    WHERE portal_id = v_portal AND object_type = v_type AND object_id = v_id AND sync_id = v_sync;
    v_found := FOUND;
    SELECT integration_id INTO v_owner FROM isc_sync_types WHERE portal_id = v_portal AND sync_id = v_sync;
    IF (v_owner IS NOT NULL AND v_owner <> v_int) OR (v_found AND s.integration_id <> v_int) THEN
      out_result := 'not_owner';
      RETURN NEXT;
      CONTINUE;
    END IF;

    v_stale := v_found AND NOT isc_later(v_at, v_event, s.occurred_at, s.event_id);
    INSERT INTO isc_sync_events (portal_id, object_type, object_id, sync_id, integration_id, event_id,
                                 occurred_at, status, message, direction, trigger, actor, result)
    VALUES (v_portal, v_type, v_id, v_sync, v_int, v_event, v_at, v_status, e->>'message',
            e->>'direction', e->>'trigger', e->>'actor', CASE WHEN v_stale THEN 'stale' ELSE 'applied' END)
    ON CONFLICT (integration_id, event_id) DO NOTHING;
    IF NOT FOUND THEN
      out_result := 'duplicate';
      RETURN NEXT;
      CONTINUE;
    END IF;

    IF NOT v_found THEN
      INSERT INTO isc_syncs (portal_id, object_type, object_id, sync_id, integration_id, occurred_at, event_id,
        status, detail, category, code, message, next_sync_at, direction, trigger, actor,
        label, label_at, label_event_id, synced_with, synced_with_at, synced_with_event_id,
        last_synced_at, last_attempt_at, success_at, success_event_id, first_failed_at, attempts)
      VALUES (v_portal, v_type, v_id, v_sync, v_int, v_at, v_event,
        v_status, NULLIF(e->'detail', 'null'::jsonb), e->>'category', e->>'code', e->>'message',
        (e->>'nextSyncAt')::timestamptz, e->>'direction', e->>'trigger', e->>'actor',
        e->>'label', CASE WHEN e ? 'label' THEN v_at END, CASE WHEN e ? 'label' THEN v_event END,
        NULLIF(e->'syncedWith', 'null'::jsonb), CASE WHEN e ? 'syncedWith' THEN v_at END, CASE WHEN e ? 'syncedWith' THEN v_event END,
        CASE WHEN v_status IN ('up_to_date', 'partially_synced') THEN v_at END,
        CASE WHEN v_status <> 'in_progress' THEN v_at END,
        CASE WHEN v_status = 'up_to_date' THEN v_at END, CASE WHEN v_status = 'up_to_date' THEN v_event END,
        CASE WHEN v_status IN ('record_not_synced', 'partially_synced') THEN v_at END,
        CASE WHEN v_status IN ('record_not_synced', 'partially_synced') THEN 1 ELSE 0 END);
    ELSE
      -- Each value as if every event had come in order (so arrival order never shows).
      IF e ? 'label' AND isc_later(v_at, v_event, s.label_at, s.label_event_id) THEN
        s.label := e->>'label'; s.label_at := v_at; s.label_event_id := v_event;
      END IF;
      IF e ? 'syncedWith' AND isc_later(v_at, v_event, s.synced_with_at, s.synced_with_event_id) THEN
        s.synced_with := NULLIF(e->'syncedWith', 'null'::jsonb); s.synced_with_at := v_at; s.synced_with_event_id := v_event;
      END IF;
      IF v_status IN ('up_to_date', 'partially_synced') THEN s.last_synced_at := GREATEST(s.last_synced_at, v_at); END IF;
      IF v_status <> 'in_progress' THEN s.last_attempt_at := GREATEST(s.last_attempt_at, v_at); END IF;
      -- The failure run: the failures after the latest up_to_date.
      IF v_status = 'up_to_date' AND isc_later(v_at, v_event, s.success_at, s.success_event_id) THEN
        s.success_at := v_at; s.success_event_id := v_event;
        SELECT count(*), min(x.occurred_at) INTO s.attempts, s.first_failed_at FROM isc_sync_events x
        WHERE x.portal_id = v_portal AND x.object_type = v_type AND x.object_id = v_id AND x.sync_id = v_sync
          AND x.event_id IS NOT NULL AND x.status IN ('record_not_synced', 'partially_synced')
          AND isc_later(x.occurred_at, x.event_id, v_at, v_event);
      ELSIF v_status IN ('record_not_synced', 'partially_synced') AND isc_later(v_at, v_event, s.success_at, s.success_event_id) THEN
        s.attempts := s.attempts + 1; s.first_failed_at := LEAST(s.first_failed_at, v_at);
      END IF;
      IF NOT v_stale THEN
        s.occurred_at := v_at; s.event_id := v_event; s.status := v_status;
        s.detail := NULLIF(e->'detail', 'null'::jsonb); s.category := e->>'category'; s.code := e->>'code'; s.message := e->>'message';
        s.next_sync_at := (e->>'nextSyncAt')::timestamptz; s.direction := e->>'direction'; s.trigger := e->>'trigger'; s.actor := e->>'actor';
      END IF;
      UPDATE isc_syncs SET
        occurred_at = s.occurred_at, event_id = s.event_id, status = s.status, detail = s.detail, category = s.category,
        code = s.code, message = s.message, next_sync_at = s.next_sync_at, direction = s.direction, trigger = s.trigger,
        actor = s.actor, label = s.label, label_at = s.label_at, label_event_id = s.label_event_id,
        synced_with = s.synced_with, synced_with_at = s.synced_with_at, synced_with_event_id = s.synced_with_event_id,
        last_synced_at = s.last_synced_at, last_attempt_at = s.last_attempt_at, success_at = s.success_at,
        success_event_id = s.success_event_id, first_failed_at = s.first_failed_at, attempts = s.attempts, updated_at = now()
      WHERE portal_id = v_portal AND object_type = v_type AND object_id = v_id AND sync_id = v_sync;
    END IF;

    -- A resync is completed by the first applied outcome at or after its request.
    IF NOT v_stale AND v_status <> 'in_progress' THEN
      UPDATE isc_resync_requests SET completed_at = now(), completed_by = v_event
      WHERE portal_id = v_portal AND object_type = v_type AND object_id = v_id AND sync_id = v_sync
        AND completed_at IS NULL AND requested_at <= v_at;
    END IF;

    PERFORM pg_notify('isc_ledger', json_build_object('p', v_portal, 't', v_type, 'o', v_id)::text);
    out_result := CASE WHEN v_stale THEN 'stale' ELSE 'applied' END;
    RETURN NEXT;
  END LOOP;
END
$$;

-- Registers or replaces an integration and its sync types (one portal's registrations one at a
-- time). Answers NULL, or the first sync id another integration of the portal already owns
-- (then nothing is written).
CREATE FUNCTION isc_register(reg jsonb) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_portal text := reg->>'portalId';
  v_int text := reg->>'integrationId';
  v_taken text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('isc_register' || chr(31) || v_portal, 0));
  SELECT t.sync_id INTO v_taken FROM isc_sync_types t
  JOIN jsonb_array_elements(reg->'syncTypes') AS x ON t.sync_id = x->>'syncId'
  WHERE t.portal_id = v_portal AND t.integration_id <> v_int
  LIMIT 1;
  IF v_taken IS NOT NULL THEN
    RETURN v_taken;
  END IF;
  INSERT INTO isc_integrations (portal_id, integration_id, name, state, settings_url)
  VALUES (v_portal, v_int, reg->>'name', reg->>'state', reg->>'settingsUrl')
  ON CONFLICT (portal_id, integration_id) DO UPDATE
    SET name = EXCLUDED.name, state = EXCLUDED.state, settings_url = EXCLUDED.settings_url, updated_at = now();
  DELETE FROM isc_sync_types WHERE portal_id = v_portal AND integration_id = v_int;
  INSERT INTO isc_sync_types (portal_id, sync_id, integration_id, label, object_type, enabled, position)
  SELECT v_portal, x->>'syncId', v_int, x->>'label', x->>'objectType', (x->>'enabled')::boolean, (n - 1)::integer
  FROM jsonb_array_elements(reg->'syncTypes') WITH ORDINALITY AS t(x, n);
  PERFORM pg_notify('isc_ledger', json_build_object('p', v_portal)::text);
  RETURN NULL;
END
$$;
`,
  },
  // The health page's indexes live beside its queries (health-queries.ts, contract §15).
  HEALTH_MIGRATION,
  {
    version: 4,
    name: 'ingest plans each statement for the table as it is',
    // PL/pgSQL keeps a generic plan per statement for the session. Made while isc_syncs was
    // small, it read a sync through isc_health_by_first_failure (portal only as its bound) rather
    // than the primary key, and every batch got slower as the table grew (500 events: 90 ms at
    // 0 stored syncs, 1.2 s at 20,000). A custom plan per call sees the table's size.
    sql: /* sql */ `ALTER FUNCTION isc_ingest(jsonb) SET plan_cache_mode = force_custom_plan;`,
  },
  // isc_ingest again, set-based: a few statements a batch rather than seven an event (ingest-sql.ts).
  INGEST_MIGRATION,
  // The health page's counts, kept by triggers on isc_syncs (health-counts.ts).
  COUNTS_MIGRATION,
];
