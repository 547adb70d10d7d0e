// examples/server: the script serves a real port over the sync ledger (PGlite in a folder; with
// DATABASE_URL, PostgreSQL), a connector reports into it with curl's requests (docs/ledger.md) and
// the card's route answers what it reported; and the change feed (change-feed.mjs, for a source
// of your own) carries a change from one server process's handler to the clients of another.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createChangeFeed, withChangeFeed } from '../../examples/server/change-feed.mjs';
import { startPostgres } from '../support/postgres.mjs';
import { connectorCall, reportExampleOutcomes, startExampleServer } from './example-server.mjs';
import { countingSource, getJson, openStream, serve, until } from './helpers.mjs';

describe('examples/server', () => {
  test('server.mjs listens on a PGlite ledger, takes a connector\'s outcomes and answers them in the wire format', async () => {
    const example = await startExampleServer();
    try {
      assert.match(example.line, /ledger: PGlite in /);
      const results = await reportExampleOutcomes(example.base);
      assert.deepEqual(results.map((result) => result.result), ['applied', 'applied', 'applied']);
      const { status, body } = await getJson(`${example.base}?objectType=company&objectId=43`);
      assert.equal(status, 200);
      assert.equal(body.syncs[0].status, 'record_not_synced');
      assert.equal(body.syncs[0].detail.message, "Required field 'Subsidiary' is missing.");
      assert.equal(body.syncs[0].syncedWith.name, 'Globex Corporation (CUS-2001)', 'kept from the earlier success');
      assert.equal((await getJson(`${example.base}/batch`)).status, 405);

      // The docs' curl, as fetch: a newer success clears the failure; the same eventId again is a duplicate.
      const fixed = { eventId: 'run-3/company/43', integrationId: 'netsuite', syncId: 'netsuite:customer', record: { objectType: 'company', objectId: '43' }, occurredAt: new Date().toISOString(), status: 'up_to_date' };
      for (const expected of ['applied', 'duplicate']) {
        const response = await connectorCall(`${example.base}/ledger/events`, 'POST', { events: [fixed] });
        assert.equal(response.status, 200);
        assert.deepEqual((await response.json()).results, [{ eventId: 'run-3/company/43', result: expected }]);
      }
      const after = (await getJson(`${example.base}?objectType=company&objectId=43`)).body.syncs[0];
      assert.equal(after.status, 'up_to_date');
      assert.equal(after.detail.message, null, 'a success clears the failure');
      // A wrong key writes nothing.
      assert.equal((await connectorCall(`${example.base}/ledger/events`, 'POST', { events: [{ ...fixed, eventId: 'forged' }] }, 'not-the-key')).status, 401);
    } finally {
      await example.stop();
    }
  });

  test('two server.mjs processes on one PostgreSQL (DATABASE_URL): an outcome posted to one reaches the card\'s live stream on the other', async () => {
    const postgres = await startPostgres();
    // Started at once: both run the ledger's migrations on the same empty database.
    const [first, second] = await Promise.all([startExampleServer({ DATABASE_URL: postgres.connectionString }), startExampleServer({ DATABASE_URL: postgres.connectionString })]);
    try {
      assert.match(first.line, /ledger: PostgreSQL/);
      const stream = await openStream(`${second.base}/events?objectType=company&objectId=43`);
      await until(() => stream.text().includes(': connected'));
      await reportExampleOutcomes(first.base);
      await until(() => stream.text().includes('event: change'), 'the change in the other process');
      await stream.close();
      const { body } = await getJson(`${second.base}?objectType=company&objectId=43`);
      assert.equal(body.syncs[0].status, 'record_not_synced');
      assert.equal(body.syncs[0].detail.message, "Required field 'Subsidiary' is missing.");
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await postgres.stop();
    }
  });

  test('a change published once reaches the clients of every process sharing the feed', async () => {
    const feed = createChangeFeed();
    // Two handlers stand for two server processes behind a load balancer.
    const first = await serve({ source: withChangeFeed(countingSource(), feed), heartbeatMs: 0 });
    const second = await serve({ source: withChangeFeed(countingSource(), feed), heartbeatMs: 0 });
    try {
      const url = (api) => `${api.base}/events?objectType=company&objectId=42`;
      const clients = await Promise.all([openStream(url(first)), openStream(url(first)), openStream(url(second))]);
      await until(() => clients.every((client) => client.text().includes(': connected')));
      assert.equal(feed.size(), 1, 'one record watched through the feed');
      feed.publish({ objectType: 'COMPANY', objectId: '42' });
      await until(() => clients.every((client) => client.text().includes('event: change')), 'the change everywhere');
      await Promise.all(clients.map((client) => client.close()));
      await until(() => feed.size() === 0, 'both processes unsubscribed');
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
