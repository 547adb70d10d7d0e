// `npm run bench` (ledger part): the sync ledger (createSyncLedger + createSyncStatusHandler,
// contract §14/§15) on PGlite and on PostgreSQL, side by side. Per database, one child process
// owns the database and serves it on 127.0.0.1 (PGlite lives inside one process); this process
// is the client. Printed, not asserted:
// - ingest: events/s through `POST …/ledger/events` in batches of 500 and one by one, against a
//   hand-written loop that upserts the same events one statement each (what a deployer would
//   write), run in the child on the same database;
// - the card's status GET from the ledger against a bare node:http handler that runs the same
//   SELECT by hand (concurrent keep-alive clients, rounds interleaved);
// - at 10k, 100k and 1M stored syncs (bulk-loaded with generate_series straight into the ledger's
//   tables, not through the route, to keep the run bounded): the card's GET p50/p99, the health
//   page's first page, a page at 90% depth (keyset) and the summary;
// - disk per million syncs and per million history events (pg_total_relation_size).
// Needs `npm run build` (dist/lib/server). Loopback only; each child ends itself after 15 minutes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDebianPackages } from './ensure-debian.mjs';

const BASE = '/api/sync-status';
const KEYS = { netsuite: 'bench-netsuite-ingest-key-0123456789', dynamics365: 'bench-dynamics-ingest-key-0123456789' };
const SIZES = (process.env.BENCH_LEDGER_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const DATABASES = (process.env.BENCH_LEDGER_DATABASES ?? 'pglite,postgres').split(',');
/** Events sent through the route per way of sending (batches of 500, and one by one). */
const BATCH_EVENTS = Number(process.env.BENCH_LEDGER_BATCH_EVENTS ?? 20_000);
const SINGLE_EVENTS = Number(process.env.BENCH_LEDGER_SINGLE_EVENTS ?? 2_000);
/** History rows bulk-loaded for the disk figure. */
const HISTORY_EVENTS = Number(process.env.BENCH_LEDGER_HISTORY ?? 500_000);
const CLIENTS = 16;
const ROUND_MS = 2000;
const ROUNDS = 3;
const SAMPLES = 300;

// ---------------------------------------------------------------------------------------------
// The events: a company's two syncs (NetSuite customer, Dynamics 365 account), mostly up to date,
// one in ten failing with a detail, at increasing times.
const START = Date.parse('2026-12-01T00:00:00Z');
const STATUSES = ['up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'record_not_synced', 'partially_synced', 'in_progress'];

/** The nth event of a run named `run`, on record `company:<prefix>-<n/2>`. */
function eventOf(run, n, prefix) {
  const netsuite = n % 2 === 0;
  const status = STATUSES[n % STATUSES.length];
  const failed = status === 'record_not_synced' || status === 'partially_synced';
  return {
    eventId: `${run}/${n}`,
    integrationId: netsuite ? 'netsuite' : 'dynamics365',
    syncId: netsuite ? 'netsuite:customer' : 'dynamics365:account',
    record: { objectType: 'company', objectId: `${prefix}-${n >> 1}` },
    occurredAt: new Date(START + n * 1000).toISOString(),
    status,
    syncedWith: { name: `Company ${n >> 1} (CUS-${n >> 1})`, url: `https://erp.example.com/customer/${n >> 1}` },
    direction: 'outbound',
    trigger: 'schedule',
    detail: failed ? { message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD', category: 'missing_data' } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The child: owns the database, serves the ledger and the bare handler, runs the SQL it is sent.

// The bulk load: `count` syncs numbered from `from`, two per company (record n/2), the same
// mix of statuses as the events, failures spread over 7 codes; straight into the ledger's tables.
const BULK_SYNCS_SQL = /* sql */ `
INSERT INTO isc_syncs (portal_id, object_type, object_id, sync_id, integration_id, occurred_at, event_id, status,
  detail, category, code, message, synced_with, last_synced_at, last_attempt_at, first_failed_at, attempts)
SELECT '', 'company', (n / 2)::text, CASE n % 2 WHEN 0 THEN 'netsuite:customer' ELSE 'dynamics365:account' END,
  CASE n % 2 WHEN 0 THEN 'netsuite' ELSE 'dynamics365' END, at, 'bulk/' || n, status,
  CASE WHEN failed THEN jsonb_build_object('message', 'Required field ' || (n % 7) || ' is missing.', 'code', 'CODE_' || (n % 7), 'category', 'missing_data') END,
  CASE WHEN failed THEN 'missing_data' END, CASE WHEN failed THEN 'CODE_' || (n % 7) END,
  CASE WHEN failed THEN 'Required field ' || (n % 7) || ' is missing.' END,
  jsonb_build_object('name', 'Company ' || (n / 2), 'url', 'https://erp.example.com/customer/' || (n / 2)),
  CASE WHEN status IN ('up_to_date', 'partially_synced') THEN at END, CASE WHEN status <> 'in_progress' THEN at END,
  CASE WHEN failed THEN at - interval '1 day' END, CASE WHEN failed THEN 1 + (n % 5) ELSE 0 END
FROM generate_series($1::bigint, $2::bigint - 1) AS n,
  LATERAL (SELECT timestamptz '2026-11-01T00:00:00Z' + n * interval '1 second' AS at,
                  (ARRAY['up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'up_to_date', 'up_to_date',
                         'record_not_synced', 'partially_synced', 'in_progress'])[1 + (n * 7) % 10] AS status) AS s,
  LATERAL (SELECT s.status IN ('record_not_synced', 'partially_synced') AS failed) AS f`;

const BULK_HISTORY_SQL = /* sql */ `
INSERT INTO isc_sync_events (portal_id, object_type, object_id, sync_id, integration_id, event_id, occurred_at, status,
  message, direction, trigger, actor, result)
SELECT '', 'company', (n / 2)::text, CASE n % 2 WHEN 0 THEN 'netsuite:customer' ELSE 'dynamics365:account' END,
  CASE n % 2 WHEN 0 THEN 'netsuite' ELSE 'dynamics365' END, 'history/' || n,
  timestamptz '2026-11-01T00:00:00Z' + n * interval '1 second', 'up_to_date', NULL, 'outbound', 'schedule', NULL, 'applied'
FROM generate_series($1::bigint, $2::bigint - 1) AS n`;

// The hand-written baseline of ingest: a table and one upsert per event, newest wins.
const HAND_TABLE_SQL = /* sql */ `
CREATE TABLE IF NOT EXISTS bench_hand_syncs (
  object_type text NOT NULL, object_id text NOT NULL, sync_id text NOT NULL, integration_id text NOT NULL,
  status text NOT NULL, synced_with jsonb, detail jsonb, occurred_at timestamptz NOT NULL, event_id text NOT NULL,
  PRIMARY KEY (object_type, object_id, sync_id))`;
const HAND_UPSERT_SQL = /* sql */ `
INSERT INTO bench_hand_syncs (object_type, object_id, sync_id, integration_id, status, synced_with, detail, occurred_at, event_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (object_type, object_id, sync_id) DO UPDATE SET
  status = EXCLUDED.status, synced_with = EXCLUDED.synced_with, detail = EXCLUDED.detail,
  occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id
WHERE bench_hand_syncs.occurred_at < EXCLUDED.occurred_at`;

// The bare handler's SELECT: the ledger's card query (src/server/ledger/card-queries.ts), run by
// hand. The bench checks first that both servers answer the same JSON, so a change there shows.
const CARD_SQL = /* sql */ `
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

async function openDatabase(kind, where) {
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(where);
    return { db, close: () => db.close() };
  }
  const { default: pg } = await import('pg');
  const db = new pg.Pool({ connectionString: where, max: 10 });
  return { db, close: () => db.end() };
}

async function serveChild(kind, where) {
  const { createSyncLedger, createSyncStatusHandler, toNodeListener } = await import('../dist/lib/server/index.js');
  const { db, close } = await openDatabase(kind, where);
  const ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
  const ours = createServer(toNodeListener(createSyncStatusHandler({ ledger, ingestKeys: KEYS, basePath: BASE, heartbeatMs: 0 })));

  // The bare handler: the same SELECT, the rows written out as the wire format by hand.
  const iso = (value) => (value === null ? null : new Date(value).toISOString());
  const parse = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  const bare = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const objectType = url.searchParams.get('objectType');
    const objectId = url.searchParams.get('objectId');
    if (url.pathname !== BASE || !objectType || !objectId) return res.writeHead(404).end();
    const { rows } = await db.query(CARD_SQL, ['', objectType.toLowerCase(), objectId]);
    const syncs = parse(rows[0].syncs).map((row) => ({
      id: row.sync_id,
      integrationId: row.integration_id,
      label: row.label ?? row.type_label,
      status: row.enabled === false ? 'sync_disabled' : row.status === 'in_progress' && Date.now() - Date.parse(row.occurred_at) > 1_800_000 ? 'sync_unknown' : (row.status ?? 'sync_not_found'),
      syncedWith: row.synced_with ?? null,
      lastSyncedAt: iso(row.last_synced_at),
      nextSyncAt: iso(row.next_sync_at),
      detail: row.detail ?? null,
    }));
    const text = JSON.stringify({ integrations: parse(rows[0].integrations), syncs });
    res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });

  const ops = {
    cpu: () => process.cpuUsage(),
    async bulkSyncs({ from, to }) {
      const started = performance.now();
      await db.query(BULK_SYNCS_SQL, [from, to]);
      await db.query('ANALYZE isc_syncs');
      return performance.now() - started;
    },
    async bulkHistory({ count }) {
      const started = performance.now();
      await db.query(BULK_HISTORY_SQL, [0, count]);
      return performance.now() - started;
    },
    async handLoop({ run, count, prefix }) {
      await db.query(HAND_TABLE_SQL);
      const started = performance.now();
      for (let n = 0; n < count; n++) {
        const e = eventOf(run, n, prefix);
        await db.query(HAND_UPSERT_SQL, [e.record.objectType, e.record.objectId, e.syncId, e.integrationId, e.status, e.syncedWith, e.detail, e.occurredAt, e.eventId]);
      }
      return performance.now() - started;
    },
    /** The record-sort cursor key of the failing sync at `fraction` of the health page's list. */
    async keyAt({ fraction }) {
      const filter = `portal_id = '' AND status IN ('record_not_synced', 'partially_synced')`;
      const { rows: [{ total }] } = await db.query(`SELECT count(*)::integer AS total FROM isc_syncs WHERE ${filter}`);
      const { rows } = await db.query(`SELECT object_type, object_id, sync_id FROM isc_syncs WHERE ${filter} ORDER BY object_type, object_id, sync_id OFFSET $1 LIMIT 1`, [Math.floor(total * fraction)]);
      return rows[0] ? [rows[0].object_type, rows[0].object_id, rows[0].sync_id] : null;
    },
    async sizes() {
      const { rows } = await db.query(`SELECT (SELECT count(*) FROM isc_syncs)::bigint AS syncs, (SELECT count(*) FROM isc_sync_events)::bigint AS events,
        pg_total_relation_size('isc_syncs')::bigint AS syncs_bytes, pg_total_relation_size('isc_sync_events')::bigint AS events_bytes`);
      return Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]));
    },
  };
  process.on('message', async ({ id, op, args }) => {
    try {
      process.send({ id, value: await ops[op](args) });
    } catch (error) {
      process.send({ id, error: String(error?.stack ?? error) });
    }
  });
  for (const server of [ours, bare]) {
    // Kept-alive sockets stay open through the long bulk loads between two phases.
    server.keepAliveTimeout = 15 * 60_000;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  process.stdout.write(`${JSON.stringify({ ours: ours.address().port, bare: bare.address().port })}\n`);
  process.once('disconnect', async () => {
    await ledger.close();
    await close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 15 * 60_000).unref();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: Debian's server started for this run (test/support/postgres.mjs).

async function startPostgres() {
  const { postgresBin, startPostgres: start } = await import('../test/support/postgres.mjs');
  if (!postgresBin()) installDebianPackages(['postgresql'], 'PostgreSQL', () => postgresBin() !== null);
  return start();
}

// ---------------------------------------------------------------------------------------------
// This process: the client.

async function startChild(kind, where) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', kind, where], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const [chunk] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(([code]) => Promise.reject(new Error(`the ${kind} server exited (${code})`)))]);
  const ports = JSON.parse(String(chunk));
  let next = 0;
  const pending = new Map();
  child.on('message', ({ id, value, error }) => {
    const { resolve, reject } = pending.get(id);
    pending.delete(id);
    if (error) reject(new Error(error));
    else resolve(value);
  });
  const call = (op, args) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      child.send({ id, op, args });
    });
  const cpuMs = async () => {
    const usage = await call('cpu');
    return (usage.user + usage.system) / 1000;
  };
  return { ...ports, call, cpuMs, stop: async () => {
    child.disconnect();
    await Promise.race([once(child, 'exit'), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    child.kill();
  } };
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
/** One request on the shared keep-alive agent: its status, body and milliseconds. */
function send(port, method, path, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } : headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function ok(port, method, path, options) {
  const answer = await send(port, method, path, options);
  if (answer.status !== 200 && answer.status !== 202) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer;
}

const postJson = (port, path, value, integrationId) => ok(port, 'POST', path, { body: JSON.stringify(value), headers: { Authorization: `Bearer ${KEYS[integrationId]}` } });

async function register(server) {
  const types = { netsuite: ['netsuite:customer', 'NetSuite customer'], dynamics365: ['dynamics365:account', 'Dynamics 365 account'] };
  for (const [id, [syncId, label]] of Object.entries(types)) {
    const body = JSON.stringify({ name: id === 'netsuite' ? 'NetSuite' : 'Microsoft Dynamics 365', state: 'active', syncTypes: [{ syncId, label, objectType: 'company', enabled: true }] });
    await ok(server.ours, 'PUT', `${BASE}/ledger/integrations/${id}`, { body, headers: { Authorization: `Bearer ${KEYS[id]}` } });
  }
}

/** Sends `count` events of `run` through the route, `size` a request (one integration each), one request at a time. */
async function ingest(server, run, count, size, prefix) {
  const byIntegration = { netsuite: [], dynamics365: [] };
  for (let n = 0; n < count; n++) {
    const event = eventOf(run, n, prefix);
    byIntegration[event.integrationId].push(event);
  }
  const started = performance.now();
  const results = {};
  for (const [integrationId, events] of Object.entries(byIntegration)) {
    for (let start = 0; start < events.length; start += size) {
      const { text } = await postJson(server.ours, `${BASE}/ledger/events`, { events: events.slice(start, start + size) }, integrationId);
      for (const { result } of JSON.parse(text).results) results[result] = (results[result] ?? 0) + 1;
    }
  }
  const ms = performance.now() - started;
  if (results.applied !== count) throw new Error(`ingest ${run}: expected ${count} applied, got ${JSON.stringify(results)}`);
  return (count / ms) * 1000;
}

/** CLIENTS loops, each one request at a time, for ROUND_MS: requests/s and the server's CPU per request. */
async function load(server, port, path) {
  const latencies = [];
  const end = performance.now() + ROUND_MS;
  const cpuBefore = await server.cpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; performance.now() < end; i++) {
        const answer = await send(port, 'GET', path(client, i));
        if (answer.status !== 200) throw new Error(`GET answered ${answer.status}`);
        latencies.push(answer.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = ((await server.cpuMs()) - cpuBefore) / latencies.length;
  return { rps: latencies.length / seconds, cpu };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** `count` sequential requests to `path(i)`: p50 and p99 in ms. */
async function latency(port, count, path) {
  const times = [];
  for (let i = 0; i < count; i++) times.push((await ok(port, 'GET', path(i))).ms);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

// A cursor as the records route writes it (src/server/health-query.ts): sort, order, the first page's total, the key.
const cursorOf = (sort, order, total, key) => Buffer.from(JSON.stringify([sort, order, total, ...key])).toString('base64url');

const { normalizeResponse } = await import('../dist/lib/server/index.js');

async function benchDatabase(kind) {
  let where;
  let cleanup;
  if (kind === 'pglite') {
    where = await mkdtemp(join(tmpdir(), 'isc-bench-pglite-'));
    cleanup = () => rm(where, { recursive: true, force: true });
  } else {
    const postgres = await startPostgres();
    where = postgres.connectionString;
    cleanup = () => postgres.stop();
  }
  const opened = performance.now();
  const server = await startChild(kind, where);
  const figures = { kind, openMs: performance.now() - opened, scale: [] };
  try {
    await register(server);
    // Ingest into an empty ledger: batches, one by one, and the hand-written loop.
    const step = (what) => console.log(`[${kind}] ${what}…`);
    step('ingest');
    figures.batchRate = await ingest(server, 'batch', BATCH_EVENTS, 500, 'batch');
    figures.singleRate = await ingest(server, 'single', SINGLE_EVENTS, 1, 'single');
    figures.handRate = (BATCH_EVENTS / (await server.call('handLoop', { run: 'hand', count: BATCH_EVENTS, prefix: 'batch' }))) * 1000;

    step('card GET against the bare handler');
    // The card's GET against the bare handler, on the records just ingested.
    const records = BATCH_EVENTS / 2;
    const cardPath = (client, i) => `${BASE}?objectType=company&objectId=batch-${(client * 7919 + i * 104729) % records}`;
    // The same data from both: the bare handler writes the rows as they come (no normalisation of
    // the wire format, which the handler does), so its answer is compared once normalised.
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const [ours, bare] = await Promise.all([server.ours, server.bare].map((port) => ok(port, 'GET', cardPath(0, i)).then((answer) => JSON.parse(answer.text))));
      assert.deepEqual(normalizeResponse(bare).response, ours, 'the ledger and the bare handler answer the same data');
    }
    for (const port of [server.ours, server.bare]) await load(server, port, cardPath); // warm-up
    const runs = { ours: [], bare: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.ours.push(await load(server, server.ours, cardPath));
      runs.bare.push(await load(server, server.bare, cardPath));
    }
    figures.get = {
      ours: median(runs.ours.map((run) => run.rps)),
      bare: median(runs.bare.map((run) => run.rps)),
      ratios: runs.ours.map((run, i) => run.rps / runs.bare[i].rps),
      cpuRatio: median(runs.bare.map((run) => run.cpu)) / median(runs.ours.map((run) => run.cpu)),
    };

    // Stored syncs at each size: bulk-loaded (numbered apart from the ingested ones).
    let stored = 0;
    for (const size of SIZES) {
      step(`${size} stored syncs`);
      const loadMs = await server.call('bulkSyncs', { from: stored, to: size });
      stored = size;
      const companies = size / 2;
      const get = await latency(server.ours, SAMPLES, (i) => `${BASE}?objectType=company&objectId=${(i * 104729) % companies}`);
      const failing = `status=record_not_synced,partially_synced`;
      const firstPage = await latency(server.ours, 20, () => `${BASE}/health/records?${failing}&limit=50`);
      const key = await server.call('keyAt', { fraction: 0.9 });
      // "Load more" deep in the list: the cursor carries the total its first page counted.
      const { total } = JSON.parse((await ok(server.ours, 'GET', `${BASE}/health/records?${failing}&sort=record&limit=50`)).text);
      const deepPage = key ? await latency(server.ours, 20, () => `${BASE}/health/records?${failing}&sort=record&limit=50&cursor=${cursorOf('record', 'asc', total, key)}`) : null;
      const summary = await latency(server.ours, 10, () => `${BASE}/health/summary`);
      figures.scale.push({ size, loadMs, get, firstPage, deepPage, summary });
    }
    // Ingest again, now into the largest ledger: how batches grow with what is stored.
    figures.batchRateFull = await ingest(server, 'batch-full', BATCH_EVENTS / 4, 500, 'full');

    step('disk');
    await server.call('bulkHistory', { count: HISTORY_EVENTS });
    figures.sizes = await server.call('sizes');
  } finally {
    await server.stop();
    await cleanup();
  }
  return figures;
}

async function main() {
  console.log(`Sync ledger bench: ${DATABASES.join(' and ')}; ingest ${BATCH_EVENTS} events in batches of 500 and ${SINGLE_EVENTS} one by one; status GETs with ${CLIENTS} keep-alive clients, ${ROUNDS} × ${ROUND_MS} ms rounds; stored syncs ${SIZES.join(', ')}; 127.0.0.1`);
  const results = [];
  for (const kind of DATABASES) {
    results.push(await benchDatabase(kind));
  }
  agent.destroy();
  const name = { pglite: 'PGlite (folder)', postgres: 'PostgreSQL 15 (pg.Pool)' };
  const num = (value) => Math.round(value).toLocaleString('en-US');
  const ms = (value) => (value === null || value === undefined ? 'n/a' : `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`);
  const columns = results.map((result) => name[result.kind]);
  const row = (label, cells) => console.log(`| ${label} | ${cells.join(' | ')} |`);

  console.log('');
  row('', columns);
  row('---', columns.map(() => '---:'));
  row('open + migrate (child start)', results.map((r) => ms(r.openMs)));
  row('ingest, batches of 500 (events/s)', results.map((r) => num(r.batchRate)));
  row('ingest, one by one (events/s)', results.map((r) => num(r.singleRate)));
  row('hand-written upsert loop (events/s)', results.map((r) => num(r.handRate)));
  row('batches ÷ hand loop (target ≥ 5×)', results.map((r) => `${(r.batchRate / r.handRate).toFixed(1)}×`));
  row(`ingest, batches of 500, into ${num(SIZES.at(-1))} stored (events/s)`, results.map((r) => num(r.batchRateFull)));
  row('card GET, ledger (requests/s)', results.map((r) => num(r.get.ours)));
  row('card GET, bare handler, same SELECT (requests/s)', results.map((r) => num(r.get.bare)));
  row('ledger ÷ bare (target ≥ 0.8×)', results.map((r) => `${median(r.get.ratios).toFixed(2)}× (rounds ${r.get.ratios.map((x) => x.toFixed(2)).join(', ')}; by server CPU ${r.get.cpuRatio.toFixed(2)}×)`));
  for (const [index, size] of SIZES.entries()) {
    const at = (pick) => results.map((r) => pick(r.scale[index]));
    row(`**${num(size)} syncs** bulk load`, at((s) => ms(s.loadMs)));
    row('  card GET p50 / p99', at((s) => `${ms(s.get.p50)} / ${ms(s.get.p99)}`));
    row('  health: first page p50 / p99', at((s) => `${ms(s.firstPage.p50)} / ${ms(s.firstPage.p99)}`));
    row('  health: page at 90% depth p50 / p99', at((s) => (s.deepPage ? `${ms(s.deepPage.p50)} / ${ms(s.deepPage.p99)}` : 'n/a')));
    row('  health: summary p50 / p99', at((s) => `${ms(s.summary.p50)} / ${ms(s.summary.p99)}`));
  }
  row('disk per million syncs', results.map((r) => `${num(r.sizes.syncs_bytes / r.sizes.syncs * 1e6 / 2 ** 20)} MiB`));
  row('disk per million history events', results.map((r) => `${num(r.sizes.events_bytes / r.sizes.events * 1e6 / 2 ** 20)} MiB`));

  console.log('');
  for (const r of results) {
    const first = r.scale[0];
    const last = r.scale.at(-1);
    const growth = (pick) => `${(pick(last) / pick(first)).toFixed(2)}×`;
    const verdict = (value, target) => (value <= target ? 'ok' : 'ABOVE TARGET');
    const getGrowth = last.get.p50 / first.get.p50;
    const pageGrowth = last.firstPage.p50 / first.firstPage.p50;
    const deepGrowth = last.deepPage && first.deepPage ? last.deepPage.p50 / first.deepPage.p50 : NaN;
    console.log(`${name[r.kind]}: ${num(first.size)} → ${num(last.size)} syncs: card GET p50 ${growth((s) => s.get.p50)} (${verdict(getGrowth, 2)}), first page ${growth((s) => s.firstPage.p50)} (${verdict(pageGrowth, 2)}), page at 90% ${Number.isNaN(deepGrowth) ? 'n/a' : `${deepGrowth.toFixed(2)}× (${verdict(deepGrowth, 2)})`}; summary at ${num(last.size)}: ${ms(last.summary.p50)} (${verdict(last.summary.p50, 100)}; target ≤ 100 ms); batches ${(r.batchRate / r.handRate).toFixed(1)}× the hand loop (${r.batchRate / r.handRate >= 5 ? 'ok' : 'BELOW TARGET'}); GET ${median(r.get.ratios).toFixed(2)}× bare (${median(r.get.ratios) >= 0.8 ? 'ok' : 'BELOW TARGET'})`);
  }
}

if (process.argv[2] === '--serve') await serveChild(process.argv[3], process.argv[4]);
else await main();
