// examples/server: the script serves a real port as the README shows, and the change feed
// carries a change from one server process's handler to the clients of another.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { createChangeFeed, withChangeFeed } from '../../examples/server/change-feed.mjs';
import { countingSource, getJson, openStream, serve, until } from './helpers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('examples/server', () => {
  test('server.mjs listens and answers the wire format', async () => {
    const child = spawn(process.execPath, ['examples/server/server.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => { throw new Error('the example exited'); })]);
      const base = /(http:\/\/\S+)/.exec(String(line))[1];
      const { status, body } = await getJson(`${base}?objectType=company&objectId=43`);
      assert.equal(status, 200);
      assert.equal(body.syncs[0].detail.message, "Required field 'Subsidiary' is missing.");
      assert.equal((await getJson(`${base}/batch`)).status, 405);
    } finally {
      child.kill();
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
