// isc_ingest, set-based (migration 5, ingest-sql.ts), against the loop it replaced (migration 2,
// migrations.ts), differentially: two PGlite ledgers, A with version 2's function put back
// (CREATE OR REPLACE from MIGRATIONS' own text, then version 4's plan setting) and B as shipped,
// are sent the same random steps (registrations, resync requests, batches of outcomes), and after
// every step they must answer the same per-event results and hold the same rows in isc_syncs,
// isc_sync_events and isc_resync_requests (without ids and now() times; a request's completed_at
// only as whether it is set). B's counters (migration 6) must equal a count of its syncs.
//
// The batches are made to collide: 1–5 syncs, 1–3 integrations, a few instants (several spellings
// of each, so equal occurredAt is common and the eventId tie-break decides), a small pool of event
// ids (in-batch and cross-batch duplicates, one (integrationId, eventId) on two syncs), events of
// one integration for another's sync, every status, label / syncedWith / detail absent, null or set.
//
// ISC_EQUIV_SEED (default 20260301) is the base seed, run r uses seed base + r; ISC_EQUIV_RUNS the
// number of runs (default 220, about 45 s); ISC_EQUIV_KEEP_GOING=1 runs them all and reports every diverging
// run. A divergence fails with its seed, the steps of the run and the differing rows, then the
// smallest run found by removing steps, events and fields that still diverges.
import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYNC_STATUSES } from '../../dist/lib/data/types.js';
import { createSyncLedger } from '../../dist/lib/server/index.js';
import { MIGRATIONS } from '../../dist/lib/server/ledger/migrations.js';
import { checkOutcome } from '../../dist/lib/server/ledger/outcome.js';

const BASE_SEED = Number(process.env.ISC_EQUIV_SEED ?? 20260301);
const RUNS = Number(process.env.ISC_EQUIV_RUNS ?? 220);
const KEEP_GOING = process.env.ISC_EQUIV_KEEP_GOING === '1';

/** Version 2's isc_ingest, as shipped, made to replace the current one. */
function loopIngestSql() {
  const v2 = MIGRATIONS.find(({ version }) => version === 2).sql;
  const match = /CREATE FUNCTION isc_ingest\(batch jsonb\)[\s\S]*?\n\$\$;/.exec(v2);
  assert.ok(match, 'migration 2 defines isc_ingest');
  const v4 = MIGRATIONS.find(({ version }) => version === 4).sql;
  return `${match[0].replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')}\n${v4}`;
}

// ---------------------------------------------------------------------------------------------
// Random runs.

