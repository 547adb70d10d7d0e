// The ledger's suite (§14), run on each database by its own file: ledger-pglite.test.mjs (PGlite)
// and ledger-postgres.test.mjs (a PostgreSQL server the test starts). Everything goes through
// the routes a connector and a card use, on a real node:http server; only the failure run
// (§15's columns, which no card route shows) is read from the table itself.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createEmbedToken, createSyncLedger, getJson, openStream, post, SECRET, serve, until } from './helpers.mjs';

export const KEYS = { netsuite: 'netsuite-ingest-key-0123456789', dynamics: 'dynamics-ingest-key-0123456789' };
export const CONTACT = { objectType: 'contact', objectId: '901' };
export const CUSTOMER = 'netsuite:customer';

/** Empties the ledger's tables (one database per test file; a new one per test would cost seconds on PGlite). */
export async function resetLedger(db) {
  await db.query('TRUNCATE isc_integrations, isc_sync_types, isc_syncs, isc_sync_events, isc_resync_requests RESTART IDENTITY');
}

export const outcome = (eventId, occurredAt, status, extra = {}) => ({ eventId, integrationId: 'netsuite', syncId: CUSTOMER, record: CONTACT, occurredAt, status, ...extra });

const SYNC_TYPES = [
  { syncId: CUSTOMER, label: 'NetSuite customer', objectType: 'contact', enabled: true },
  { syncId: 'netsuite:vendor', label: 'NetSuite vendor', objectType: 'Contact', enabled: false },
  { syncId: 'netsuite:opportunity', label: 'NetSuite opportunity', objectType: 'deal', enabled: true },
];

