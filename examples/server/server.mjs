// The sync-status API on a real port, over the sync ledger: `node examples/server/server.mjs`
// (after `npm run build`; PORT and HOST choose where it listens, default 127.0.0.1:8080).
// The ledger (contract §14) is PostgreSQL when DATABASE_URL is set (a pg.Pool: every process on
// that database sees every change, through LISTEN/NOTIFY), and PGlite in a folder otherwise
// (LEDGER_DIR, default .data/example-ledger: one process). Connectors report into it with the
// keys of INGEST_KEYS ("netsuite=<key> dynamics365=<key>", one per integration): docs/ledger.md.
// With EMBED_TOKEN_SECRET set (32 bytes or more), it is the deployment of the iframe page too:
//   /api/sync-status/…  the API, every card route behind an embed token (auth: { tokenSecret })
//   /embed.html         the iframe page with the response headers of dist/embed.headers.json
//   /health.html        the portal's sync health page (health tokens), with the same headers
//   /hubspot/card       the HubSpot app card's backend (with HUBSPOT_CLIENT_SECRET set too):
//                       checks HubSpot's signature, mints the tokens, answers the iframe URLs
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { createSyncLedger, createSyncStatusHandler, toNodeListener } from 'integration-sync-card/server';
import { createHubSpotCardRoute } from '../hubspot-app-card/backend/card-route.mjs';

const { DATABASE_URL, EMBED_TOKEN_SECRET, HUBSPOT_CLIENT_SECRET, PUBLIC_ORIGIN } = process.env;

// The database client is yours: the package depends on neither driver.
async function openDatabase() {
  if (DATABASE_URL) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: DATABASE_URL });
    return { db: pool, where: 'PostgreSQL (DATABASE_URL)', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const folder = process.env.LEDGER_DIR ?? '.data/example-ledger';
  await mkdir(folder, { recursive: true }); // PGlite makes the last folder only
  const db = new PGlite(folder);
  return { db, where: `PGlite in ${folder}`, close: () => db.close() };
}

const database = await openDatabase();
// Runs the ledger's migrations (safe when several processes start at once).
const ledger = await createSyncLedger({ db: database.db });
/** "netsuite=key1 dynamics365=key2" → { netsuite: 'key1', dynamics365: 'key2' } */
const ingestKeys = Object.fromEntries(
  (process.env.INGEST_KEYS ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);

const api = toNodeListener(
  createSyncStatusHandler({
    ledger,
    ingestKeys,
    basePath: '/api/sync-status',
    auth: EMBED_TOKEN_SECRET ? { tokenSecret: EMBED_TOKEN_SECRET } : undefined,
    corsOrigins: (process.env.CORS_ORIGINS ?? '').split(' ').filter(Boolean),
  }),
);

// The iframe page, from the installed package, with the headers it ships with.
const dist = new URL('dist/', import.meta.resolve('integration-sync-card/package.json'));
const pageHeaders = Object.fromEntries(Object.entries(JSON.parse(await readFile(new URL('embed.headers.json', dist), 'utf8'))).filter(([name]) => !name.startsWith('$')));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
async function page(req, res, path) {
  if (!/^\/((embed|health)\.html|embed-assets\/[\w.-]+\.(js|css))$/.test(path)) return false;
  try {
    const body = await readFile(new URL(`.${path}`, dist));
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)], ...(path.endsWith('.html') ? pageHeaders : { 'X-Content-Type-Options': 'nosniff' }) });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
  return true;
}

const hubspot =
  EMBED_TOKEN_SECRET && HUBSPOT_CLIENT_SECRET
    ? toNodeListener(
        createHubSpotCardRoute({
          clientSecret: HUBSPOT_CLIENT_SECRET,
          tokenSecret: EMBED_TOKEN_SECRET,
          source: ledger,
          embedPageUrl: '/embed.html',
          healthPageUrl: '/health.html',
          publicOrigin: PUBLIC_ORIGIN,
        }),
        { origin: PUBLIC_ORIGIN },
      )
    : undefined;

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/api/sync-status' || path.startsWith('/api/sync-status/')) return api(req, res);
  if (path === '/hubspot/card' && hubspot) return hubspot(req, res);
  if (EMBED_TOKEN_SECRET && (await page(req, res, path))) return;
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
});
server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`sync-status API on http://${address}:${port}/api/sync-status (ledger: ${database.where}; ingest keys for ${Object.keys(ingestKeys).join(', ') || 'no integration'})`);
});

// Stopped (Ctrl+C, a process manager's SIGTERM): the ledger's timers and LISTEN end, then the database.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    server.close();
    server.closeAllConnections();
    await ledger.close();
    await database.close();
    process.exit(0);
  });
}
