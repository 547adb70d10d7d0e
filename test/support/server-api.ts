// The package's server half (src/server) mounted in the test runner, for browser tests where the
// card talks to it end to end. Loaded by web-test-runner.config.mjs through Vite's module runner.
// - /server-api/open/…    createSyncStatusHandler over a counting source (batch, history, live)
// - /server-api/secure/…  the same with auth: { tokenSecret } (embed tokens)
// - GET /server-api/mint?objectType&objectId[&ttlSeconds]  → { token } (a test backend minting)
// - GET /server-api/stats → { calls: [{ objectType, objectId, route }] since the last reset, listening: { key: n } }
// - POST /server-api/change?objectType&objectId → fires the source's change for that record
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordRef, SyncDataProvider, SyncStatusResponse } from '../../src/data/types.ts';
import { createEmbedToken, createSyncStatusHandler, toNodeListener } from '../../src/server/index.ts';

export const TEST_TOKEN_SECRET = 'browser-tests-embed-token-secret-0123456789';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function serverApi(): Middleware {
  const calls: { objectType: string; objectId: string; route: string }[] = [];
  const versions = new Map<string, number>();
  const listeners = new Map<string, Set<() => void>>();
  const keyOf = (record: RecordRef) => `${record.objectType.toLowerCase()}:${record.objectId}`;
  const responseFor = (record: RecordRef): SyncStatusResponse => ({
    integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
    syncs: [
      {
        id: 'netsuite:customer',
        integrationId: 'netsuite',
        label: 'NetSuite customer',
        // Not a status the card knows: the handler repairs it before the card sees it.
        status: record.objectId.startsWith('odd-') ? 'green' : 'up_to_date',
        syncedWith: { name: `Record ${record.objectId} v${versions.get(keyOf(record)) ?? 1}`, url: `https://erp.example.com/records/${encodeURIComponent(record.objectId)}` },
        lastSyncedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
      },
    ],
  });
  const source: SyncDataProvider = {
    async getSyncStatus(record) {
      calls.push({ objectType: record.objectType, objectId: record.objectId, route: 'status' });
      if (record.objectId.startsWith('fail-')) throw new Error('ERP connection string: postgres://admin:hunter2@10.0.0.7');
      return responseFor(record);
    },
    async getSyncHistory(record) {
      calls.push({ objectType: record.objectType, objectId: record.objectId, route: 'history' });
      return [{ at: new Date(Date.now() - 3 * 60_000).toISOString(), status: 'up_to_date', message: 'Synced', direction: 'outbound' }];
    },
    async resync(record) {
      calls.push({ objectType: record.objectType, objectId: record.objectId, route: 'resync' });
    },
    subscribe(record, onChange) {
      const key = keyOf(record);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key)!.add(onChange);
      return () => listeners.get(key)?.delete(onChange);
    },
  };
  const open = toNodeListener(createSyncStatusHandler({ source, basePath: '/server-api/open', heartbeatMs: 1000 }));
  const secure = toNodeListener(createSyncStatusHandler({ source, basePath: '/server-api/secure', heartbeatMs: 1000, auth: { tokenSecret: TEST_TOKEN_SECRET } }));

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (!path.startsWith('/server-api/')) return next();
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/server-api/open')) return open(req, res);
    if (path.startsWith('/server-api/secure')) return secure(req, res);
    const record = { objectType: url.searchParams.get('objectType') ?? '', objectId: url.searchParams.get('objectId') ?? '' };
    if (path === '/server-api/mint') {
      const ttlSeconds = Number(url.searchParams.get('ttlSeconds') ?? 900);
      // A negative lifetime mints a token that expired that long ago (for the expired state).
      const now = ttlSeconds > 0 ? Date.now() : Date.now() + (ttlSeconds - 120) * 1000;
      createEmbedToken({ record, secret: TEST_TOKEN_SECRET, ttlSeconds: ttlSeconds > 0 ? ttlSeconds : 60, now }).then(
        (token) => send(200, { token }),
        () => send(400, { error: { message: 'bad record' } }),
      );
      return;
    }
    if (path === '/server-api/stats') {
      const listening = Object.fromEntries([...listeners].map(([key, set]) => [key, set.size]));
      return send(200, { calls, listening });
    }
    if (path === '/server-api/reset') {
      calls.length = 0;
      return send(200, {});
    }
    if (path === '/server-api/change' && req.method === 'POST') {
      const key = keyOf(record);
      versions.set(key, (versions.get(key) ?? 1) + 1);
      for (const listener of [...(listeners.get(key) ?? [])]) listener();
      return send(200, {});
    }
    send(404, { error: { message: 'no such server-api route' } });
  };
}
