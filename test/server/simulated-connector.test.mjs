// The demo's simulated connector (demo/simulated-connector.js), the way `npm start` runs it, over
// real HTTP against a ledger on PGlite: every status of the demo's record picker shows, outcomes
// keep arriving live, a resync is answered (in progress, then a result), and stop() ends it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { demoPortalOf, demoRecordList } from '../../demo/demo-data.js';
import { startSimulatedConnector } from '../../demo/simulated-connector.js';
import { createSyncLedger, delay, getJson, openStream, post, serve, until } from './helpers.mjs';

const KEYS = { netsuite: 'netsuite-demo-key-for-the-connector-test', dynamics365: 'dynamics-demo-key-for-the-connector-test' };

/** Polls `read` until `check(value)` holds (10 s). */
async function eventually(read, check, what) {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await delay(50);
  }
}

describe('the demo\'s simulated connector on a PGlite ledger', () => {
  let db;
  let ledger;
  let api;
  let connector;
  const statusUrl = ({ objectType, objectId }) => {
    const portalId = demoPortalOf({ objectType, objectId });
    return `${api.base}?objectType=${objectType}&objectId=${objectId}${portalId ? `&portalId=${portalId}` : ''}`;
  };

  before(async () => {
    db = new PGlite();
    ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
    api = await serve({ ledger, ingestKeys: KEYS, basePath: '/api/sync-status', heartbeatMs: 0 });
    connector = startSimulatedConnector({ endpoint: api.base, ingestKeys: KEYS, intervalMs: 100, claimIntervalMs: 50, resyncDelayMs: 300 });
    await connector.ready;
  });

  after(async () => {
    await connector?.stop();
    await api?.close();
    await ledger?.close();
    await db?.close();
  });

  test('every status of the demo\'s record picker shows, through the card\'s route', async () => {
    const statuses = new Set();
    let setupCallouts = 0;
    for (const record of demoRecordList) {
      const { status, body } = await getJson(statusUrl(record));
      assert.equal(status, 200, `${record.objectType}:${record.objectId}`);
      for (const sync of body.syncs) statuses.add(sync.status);
      setupCallouts += body.integrations.filter((integration) => integration.state === 'extra_features_required').length;
    }
    for (const expected of ['up_to_date', 'record_not_synced', 'partially_synced', 'in_progress', 'record_excluded', 'sync_disabled', 'sync_not_found', 'sync_unknown']) {
      assert.ok(statuses.has(expected), `${expected} shows on some demo record (seen: ${[...statuses].join(', ')})`);
    }
    assert.ok(setupCallouts > 0, 'the deals show the setup callout');
    const { body } = await getJson(statusUrl({ objectType: 'company', objectId: '46' }));
    const customer = body.syncs.find((sync) => sync.id === 'netsuite:customer');
    assert.equal(customer.detail.fix.text, "Set the company's Subsidiary (NetSuite needs one for every customer), then resync.", 'wire-1.1 details arrive whole');
    assert.equal(customer.detail.fields.length, 7);
  });

  test('outcomes keep arriving: the card\'s live stream hears them', async () => {
    const stream = await openStream(`${api.base}/events?objectType=company&objectId=42`);
    try {
      await until(() => stream.text().includes('event: change'), 'a live outcome for company 42');
    } finally {
      await stream.close();
    }
  });

  test('a resync is claimed and answered: in progress, then up to date', async () => {
    const record = { objectType: 'company', objectId: '43' };
    const before = (await getJson(statusUrl(record))).body.syncs.find((sync) => sync.id === 'netsuite:customer');
    assert.equal(before.status, 'record_not_synced');
    assert.equal((await post(`${api.base}/resync`, { record, syncId: 'netsuite:customer' })).status, 202);
    const history = await eventually(
      async () => (await getJson(`${api.base}/history?objectType=company&objectId=43&syncId=netsuite:customer`)).body,
      (events) => events[0]?.status === 'up_to_date' && events[0]?.trigger === 'manual',
      'the resync\'s result in the history',
    );
    assert.deepEqual(history.slice(0, 3).map((event) => event.status), ['up_to_date', 'in_progress', 'in_progress'], 'the result, the connector\'s in_progress, the request');
    const after = (await getJson(statusUrl(record))).body.syncs.find((sync) => sync.id === 'netsuite:customer');
    assert.equal(after.status, 'up_to_date');
    assert.equal(after.detail.message, null);
  });

  test('stop() ends it: nothing more is written', async () => {
    await connector.stop();
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM isc_sync_events')).rows[0].n);
    const stopped = await count();
    await delay(500); // five of its ticks
    assert.equal(await count(), stopped);
  });
});
