// The package's server half on a real sync ledger (createSyncLedger on PGlite, in memory) for the
// health element's browser tests: the §15 routes answered from the ledger, not the test API.
// Loaded by web-test-runner.config.mjs through Vite's module runner.
// - POST /health-ledger/seed?portalId=P {count} → registers NetSuite for portal P and ingests
//   `count` outcomes (every 4th up to date, then partially synced, else not synced), as a connector would
// - POST /health-ledger/fail?portalId=P {index} → a new failed attempt of outcome `index`, now
// - /health-ledger/api/…  createSyncStatusHandler({ ledger }) (no auth: the portalId parameter decides)
// - /health-ledger/secure/…  the same with auth: { tokenSecret } (health tokens, as the HubSpot example mints)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { createSyncLedger, createSyncStatusHandler, toNodeListener, type SyncLedger } from '../../src/server/index.ts';
import { TEST_TOKEN_SECRET } from './server-api.ts';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const CATEGORIES = ['validation', 'missing_data', 'duplicate'];

/** Outcome i of a portal, as a connector reports it. */
function outcome(portalId: string, i: number, now: number, eventId = `${portalId}-${i}`) {
  const status = i % 4 === 0 ? 'up_to_date' : i % 4 === 1 ? 'partially_synced' : 'record_not_synced';
  return {
    eventId,
    integrationId: 'netsuite',
    syncId: 'netsuite:customer',
    record: { objectType: 'company', objectId: `c${String(i).padStart(4, '0')}`, portalId },
    occurredAt: new Date(now - i * 60_000).toISOString(),
    status,
    syncedWith: { name: i === 2 ? 'Acme Corp' : `Customer ${i}`, url: `https://erp.example.com/${i}` },
    detail: status === 'up_to_date' ? null : { message: `Failure ${i}: field missing`, code: `E${i % 3}`, category: CATEGORIES[i % 3], fix: { text: `Fix ${i % 3}`, url: null } },
  };
}

export function healthLedgerApi(): Middleware {
  let ready: Promise<{ ledger: SyncLedger; api: ReturnType<typeof toNodeListener>; secure: ReturnType<typeof toNodeListener> }> | undefined;
  const open = () =>
    (ready ??= (async () => {
      const ledger = await createSyncLedger({ db: new PGlite(), pruneIntervalMs: 0 });
      const api = toNodeListener(createSyncStatusHandler({ ledger, basePath: '/health-ledger/api', heartbeatMs: 1000 }));
      const secure = toNodeListener(createSyncStatusHandler({ ledger, basePath: '/health-ledger/secure', heartbeatMs: 1000, auth: { tokenSecret: TEST_TOKEN_SECRET } }));
      return { ledger, api, secure };
    })());
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/health-ledger/')) return next();
    void open().then(async ({ ledger, api, secure }) => {
      if (url.pathname.startsWith('/health-ledger/api/')) return api(req, res);
      if (url.pathname.startsWith('/health-ledger/secure/')) return secure(req, res);
      if (url.pathname === '/health-ledger/seed' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const { count } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { count: number };
        const portalId = url.searchParams.get('portalId') ?? '7';
        await ledger.registerIntegration('netsuite', {
          name: 'NetSuite',
          state: 'active',
          portalId,
          syncTypes: [{ syncId: 'netsuite:customer', label: 'NetSuite customer', objectType: 'company', enabled: true }],
        });
        const now = Date.now();
        const events = Array.from({ length: count }, (_, i) => outcome(portalId, i, now));
        for (let i = 0; i < events.length; i += 500) await ledger.ingest(events.slice(i, i + 500), { integrationId: 'netsuite' });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ ok: true }));
      }
      if (url.pathname === '/health-ledger/fail' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const { index } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { index: number };
        const portalId = url.searchParams.get('portalId') ?? '7';
        const now = Date.now();
        // Index 3 mod 4: record_not_synced, attempted now (so it would sort first on a reload).
        const event = { ...outcome(portalId, index, now, `${portalId}-${index}-${now}`), occurredAt: new Date(now).toISOString(), status: 'record_not_synced' };
        await ledger.ingest([event], { integrationId: 'netsuite' });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end('{}');
      }
      next();
    }, (error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  };
}
