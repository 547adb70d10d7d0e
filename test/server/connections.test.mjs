// What toNodeListener's per-connection bookkeeping must keep true: many requests on one
// keep-alive or pipelined connection are each answered, a client leaving mid-request aborts
// that request's source call only, and the source's options and batch waits behave as before.
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { countingSource, getJson, post, serve, until } from './helpers.mjs';

/** GET on `agent` (one keep-alive socket), resolving with status and body text. */
function get(url, agent, signal) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, signal }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text, socket: req.socket }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('connections', () => {
  test('a keep-alive connection answers request after request, and a client leaving mid-request aborts that one only', async () => {
    const signals = [];
    let hang = false;
    const source = {
      getSyncStatus(record, { signal }) {
        signals.push(signal);
        if (!hang) return Promise.resolve({ integrations: [], syncs: [{ id: `s${record.objectId}`, integrationId: 'x', status: 'up_to_date' }] });
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    };
    const api = await serve({ source });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const sockets = new Set();
      for (let n = 0; n < 20; n++) {
        const { status, text, socket } = await get(`${api.base}/?objectType=company&objectId=${n}`, agent);
        assert.equal(status, 200);
        assert.equal(JSON.parse(text).syncs[0].id, `s${n}`);
        sockets.add(socket);
      }
      assert.equal(sockets.size, 1, 'all on one connection');
      hang = true;
      const controller = new AbortController();
      const left = get(`${api.base}/?objectType=company&objectId=hangs`, agent, controller.signal).catch(() => 'left');
      await until(() => signals.length === 21, 'the hanging call');
      controller.abort();
      assert.equal(await left, 'left');
      await until(() => signals[20].aborted, 'the abort of the call whose client left');
      assert.ok(signals.slice(0, 20).every((signal) => !signal.aborted), 'answered calls are never aborted');
    } finally {
      agent.destroy();
      await api.close();
    }
  });

  test('pipelined requests on one socket are all answered, in order', async () => {
    const api = await serve({ source: countingSource(), basePath: '/api' });
    try {
      const { port } = new URL(api.origin);
      const ids = ['1', '2', '3', '4', '5'];
      const raw = ids.map((id) => `GET /api?objectType=company&objectId=${id} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`).join('');
      const received = await new Promise((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(raw));
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
          text += chunk;
          if ((text.match(/HTTP\/1\.1 200/g) ?? []).length === ids.length && text.endsWith('}]}')) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on('error', reject);
        setTimeout(() => reject(new Error(`incomplete: ${text.slice(0, 200)}`)), 10_000);
      });
      const names = [...received.matchAll(/"name":"Record company\/(\d+)"/g)].map((match) => match[1]);
      assert.deepEqual(names, ids);
    } finally {
      await api.close();
    }
  });

  test("Object's own keys under the base path are no routes", async () => {
    const api = await serve({ source: countingSource(), basePath: '/api' });
    try {
      for (const path of ['/apiconstructor', '/api__proto__', '/apitoString', '/api/constructor', '/apihasOwnProperty']) {
        const { status, body } = await getJson(`${api.origin}${path}?objectType=company&objectId=1`);
        assert.equal(status, 404, path);
        assert.deepEqual(body, { error: { message: 'Not found.' } });
      }
    } finally {
      await api.close();
    }
  });

  test("the source's options: `signal` read as a property and by destructuring is the same live signal", async () => {
    const seen = [];
    const api = await serve({
      source: {
        async getSyncStatus(record, options) {
          const { signal } = options;
          seen.push({ same: signal === options.signal, aborted: signal.aborted, isSignal: signal instanceof AbortSignal, has: 'signal' in options });
          return { integrations: [], syncs: [] };
        },
      },
    });
    try {
      assert.equal((await getJson(`${api.base}/?objectType=company&objectId=1`)).status, 200);
      assert.deepEqual(seen, [{ same: true, aborted: false, isSignal: true, has: true }]);
    } finally {
      await api.close();
    }
  });

  test('a batch waits once for all its records: a source throwing synchronously, a hanging one and good ones each get their own result', async () => {
    const api = await serve({
      sourceTimeoutMs: 300,
      source: {
        // Not async: a synchronous throw must stay this record's error.
        getSyncStatus(record) {
          if (record.objectId === 'sync-throw') throw new Error('secret sync');
          if (record.objectId === 'hangs') return new Promise(() => undefined);
          if (record.objectId === 'plain') return { integrations: [], syncs: [{ id: 'p', integrationId: 'x', status: 'in_progress' }] };
          return Promise.resolve({ integrations: [], syncs: [{ id: record.objectId, integrationId: 'x', status: 'up_to_date' }] });
        },
      },
    });
    try {
      const ids = ['a', 'sync-throw', 'hangs', 'plain', 'a', 'b'];
      const started = Date.now();
      const { status, text, body } = await post(`${api.base}/batch`, { records: ids.map((objectId) => ({ objectType: 'deal', objectId })) });
      assert.equal(status, 200);
      assert.ok(Date.now() - started < 3000);
      assert.ok(!text.includes('secret'));
      assert.deepEqual(
        body.results.map((result) => [result.record.objectId, result.response ? result.response.syncs[0].status : result.error.message]),
        [
          ['a', 'up_to_date'],
          ['sync-throw', 'The sync status of this record could not be read.'],
          ['hangs', 'The sync status of this record could not be read.'],
          ['plain', 'in_progress'],
          ['a', 'up_to_date'],
          ['b', 'up_to_date'],
        ],
      );
    } finally {
      await api.close();
    }
  });
});
