// The sync-status API on a real port, in a few lines: `node examples/server/server.mjs`
// (after `npm run build`; PORT and HOST choose where it listens, default 127.0.0.1:8080).
import { createServer } from 'node:http';
import { createMemoryProvider, createSyncStatusHandler, toNodeListener } from 'integration-sync-card/server';
import { createChangeFeed, withChangeFeed } from './change-feed.mjs';
import { exampleRecords } from './data.mjs';

// Your source: anything with getSyncStatus (and optionally resync, getSyncHistory, subscribe).
export const feed = createChangeFeed();
const source = withChangeFeed(createMemoryProvider(exampleRecords()), feed);

const handler = createSyncStatusHandler({ source, basePath: '/api/sync-status', corsOrigins: (process.env.CORS_ORIGINS ?? '').split(' ').filter(Boolean) });
const server = createServer(toNodeListener(handler));
server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`sync-status API on http://${address}:${port}/api/sync-status`);
});
