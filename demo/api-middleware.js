// The demo's sync-status API: the package's own server half (src/server, shipped as
// `integration-sync-card/server`), mounted as connect-style middleware; requests outside
// `basePath` go on to `next()`. Two of them:
// - `syncStatusApi()`: over the demo data in memory (demo/demo-source.js). The browser tests,
//   Storybook and `vite preview` use it: the same answers every time.
// - `ledgerSyncStatusApi()`: over the sync ledger (contract §14) on PGlite in a git-ignored
//   folder, fed by the simulated connector (demo/simulated-connector.js) through the ledger's
//   connector routes. `npm start` uses it: the demo runs the shipped code end to end.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createSyncLedger, createSyncStatusHandler, toNodeListener } from '../src/server/index.ts';
import { demoRecords, FAILING_RECORD } from './demo-data.js';
import { createDemoSource } from './demo-source.js';
import { demoRegistrations, startSimulatedConnector } from './simulated-connector.js';

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void} Middleware
 */

/** Whether a request is for the API under `basePath`. */
const under = (/** @type {string} */ basePath, /** @type {IncomingMessage} */ req) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return path === basePath || path.startsWith(`${basePath}/`);
};

/**
 * @param {{ basePath?: string, records?: () => Record<string, import('./demo-data.js').SyncStatusResponse>, resyncDelayMs?: number }} [options]
 * @returns {Middleware}
 */
export function syncStatusApi({ basePath = '/api/sync-status', records, resyncDelayMs } = {}) {
  const handler = createSyncStatusHandler({ source: createDemoSource({ records, resyncDelayMs }), basePath, heartbeatMs: 15_000 });
  const listener = toNodeListener(handler);
  return (req, res, next) => {
    if (under(basePath, req)) listener(req, res);
    else next();
  };
}

/**
 * The demo on the ledger. PGlite creates a new folder's database in 5–15 s, so requests that
 * arrive before it (and the connector's seed) are ready wait for it. `close()` stops the
 * connector, the ledger and the database.
 * @param {{ basePath?: string, folder?: string, log?: (message: string) => void }} [options]
 * @returns {Middleware & { ready: Promise<unknown>, close(): Promise<void> }}
 */
export function ledgerSyncStatusApi({ basePath = '/api/sync-status', folder = '.data/demo-ledger', log = console.log } = {}) {
  // Vite restarts its server (a config file changed) by making the new one before closing the
  // old: the new API closes the old one first, so one PGlite at a time opens the folder.
  const previous = /** @type {{ close(): Promise<void> } | undefined} */ (openApis.get(folder));
  const started = (async () => {
    await previous?.close();
    const { PGlite } = await import('@electric-sql/pglite');
    await mkdir(folder, { recursive: true }); // PGlite makes the last folder only
    const db = new PGlite(folder);
    const ledger = await createSyncLedger({ db });
    // A fresh key per start and integration: the connector is the only writer.
    const integrationIds = new Set(demoRegistrations(demoRecords()).map(({ integrationId }) => integrationId));
    const ingestKeys = Object.fromEntries([...integrationIds].map((id) => [id, randomBytes(24).toString('base64url')]));
    const handler = createSyncStatusHandler({ ledger: withFailingRecord(ledger), ingestKeys, basePath, heartbeatMs: 15_000 });
    // The connector's requests go to the handler as Fetch requests (what a socket would carry),
    // so it needs no port and runs before the dev server listens.
    const connector = startSimulatedConnector({ endpoint: `http://demo.invalid${basePath}`, ingestKeys, fetch: (url, init) => handler(new Request(url, init)), log });
    await connector.ready;
    log(`demo API: the sync ledger on PGlite in ${folder}, fed by the simulated connector`);
    return {
      listener: toNodeListener(handler),
      async close() {
        await connector.stop();
        await ledger.close();
        await db.close();
      },
    };
  })();
  started.catch((error) => log(`demo API: the ledger did not start: ${error?.stack ?? error}`));

  /** @type {Middleware} */
  const middleware = (req, res, next) => {
    if (!under(basePath, req)) return next();
    started.then(
      ({ listener }) => listener(req, res),
      () => res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":{"message":"The demo ledger did not start: see the dev server\'s log."}}'),
    );
  };
  let closing;
  const api = Object.assign(middleware, {
    ready: started,
    close: () => (closing ??= started.then((opened) => opened.close(), () => {})),
  });
  openApis.set(folder, api);
  return api;
}

/** The ledger APIs open in this process, by folder (on globalThis: Vite loads its config anew on a restart). */
const openApis = /** @type {Map<string, { close(): Promise<void> }>} */ (
  /** @type {any} */ (globalThis)[Symbol.for('integration-sync-card/demo-ledger-apis')] ??= new Map()
);

/**
 * The demo's record whose lookups fail (the card's error state) fails here too: the ledger
 * itself answers every record, so its status reads are wrapped for that one record.
 * @template {{ getSyncStatus(record: import('./demo-data.js').RecordRef, options?: object): Promise<unknown> }} L
 * @param {L} ledger
 * @returns {L}
 */
function withFailingRecord(ledger) {
  return Object.assign(Object.create(ledger), {
    getSyncStatus(/** @type {import('./demo-data.js').RecordRef} */ record, /** @type {object | undefined} */ options) {
      if (record.objectType === FAILING_RECORD.objectType && record.objectId === FAILING_RECORD.objectId) {
        return Promise.reject(Object.assign(new Error('NetSuite did not answer in time'), { status: 503 }));
      }
      return ledger.getSyncStatus(record, options);
    },
  });
}
