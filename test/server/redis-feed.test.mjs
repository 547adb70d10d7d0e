// examples/server/redis-change-feed.mjs over a real Redis (redis-server from Debian, started on
// a free loopback port for this file): a change published in one process's feed reaches the
// event-stream clients of another process's handler, only for its record, and the last client
// leaving unsubscribes the channel on the broker.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient } from '@redis/client';
import { withChangeFeed } from '../../examples/server/change-feed.mjs';
import { createRedisChangeFeed } from '../../examples/server/redis-change-feed.mjs';
import { countingSource, delay, openStream, serve, until } from './helpers.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

describe('a Redis-backed change feed (examples/server/redis-change-feed.mjs)', () => {
  let redis;
  let url;
  let admin;

  before(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    admin = createClient({ url, socket: { reconnectStrategy: 50 } });
    admin.on('error', () => {}); // refused until redis-server listens
    await admin.connect();
  });

  after(async () => {
    await admin?.close().catch(() => {});
    redis?.kill();
  });

  /** Waits until the broker says `count` connections are subscribed to `channel`. */
  async function subscribedOnBroker(channel, count, what) {
    const end = Date.now() + 10_000;
    while (Number((await admin.sendCommand(['PUBSUB', 'NUMSUB', channel]))[1]) !== count) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await delay(10);
    }
  }

  test('a change published by one process reaches the clients of another, for that record only', async () => {
    // Two feeds and two handlers stand for two server processes behind a load balancer.
    const writer = await createRedisChangeFeed({ url });
    const reader = await createRedisChangeFeed({ url });
    const first = await serve({ source: withChangeFeed(countingSource(), writer), heartbeatMs: 0 });
    const second = await serve({ source: withChangeFeed(countingSource(), reader), heartbeatMs: 0 });
    try {
      const record = { objectType: 'company', objectId: '42' };
      const channel = reader.channelOf(record);
      const clients = await Promise.all([openStream(`${second.base}/events?objectType=company&objectId=42`), openStream(`${second.base}/events?objectType=COMPANY&objectId=42`)]);
      await until(() => clients.every((client) => client.text().includes(': connected')));
      assert.equal(reader.size(), 1, 'one channel for the record, however many clients');
      await subscribedOnBroker(channel, 1, 'the SUBSCRIBE on the broker');

      // Another record's change first: Redis delivers in order, so had it reached these
      // clients, it would have before the one that follows.
      await writer.publish({ objectType: 'company', objectId: '43' });
      await writer.publish({ objectType: 'COMPANY', objectId: '42' });
      await until(() => clients.every((client) => client.text().includes('event: change')), 'the change in the other process');
      for (const client of clients) assert.equal(client.text().split('event: change').length - 1, 1, 'one change event, the record\'s own');

      await Promise.all(clients.map((client) => client.close()));
      await until(() => reader.size() === 0, 'the last client leaving unsubscribes');
      await subscribedOnBroker(channel, 0, 'the UNSUBSCRIBE on the broker');
    } finally {
      await Promise.all([first.close(), second.close()]);
      await Promise.all([writer.close(), reader.close()]);
    }
  });
});
