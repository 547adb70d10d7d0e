// Every route of the sync-status API and its status codes, on a real node:http server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countingSource, createMemoryProvider, delay, getJson, post, responseFor, serve, until } from './helpers.mjs';

const company42 = { objectType: 'company', objectId: '42' };

describe('routes', () => {
  let api;
  let source;
  const resyncs = [];
  before(async () => {
    source = countingSource({
      async resync(record, syncId) {
        resyncs.push({ record, syncId });
      },
      async getSyncHistory() {
        return [
          { at: '2026-11-28T09:24:22Z', status: 'record_not_synced', message: 'Missing subsidiary', direction: 'outbound' },
          { at: 'yesterday', status: 'up_to_date' },
          { at: '2026-11-27T09:24:22Z', status: 'green', direction: 'sideways' },
        ];
      },
      subscribe: () => () => undefined,
    });
    api = await serve({ source, basePath: '/api/sync-status' });
  });
  after(() => api.close());

  test('GET status answers the source response, with the headers every answer carries', async () => {
    const { status, headers, body } = await getJson(`${api.base}?objectType=company&objectId=42&portalId=7`);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(body.syncs[0].syncedWith.name, 'Record company/42');
    assert.deepEqual(source.calls.at(-1).record, { ...company42, portalId: '7' });
    // A trailing slash is the same route.
    assert.equal((await getJson(`${api.base}/?objectType=company&objectId=42`)).status, 200);
  });

  test('GET status without objectType or objectId is a 400 with the error body', async () => {
    for (const query of ['', '?objectType=company', '?objectId=42', '?objectType=&objectId=42', `?objectType=company&objectId=${'x'.repeat(257)}`]) {
      const { status, body, headers } = await getJson(`${api.base}${query}`);
      assert.equal(status, 400, query);
      assert.equal(typeof body.error.message, 'string');
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(headers.get('cache-control'), 'no-store');
      assert.equal(headers.get('x-content-type-options'), 'nosniff');
    }
  });

  test('POST batch answers one result per record, matched by record, duplicates loaded once', async () => {
    const before = source.calls.length;
    const records = [company42, { objectType: 'contact', objectId: '7', portalId: '1' }, company42];
    const { status, body } = await post(`${api.base}/batch`, { records });
    assert.equal(status, 200);
    assert.equal(body.results.length, 3);
    assert.deepEqual(body.results.map((result) => result.record), records);
    assert.equal(body.results[1].response.syncs[0].syncedWith.name, 'Record contact/7');
    assert.equal(source.calls.length - before, 2, 'one source call per distinct record');
    assert.deepEqual((await post(`${api.base}/batch`, { records: [] })).body, { results: [] });
  });

  test('POST resync is a 202 and reaches the source; a bad body is a 400', async () => {
    const { status } = await post(`${api.base}/resync`, { record: company42, syncId: 'netsuite:customer' });
    assert.equal(status, 202);
    assert.deepEqual(resyncs.at(-1), { record: company42, syncId: 'netsuite:customer' });
    for (const body of [{}, { record: company42 }, { record: company42, syncId: 7 }, { record: { objectType: 'company' }, syncId: 'a' }, [], 'null']) {
      assert.equal((await post(`${api.base}/resync`, body)).status, 400, JSON.stringify(body));
    }
  });

  test('GET history answers the source history, validated (bad entries left out)', async () => {
    const { status, body } = await getJson(`${api.base}/history?objectType=company&objectId=42&syncId=netsuite%3Acustomer`);
    assert.equal(status, 200);
    assert.deepEqual(body, [
      // trigger and actor (wire format 1.1) are null when the source does not say.
      { at: '2026-11-28T09:24:22Z', status: 'record_not_synced', message: 'Missing subsidiary', direction: 'outbound', trigger: null, actor: null },
      { at: '2026-11-27T09:24:22Z', status: 'sync_unknown', message: null, direction: null, trigger: null, actor: null },
    ]);
    assert.equal((await getJson(`${api.base}/history?objectType=company&objectId=42`)).status, 400, 'syncId is required');
  });

  test('another method on a known route is a 405 with Allow; an unknown route is a 404', async () => {
    const cases = [
      ['POST', '', 'GET, OPTIONS'],
      ['DELETE', '', 'GET, OPTIONS'],
      ['GET', '/batch', 'POST, OPTIONS'],
      ['PUT', '/resync', 'POST, OPTIONS'],
      ['POST', '/history', 'GET, OPTIONS'],
      ['POST', '/events', 'GET, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const { status, headers, body } = await getJson(`${api.base}${path}?objectType=company&objectId=42`, { method });
      assert.equal(status, 405, `${method} ${path}`);
      assert.equal(headers.get('allow'), allow);
      assert.equal(typeof body.error.message, 'string');
    }
    for (const path of ['/nope', '/batch/x', '/../etc/passwd', 'x', '/BATCH']) {
      const { status, body } = await getJson(`${api.base}${path}`);
      assert.equal(status, 404, path);
      assert.equal(body.error.message, 'Not found.');
    }
    assert.equal((await getJson(`${api.origin}/elsewhere`)).status, 404);
  });

  test('OPTIONS without an allowed origin is a plain 204 with no CORS grant', async () => {
    const response = await fetch(`${api.base}/batch`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('responses are normalised: the server never sends what the card would repair', () => {
  test('unknown statuses, bad URLs and dates, entries without ids, duplicates', async () => {
    const source = createMemoryProvider({
      'company:1': {
        integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'weird', settingsUrl: 'javascript:alert(1)' }, { name: 'no id' }],
        syncs: [
          { id: 'a', integrationId: 'netsuite', status: 'green', syncedWith: { name: 'A', url: 'javascript:alert(1)' }, lastSyncedAt: 'yesterday', detail: { url: '/relative' } },
          { id: 'a', integrationId: 'netsuite', status: 'up_to_date' },
          { integrationId: 'netsuite', status: 'up_to_date' },
          { id: 'b', integrationId: 'netsuite', status: 'up_to_date', label: 'x'.repeat(5000) },
        ],
      },
    });
    const api = await serve({ source });
    try {
      const { status, body } = await getJson(`${api.base}/?objectType=company&objectId=1`);
      assert.equal(status, 200);
      assert.deepEqual(body.integrations, [{ id: 'netsuite', name: 'NetSuite', state: 'active', settingsUrl: null }]);
      assert.deepEqual(body.syncs.map((sync) => sync.id), ['a', 'b']);
      assert.equal(body.syncs[0].status, 'sync_unknown');
      assert.equal(body.syncs[0].syncedWith.url, null);
      assert.equal(body.syncs[0].lastSyncedAt, null);
      assert.equal(body.syncs[0].detail.url, null);
      assert.ok(body.syncs[1].label.length <= 2001);
      // A record the source does not know is the empty response.
      assert.deepEqual((await getJson(`${api.base}/?objectType=company&objectId=2`)).body, { integrations: [], syncs: [] });
    } finally {
      await api.close();
    }
  });
});

describe('source failures', () => {
  const secretText = 'ECONNREFUSED 10.0.0.7:5432 password=hunter2';
  let api;
  before(async () => {
    const source = {
      async getSyncStatus(record) {
        if (record.objectId === 'throws') throw new Error(secretText);
        if (record.objectId === 'throws-sync') throw new TypeError(secretText);
        if (record.objectId === 'busy') throw Object.assign(new Error(secretText), { status: 503, retryAfterMs: 12_500 });
        if (record.objectId === 'teapot') throw Object.assign(new Error(secretText), { status: 418 });
        if (record.objectId === 'array') return [];
        if (record.objectId === 'string') return secretText;
        if (record.objectId === 'hangs') return new Promise(() => undefined);
        return responseFor(record);
      },
      async resync() {
        throw new Error(secretText);
      },
      async getSyncHistory() {
        return { not: 'an array', secretText };
      },
    };
    api = await serve({ source, sourceTimeoutMs: 300 });
  });
  after(() => api.close());

  test('an exception is a 500 with a generic message, never the source text or a stack', async () => {
    for (const id of ['throws', 'throws-sync', 'teapot', 'array', 'string']) {
      const { status, text, body } = await getJson(`${api.base}/?objectType=company&objectId=${id}`);
      assert.equal(status, 500, id);
      assert.deepEqual(body, { error: { message: 'The sync status could not be read.' } });
      assert.ok(!text.includes('hunter2') && !text.includes('at '), text);
    }
    const resync = await post(`${api.base}/resync`, { record: company42, syncId: 'a' });
    assert.equal(resync.status, 500);
    assert.ok(!resync.text.includes('hunter2'));
    const history = await getJson(`${api.base}/history?objectType=company&objectId=1&syncId=a`);
    assert.equal(history.status, 500);
    assert.ok(!history.text.includes('hunter2'));
  });

  test('a source error with an HTTP status the card can act on keeps it, and its Retry-After', async () => {
    const { status, headers, body } = await getJson(`${api.base}/?objectType=company&objectId=busy`);
    assert.equal(status, 503);
    assert.equal(headers.get('retry-after'), '13');
    assert.ok(!JSON.stringify(body).includes('hunter2'));
  });

  test('a hanging source ends in a 504 after sourceTimeoutMs', async () => {
    const started = Date.now();
    const { status } = await getJson(`${api.base}/?objectType=company&objectId=hangs`);
    assert.equal(status, 504);
    assert.ok(Date.now() - started < 3000);
  });

  test('a batch keeps the good records and gives the failing ones a generic error', async () => {
    const ids = ['1', 'throws', 'array', 'hangs', 'busy', '2'];
    const { status, text, body } = await post(`${api.base}/batch`, { records: ids.map((objectId) => ({ objectType: 'company', objectId })) });
    assert.equal(status, 200);
    assert.ok(!text.includes('hunter2'));
    assert.deepEqual(
      body.results.map((result) => (result.response ? result.response.syncs[0].syncedWith.name : result.error.message)),
      ['Record company/1', ...Array(4).fill('The sync status of this record could not be read.'), 'Record company/2'],
    );
  });
});

describe('optional routes', () => {
  test('resync, history and events are 501 when the source lacks them', async () => {
    const api = await serve({ source: countingSource() });
    try {
      assert.equal((await post(`${api.base}/resync`, { record: company42, syncId: 'a' })).status, 501);
      assert.equal((await getJson(`${api.base}/history?objectType=company&objectId=42&syncId=a`)).status, 501);
      const events = await getJson(`${api.base}/events?objectType=company&objectId=42`);
      assert.equal(events.status, 501);
      assert.equal(typeof events.body.error.message, 'string');
    } finally {
      await api.close();
    }
  });
});

describe('the client going away', () => {
  test("aborts the source's signal mid-request", async () => {
    let signal;
    const source = {
      getSyncStatus: (record, options) => {
        signal = options.signal;
        return new Promise((resolve, reject) => options.signal.addEventListener('abort', () => reject(options.signal.reason)));
      },
    };
    const api = await serve({ source });
    try {
      const controller = new AbortController();
      const request = fetch(`${api.base}/?objectType=company&objectId=42`, { signal: controller.signal }).catch(() => 'aborted');
      await until(() => signal !== undefined, 'the source call');
      assert.equal(signal.aborted, false);
      controller.abort();
      assert.equal(await request, 'aborted');
      await until(() => signal.aborted, 'the abort');
    } finally {
      await api.close();
    }
  });

  test('a finished answer does not abort anything', async () => {
    const source = countingSource();
    const api = await serve({ source });
    try {
      await getJson(`${api.base}/?objectType=company&objectId=42`);
      await delay(20);
      assert.equal(source.calls[0].signal.aborted, false);
    } finally {
      await api.close();
    }
  });
});

describe('the Fetch-API handler (Deno, Bun, workers)', () => {
  test('answers a Request with a Response, no node:http involved', async () => {
    const { createSyncStatusHandler } = await import('./helpers.mjs');
    const handler = createSyncStatusHandler({ source: countingSource(), basePath: '/api' });
    const response = await handler(new Request('https://sync.example.com/api/batch', { method: 'POST', body: JSON.stringify({ records: [company42] }) }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal((await response.json()).results[0].response.syncs[0].syncedWith.name, 'Record company/42');
    const tooBig = await handler(new Request('https://sync.example.com/api/batch', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }));
    assert.equal(tooBig.status, 413);
  });

  test('refuses a source without getSyncStatus, a bad basePath and a short token secret at creation', async () => {
    const { createSyncStatusHandler } = await import('./helpers.mjs');
    assert.throws(() => createSyncStatusHandler({ source: {} }), TypeError);
    assert.throws(() => createSyncStatusHandler({ source: countingSource(), basePath: 'api' }), TypeError);
    assert.throws(() => createSyncStatusHandler({ source: countingSource(), auth: { tokenSecret: 'short' } }), TypeError);
  });
});
