// Shared by the server tests (node:test): the built server entry (dist/lib/server, what the
// package ships) on a real node:http server on 127.0.0.1, and small readers for its answers.
import { createServer } from 'node:http';
import { once } from 'node:events';

export * from '../../dist/lib/server/index.js';
import { createSyncStatusHandler, toNodeListener } from '../../dist/lib/server/index.js';

export const SECRET = 'test-secret-that-is-at-least-32-bytes-long';

/** One NetSuite sync for the record, its name naming the record (what a user would read back). */
export function responseFor(record) {
  return {
    integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
    syncs: [{ id: 'netsuite:customer', integrationId: 'netsuite', label: 'NetSuite customer', status: 'up_to_date', syncedWith: { name: `Record ${record.objectType}/${record.objectId}` } }],
  };
}

/** A source that answers `responseFor` and counts its calls. */
export function countingSource(extra = {}) {
  const calls = [];
  return {
    calls,
    async getSyncStatus(record, { signal }) {
      calls.push({ record, signal });
      return responseFor(record);
    },
    ...extra,
  };
}

/** Starts `createSyncStatusHandler(options)` on a free port; `close()` stops it. */
export async function serve(options, listenerOptions) {
  const handler = createSyncStatusHandler(options);
  const server = createServer(toNodeListener(handler, listenerOptions));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    handler,
    server,
    origin,
    base: `${origin}${options.basePath ?? ''}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function getJson(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const post = (url, body, headers = {}) =>
  getJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `predicate()` is true (polling), or fails after `ms` (generous: a busy CI machine is slow, not wrong). */
export async function until(predicate, what = 'condition', ms = 10_000) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(5);
  }
}

/** Opens an event stream with fetch; `text()` is what arrived so far, `close()` leaves. */
export async function openStream(url, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  let received = '';
  const done = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) received += decoder.decode(chunk, { stream: true });
    } catch {
      // aborted by close()
    }
  })();
  return {
    response,
    text: () => received,
    close: async () => {
      controller.abort();
      await done;
    },
    ended: done,
  };
}
