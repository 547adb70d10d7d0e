// The health page's counts, kept as the syncs change instead of counted on every read (migration
// 6): per (portal, integration, status), and per failure group (portal, integration, category,
// code) of the failing syncs. Statement-level triggers on isc_syncs add what each statement changed
// (its transition tables, grouped: a batch of 500 writes a few counter rows, and an update that
// keeps a sync's status and group writes none), so every writer keeps them, the ingest function as
// much as a bulk load. Counters are taken in one order, so concurrent batches do not deadlock.
// The summary then reads a few rows, and a records page filtered by status and integration only
// reads its total here; each group's first and last failure are one index probe each.
import type { HealthFilter } from '../health-query.ts';
import type { SqlClient } from './db.ts';
import type { Migration } from './migrations.ts';

const FAILING = `('record_not_synced', 'partially_synced')`;

/** The counter rows of a statement's rows (`rows`: new_rows or old_rows), `sign` +1 or -1. */
const deltas = (rows: string, sign: number) =>
  `SELECT portal_id, integration_id, status, COALESCE(category, '') AS category, COALESCE(code, '') AS code, ${sign} * count(*) AS n FROM ${rows} GROUP BY 1, 2, 3, 4, 5`;

/** A trigger function that applies `source`'s deltas. */
const counting = (name: string, source: string) => /* sql */ `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('p', portal_id, 'i', integration_id, 's', status, 'c', category, 'k', code, 'n', n))
  INTO changed FROM (${source}) d WHERE n <> 0;
  IF changed IS NOT NULL THEN
    PERFORM isc_count_apply(changed);
  END IF;
  RETURN NULL;
END
$$;`;

export const COUNTS_MIGRATION: Migration = {
  version: 6,
  name: 'health counts kept by triggers',
  sql: /* sql */ `
CREATE TABLE isc_sync_counts (
  portal_id      text NOT NULL,
  integration_id text COLLATE "C" NOT NULL,
  status         text NOT NULL,
  count          bigint NOT NULL,
  PRIMARY KEY (portal_id, integration_id, status)
);
CREATE TABLE isc_failure_groups (
  portal_id      text NOT NULL,
  integration_id text COLLATE "C" NOT NULL,
  category       text NOT NULL,   -- '' for none
  code           text NOT NULL,   -- '' for none
  count          bigint NOT NULL,
  PRIMARY KEY (portal_id, integration_id, category, code)
);
-- Each group's earliest first failure (its latest attempt reads isc_health_groups, migration 3).
CREATE INDEX isc_health_groups_first ON isc_syncs (portal_id, integration_id, (COALESCE(category, '')), (COALESCE(code, '')), first_failed_at)
  WHERE status IN ${FAILING};

-- Adds deltas [{p, i, s, c, k, n}] to both counters, rows in key order (PL/pgSQL: its plans are
-- kept for the session, where a SQL function's are made again on every call).
CREATE FUNCTION isc_count_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO isc_sync_counts AS c (portal_id, integration_id, status, count)
  SELECT d->>'p', d->>'i', d->>'s', sum((d->>'n')::bigint) FROM jsonb_array_elements(deltas) AS d
  GROUP BY 1, 2, 3 HAVING sum((d->>'n')::bigint) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (portal_id, integration_id, status) DO UPDATE SET count = c.count + EXCLUDED.count;
  INSERT INTO isc_failure_groups AS g (portal_id, integration_id, category, code, count)
  SELECT d->>'p', d->>'i', d->>'c', d->>'k', sum((d->>'n')::bigint) FROM jsonb_array_elements(deltas) AS d
  WHERE d->>'s' IN ${FAILING}
  GROUP BY 1, 2, 3, 4 HAVING sum((d->>'n')::bigint) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (portal_id, integration_id, category, code) DO UPDATE SET count = g.count + EXCLUDED.count;
END
$$;
${counting('isc_count_inserted', deltas('new_rows', 1))}
${counting('isc_count_updated', `SELECT portal_id, integration_id, status, category, code, sum(n) AS n FROM (${deltas('new_rows', 1)} UNION ALL ${deltas('old_rows', -1)}) u GROUP BY 1, 2, 3, 4, 5`)}
${counting('isc_count_deleted', deltas('old_rows', -1))}
CREATE TRIGGER isc_syncs_count_insert AFTER INSERT ON isc_syncs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION isc_count_inserted();
CREATE TRIGGER isc_syncs_count_update AFTER UPDATE ON isc_syncs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION isc_count_updated();
CREATE TRIGGER isc_syncs_count_delete AFTER DELETE ON isc_syncs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION isc_count_deleted();
-- TRUNCATE has no transition table: it empties the counters with it.
CREATE FUNCTION isc_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM isc_sync_counts;
  DELETE FROM isc_failure_groups;
  RETURN NULL;
END
$$;
CREATE TRIGGER isc_syncs_count_truncate AFTER TRUNCATE ON isc_syncs FOR EACH STATEMENT EXECUTE FUNCTION isc_count_truncated();

-- What is stored already.
INSERT INTO isc_sync_counts (portal_id, integration_id, status, count)
SELECT portal_id, integration_id, status, count(*) FROM isc_syncs GROUP BY 1, 2, 3;
INSERT INTO isc_failure_groups (portal_id, integration_id, category, code, count)
SELECT portal_id, integration_id, COALESCE(category, ''), COALESCE(code, ''), count(*) FROM isc_syncs WHERE status IN ${FAILING} GROUP BY 1, 2, 3, 4;
`,
};

