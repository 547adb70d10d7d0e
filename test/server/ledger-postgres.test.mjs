// The ledger on a real PostgreSQL server (Debian's, started by the test in a temp dir on a free
// loopback port, test/support/postgres.mjs) through node-postgres: the shared suite, and two
// ledgers created at once on an empty database (the migrations under their advisory lock).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../support/postgres.mjs';
import { createSyncLedger, post, SECRET, serve, until } from './helpers.mjs';
import { clientOf, CUSTOMER, KEYS, ledgerSuite, outcome } from './ledger-suite.mjs';

let server;
let databases = 0;
/** A fresh database on the shared server and a pool on it (an idle client's error must not crash the run). */
async function freshDatabase() {
  server ??= await startPostgres();
  const name = `ledger_${++databases}`;
  const admin = new pg.Client({ connectionString: server.connectionString });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.connectionString.replace(/\/postgres$/, `/${name}`);
  const db = new pg.Pool({ connectionString: url, max: 8 });
  db.on('error', () => {});
  return { db, url, close: () => db.end() };
}
after(async () => {
  await server?.stop();
});

/**
 * What two runs compare: every sync's state and the history, in one order; with `results`, whether
 * each event was applied or stale, which only runs that sent events in the same order share.
 */
async function snapshot(db, { results = false } = {}) {
  const state = await db.query(`SELECT portal_id, object_type, object_id, sync_id, occurred_at, event_id, status, detail, label, last_synced_at, last_attempt_at, first_failed_at, attempts
                                FROM isc_syncs ORDER BY portal_id, object_type, object_id, sync_id`);
  const history = await db.query(`SELECT event_id, occurred_at, status${results ? ', result' : ''} FROM isc_sync_events ORDER BY event_id`);
  return { state: state.rows, history: history.rows };
}

ledgerSuite('PostgreSQL', freshDatabase);

describe('ledger on PostgreSQL: migrations', () => {
  let opened;
  before(async () => {
    opened = await Promise.all([freshDatabase(), freshDatabase()]);
  });
  after(async () => {
    await Promise.all(opened.map((database) => database.close()));
  });

  it('two createSyncLedger() at once on an empty database both succeed, each version applied once', async () => {
    // Two pools on one database, as two processes starting together.
    const [first] = opened;
    const second = new pg.Pool({ connectionString: server.connectionString.replace(/\/postgres$/, `/ledger_${databases - 1}`) });
    second.on('error', () => {});
    try {
      const ledgers = await Promise.all([createSyncLedger({ db: first.db, pruneIntervalMs: 0 }), createSyncLedger({ db: second, pruneIntervalMs: 0 })]);
      const { rows } = await first.db.query('SELECT version, count(*)::int AS n FROM isc_schema_migrations GROUP BY version ORDER BY version');
      assert.ok(rows.length >= 3, JSON.stringify(rows));
      assert.ok(rows.every((row) => row.n === 1));
      await Promise.all(ledgers.map((ledger) => ledger.close()));
    } finally {
      await second.end();
    }
  });
});