/** A client of one running handler: the connector's routes with a key, the card's with an embed token. */
export function clientOf(api) {
  const bearer = (key) => ({ Authorization: `Bearer ${key}` });
  const query = (record, extra = {}) => new URLSearchParams({ ...record, ...extra }).toString();
  const tokenFor = (record, subject) => createEmbedToken({ record, secret: SECRET, ...(subject ? { subject } : {}) });
  return {
    register: (body, { id = 'netsuite', key = KEYS.netsuite } = {}) =>
      getJson(`${api.base}/ledger/integrations/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...bearer(key) }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    registerNetSuite: (extra = {}) => clientOf(api).register({ name: 'NetSuite', state: 'active', syncTypes: SYNC_TYPES, ...extra }),
    send: (events, key = KEYS.netsuite) => post(`${api.base}/ledger/events`, { events }, bearer(key)),
    claim: (body = { integrationId: 'netsuite' }, key = KEYS.netsuite) => post(`${api.base}/ledger/resync-requests/claim`, body, bearer(key)),
    tokenFor,
    async card(record = CONTACT) {
      const answer = await getJson(`${api.base}?${query(record)}`, { headers: bearer(await tokenFor(record)) });
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    },
    async history(record = CONTACT, syncId = CUSTOMER) {
      const answer = await getJson(`${api.base}/history?${query(record, { syncId })}`, { headers: bearer(await tokenFor(record)) });
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    },
    async resync(record = CONTACT, syncId = CUSTOMER, subject = 'user-7') {
      return post(`${api.base}/resync`, { record, syncId }, bearer(await tokenFor(record, subject)));
    },
    async stream(record = CONTACT) {
      return openStream(`${api.base}/events?${query(record, { token: await tokenFor(record) })}`);
    },
  };
}

const results = (answer) => {
  assert.equal(answer.status, 200, answer.text);
  return answer.body.results.map((entry) => entry.result);
};
const syncOf = (response, id = CUSTOMER) => response.syncs.find((sync) => sync.id === id);
const ago = (ms) => new Date(Date.now() - ms).toISOString();

/** Polls an asynchronous check until it holds (10 s: a busy machine is slow, not wrong). */
async function eventually(check, what) {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The suite. `database()` resolves to `{ db, close() }`: a PGlite or a pg.Pool on a fresh database.
 */
export function ledgerSuite(name, database) {
  describe(`ledger on ${name}`, () => {
    let opened;
    let ledger;
    let api;
    let client;

    async function start(ledgerOptions = {}, handlerOptions = {}) {
      await api?.close();
      await ledger?.close();
      ledger = await createSyncLedger({ db: opened.db, pruneIntervalMs: 0, ...ledgerOptions });
      api = await serve({ ledger, ingestKeys: KEYS, basePath: '/api/sync-status', auth: { tokenSecret: SECRET }, ...handlerOptions });
      client = clientOf(api);
    }

    before(async () => {
      opened = await database();
      await start();
    });
    beforeEach(async () => {
      await resetLedger(opened.db);
      await start();
    });
    afterEach(async () => {
      await api?.close();
      await ledger?.close();
      api = ledger = undefined;
    });
    after(async () => {
      await opened.close();
    });

    describe('registration', () => {
      it('a registered sync type with nothing held reads sync_not_found, one registered enabled:false sync_disabled; other object types are not listed', async () => {
        assert.equal((await client.registerNetSuite()).status, 200);
        const response = await client.card();
        assert.deepEqual(response.integrations, [{ id: 'netsuite', name: 'NetSuite', state: 'active', settingsUrl: null }]);
        assert.deepEqual(
          response.syncs.map((sync) => [sync.id, sync.label, sync.status]),
          [
            [CUSTOMER, 'NetSuite customer', 'sync_not_found'],
            ['netsuite:vendor', 'NetSuite vendor', 'sync_disabled'],
          ],
        );
      });

      it('a registration replaces the integration and its sync types; extra_features_required is the setup callout', async () => {
        await client.registerNetSuite();
        const again = await client.register({ name: 'NetSuite ERP', state: 'extra_features_required', settingsUrl: 'https://crm.example.com/netsuite/settings', syncTypes: [] });
        assert.equal(again.status, 200, again.text);
        const response = await client.card();
        assert.deepEqual(response.integrations, [{ id: 'netsuite', name: 'NetSuite ERP', state: 'extra_features_required', settingsUrl: 'https://crm.example.com/netsuite/settings' }]);
        assert.deepEqual(response.syncs, []);
      });

      it('a disabled sync type shows sync_disabled whatever the ledger holds, and its history stays readable', async () => {
        await client.registerNetSuite();
        assert.deepEqual(results(await client.send([outcome('v1', '2026-12-01T10:00:00Z', 'up_to_date', { syncId: 'netsuite:vendor' })])), ['applied']);
        assert.equal(syncOf(await client.card(), 'netsuite:vendor').status, 'sync_disabled');
        assert.deepEqual((await client.history(CONTACT, 'netsuite:vendor')).map((event) => event.status), ['up_to_date']);
      });

      it('a sync id another integration of the portal owns is a 409, and changes nothing', async () => {
        await client.registerNetSuite();
        const taken = await client.register({ name: 'Dynamics', state: 'active', syncTypes: [{ syncId: CUSTOMER, label: 'x', objectType: 'contact', enabled: true }] }, { id: 'dynamics', key: KEYS.dynamics });
        assert.equal(taken.status, 409);
        assert.match(taken.body.error.message, /netsuite:customer/);
        assert.deepEqual((await client.card()).integrations.map((integration) => integration.id), ['netsuite']);
      });

      it('a malformed registration is a 400 naming the field', async () => {
        for (const [body, field] of [
          [{ state: 'active', syncTypes: [] }, /name/],
          [{ name: 'N', state: 'on', syncTypes: [] }, /state/],
          [{ name: 'N', state: 'active', syncTypes: [{ syncId: 'a', label: 'A', objectType: 'contact', enabled: 'yes' }] }, /syncTypes\[0\]\.enabled/],
          [{ name: 'N', state: 'active', syncTypes: [{ syncId: 'a', label: 'A', objectType: 'contact', enabled: true }, { syncId: 'a', label: 'A', objectType: 'contact', enabled: true }] }, /syncTypes\[1\]\.syncId/],
          [{ name: 'N', state: 'active', settingsUrl: 'javascript:alert(1)', syncTypes: [] }, /settingsUrl/],
          [{ name: 'N\u0000', state: 'active', syncTypes: [] }, /name contains a NUL/],
          [{ name: 'N', state: 'active', syncTypes: 'all' }, /syncTypes/],
        ]) {
          const answer = await client.register(body);
          assert.equal(answer.status, 400, JSON.stringify(body));
          assert.match(answer.body.error.message, field);
        }
      });
    });

    describe('ingest', () => {
      it('applied, then duplicate for the same eventId whatever its body, then stale for an older event, which joins the history only', async () => {
        await client.registerNetSuite();
        assert.deepEqual(results(await client.send([outcome('e2', '2026-12-02T10:00:00Z', 'record_not_synced', { detail: { message: 'Subsidiary is missing.' } })])), ['applied']);
        assert.deepEqual(results(await client.send([outcome('e2', '2026-12-09T10:00:00Z', 'up_to_date')])), ['duplicate']);
        assert.deepEqual(results(await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date')])), ['stale']);
        const sync = syncOf(await client.card());
        assert.equal(sync.status, 'record_not_synced', 'a late success never hides a newer error');
        assert.equal(sync.detail.message, 'Subsidiary is missing.');
        assert.deepEqual((await client.history()).map((event) => [event.at, event.status]), [
          ['2026-12-02T10:00:00.000Z', 'record_not_synced'],
          ['2026-12-01T10:00:00.000Z', 'up_to_date'],
        ]);
      });

      it('results come one per event in request order; a duplicate within one batch is a duplicate', async () => {
        const answer = await client.send([outcome('b', '2026-12-02T10:00:00Z', 'up_to_date'), { eventId: 'x' }, outcome('b', '2026-12-03T10:00:00Z', 'up_to_date'), outcome('a', '2026-12-01T10:00:00Z', 'up_to_date')]);
        assert.deepEqual(
          answer.body.results.map((entry) => [entry.eventId, entry.result]),
          [
            ['b', 'applied'],
            ['x', 'rejected'],
            ['b', 'duplicate'],
            ['a', 'stale'],
          ],
        );
      });

      it('equal occurredAt: the greater eventId in code-point order wins (not UTF-16 order, not the collation)', async () => {
        const at = '2026-12-05T08:00:00Z';
        // Code points: 'B' < 'a' < '\uFFFD' < '😀' (U+1F600); UTF-16 order would put '\uFFFD' last.
        const events = [outcome('😀', at, 'record_excluded'), outcome('a', at, 'record_not_synced'), outcome('\uFFFD', at, 'in_progress'), outcome('B', at, 'up_to_date')];
        assert.deepEqual(results(await client.send(events)), ['applied', 'stale', 'stale', 'stale']);
        assert.equal(syncOf(await client.card()).status, 'record_excluded');
      });

      it('objectType is case-insensitive: Contact and contact are one sync', async () => {
        await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'record_not_synced', { record: { objectType: 'Contact', objectId: '901' } })]);
        await client.send([outcome('e2', '2026-12-02T10:00:00Z', 'up_to_date')]);
        assert.equal(syncOf(await client.card({ objectType: 'CONTACT', objectId: '901' })).status, 'up_to_date');
        assert.equal((await client.history()).length, 2);
      });

      it('lastSyncedAt is the latest up_to_date or partially_synced (a failure keeps it); detail is the latest event’s, cleared by a success', async () => {
        await client.send([
          outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date'),
          outcome('e2', '2026-12-02T10:00:00Z', 'partially_synced', { detail: { message: 'Phone failed.', fields: [{ name: 'phone', status: 'failed' }] } }),
          outcome('e3', '2026-12-03T10:00:00Z', 'record_not_synced', { detail: { message: 'Locked.', category: 'conflict', code: 'LOCKED' } }),
        ]);
        let sync = syncOf(await client.card());
        assert.equal(sync.lastSyncedAt, '2026-12-02T10:00:00.000Z');
        assert.deepEqual([sync.status, sync.detail.message, sync.detail.category, sync.detail.code], ['record_not_synced', 'Locked.', 'conflict', 'LOCKED']);
        await client.send([outcome('e4', '2026-12-04T10:00:00Z', 'up_to_date')]);
        sync = syncOf(await client.card());
        assert.equal(sync.lastSyncedAt, '2026-12-04T10:00:00.000Z');
        // The wire's normalized detail (section 11) with nothing in it: what the card shows as no detail.
        assert.deepEqual(sync.detail, { message: null, code: null, url: null, exclusionGroup: null, category: null, retryable: null, fix: null, retry: null, exclusionReason: null, fields: [] });
      });

      it('syncedWith and label are kept when an event omits them and cleared by null; a cleared label falls back to the registered one', async () => {
        await client.registerNetSuite();
        await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date', { label: 'Customer (sub 2)', syncedWith: { name: 'Acme Corp (CUS-1042)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042' } })]);
        await client.send([outcome('e2', '2026-12-02T10:00:00Z', 'record_not_synced')]);
        let sync = syncOf(await client.card());
        assert.equal(sync.label, 'Customer (sub 2)');
        assert.deepEqual(sync.syncedWith, { name: 'Acme Corp (CUS-1042)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042' });
        await client.send([outcome('e3', '2026-12-03T10:00:00Z', 'up_to_date', { label: null, syncedWith: null })]);
        sync = syncOf(await client.card());
        assert.equal(sync.label, 'NetSuite customer');
        assert.equal(sync.syncedWith, null);
      });

      it('a failure run: record_not_synced and partially_synced continue it, up_to_date ends it, other statuses leave it (firstFailedAt, attempts)', async () => {
        const run = async () => {
          const { rows } = await opened.db.query('SELECT first_failed_at, attempts FROM isc_syncs WHERE object_id = $1', ['901']);
          return [rows[0].first_failed_at && new Date(rows[0].first_failed_at).toISOString(), Number(rows[0].attempts)];
        };
        await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date'), outcome('e2', '2026-12-02T10:00:00Z', 'record_not_synced'), outcome('e3', '2026-12-03T10:00:00Z', 'partially_synced')]);
        assert.deepEqual(await run(), ['2026-12-02T10:00:00.000Z', 2]);
        await client.send([outcome('e4', '2026-12-04T10:00:00Z', 'in_progress'), outcome('e5', '2026-12-05T10:00:00Z', 'record_excluded'), outcome('e6', '2026-12-06T10:00:00Z', 'record_not_synced')]);
        assert.deepEqual(await run(), ['2026-12-02T10:00:00.000Z', 3]);
        await client.send([outcome('e7', '2026-12-07T10:00:00Z', 'up_to_date')]);
        assert.deepEqual(await run(), [null, 0]);
        await client.send([outcome('e0', '2026-11-30T10:00:00Z', 'record_not_synced')]);
        assert.deepEqual(await run(), [null, 0], 'a failure before the last success starts no run');
      });

      it('an in_progress older than inProgressTimeoutMs reads sync_unknown', async () => {
        await start({ inProgressTimeoutMs: 60_000 });
        await client.send([outcome('old', ago(120_000), 'in_progress'), { ...outcome('new', ago(1_000), 'in_progress'), syncId: 'netsuite:other' }]);
        const response = await client.card();
        assert.equal(syncOf(response).status, 'sync_unknown');
        assert.equal(syncOf(response, 'netsuite:other').status, 'in_progress');
      });

      it('rejected, not repaired: each bad event names its field, and the others of the batch are still applied', async () => {
        await client.registerNetSuite();
        const good = outcome('good', '2026-12-01T10:00:00Z', 'up_to_date');
        const bad = [
          [{ ...good, eventId: undefined }, /^eventId/],
          [{ ...good, eventId: 'x'.repeat(201) }, /^eventId is longer than 200/],
          [{ ...good, eventId: 'i1', integrationId: 42 }, /^integrationId must be a string/],
          [{ ...good, eventId: 'i2', integrationId: 'dynamics' }, /^integrationId is not the integration of this ingest key/],
          [{ ...good, eventId: 'i3', syncId: '' }, /^syncId must not be empty/],
          [{ ...good, eventId: 'i4', record: 'contact/901' }, /^record must be an object/],
          [{ ...good, eventId: 'i5', record: { objectType: 'contact' } }, /^record\.objectId/],
          [{ ...good, eventId: 'i6', occurredAt: '2026-12-01T10:00:00' }, /^occurredAt must be an ISO 8601 date-time with an offset/],
          [{ ...good, eventId: 'i7', occurredAt: '2026-02-30T10:00:00Z' }, /^occurredAt is not a valid date-time/],
          [{ ...good, eventId: 'i8', occurredAt: 'yesterday' }, /^occurredAt/],
          [{ ...good, eventId: 'i9', occurredAt: 1764583200000 }, /^occurredAt/],
          [{ ...good, eventId: 'i10', status: 'done' }, /^status must be one of/],
          [{ ...good, eventId: 'i11', label: 7 }, /^label must be a string/],
          [{ ...good, eventId: 'i12', syncedWith: 'Acme' }, /^syncedWith must be an object or null/],
          [{ ...good, eventId: 'i13', detail: { category: 'oops' } }, /^detail\.category must be one of/],
          [{ ...good, eventId: 'i14', detail: { fields: [{ name: 'phone', status: 'broken' }] } }, /^detail\.fields\[0\]\.status/],
          [{ ...good, eventId: 'i15', detail: { retry: { attempt: 0, maxAttempts: 3 } } }, /^detail\.retry\.attempt/],
          [{ ...good, eventId: 'i16', direction: 'sideways' }, /^direction must be one of/],
          [{ ...good, eventId: 'i17', trigger: 'cron' }, /^trigger must be one of/],
          [{ ...good, eventId: 'i18', nextSyncAt: '2026-13-01T00:00:00Z' }, /^nextSyncAt is not a valid date-time/],
          [{ ...good, eventId: 'i19', detail: 'broken' }, /^detail must be an object or null/],
          [{ ...good, eventId: 'i20', syncId: 'netsuite:customer', integrationId: 'netsuite', record: { objectType: 'contact', objectId: 901 } }, /^record\.objectId must be a string/],
          [null, /^The event must be an object/],
          [[good], /^The event must be an object/],
        ];
        const answer = await client.send([good, ...bad.map(([event]) => event)]);
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body.results[0], { eventId: 'good', result: 'applied' });
        bad.forEach(([, message], index) => {
          const entry = answer.body.results[index + 1];
          assert.equal(entry.result, 'rejected', `event ${index}`);
          assert.match(entry.message, message, `event ${index}: ${entry.message}`);
        });
        assert.equal(syncOf(await client.card()).status, 'up_to_date');
        assert.equal((await client.history()).length, 1, 'a rejected event joins no history');
      });

      it('a sync id registered by another integration is rejected for this one', async () => {
        await client.registerNetSuite();
        const answer = await client.send([{ ...outcome('d1', '2026-12-01T10:00:00Z', 'up_to_date'), integrationId: 'dynamics' }], KEYS.dynamics);
        assert.deepEqual(answer.body.results, [{ eventId: 'd1', result: 'rejected', message: 'syncId belongs to another integration.' }]);
      });

      it('unsafe URLs are dropped from an applied event and named by their path', async () => {
        const answer = await client.send([
          outcome('u1', '2026-12-01T10:00:00Z', 'record_not_synced', {
            syncedWith: { name: 'Acme', url: 'javascript:alert(1)' },
            detail: { message: 'Bad.', url: 'data:text/html,<script>alert(1)</script>', fix: { text: 'Fix it', url: ' https://example.com' } },
          }),
        ]);
        assert.equal(answer.body.results[0].result, 'applied');
        assert.equal(answer.body.results[0].message, 'Dropped an unsafe URL: detail.url, detail.fix.url, syncedWith.url.');
        const sync = syncOf(await client.card());
        assert.equal(sync.syncedWith.name, 'Acme');
        assert.equal(sync.syncedWith.url ?? null, null);
        assert.equal(sync.detail.url ?? null, null);
        assert.equal(sync.detail.fix.url ?? null, null);
      });
    });

    describe('history', () => {
      it('every applied and stale event, newest first, with trigger and actor', async () => {
        await client.send([
          outcome('e2', '2026-12-02T10:00:00Z', 'record_not_synced', { detail: { message: 'Locked.' }, direction: 'outbound', trigger: 'record_change', actor: 'jane@example.com' }),
          outcome('e3', '2026-12-03T10:00:00Z', 'up_to_date', { direction: 'inbound', trigger: 'schedule' }),
          outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date', { trigger: 'api', actor: 'sync-bot' }),
        ]);
        assert.deepEqual(await client.history(), [
          { at: '2026-12-03T10:00:00.000Z', status: 'up_to_date', message: null, direction: 'inbound', trigger: 'schedule', actor: null },
          { at: '2026-12-02T10:00:00.000Z', status: 'record_not_synced', message: 'Locked.', direction: 'outbound', trigger: 'record_change', actor: 'jane@example.com' },
          { at: '2026-12-01T10:00:00.000Z', status: 'up_to_date', message: null, direction: null, trigger: 'api', actor: 'sync-bot' },
        ]);
      });

      it('is pruned after historyDays, by prune() and by its timer (which close() stops)', async () => {
        await start({ historyDays: 2 });
        await client.send([outcome('old', ago(3 * 86_400_000), 'up_to_date'), outcome('new', ago(86_400_000), 'up_to_date')]);
        assert.equal((await client.history()).length, 2);
        await ledger.prune();
        assert.deepEqual((await client.history()).map((event) => event.status), ['up_to_date']);
        await client.send([outcome('older', ago(5 * 86_400_000), 'record_not_synced')]);
        assert.equal((await client.history()).length, 2);
        await start({ historyDays: 2, pruneIntervalMs: 20 });
        await eventually(async () => (await client.history()).length === 1, 'the prune timer');
      });
    });

    describe('resync', () => {
      it('queues one request per (record, syncId), shows in_progress with trigger manual and the token’s sub, and is claimed with a lease', async () => {
        await start({ resyncLeaseMs: 1500 });
        await client.registerNetSuite();
        await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'record_not_synced')]);
        assert.equal((await client.resync()).status, 202);
        assert.equal((await client.resync(CONTACT, CUSTOMER, 'someone-else')).status, 202);
        assert.equal(syncOf(await client.card()).status, 'in_progress');
        const [latest, ...older] = await client.history();
        assert.deepEqual([latest.status, latest.trigger, latest.actor], ['in_progress', 'manual', 'user-7']);
        assert.equal(older.length, 1, 'the second click added nothing');

        const claimed = await client.claim();
        assert.equal(claimed.status, 200);
        assert.equal(claimed.body.requests.length, 1);
        const [request] = claimed.body.requests;
        assert.deepEqual([request.record, request.syncId, request.requestedBy, request.requestedAt], [CONTACT, CUSTOMER, 'user-7', latest.at]);
        assert.deepEqual((await client.claim()).body.requests, [], 'leased');
        await new Promise((resolve) => setTimeout(resolve, 1600));
        assert.deepEqual(
          (await client.claim()).body.requests.map((entry) => entry.id),
          [request.id],
          'offered again after its lease passed without an outcome',
        );
      });

      it('is completed by the first applied outcome that is not in_progress, at or after requestedAt', async () => {
        await start({ resyncLeaseMs: 1 });
        await client.registerNetSuite();
        await client.resync();
        const requestedAt = (await client.history())[0].at;
        const after = (ms) => new Date(Date.parse(requestedAt) + ms).toISOString();
        await client.send([outcome('before', '2026-01-01T00:00:00Z', 'up_to_date'), outcome('running', after(1000), 'in_progress')]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        assert.equal((await client.claim()).body.requests.length, 1, 'neither an earlier outcome nor an in_progress completes it');
        await client.send([outcome('done', after(2000), 'up_to_date')]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        assert.deepEqual((await client.claim()).body.requests, []);
        assert.equal(syncOf(await client.card()).status, 'up_to_date');
        assert.equal((await client.resync()).status, 202, 'a new request may be queued once it is completed');
        assert.equal((await client.claim()).body.requests.length, 1);
      });

      it('an unknown sync is a 404 and a disabled one a 409; nothing is queued', async () => {
        await client.registerNetSuite();
        assert.equal((await client.resync(CONTACT, 'netsuite:nothing')).status, 404);
        assert.equal((await client.resync(CONTACT, 'netsuite:vendor')).status, 409);
        assert.deepEqual((await client.claim()).body.requests, []);
      });
    });

    describe('keys', () => {
      it('no key, a wrong or forged key, a key in the query, an embed token: 401 on every connector route; another integration’s key: 403', async () => {
        const embed = await client.tokenFor(CONTACT);
        const forged = KEYS.netsuite.slice(0, -1) + (KEYS.netsuite.endsWith('9') ? '8' : '9');
        const routes = [
          (headers) => getJson(`${api.base}/ledger/integrations/netsuite`, { method: 'PUT', headers, body: JSON.stringify({ name: 'N', state: 'active', syncTypes: [] }) }),
          (headers) => post(`${api.base}/ledger/events`, { events: [outcome('k', '2026-12-01T10:00:00Z', 'up_to_date')] }, headers),
          (headers) => post(`${api.base}/ledger/resync-requests/claim`, { integrationId: 'netsuite' }, headers),
        ];
        for (const route of routes) {
          for (const headers of [{}, { Authorization: `Bearer ${forged}` }, { Authorization: `Bearer ${KEYS.netsuite} ` + 'x' }, { Authorization: `Basic ${KEYS.netsuite}` }, { Authorization: `Bearer ${embed}` }]) {
            assert.equal((await route(headers)).status, 401, JSON.stringify(headers));
          }
        }
        const keyInQuery = await post(`${api.base}/ledger/events?key=${KEYS.netsuite}`, { events: [] });
        assert.equal(keyInQuery.status, 401);
        assert.equal((await client.register({ name: 'N', state: 'active', syncTypes: [] }, { id: 'netsuite', key: KEYS.dynamics })).status, 403);
        assert.equal((await client.claim({ integrationId: 'netsuite' }, KEYS.dynamics)).status, 403);
        assert.equal(syncOf(await client.card()), undefined, 'nothing was written');
      });

      it('an ingest key never reads: the card’s routes refuse it even without auth', async () => {
        await start({}, { auth: undefined });
        await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date')]);
        const headers = { Authorization: `Bearer ${KEYS.netsuite}` };
        const query = new URLSearchParams({ ...CONTACT, syncId: CUSTOMER });
        for (const answer of [
          await getJson(`${api.base}?${query}`, { headers }),
          await post(`${api.base}/batch`, { records: [CONTACT] }, headers),
          await getJson(`${api.base}/history?${query}`, { headers }),
          await post(`${api.base}/resync`, { record: CONTACT, syncId: CUSTOMER }, headers),
          await getJson(`${api.base}/events?${query}`, { headers }),
        ]) {
          assert.equal(answer.status, 401);
          assert.doesNotMatch(answer.text, /up_to_date/);
        }
        assert.equal((await getJson(`${api.base}?${query}`)).status, 200, 'without the key the open API reads');
      });

      it('a replayed request changes nothing: every event is a duplicate', async () => {
        const events = [outcome('e1', '2026-12-01T10:00:00Z', 'record_not_synced'), outcome('e2', '2026-12-02T10:00:00Z', 'up_to_date')];
        assert.deepEqual(results(await client.send(events)), ['applied', 'applied']);
        const before = await client.card();
        assert.deepEqual(results(await client.send(events)), ['duplicate', 'duplicate']);
        assert.deepEqual(await client.card(), before);
        assert.equal((await client.history()).length, 2);
      });
    });

    describe('hostile input', () => {
      it('wrong shapes are a 400, more than 500 events or a body over 1 MiB a 413, deep nesting never a 500', async () => {
        for (const body of ['', 'not json', '[]', '{"events":{}}', '{"events":"all"}', 'null', JSON.stringify({ events: [] }).slice(0, -1)]) {
          assert.equal((await post(`${api.base}/ledger/events`, body, { Authorization: `Bearer ${KEYS.netsuite}` })).status, 400, body);
        }
        const many = Array.from({ length: 501 }, (_, i) => outcome(`m${i}`, '2026-12-01T10:00:00Z', 'up_to_date'));
        assert.equal((await client.send(many)).status, 413);
        const huge = [outcome('h', '2026-12-01T10:00:00Z', 'up_to_date', { label: 'x'.repeat(1_100_000) })];
        assert.equal((await client.send(huge)).status, 413);
        const deep = '['.repeat(100_000) + ']'.repeat(100_000);
        const nested = await post(`${api.base}/ledger/events`, `{"events":[{"eventId":"d","detail":${deep}}]}`, { Authorization: `Bearer ${KEYS.netsuite}` });
        assert.equal(nested.status, 200, nested.text.slice(0, 200));
        assert.equal(nested.body.results[0].result, 'rejected');
        // 5,000 levels written as text: JSON.stringify of such an object overflows the sender's stack.
        const deepDetail = { eventId: 'dd', integrationId: 'netsuite', syncId: CUSTOMER, record: CONTACT, occurredAt: '2026-12-01T10:00:00Z', status: 'record_not_synced', detail: { message: 'm', nested: 'NESTED' } };
        const deepBody = JSON.stringify({ events: [deepDetail] }).replace('"NESTED"', '{"nested":'.repeat(5000) + '{}' + '}'.repeat(5000));
        const deepAnswer = await post(`${api.base}/ledger/events`, deepBody, { Authorization: `Bearer ${KEYS.netsuite}` });
        assert.deepEqual(results(deepAnswer), ['applied'], 'unknown detail keys are left out, however deep');
        assert.equal(syncOf(await client.card()).detail.message, 'm');
        const register = await client.register(`{"name":"N","state":"active","syncTypes":${deep}}`);
        assert.equal(register.status, 400);
      });

      it('10,000-character strings and NUL bytes in every string field are rejected by name; SQL metacharacters are stored as written', async () => {
        await client.registerNetSuite();
        const base = () => outcome('base', '2026-12-01T10:00:00Z', 'record_not_synced', {
          record: { ...CONTACT },
          label: 'Label',
          syncedWith: { name: 'Acme', url: 'https://example.com/acme' },
          actor: 'jane',
          detail: { message: 'm', code: 'C', url: 'https://example.com/d', exclusionGroup: 'g', exclusionReason: 'r', fix: { text: 'f', url: 'https://example.com/f' }, fields: [{ name: 'phone', label: 'Phone', status: 'failed', crmValue: 'a', externalValue: 'b', message: 'mm' }] },
        });
        const paths = ['eventId', 'integrationId', 'syncId', 'record.objectType', 'record.objectId', 'record.portalId', 'label', 'syncedWith.name', 'syncedWith.url', 'actor',
          'detail.message', 'detail.code', 'detail.url', 'detail.exclusionGroup', 'detail.exclusionReason', 'detail.fix.text', 'detail.fix.url',
          'detail.fields[0].name', 'detail.fields[0].label', 'detail.fields[0].crmValue', 'detail.fields[0].externalValue', 'detail.fields[0].message'];
        const set = (event, path, value) => {
          const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
          let target = event;
          for (const key of keys.slice(0, -1)) target = target[key];
          target[keys.at(-1)] = value;
          return event;
        };
        const events = [];
        const expected = [];
        paths.forEach((path, i) => {
          const long = set(base(), path, 'y'.repeat(10_000));
          const nul = set(base(), path, 'a\u0000b');
          if (path !== 'eventId') {
            long.eventId = `long-${i}`;
            nul.eventId = `nul-${i}`;
          }
          events.push(long, nul);
          const escaped = path.replace(/[.[\]]/g, '\\$&');
          expected.push(new RegExp(`^${escaped} is longer than`), new RegExp(`^${escaped} contains a NUL`));
        });
        const answer = await client.send(events);
        assert.equal(answer.status, 200);
        answer.body.results.forEach((entry, i) => {
          assert.equal(entry.result, 'rejected', `${i}: ${paths[Math.floor(i / 2)]}`);
          assert.match(entry.message, expected[i], `${paths[Math.floor(i / 2)]}: ${entry.message}`);
        });

        const sql = `x'); DROP TABLE isc_syncs; -- "\\ %_ $1 ::jsonb`;
        const metaRecord = { objectType: 'contact', objectId: sql, portalId: sql };
        const meta = outcome(sql, '2026-12-02T10:00:00Z', 'record_not_synced', { record: metaRecord, syncId: sql, label: sql, actor: sql, syncedWith: { name: sql }, detail: { message: sql, code: sql } });
        assert.deepEqual(results(await client.send([meta])), ['applied']);
        const response = await client.card(metaRecord);
        const sync = syncOf(response, sql);
        assert.deepEqual([sync.label, sync.syncedWith.name, sync.detail.message, sync.detail.code], [sql, sql, sql, sql]);
        assert.equal((await client.history(metaRecord, sql))[0].actor, sql);
      });

      it('the card’s GET with NUL bytes or SQL in its query answers without a 500', async () => {
        const token = await client.tokenFor({ objectType: 'contact', objectId: "1' OR '1'='1" });
        const answer = await getJson(`${api.base}?objectType=contact&objectId=${encodeURIComponent("1' OR '1'='1")}`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body.syncs, []);
        const nulToken = await client.tokenFor({ objectType: 'contact', objectId: 'a\u0000b' });
        const nul = await getJson(`${api.base}?objectType=contact&objectId=a%00b`, { headers: { Authorization: `Bearer ${nulToken}` } });
        // No stored id holds a NUL (ingest refuses them), so the ledger holds nothing for this record.
        assert.equal(nul.status, 200, nul.text);
        assert.deepEqual(nul.body.syncs, []);
        const nulHistory = await getJson(`${api.base}/history?objectType=contact&objectId=a%00b&syncId=${CUSTOMER}`, { headers: { Authorization: `Bearer ${nulToken}` } });
        assert.equal(nulHistory.status, 200, nulHistory.text);
        assert.deepEqual(nulHistory.body, []);
        const nulResync = await post(`${api.base}/resync`, { record: { objectType: 'contact', objectId: 'a\u0000b' }, syncId: CUSTOMER }, { Authorization: `Bearer ${nulToken}` });
        assert.equal(nulResync.status, 404, nulResync.text);
      });
    });

    describe('tenants', () => {
      it('no route returns another portal’s data, with its ids or with its tokens', async () => {
        const A = { objectType: 'contact', objectId: '901', portalId: 'A' };
        const B = { objectType: 'contact', objectId: '901', portalId: 'B' };
        await client.register({ name: 'NetSuite A', state: 'active', portalId: 'A', syncTypes: [SYNC_TYPES[0]] });
        await client.send([outcome('a1', '2026-12-01T10:00:00Z', 'record_not_synced', { record: A, detail: { message: 'secret of A' }, syncedWith: { name: 'A Corp' } })]);
        // B's card: the same record id, nothing of A (not its integration, sync, history or resync).
        const b = await client.card(B);
        assert.deepEqual(b, { integrations: [], syncs: [] });
        assert.deepEqual(await client.history(B), []);
        assert.equal((await client.resync(B)).status, 404);
        // A's token does not open B, B's token does not open A.
        const tokenA = await client.tokenFor(A);
        const asA = await getJson(`${api.base}?${new URLSearchParams(B)}`, { headers: { Authorization: `Bearer ${tokenA}` } });
        assert.equal(asA.status, 403);
        assert.doesNotMatch(asA.text, /secret of A/);
        const tokenB = await client.tokenFor(B);
        for (const answer of [
          await getJson(`${api.base}?${new URLSearchParams(A)}`, { headers: { Authorization: `Bearer ${tokenB}` } }),
          await getJson(`${api.base}/history?${new URLSearchParams({ ...A, syncId: CUSTOMER })}`, { headers: { Authorization: `Bearer ${tokenB}` } }),
          await post(`${api.base}/resync`, { record: A, syncId: CUSTOMER }, { Authorization: `Bearer ${tokenB}` }),
          await post(`${api.base}/batch`, { records: [A] }, { Authorization: `Bearer ${tokenB}` }),
          await getJson(`${api.base}/events?${new URLSearchParams({ ...A, token: tokenB })}`),
        ]) {
          assert.equal(answer.status, 403);
          assert.doesNotMatch(answer.text, /secret of A|A Corp/);
        }
        // A record without a portal is the one tenant's, not A's.
        assert.deepEqual(await client.card(CONTACT), { integrations: [], syncs: [] });
        // The same event id in B is B's own event (idempotency is per integration, the state per portal).
        assert.deepEqual(results(await client.send([outcome('b1', '2026-12-01T10:00:00Z', 'up_to_date', { record: B })])), ['applied']);
        assert.equal(syncOf(await client.card(A)).status, 'record_not_synced');
        assert.equal(syncOf(await client.card(B)).status, 'up_to_date');
        // A resync of A's record is claimed with A's portal in it.
        await client.resync(A);
        assert.deepEqual((await client.claim()).body.requests.map((request) => request.record), [A]);
      });
    });

    describe('health counts', () => {
      // What the summary reads from the counters (health-counts.ts), counted by hand from isc_syncs.
      const byHand = async () => {
        const counts = await opened.db.query(
          `SELECT portal_id, integration_id, status, count(*)::int AS n FROM isc_syncs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        );
        const groups = await opened.db.query(
          `SELECT portal_id, integration_id, COALESCE(category, '') AS category, COALESCE(code, '') AS code, count(*)::int AS n
           FROM isc_syncs WHERE status IN ('record_not_synced', 'partially_synced') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        );
        return { counts: counts.rows, groups: groups.rows };
      };
      const kept = async () => {
        const counts = await opened.db.query(
          `SELECT portal_id, integration_id, status, count::int AS n FROM isc_sync_counts WHERE count <> 0 ORDER BY 1, 2, 3`,
        );
        const groups = await opened.db.query(
          `SELECT portal_id, integration_id, category, code, count::int AS n FROM isc_failure_groups WHERE count <> 0 ORDER BY 1, 2, 3, 4`,
        );
        return { counts: counts.rows, groups: groups.rows };
      };

      it('the counters equal a count of the rows after batches that move syncs between statuses and failure groups, a stale event, an update and a delete by hand', async () => {
        const STATUSES = ['up_to_date', 'record_not_synced', 'partially_synced', 'in_progress', 'record_excluded'];
        const CODES = ['MISSING_REQUIRED_FIELD', 'DUPLICATE', undefined];
        const event = (round, n) => {
          const status = STATUSES[(n * 7 + round * 3) % STATUSES.length];
          const code = CODES[(n + round) % CODES.length];
          return outcome(`r${round}-${n}`, new Date(Date.UTC(2026, 11, 1, round, 0, n)).toISOString(), status, {
            record: { objectType: 'contact', objectId: String(n % 30), ...(n % 4 === 0 ? { portalId: '42' } : {}) },
            ...(status === 'record_not_synced' || status === 'partially_synced' ? { detail: { message: `Failure ${n}`, ...(code ? { code, category: code === 'DUPLICATE' ? 'duplicate' : 'missing_data' } : {}) } } : {}),
          });
        };
        for (let round = 0; round < 4; round++) {
          const events = Array.from({ length: 60 }, (_, n) => event(round, n));
          // In two batches, in an order of their own; round 3 comes with round 1's events again (duplicates).
          await ledger.ingest(events.filter((_, n) => n % 2 === 1));
          await ledger.ingest([...events.filter((_, n) => n % 2 === 0).reverse(), ...(round === 3 ? Array.from({ length: 10 }, (_, n) => event(1, n)) : [])]);
          assert.deepEqual(await kept(), await byHand(), `after round ${round}`);
        }
        // A stale event moves nothing.
        await ledger.ingest([outcome('old', '2020-01-01T00:00:00Z', 'record_not_synced', { record: { objectType: 'contact', objectId: '1' } })]);
        assert.deepEqual(await kept(), await byHand(), 'after a stale event');
        await opened.db.query(`UPDATE isc_syncs SET status = 'record_not_synced', code = 'BY_HAND' WHERE object_id IN ('2', '3')`);
        await opened.db.query(`DELETE FROM isc_syncs WHERE object_id IN ('5', '6')`);
        const got = await kept();
        assert.deepEqual(got, await byHand(), 'after an update and a delete by hand');
        assert.ok(got.counts.length >= 6 && got.groups.length >= 4, JSON.stringify(got));
      });
    });

    describe('live', () => {
      it('an applied event, a registration and a resync request reach the card’s /events stream', async () => {
        const stream = await client.stream();
        try {
          const changes = () => stream.text().split('event: change').length - 1;
          await until(() => stream.text().includes(': connected'), 'the stream to open');
          await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date')]);
          await until(() => changes() >= 1, 'a change after the event');
          const afterEvent = changes();
          await client.registerNetSuite();
          await until(() => changes() > afterEvent, 'a change after the registration');
          const afterRegistration = changes();
          await client.resync();
          await until(() => changes() > afterRegistration, 'a change after the resync request');
          const afterResync = changes();
          await client.send([outcome('e1', '2026-12-01T10:00:00Z', 'up_to_date')]);
          await client.send([outcome('other', '2026-12-01T10:00:00Z', 'up_to_date', { record: { objectType: 'contact', objectId: '902' } })]);
          await client.send([outcome('e2', '2026-12-02T10:00:00Z', 'up_to_date')]);
          await until(() => changes() > afterResync, 'a change after the second event');
          assert.equal(changes(), afterResync + 1, 'a duplicate and another record’s event sent nothing');
        } finally {
          await stream.close();
        }
      });
    });
  });
}