/** The summary's counts per (integration, status). */
export const COUNTS_SQL = `SELECT integration_id, status, count FROM isc_sync_counts WHERE portal_id = $1 AND count > 0 ORDER BY integration_id, status`;

/**
 * The summary's largest failure groups ($2 of them) from the counters, each with its first failure
 * and its latest attempt's message and fix (one index probe each).
 */
export const GROUPS_SQL = /* sql */ `
SELECT g.integration_id, NULLIF(g.category, '') AS category, NULLIF(g.code, '') AS code, g.count,
       earliest.first_failed_at AS first_seen_at, latest.last_attempt_at AS last_seen_at, latest.message, latest.detail->'fix' AS fix
FROM (
  SELECT integration_id, category, code, count FROM isc_failure_groups
  WHERE portal_id = $1 AND count > 0
  ORDER BY count DESC, integration_id, category, code
  LIMIT $2
) g
LEFT JOIN LATERAL (
  SELECT s.first_failed_at FROM isc_syncs s
  WHERE s.portal_id = $1 AND s.status IN ${FAILING} AND s.integration_id = g.integration_id
    AND COALESCE(s.category, '') = g.category AND COALESCE(s.code, '') = g.code AND s.first_failed_at IS NOT NULL
  ORDER BY s.first_failed_at LIMIT 1
) earliest ON true
LEFT JOIN LATERAL (
  SELECT s.message, s.detail, s.last_attempt_at FROM isc_syncs s
  WHERE s.portal_id = $1 AND s.status IN ${FAILING} AND s.integration_id = g.integration_id
    AND COALESCE(s.category, '') = g.category AND COALESCE(s.code, '') = g.code AND s.last_attempt_at IS NOT NULL
  ORDER BY s.last_attempt_at DESC LIMIT 1
) latest ON true
ORDER BY g.count DESC, g.integration_id, g.category, g.code`;

/**
 * A filter's total from the counters when it filters by status and integration only (the health
 * page's default, failing records); `null` when it needs the rows counted.
 */
export async function countFromCounters(db: SqlClient, portal: string, filter: HealthFilter): Promise<number | null> {
  const { status, integrationId, objectType, category, code, q } = filter;
  if (objectType !== undefined || category !== undefined || code !== undefined || q !== undefined) return null;
  const { rows } = await db.query(
    `SELECT COALESCE(sum(count), 0) AS total FROM isc_sync_counts
     WHERE portal_id = $1 AND ($2::text[] IS NULL OR status = ANY($2::text[])) AND ($3::text[] IS NULL OR integration_id = ANY($3::text[]))`,
    [portal, status ?? null, integrationId ?? null],
  );
  return Number(rows[0]?.total ?? 0);
}