/** mulberry32: a small seeded generator. */
function rngOf(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYNC_IDS = ['netsuite:customer', 'netsuite:vendor', 'dynamics:account', 'shared:sync'];
/** Instants, each in the spellings that name it (the database compares instants, not text). */
const INSTANTS = [
  ['2026-03-01T10:00:00Z', '2026-03-01T12:00:00+02:00', '2026-03-01T05:00:00-0500', '2026-03-01T10:00:00.0000004Z'],
  ['2026-03-01T10:00:00.000001Z'],
  ['2026-03-01T10:00:01Z', '2026-03-01T10:00:01.000Z'],
  ['2026-03-01T11:30:00.5Z', '2026-03-01T11:30:00.500000Z'],
  ['2026-03-02T00:00:00Z', '2026-03-01T23:00:00-01:00'],
  ['2026-03-05T08:00:00Z'],
];
/** Event ids whose code-point order differs from most collations' order. */
const EVENT_IDS = ['a', 'B', 'é', '😀', 'z', 'Z', 'e-10', 'e-9', 'a1', '\uFFFD', 'ä', 'A'];
const CATEGORIES = ['validation', 'missing_data', 'permission'];

/** A run: a list of steps (register, resync, batch), all from `seed`. */
function generateRun(seed) {
  const rng = rngOf(seed);
  const int = (n) => Math.floor(rng() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => rng() < p;

  const integrations = chance(0.15) ? ['netsuite'] : chance(0.8) ? ['netsuite', 'dynamics'] : ['netsuite', 'dynamics', 'sage'];
  const natural = (syncId) => {
    if (syncId.startsWith('shared')) return pick(integrations);
    const prefix = syncId.split(':')[0];
    return integrations.includes(prefix) ? prefix : integrations[0];
  };
  const keys = Array.from({ length: 1 + int(5) }, () => ({
    portalId: pick(['', '', 'p1']),
    objectType: pick(['contact', 'Contact', 'deal']),
    objectId: pick(['1', '2']),
    syncId: pick(SYNC_IDS),
  }));
  const times = Array.from({ length: 2 + int(5) }, () => pick(INSTANTS));
  const pool = Array.from({ length: 2 + int(10) }, () => pick(EVENT_IDS));
  let fresh = 0;
  const sent = [];

  const record = (key) => {
    const out = { objectType: key.objectType, objectId: key.objectId };
    const portal = key.portalId === '' ? pick([undefined, undefined, '', null]) : key.portalId;
    if (portal !== undefined) out.portalId = portal;
    return out;
  };
  const keyOfEvent = (event) => ({ portalId: event.record.portalId ?? '', objectType: event.record.objectType, objectId: event.record.objectId, syncId: event.syncId });

  function freshEvent(key, integrationId, eventId) {
    const event = { eventId, integrationId, syncId: key.syncId, record: record(key), occurredAt: pick(pick(times)), status: pick(SYNC_STATUSES) };
    const label = rng();
    if (label < 0.2) event.label = null;
    else if (label < 0.55) event.label = pick(['Label A', 'Label B', '']);
    const syncedWith = rng();
    if (syncedWith < 0.15) event.syncedWith = null;
    else if (syncedWith < 0.5) event.syncedWith = { name: pick(['Acme', 'Acme Ltd', null]), url: pick(['https://erp.example.com/1', 'https://erp.example.com/2', null, 'javascript:alert(1)']) };
    const detail = rng();
    if (detail < 0.1) event.detail = null;
    else if (detail < 0.6) {
      event.detail = {};
      if (chance(0.7)) event.detail.message = pick(['Missing email', 'Locked', '']);
      if (chance(0.6)) event.detail.code = pick(['E1', 'E2']);
      if (chance(0.6)) event.detail.category = pick(CATEGORIES);
      if (chance(0.1)) event.detail.fix = { text: 'Fill it in', url: 'https://erp.example.com/fix' };
    }
    if (chance(0.3)) event.direction = pick(['inbound', 'outbound']);
    if (chance(0.3)) event.trigger = pick(['schedule', 'record_change', 'manual', 'api']);
    if (chance(0.2)) event.actor = pick(['user-1', 'user-2']);
    if (chance(0.2)) event.nextSyncAt = pick(pick(INSTANTS));
    return event;
  }

  function event() {
    const r = rng();
    if (sent.length > 0 && r < 0.08) return structuredClone(pick(sent)); // the same event again
    if (sent.length > 0 && r < 0.18) {
      // An event id already used, by its integration (a duplicate, perhaps of another sync) or another.
      const earlier = pick(sent);
      const key = chance(0.5) ? keyOfEvent(earlier) : pick(keys);
      return freshEvent(key, chance(0.7) ? earlier.integrationId : pick(integrations), earlier.eventId);
    }
    const key = pick(keys);
    const integrationId = chance(0.8) ? natural(key.syncId) : pick(integrations);
    return freshEvent(key, integrationId, chance(0.25) ? pick(pool) : `${pick(EVENT_IDS)}${fresh++}`);
  }

  function registration() {
    const chosen = SYNC_IDS.filter(() => chance(0.4));
    return {
      type: 'register',
      integrationId: pick(integrations),
      portalId: pick(['', '', 'p1']),
      syncTypes: chosen.map((syncId) => ({ syncId, label: syncId, objectType: pick(['contact', 'deal']), enabled: chance(0.8) })),
    };
  }

  const steps = [];
  if (chance(0.5)) steps.push(registration());
  if (chance(0.2)) steps.push(registration());
  const batches = 1 + int(8);
  for (let b = 0; b < batches; b++) {
    if (b > 0 && chance(0.12)) steps.push(registration());
    if (b > 0 && chance(0.3)) for (let n = 1 + int(2); n > 0; n--) steps.push({ type: 'resync', key: pick(keys), requestedAt: pick(pick(times)) });
    const size = chance(0.5) ? 1 + int(8) : 1 + int(40);
    const events = [];
    for (let n = 0; n < size; n++) {
      const e = event();
      events.push(e);
      sent.push(e);
    }
    steps.push({ type: 'batch', events });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Applying a step to one database, and what the two must agree on.

/**
 * The time a resync the ledger just queued (stamped now(), in the real present) is moved to, with
 * its history row, so both databases hold the same one and events of the runs' past complete it.
 */
const RESTAMP_SQL = /* sql */ `
WITH request AS (
  UPDATE isc_resync_requests SET requested_at = $5::timestamptz
  WHERE portal_id = $1 AND object_type = $2 AND object_id = $3 AND sync_id = $4 AND requested_at > now() - interval '1 hour'
  RETURNING 1
), history AS (
  UPDATE isc_sync_events SET occurred_at = $5::timestamptz
  WHERE portal_id = $1 AND object_type = $2 AND object_id = $3 AND sync_id = $4 AND result = 'requested' AND occurred_at > now() - interval '1 hour'
  RETURNING 1
)
SELECT (SELECT count(*) FROM request)::integer AS requests, (SELECT count(*) FROM history)::integer AS history`;

/** The batch as ledger.ts's ingest() sends it: each event checked, with its index. */
function checkedBatch(events) {
  return events.map((raw, i) => ({ ...checkOutcome(raw).outcome, i }));
}

/** One step on one ledger; what it answered (compared between the two). */
async function apply(side, step) {
  try {
    if (step.type === 'register') {
      await side.ledger.registerIntegration(step.integrationId, { name: step.integrationId, state: 'active', portalId: step.portalId, syncTypes: step.syncTypes });
      return 'registered';
    }
    if (step.type === 'resync') {
      const { portalId, objectType, objectId, syncId } = step.key;
      // The ledger's own resync (the health page's bulk path), then its time set to the step's.
      const queued = await side.ledger.requestResyncs([{ record: { portalId, objectType, objectId }, syncId }], 'user-7');
      const { rows } = await side.db.query(RESTAMP_SQL, [portalId ?? '', objectType.toLowerCase(), objectId, syncId, step.requestedAt]);
      return { queued, ...rows[0] };
    }
    const { rows } = await side.db.query('SELECT out_index, out_result FROM isc_ingest($1::jsonb)', [JSON.stringify(checkedBatch(step.events))]);
    return rows.map((row) => [Number(row.out_index), row.out_result]).sort((x, y) => x[0] - y[0]);
  } catch (error) {
    return { error: error.message };
  }
}

/** The rows compared: jsonb text, ids and now() times left out, in one order. */
const TABLES = {
  isc_syncs: `(to_jsonb(t) - 'updated_at')::text FROM isc_syncs t`,
  isc_sync_events: `(to_jsonb(t) - 'id' - 'received_at')::text FROM isc_sync_events t`,
  isc_resync_requests: `(to_jsonb(t) - 'id' - 'completed_at' || jsonb_build_object('completed', t.completed_at IS NOT NULL))::text FROM isc_resync_requests t`,
};

async function tables(db) {
  const out = {};
  for (const [name, rows] of Object.entries(TABLES)) out[name] = (await db.query(`SELECT r FROM (SELECT ${rows}) AS q(r) ORDER BY r COLLATE "C"`)).rows.map((row) => row.r);
  return out;
}

/** The counters (migration 6) and a count of the rows they count. */
async function counters(db) {
  const rows = async (sql) => (await db.query(sql)).rows.map((row) => JSON.stringify(Object.values(row)));
  return {
    kept: {
      counts: await rows('SELECT portal_id, integration_id, status, count::int AS n FROM isc_sync_counts WHERE count <> 0 ORDER BY 1, 2, 3'),
      groups: await rows('SELECT portal_id, integration_id, category, code, count::int AS n FROM isc_failure_groups WHERE count <> 0 ORDER BY 1, 2, 3, 4'),
    },
    counted: {
      counts: await rows('SELECT portal_id, integration_id, status, count(*)::int AS n FROM isc_syncs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
      groups: await rows(`SELECT portal_id, integration_id, COALESCE(category, '') AS category, COALESCE(code, '') AS code, count(*)::int AS n FROM isc_syncs
                          WHERE status IN ('record_not_synced', 'partially_synced') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
    },
  };
}

/** Rows of `a` not in `b` (as multisets). */
function minus(a, b) {
  const left = new Map();
  for (const row of b) left.set(row, (left.get(row) ?? 0) + 1);
  return a.filter((row) => {
    const n = left.get(row) ?? 0;
    if (n > 0) left.set(row, n - 1);
    return n === 0;
  });
}

/**
 * Runs `steps` on both (emptied first); answers null, or the first step where they differ
 * ({ step, text }) with the differing answers and rows.
 */
async function replay(pair, steps, stats) {
  for (const side of [pair.a, pair.b]) {
    await side.db.exec('TRUNCATE isc_integrations, isc_sync_types, isc_syncs, isc_sync_events, isc_resync_requests RESTART IDENTITY');
  }
  for (const [s, step] of steps.entries()) {
    const answerA = await apply(pair.a, step);
    const answerB = await apply(pair.b, step);
    if (stats && step.type === 'batch') {
      stats.batches++;
      stats.events += step.events.length;
      if (Array.isArray(answerB)) for (const [, result] of answerB) stats.results[result] = (stats.results[result] ?? 0) + 1;
    }
    const problems = [];
    if (JSON.stringify(answerA) !== JSON.stringify(answerB)) {
      if (Array.isArray(answerA) && Array.isArray(answerB)) {
        const lines = [];
        const n = Math.max(answerA.length, answerB.length);
        for (let k = 0; k < n; k++) {
          if (JSON.stringify(answerA[k]) !== JSON.stringify(answerB[k])) lines.push(`  event ${answerA[k]?.[0] ?? answerB[k]?.[0]}: A (v2 loop) ${answerA[k]?.[1]}, B (set-based) ${answerB[k]?.[1]}`);
        }
        problems.push(`results differ:\n${lines.join('\n')}\n  A: ${JSON.stringify(answerA)}\n  B: ${JSON.stringify(answerB)}`);
      } else {
        problems.push(`answers differ:\n  A (v2 loop): ${JSON.stringify(answerA)}\n  B (set-based): ${JSON.stringify(answerB)}`);
      }
    }
    if (step.type === 'batch' && Array.isArray(answerB) && answerB.length !== step.events.length) problems.push(`B answered ${answerB.length} rows for ${step.events.length} events`);
    const [rowsA, rowsB] = [await tables(pair.a.db), await tables(pair.b.db)];
    for (const name of Object.keys(TABLES)) {
      const onlyA = minus(rowsA[name], rowsB[name]);
      const onlyB = minus(rowsB[name], rowsA[name]);
      if (onlyA.length || onlyB.length) {
        problems.push(`${name} differs:\n  only in A (v2 loop):\n${onlyA.map((row) => `    ${row}`).join('\n') || '    (none)'}\n  only in B (set-based):\n${onlyB.map((row) => `    ${row}`).join('\n') || '    (none)'}`);
      }
    }
    for (const [label, side] of [['B', pair.b], ['A', pair.a]]) {
      const { kept, counted } = await counters(side.db);
      if (JSON.stringify(kept) !== JSON.stringify(counted)) {
        problems.push(`${label}'s counters are not a count of its isc_syncs:\n  kept:    ${JSON.stringify(kept)}\n  counted: ${JSON.stringify(counted)}`);
      }
    }
    if (problems.length) return { step: s, text: problems.join('\n') };
  }
  return null;
}

/** What the runs reached, summed over their final states (B's). */
const COVERAGE_SQL = /* sql */ `
SELECT (SELECT count(*) FROM isc_syncs)::int AS syncs,
       (SELECT count(*) FROM isc_syncs WHERE attempts > 1)::int AS "failure runs > 1",
       (SELECT count(*) FROM isc_syncs WHERE success_at IS NOT NULL AND attempts > 0)::int AS "failures after a success",
       (SELECT count(*) FROM isc_syncs WHERE label_event_id IS NOT NULL AND label_event_id <> event_id)::int AS "labels kept from another event",
       (SELECT count(*) FROM isc_syncs WHERE synced_with_event_id IS NOT NULL AND synced_with_event_id <> event_id)::int AS "syncedWith kept from another event",
       (SELECT count(*) FROM isc_sync_types)::int AS "registered sync types",
       (SELECT count(*) FROM isc_resync_requests)::int AS "resync requests",
       (SELECT count(*) FROM isc_resync_requests WHERE completed_at IS NOT NULL)::int AS "resyncs completed"`;

// ---------------------------------------------------------------------------------------------
// Making a diverging run small: fewer steps, fewer events, fewer fields, while it still diverges.

const OPTIONAL = ['label', 'syncedWith', 'detail', 'direction', 'trigger', 'actor', 'nextSyncAt'];

async function shrink(pair, steps) {
  let best = steps;
  const diverges = async (candidate) => (await replay(pair, candidate)) !== null;
  let progress = true;
  while (progress) {
    progress = false;
    // Everything after the diverging step is noise.
    const found = await replay(pair, best);
    best = best.slice(0, found.step + 1);
    for (let s = best.length - 1; s >= 0; s--) {
      const candidate = best.filter((_, k) => k !== s);
      if (candidate.length && (await diverges(candidate))) {
        best = candidate;
        progress = true;
      }
    }
    for (let s = 0; s < best.length; s++) {
      if (best[s].type !== 'batch') continue;
      for (let e = best[s].events.length - 1; e >= 0 && best[s].events.length > 1; e--) {
        const candidate = best.map((step, k) => (k === s ? { ...step, events: step.events.filter((_, j) => j !== e) } : step));
        if (await diverges(candidate)) {
          best = candidate;
          progress = true;
        }
      }
      for (let e = 0; e < best[s].events.length; e++) {
        for (const field of OPTIONAL) {
          if (!(field in best[s].events[e])) continue;
          const candidate = structuredClone(best);
          delete candidate[s].events[e][field];
          if (await diverges(candidate)) {
            best = candidate;
            progress = true;
          }
        }
      }
    }
  }
  return best;
}

const describeStep = (step, s) => {
  if (step.type === 'register') return `step ${s}: register ${JSON.stringify({ integrationId: step.integrationId, portalId: step.portalId, syncTypes: step.syncTypes })}`;
  if (step.type === 'resync') return `step ${s}: resync ${JSON.stringify(step)}`;
  return `step ${s}: batch of ${step.events.length}\n${step.events.map((event, i) => `    [${i}] ${JSON.stringify(event)}`).join('\n')}`;
};
const describeSteps = (steps) => steps.map(describeStep).join('\n');

// ---------------------------------------------------------------------------------------------

describe('isc_ingest: the set-based function (migration 5) answers and stores what the loop (migration 2) did', () => {
  let pair;
  before(async () => {
    const open = async () => {
      const db = new PGlite();
      return { db, ledger: await createSyncLedger({ db, pruneIntervalMs: 0 }) };
    };
    pair = { a: await open(), b: await open() };
    await pair.a.db.exec(loopIngestSql());
    const source = async (db) => (await db.query(`SELECT prosrc FROM pg_proc WHERE proname = 'isc_ingest'`)).rows.map((row) => row.prosrc);
    const [sourceA] = await source(pair.a.db);
    const [sourceB] = await source(pair.b.db);
    assert.match(sourceA, /FOR e IN SELECT value FROM jsonb_array_elements\(batch\) LOOP/, 'A runs the loop of migration 2');
    assert.match(sourceB, /overtaken/, 'B runs the set-based function of migration 5');
  });
  after(async () => {
    for (const side of [pair.a, pair.b]) {
      await side.ledger.close();
      await side.db.close();
    }
  });

  // The smallest diverging runs the random runs found, kept as they are (each fails while the two differ).
  const at = (time) => `2026-03-01T${time}Z`;
  const outcome = (integrationId, eventId, syncId, objectId, occurredAt, status) => ({ eventId, integrationId, syncId, record: { objectType: 'contact', objectId }, occurredAt: at(occurredAt), status });
  const FOUND = [
    {
      name: 'an unknown sync whose first event in the batch is a duplicate (its integration and eventId came earlier, for another sync) belongs to the next event that is not one',
      // Version 2: applied, duplicate, applied (dynamics' e2 makes shared:sync, record 2, its own), duplicate.
      steps: [
        {
          type: 'batch',
          events: [
            outcome('netsuite', 'e1', 'netsuite:customer', '1', '10:00:00', 'up_to_date'),
            outcome('netsuite', 'e1', 'shared:sync', '2', '10:00:00', 'up_to_date'),
            outcome('dynamics', 'e2', 'shared:sync', '2', '10:00:00', 'up_to_date'),
            outcome('dynamics', 'e2', 'dynamics:account', '1', '10:00:00', 'up_to_date'),
          ],
        },
      ],
    },
  ];
  for (const { name, steps } of FOUND) {
    it(`a case found: ${name}`, async () => {
      const found = await replay(pair, steps);
      if (found) assert.fail(`at step ${found.step}:\n${found.text}\nthe run:\n${describeSteps(steps)}`);
    });
  }

  it(`${RUNS} random runs from seed ${BASE_SEED}: the same results and rows after every step`, async () => {
    const started = Date.now();
    const stats = { runs: 0, batches: 0, events: 0, results: {}, coverage: {} };
    const failures = [];
    for (let r = 0; r < RUNS; r++) {
      const seed = BASE_SEED + r;
      const steps = generateRun(seed);
      stats.runs++;
      const found = await replay(pair, steps, stats);
      if (!found) {
        const { rows } = await pair.b.db.query(COVERAGE_SQL);
        for (const [name, n] of Object.entries(rows[0])) stats.coverage[name] = (stats.coverage[name] ?? 0) + Number(n);
        continue;
      }
      const small = await shrink(pair, steps);
      const smallFound = await replay(pair, small);
      const message = [
        `isc_ingest diverges: run seed ${seed} (base ${BASE_SEED}, run ${r}); reproduce with ISC_EQUIV_SEED=${seed} ISC_EQUIV_RUNS=1`,
        `at step ${found.step}:`,
        found.text,
        `the run up to there:`,
        describeSteps(steps.slice(0, found.step + 1)),
        ``,
        `smallest diverging run found:`,
        describeSteps(small),
        smallFound?.text ?? '(the small run no longer diverges)',
      ].join('\n');
      failures.push({ seed, message });
      if (!KEEP_GOING) break;
      console.log(`${message}\n`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${stats.runs} runs, ${stats.batches} batches, ${stats.events} events in ${seconds} s; results (B): ${JSON.stringify(stats.results)}; at the end of the runs that agree: ${JSON.stringify(stats.coverage)}`);
    if (failures.length) assert.fail(KEEP_GOING ? `${failures.length} of ${stats.runs} runs diverge (seeds ${failures.map(({ seed }) => seed).join(', ')}); the first:\n${failures[0].message}` : failures[0].message);
    // The runs reached every answer.
    for (const result of ['applied', 'stale', 'duplicate', 'not_owner']) assert.ok(stats.results[result] > 0, `no event was ${result}: ${JSON.stringify(stats.results)}`);
  });
});
