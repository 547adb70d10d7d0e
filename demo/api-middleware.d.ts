// Types for api-middleware.js, so vite.config.ts can import it whatever `allowJs` says.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyncStatusResponse } from './demo-data.js';

export interface SyncStatusApiOptions {
  /** URL path the API answers on. Default `/api/sync-status`. */
  basePath?: string;
  /** Called per request; default `() => demoRecords()`. */
  records?: () => Record<string, SyncStatusResponse>;
}

export function syncStatusApi(
  options?: SyncStatusApiOptions,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
