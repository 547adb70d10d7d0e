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
];
