// The demo's sync-status API: the package's own server half (src/server, shipped as
// `integration-sync-card/server`) over the demo data (demo/demo-source.js), mounted as
// connect-style middleware so Vite's dev and preview servers, Storybook and the test runner
// serve it. Requests outside `basePath` go on to `next()`.
import { createSyncStatusHandler, toNodeListener } from '../src/server/index.ts';
import { createDemoSource } from './demo-source.js';

/**
 * @param {{ basePath?: string, records?: () => Record<string, import('./demo-data.js').SyncStatusResponse>, resyncDelayMs?: number }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (err?: unknown) => void) => void}
 */
export function syncStatusApi({ basePath = '/api/sync-status', records, resyncDelayMs } = {}) {
  const handler = createSyncStatusHandler({ source: createDemoSource({ records, resyncDelayMs }), basePath, heartbeatMs: 15_000 });
  const listener = toNodeListener(handler);
  return (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === basePath || path.startsWith(`${basePath}/`)) listener(req, res);
    else next();
  };
}
