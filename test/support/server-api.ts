// The package's server half (src/server) mounted in the test runner, for browser tests where the
// card talks to it end to end. Loaded by web-test-runner.config.mjs through Vite's module runner.
// - /server-api/open/…    createSyncStatusHandler over a counting source (batch, history, live)
// - /server-api/secure/…  the same with auth: { tokenSecret } (embed tokens)
// - GET /server-api/mint?objectType&objectId[&ttlSeconds]  → { token } (a test backend minting)
// - GET /server-api/stats → { calls: [{ objectType, objectId, route }] since the last reset, listening: { key: n } }
// - POST /server-api/change?objectType&objectId → fires the source's change for that record
// - GET /server-api/requests → every request the secure API got: { url, authorization }
// - GET /server-api/embed-variant/embed.html?parentOrigin=…[&consoleSpy] → dist/embed.html with
//   that <meta name="isc-parent-origin"> (assets from /dist/), and a script recording console output
// - /server-api/hubspot/card: examples/hubspot-app-card's backend route (HubSpot-signed calls only);
//   GET /server-api/hubspot-signed?objectTypeId&objectId → that route's answer to a call signed
//   here the way HubSpot signs hubspot.fetch
// - GET /server-api/referrer-echo → a page that reports its document.referrer and Referer header
//   (GET /server-api/referrer-reports lists them); records "ref-…" link there
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHubSpotCardRoute } from '../../examples/hubspot-app-card/backend/card-route.mjs';
import type { RecordRef, SyncDataProvider, SyncStatusResponse } from '../../src/data/types.ts';
import { createEmbedToken, createSyncStatusHandler, toNodeListener } from '../../src/server/index.ts';

export const TEST_TOKEN_SECRET = 'browser-tests-embed-token-secret-0123456789';
export const TEST_HUBSPOT_SECRET = 'browser-tests-hubspot-client-secret';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function serverApi(): Middleware {
  const calls: { objectType: string; objectId: string; route: string }[] = [];
  const versions = new Map<string, number>();
  const listeners = new Map<string, Set<() => void>>();
  const keyOf = (record: RecordRef) => `${record.objectType.toLowerCase()}:${record.objectId}`;
  const requests: { url: string; authorization: string | null }[] = [];
  const referrerReports: { referrer: string; header: string | null }[] = [];
  let origin = 'http://localhost';
  const responseFor = (record: RecordRef): SyncStatusResponse => ({
    integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
    syncs: [
      {
        id: 'netsuite:customer',
        integrationId: 'netsuite',
        label: 'NetSuite customer',
        // Not a status the card knows: the handler repairs it before the card sees it.
        status: record.objectId.startsWith('odd-') ? 'green' : 'up_to_date',
        syncedWith: {
          name: `Record ${record.objectId} v${versions.get(keyOf(record)) ?? 1}`,
          url: record.objectId.startsWith('ref-') ? `${origin}/server-api/referrer-echo` : `https://erp.example.com/records/${encodeURIComponent(record.objectId)}`,
        },
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
  const hubspotRoute = createHubSpotCardRoute({
    clientSecret: TEST_HUBSPOT_SECRET,
    tokenSecret: TEST_TOKEN_SECRET,
    source,
    embedPageUrl: '/dist/embed.html?endpoint=/server-api/secure',
    // The sync health page on the ledger-backed API that shares the secret (health-ledger-api.ts).
    healthPageUrl: '/dist/health.html?endpoint=/health-ledger/secure',
  });
  const hubspot = toNodeListener(hubspotRoute);

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (!path.startsWith('/server-api/')) return next();
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    origin = `http://${req.headers.host ?? 'localhost'}`;
    if (path.startsWith('/server-api/open')) return open(req, res);
    if (path.startsWith('/server-api/secure')) {
      requests.push({ url: req.url ?? '', authorization: req.headers.authorization ?? null });
      return secure(req, res);
    }
    if (path === '/server-api/hubspot/card') return hubspot(req, res);
    if (path === '/server-api/hubspot-signed') {
      // What HubSpot does for hubspot.fetch: sign method + URL + body + timestamp with the app's secret.
      const target = `${origin}/server-api/hubspot/card?portalId=${encodeURIComponent(url.searchParams.get('portalId') ?? '99')}&userId=7`;
      const body = JSON.stringify({ objectTypeId: url.searchParams.get('objectTypeId') ?? '0-2', objectId: url.searchParams.get('objectId') ?? '' });
      const timestamp = String(Date.now());
      const signature = createHmac('sha256', TEST_HUBSPOT_SECRET).update(`POST${target}${body}${timestamp}`).digest('base64');
      const signed = new Request(target, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp } });
      hubspotRoute(signed).then(async (answer) => send(answer.status, await answer.json()));
      return;
    }
    if (path === '/server-api/requests') return send(200, { requests });
    if (path === '/server-api/embed-variant/embed.html') {
      readFile(new URL('../../dist/embed.html', import.meta.url), 'utf8').then(
        (html) => {
          const parents = (url.searchParams.get('parentOrigin') ?? '').replace(/[<>"&]/g, '');
          const spy = url.searchParams.has('consoleSpy') ? '<script src="/server-api/console-spy.js"></script>\n    ' : '';
          const page = html
            .replaceAll('./embed-assets/', '/dist/embed-assets/')
            .replace('<meta name="viewport"', `${spy}<meta name="viewport"`)
            .replace('<meta name="isc-endpoint"', `<meta name="isc-parent-origin" content="${parents}" />\n    <meta name="isc-endpoint"`);
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(page);
        },
        () => send(404, { error: { message: 'not built' } }),
      );
      return;
    }
    if (path === '/server-api/console-spy.js') {
      // A classic script runs before the page's module: it sees everything the page logs.
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`window.__consoleLog = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.__consoleLog.push(args.map((arg) => (arg instanceof Error ? arg.message + ' ' + arg.stack : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    original(...args);
  };
}
window.addEventListener('error', (event) => window.__consoleLog.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.__consoleLog.push(String(event.reason && event.reason.message || event.reason)));`);
      return;
    }
    if (path === '/server-api/referrer-echo') {
      referrerReports.push({ referrer: '(page not run)', header: req.headers.referer ?? null });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`<!doctype html><title>echo</title><script>fetch('/server-api/referrer-report?r=' + encodeURIComponent(document.referrer)).finally(() => window.close());</script>`);
      return;
    }
    if (path === '/server-api/referrer-report') {
      const last = referrerReports.at(-1);
      if (last) last.referrer = url.searchParams.get('r') ?? '';
      return send(200, {});
    }
    if (path === '/server-api/referrer-reports') return send(200, { reports: referrerReports });
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
      requests.length = 0;
      referrerReports.length = 0;
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
