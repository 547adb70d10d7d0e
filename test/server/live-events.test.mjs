// `/events`: one source subscription per record however many clients watch it, heartbeats, the
// subscription ended with the last client, and bounds on open streams.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countingSource, delay, getJson, openStream, serve, until } from './helpers.mjs';

/** A source whose subscriptions are counted and whose changes a test fires by hand. */
function liveSource() {
  const subscriptions = new Map();
  let subscribes = 0;
  let unsubscribes = 0;
  return {
    ...countingSource(),
    subscribe(record, onChange) {
      subscribes++;
      const key = `${record.objectType}:${record.objectId}`;
      subscriptions.set(key, onChange);
      return () => {
        unsubscribes++;
        subscriptions.delete(key);
      };
    },
    fire: (key) => subscriptions.get(key)?.(),
    active: () => subscriptions.size,
    counts: () => ({ subscribes, unsubscribes }),
  };
}

const countChanges = (text) => (text.match(/^event: change\ndata: \{\}\n\n/gm) ?? []).length;

describe('live events', () => {
  let api;
  let source;
  before(async () => {
    source = liveSource();
    api = await serve({ source, basePath: '/api', heartbeatMs: 50, maxStreams: 60, maxStreamsPerRecord: 40 });
  });
  after(() => api.close());
  const url = (objectId) => `${api.base}/events?objectType=company&objectId=${objectId}`;

  test('is a text/event-stream with the usual headers, open at once', async () => {
    const stream = await openStream(url('1'));
    assert.equal(stream.response.status, 200);
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.response.headers.get('cache-control'), 'no-store');
    assert.equal(stream.response.headers.get('x-content-type-options'), 'nosniff');
    await until(() => stream.text().includes(': connected'), 'the opening comment');
    await stream.close();
    await until(() => source.active() === 0, 'the unsubscribe');
  });

  test('fans one subscription out to many clients, and unsubscribes when the last one leaves', async () => {
    const before = source.counts();
    const clients = await Promise.all(Array.from({ length: 30 }, () => openStream(url('42'))));
    await until(() => clients.every((client) => client.text().includes(': connected')), 'all streams open');
    assert.equal(source.counts().subscribes - before.subscribes, 1, 'one source.subscribe for 30 clients');
    source.fire('company:42');
    source.fire('company:42');
    await until(() => clients.every((client) => countChanges(client.text()) === 2), 'two changes everywhere');
    // Another record's change reaches none of them.
    const other = await openStream(url('43'));
    await until(() => other.text().includes(': connected'));
    source.fire('company:43');
    await until(() => countChanges(other.text()) === 1);
    await delay(30);
    assert.ok(clients.every((client) => countChanges(client.text()) === 2));
    await other.close();
    // Waited for, not slept on: a busy machine's server may see the close after any fixed delay.
    await until(() => source.counts().unsubscribes - before.unsubscribes === 1, 'company:43 unsubscribed once its client left');

    // Half leave: still subscribed; the rest still hear changes.
    await Promise.all(clients.slice(0, 15).map((client) => client.close()));
    await delay(50);
    assert.equal(source.counts().unsubscribes - before.unsubscribes, 1, 'company:42 still subscribed');
    source.fire('company:42');
    await until(() => clients.slice(15).every((client) => countChanges(client.text()) === 3), 'a third change');
    await Promise.all(clients.slice(15).map((client) => client.close()));
    await until(() => source.counts().unsubscribes - before.unsubscribes === 2, 'the last client leaving unsubscribes');
    assert.equal(source.active(), 0);
  });

  test('sends a heartbeat comment every heartbeatMs', async () => {
    const stream = await openStream(url('7'));
    await until(() => (stream.text().match(/^: ping$/gm) ?? []).length >= 3, 'three pings');
    await stream.close();
  });

  test('bounds open streams per record and in all with a clear 503', async () => {
    const perRecord = await Promise.all(Array.from({ length: 40 }, () => openStream(url('9'))));
    const refused = await getJson(url('9'));
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '30');
    assert.match(refused.body.error.message, /this record/);
    const others = await Promise.all(Array.from({ length: 20 }, (_, index) => openStream(url(`x${index}`))));
    assert.ok(others.every((stream) => stream.response.status === 200));
    const full = await getJson(url('y'));
    assert.equal(full.status, 503);
    assert.match(full.body.error.message, /Too many live connections/);
    await Promise.all([...perRecord, ...others].map((stream) => stream.close()));
    // Room again once they left.
    await until(() => source.active() === 0, 'every subscription ended');
    const again = await openStream(url('9'));
    assert.equal(again.response.status, 200);
    await again.close();
  });

  test('a client dropping its connection mid-stream is cleaned up like one that closed', async () => {
    const { request } = await import('node:http');
    const before = source.counts();
    await new Promise((resolve, reject) => {
      const req = request(url('drop'), (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.on('close', resolve);
      req.end();
      setTimeout(() => reject(new Error('no data')), 3000);
    });
    await until(() => source.counts().unsubscribes > before.unsubscribes, 'the unsubscribe after a dropped socket');
  });

  test('a source whose subscribe throws still gets a stream (heartbeats only) and no crash', async () => {
    const broken = await serve({
      source: { ...countingSource(), subscribe() { throw new Error('broker down'); } },
      heartbeatMs: 30,
    });
    try {
      const stream = await openStream(`${broken.base}/events?objectType=company&objectId=1`);
      assert.equal(stream.response.status, 200);
      await until(() => stream.text().includes(': ping'));
      await stream.close();
      assert.equal((await getJson(`${broken.base}/?objectType=company&objectId=1`)).status, 200);
    } finally {
      await broken.close();
    }
  });
});