/** Starts ledger-server-child.mjs on `url`: `{ base, child, stop() }` (SIGTERM; SIGKILL is the test's own). */
async function startChild(url) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./ledger-server-child.mjs', import.meta.url))], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    exited.then(([code]) => {
      throw new Error(`the ledger server child exited with ${code}`);
    }),
  ]);
  return {
    base: line,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('ledger on PostgreSQL: a server killed mid-batch', () => {
  const BATCHES = 8;
  // 4,000 outcomes on 400 syncs, later batches later in time: the retry's remainder is applied, never stale.
  const events = Array.from({ length: BATCHES * 500 }, (_, n) => ({
    eventId: `k-${String(n).padStart(5, '0')}`,
    integrationId: 'netsuite',
    syncId: `netsuite:s${n % 4}`,
    record: { objectType: 'contact', objectId: String(n % 100) },
    occurredAt: new Date(Date.UTC(2026, 11, 1) + n * 1000).toISOString(),
    status: ['up_to_date', 'record_not_synced', 'partially_synced', 'in_progress'][n % 4],
    ...(n % 4 === 1 ? { detail: { message: `Failure ${n}` } } : {}),
  }));
  const batches = Array.from({ length: BATCHES }, (_, b) => events.slice(b * 500, (b + 1) * 500));
  const send = (base, batch) => post(`${base}/ledger/events`, { events: batch }, { Authorization: `Bearer ${KEYS.netsuite}` });

  it('SIGKILL while a batch is applied: the retry of every batch gets duplicate for what was applied and applied for the rest; the state equals an uninterrupted run', async () => {
    const killed = await freshDatabase();
    const whole = await freshDatabase();
    const watcher = new pg.Client({ connectionString: killed.url });
    await watcher.connect();
    let first;
    let second;
    try {
      // Migrations first, so the child's start is only its server.
      await (await createSyncLedger({ db: killed.db, pruneIntervalMs: 0 })).close();
      first = await startChild(killed.url);
      const answered = [];
      const connector = (async () => {
        for (const batch of batches) {
          const answer = await send(first.base, batch);
          assert.equal(answer.status, 200, answer.text);
          answered.push(answer.body.results);
        }
      })().catch(() => {}); // its connection dies with the server
      // Kill once at least two batches are in the table and the next one is being applied.
      const inFlight = async () =>
        (await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%isc_ingest%' AND state = 'active' AND pid <> pg_backend_pid()")).rows[0].n;
      const stored = async () => (await watcher.query('SELECT count(*)::int AS n FROM isc_sync_events')).rows[0].n;
      const deadline = Date.now() + 20_000;
      while (!((await stored()) >= 1000 && (await inFlight()) > 0)) {
        assert.ok(Date.now() < deadline, 'a batch in flight after two were stored');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      await connector;
      // The killed server's statement ends on its own (committed or rolled back): wait for it.
      while ((await inFlight()) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const kept = new Set((await watcher.query('SELECT event_id FROM isc_sync_events')).rows.map((row) => row.event_id));
      const acknowledged = answered.flat();
      assert.ok(acknowledged.length < events.length, 'killed before the last batch was answered');
      for (const { eventId, result } of acknowledged) {
        assert.equal(result, 'applied');
        assert.ok(kept.has(eventId), `${eventId} was answered applied and is in the table`);
      }
      // One statement per batch: a batch is stored whole or not at all.
      assert.equal(kept.size % 500, 0, `${kept.size} stored`);

      second = await startChild(killed.url);
      const retried = [];
      for (const batch of batches) {
        const answer = await send(second.base, batch);
        assert.equal(answer.status, 200, answer.text);
        retried.push(...answer.body.results);
      }
      assert.deepEqual(
        retried.map((entry) => [entry.eventId, entry.result]),
        events.map((event) => [event.eventId, kept.has(event.eventId) ? 'duplicate' : 'applied']),
      );

      const uninterrupted = await createSyncLedger({ db: whole.db, pruneIntervalMs: 0 });
      for (const batch of batches) await uninterrupted.ingest(batch);
      await uninterrupted.close();
      const got = await snapshot(killed.db, { results: true });
      assert.equal(new Set(got.history.map((row) => row.event_id)).size, events.length);
      assert.equal(got.history.length, events.length, 'each event once in the history');
      assert.deepEqual(got, await snapshot(whole.db, { results: true }));
      const inFlightKept = kept.size / 500 - acknowledged.length / 500;
      console.log(
        `# killed mid-batch: ${acknowledged.length / 500} batches answered, ${kept.size / 500} stored (the batch in flight ${inFlightKept ? 'committed' : 'rolled back'}); retry: ${kept.size} duplicate, ${events.length - kept.size} applied`,
      );
    } finally {
      if (first?.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
      await second?.stop();
      await watcher.end();
      await killed.close();
      await whole.close();
    }
  });
});

describe('ledger on PostgreSQL: several clients at once', () => {
  // 600 outcomes on 20 syncs of 10 records, 50 distinct times (so many share an occurredAt and the
  // eventId decides), every status; the syncs do not exist yet, so the clients race to create them.
  const STATUSES = ['up_to_date', 'record_not_synced', 'partially_synced', 'in_progress'];
  const events = Array.from({ length: 600 }, (_, n) => ({
    eventId: `c-${String((n * 37) % 600).padStart(3, '0')}`,
    integrationId: 'netsuite',
    syncId: `netsuite:s${n % 4}`,
    record: { objectType: 'contact', objectId: String(n % 10) },
    occurredAt: new Date(Date.UTC(2026, 11, 1) + (n % 50) * 1000).toISOString(),
    status: STATUSES[(n >> 2) % 4],
    ...(n % 7 === 0 ? { label: `Label ${n}` } : {}),
    ...(n % 4 === 1 ? { detail: { message: `Failure ${n}` } } : {}),
  }));
  const CLIENTS = 4;
  /** Client c's own order of the same events, sent in batches of 25. */
  const orderOf = (c) =>
    events
      .map((event, i) => ({ event, key: (i * (7 + 2 * c) + c * 13) % 601 }))
      .sort((a, b) => a.key - b.key)
      .map(({ event }) => event);

  it('the same events from four clients (own pools, own orders) at once: each applied exactly once, the state equals one client alone', async () => {
    const shared = await freshDatabase();
    const alone = await freshDatabase();
    const pools = [];
    const ledgers = [];
    try {
      await (await createSyncLedger({ db: shared.db, pruneIntervalMs: 0 })).close();
      for (let c = 0; c < CLIENTS; c++) {
        const pool = new pg.Pool({ connectionString: shared.url, max: 2 });
        pool.on('error', () => {});
        pools.push(pool);
        ledgers.push(await createSyncLedger({ db: pool, pruneIntervalMs: 0 }));
      }
      const results = new Map(events.map((event) => [event.eventId, []]));
      const started = Date.now();
      // A client that fails stops the others, so the test reports its error rather than waiting on them.
      let failed = false;
      const settled = await Promise.allSettled(
        ledgers.map(async (ledger, c) => {
          const order = orderOf(c);
          for (let at = 0; at < order.length && !failed; at += 25) {
            const batch = order.slice(at, at + 25);
            const answered = await ledger.ingest(batch).catch((error) => {
              failed = true;
              throw error;
            });
            answered.forEach((entry, i) => results.get(batch[i].eventId).push(entry.result));
          }
        }),
      );
      for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
      const ms = Date.now() - started;

      for (const [eventId, got] of results) {
        assert.equal(got.length, CLIENTS, eventId);
        assert.equal(got.filter((result) => result !== 'duplicate').length, 1, `${eventId}: ${got.join(', ')}`);
      }
      const serial = await createSyncLedger({ db: alone.db, pruneIntervalMs: 0 });
      for (let at = 0; at < events.length; at += 25) await serial.ingest(events.slice(at, at + 25));
      await serial.close();
      const got = await snapshot(shared.db);
      assert.equal(got.history.length, events.length, 'each event once in the history');
      assert.equal(got.state.length, 20);
      assert.deepEqual(got, await snapshot(alone.db));
      console.log(`# several clients: ${CLIENTS} × ${events.length} events in batches of 25 at once in ${ms} ms; each applied once`);
    } finally {
      // Each ledger holds its pool's listening connection: closed before the pool can end.
      await Promise.all(ledgers.map((ledger) => ledger.close()));
      await Promise.all(pools.map((pool) => pool.end()));
      await shared.close();
      await alone.close();
    }
  });
});

// Last: it restarts the PostgreSQL server under every connection.
describe('ledger on PostgreSQL: live across processes', () => {
  it('an event applied by another server process reaches this one’s /events within 1 s, and again after PostgreSQL restarts (LISTEN reconnected)', async () => {
    const { db, url, close } = await freshDatabase();
    const ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
    const api = await serve({ ledger, ingestKeys: KEYS, basePath: '/api/sync-status', auth: { tokenSecret: SECRET } });
    const other = await startChild(url);
    const stream = await clientOf(api).stream();
    try {
      const changes = () => stream.text().split('event: change').length - 1;
      await until(() => stream.text().includes(': connected'), 'the stream to open');
      const sendThere = (eventId, occurredAt) => post(`${other.base}/ledger/events`, { events: [outcome(eventId, occurredAt, 'up_to_date')] }, { Authorization: `Bearer ${KEYS.netsuite}` });

      let started = Date.now();
      assert.equal((await sendThere('x1', '2026-12-01T10:00:00Z')).status, 200);
      await until(() => changes() >= 1, 'the other process’s event', 1000);
      const firstMs = Date.now() - started;

      started = Date.now();
      await server.restart();
      const restartMs = Date.now() - started;
      // The reconnected listener reports a change (notifications may have been missed while it was down).
      const beforeReconnect = changes();
      await until(() => changes() > beforeReconnect, 'the LISTEN connection back after the restart', 20_000);
      const reconnectMs = Date.now() - started;

      const afterReconnect = changes();
      started = Date.now();
      // The other process's pool may hand out a connection the restart closed: a connector retries.
      let sent = await sendThere('x2', '2026-12-02T10:00:00Z').catch(() => null);
      if (sent?.status !== 200) sent = await sendThere('x2', '2026-12-02T10:00:00Z');
      assert.equal(sent.status, 200, sent.text);
      await until(() => changes() > afterReconnect, 'the event after the restart', 1000);
      const secondMs = Date.now() - started;
      assert.equal((await clientOf(api).card()).syncs.find((sync) => sync.id === CUSTOMER)?.status, 'up_to_date');
      console.log(`# live across processes: ${firstMs} ms; PostgreSQL restarted in ${restartMs} ms, LISTEN back ${reconnectMs} ms after the restart began; then ${secondMs} ms`);
    } finally {
      await stream.close();
      await other.stop();
      await api.close();
      await ledger.close();
      await close();
    }
  });
});
