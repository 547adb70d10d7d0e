// The ledger on PGlite (Postgres in WebAssembly, the embedded default): the shared suite, and the
// order-independence property (§14): the same set of events, ingested in 1,000 random orders,
// batchings and duplications, always leaves the same state and history.
import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createSyncLedger } from './helpers.mjs';
import { CONTACT, ledgerSuite, resetLedger } from './ledger-suite.mjs';

ledgerSuite('PGlite', async () => {
  const db = new PGlite();
  return { db, close: () => db.close() };
});

/** A fixed set of outcomes over three syncs, with equal times and every rule's cases among them. */
function eventSet() {
  const times = ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00.5Z', '2026-12-02T09:00:00+02:00', '2026-12-02T07:00:00Z', '2026-12-03T10:00:00Z'];
  const statuses = ['up_to_date', 'record_not_synced', 'partially_synced', 'in_progress', 'record_excluded', 'up_to_date', 'record_not_synced'];
  const ids = ['a', 'B', 'é', '😀', '\uFFFD', 'a1', 'z', 'Z', 'e-10', 'e-9'];
  const syncs = [
    { syncId: 'netsuite:customer', record: CONTACT },
    { syncId: 'netsuite:vendor', record: CONTACT },
    { syncId: 'netsuite:customer', record: { objectType: 'Contact', objectId: '902', portalId: 'p1' } },
  ];
  const events = [];
  let n = 0;
  for (const [s, sync] of syncs.entries()) {
    for (let i = 0; i < 9; i++, n++) {
      const event = {
        eventId: `${ids[(n * 7) % ids.length]}-${s}-${i % 3}`,
        integrationId: 'netsuite',
        syncId: sync.syncId,
        record: sync.record,
        occurredAt: times[(n * 5 + s) % times.length],
        status: statuses[(n * 3 + i) % statuses.length],
        trigger: i % 2 ? 'schedule' : 'record_change',
      };
      if (i % 3 === 0) event.label = i % 2 ? null : `Label ${n}`;
      if (i % 4 === 1) event.syncedWith = i % 8 === 1 ? { name: `Acme ${n}`, url: `https://erp.example.com/${n}` } : null;
      if (event.status !== 'up_to_date') event.detail = { message: `Message ${n}`, code: `C${n % 3}`, category: 'validation' };
      events.push(event);
    }
  }
  return events;
}

