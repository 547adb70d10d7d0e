// The sync-status API on a real port, in a few lines: `node examples/server/server.mjs`
// (after `npm run build`; PORT and HOST choose where it listens, default 127.0.0.1:8080).
// With EMBED_TOKEN_SECRET set (32 bytes or more), it is the deployment of the iframe page too:
//   /api/sync-status/…  the API, every route behind an embed token (auth: { tokenSecret })
//   /embed.html         the iframe page with the response headers of dist/embed.headers.json
//   /hubspot/card       the HubSpot app card's backend (with HUBSPOT_CLIENT_SECRET set too):
//                       checks HubSpot's signature, mints the token, answers the iframe URL
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { createMemoryProvider, createSyncStatusHandler, toNodeListener } from 'integration-sync-card/server';
import { createHubSpotCardRoute } from '../hubspot-app-card/backend/card-route.mjs';
import { createChangeFeed, withChangeFeed } from './change-feed.mjs';
import { exampleRecords } from './data.mjs';

const { EMBED_TOKEN_SECRET, HUBSPOT_CLIENT_SECRET, PUBLIC_ORIGIN } = process.env;

// Your source: anything with getSyncStatus (and optionally resync, getSyncHistory, subscribe).
// Live updates across processes: with REDIS_URL, through Redis (redis-change-feed.mjs).
export const feed = process.env.REDIS_URL
  ? await (await import('./redis-change-feed.mjs')).createRedisChangeFeed({ url: process.env.REDIS_URL })
  : createChangeFeed();
const source = withChangeFeed(createMemoryProvider(exampleRecords()), feed);

const api = toNodeListener(
  createSyncStatusHandler({
    source,
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
  if (!/^\/(embed\.html|embed-assets\/[\w.-]+\.(js|css))$/.test(path)) return false;
  try {
    const body = await readFile(new URL(`.${path}`, dist));
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)], ...(path === '/embed.html' ? pageHeaders : { 'X-Content-Type-Options': 'nosniff' }) });
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
          source,
          embedPageUrl: '/embed.html',
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
  console.log(`sync-status API on http://${address}:${port}/api/sync-status`);
});