describe('ledger on PGlite: order independence', () => {
  let db;
  let ledger;
  before(async () => {
    db = new PGlite();
    ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
  });
  after(async () => {
    await ledger.close();
    await db.close();
  });

  /** Everything a reader can see: each sync's stored state and its history (not the arrival-order bookkeeping). */
  async function snapshot() {
    const state = await db.query(
      `SELECT portal_id, object_type, object_id, sync_id, integration_id, occurred_at, event_id, status, detail, category, code, message,
              next_sync_at, direction, trigger, actor, label, synced_with, last_synced_at, last_attempt_at, first_failed_at, attempts
       FROM isc_syncs ORDER BY portal_id, object_type, object_id, sync_id`,
    );
    const history = await db.query(
      `SELECT portal_id, object_type, object_id, sync_id, event_id, occurred_at, status, message, direction, trigger, actor
       FROM isc_sync_events ORDER BY portal_id, object_type, object_id, sync_id, occurred_at, event_id`,
    );
    const cards = await Promise.all([CONTACT, { objectType: 'contact', objectId: '902', portalId: 'p1' }].map((record) => ledger.getSyncStatus(record)));
    return JSON.stringify({ state: state.rows, history: history.rows, cards });
  }

  it('the same events in 1,000 random orders, batchings and duplications leave the same state and history', async () => {
    const events = eventSet();
    await resetLedger(db);
    const ingested = await ledger.ingest(events.slice().sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1)));
    assert.ok(ingested.every((entry) => entry.result !== 'rejected'), JSON.stringify(ingested));
    const expected = await snapshot();
    assert.match(expected, /record_not_synced/);

    // An arrival: a permutation, some events sent twice, cut into batches of 1 to 10.
    const arrival = fc
      .tuple(fc.shuffledSubarray(events.map((_, i) => i), { minLength: events.length, maxLength: events.length }), fc.array(fc.nat(events.length - 1), { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 40, maxLength: 40 }))
      .map(([order, repeats, sizes]) => {
        const sequence = [...order];
        for (const [k, index] of repeats.entries()) sequence.splice((k * 7) % sequence.length, 0, index);
        const batches = [];
        for (let at = 0, b = 0; at < sequence.length; b++) {
          batches.push(sequence.slice(at, at + sizes[b % sizes.length]).map((i) => events[i]));
          at += sizes[b % sizes.length];
        }
        return batches;
      });

    const started = Date.now();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(arrival, async (batches) => {
        runs++;
        await resetLedger(db);
        for (const batch of batches) await ledger.ingest(batch);
        assert.equal(await snapshot(), expected);
      }),
      { numRuns: 1000 },
    );
    console.log(`# order independence: ${runs} arrivals of ${events.length} events on PGlite in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(runs, 1000);
  });
});

describe('ledger on PGlite: names written into SQL', () => {
  it('a sort, an order or a LISTEN channel outside the fixed lists is refused before any SQL runs', async () => {
    const { createHealthBackend } = await import('../../dist/lib/server/ledger/health-queries.js');
    const { listen } = await import('../../dist/lib/server/ledger/db.js');
    const db = new PGlite();
    const ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
    try {
      const backend = createHealthBackend({ db, requestResyncs: ledger.requestResyncs, onChange: ledger.onChange });
      const page = (sort, order) => backend.page(null, { sort, order, limit: 10 });
      await assert.rejects(page('lastAttemptAt; DROP TABLE isc_syncs', 'asc'), TypeError);
      await assert.rejects(page('record', 'asc; DROP TABLE isc_syncs'), TypeError);
      await assert.rejects(listen(db, 'isc; DROP TABLE isc_syncs', () => {}, { onReconnect() {} }), TypeError);
      // The fixed ones still read, and the table is there.
      assert.deepEqual((await page('lastAttemptAt', 'desc')).records, []);
      assert.equal((await db.query('SELECT count(*)::int AS n FROM isc_syncs')).rows[0].n, 0);
    } finally {
      await ledger.close();
      await db.close();
    }
  });
});

describe('ledger on PGlite: an upgrade', () => {
  it('a ledger made before versions 5 and 6 (the loop ingest, no counters) upgrades on create: the counters start at the rows’ counts and ingest goes on', async () => {
    const { MIGRATIONS } = await import('../../dist/lib/server/ledger/migrations.js');
    const { checkOutcome } = await import('../../dist/lib/server/ledger/outcome.js');
    const db = new PGlite();
    // The ledger as version 4 left it, with syncs stored by its own isc_ingest.
    await db.exec('CREATE TABLE isc_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const migration of MIGRATIONS.filter(({ version }) => version <= 4)) {
      await db.exec(migration.sql);
      await db.query('INSERT INTO isc_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    const STATUSES = ['up_to_date', 'record_not_synced', 'partially_synced', 'in_progress'];
    const event = (n, at) => ({
      eventId: `e${n}`,
      integrationId: n % 3 ? 'netsuite' : 'dynamics365',
      syncId: n % 3 ? 'netsuite:customer' : 'dynamics365:account',
      record: { objectType: 'company', objectId: String(n % 20) },
      occurredAt: new Date(Date.UTC(2026, 11, 1, 0, 0, at)).toISOString(),
      status: STATUSES[n % 4],
      ...(n % 4 === 1 || n % 4 === 2 ? { detail: { message: `Failure ${n}`, code: `E${n % 3}`, category: 'missing_data' } } : {}),
    });
    const old = Array.from({ length: 60 }, (_, n) => ({ ...checkOutcome(event(n, n)).outcome, i: n }));
    await db.query('SELECT * FROM isc_ingest($1::jsonb)', [JSON.stringify(old)]);
    const counted = async () => ({
      counts: (await db.query('SELECT portal_id, integration_id, status, count::int AS n FROM isc_sync_counts WHERE count <> 0 ORDER BY 1, 2, 3')).rows,
      groups: (await db.query('SELECT integration_id, category, code, count::int AS n FROM isc_failure_groups WHERE count <> 0 ORDER BY 1, 2, 3')).rows,
    });
    const byHand = async () => ({
      counts: (await db.query('SELECT portal_id, integration_id, status, count(*)::int AS n FROM isc_syncs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3')).rows,
      groups: (await db.query(`SELECT integration_id, COALESCE(category, '') AS category, COALESCE(code, '') AS code, count(*)::int AS n FROM isc_syncs
                               WHERE status IN ('record_not_synced', 'partially_synced') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)).rows,
    });
    const before = await byHand();
    assert.ok(before.counts.length >= 4 && before.groups.length >= 2, JSON.stringify(before));

    const ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
    try {
      assert.deepEqual((await db.query('SELECT version FROM isc_schema_migrations ORDER BY version')).rows.map((row) => row.version), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(await counted(), before);
      const results = await ledger.ingest(Array.from({ length: 60 }, (_, n) => event(n + 60, n + 60)));
      assert.ok(results.every(({ result }) => result === 'applied'), JSON.stringify(results));
      assert.deepEqual(await counted(), await byHand());
    } finally {
      await ledger.close();
      await db.close();
    }
  });
});
