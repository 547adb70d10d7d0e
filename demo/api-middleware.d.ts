// Types for api-middleware.js, so vite.config.ts can import it whatever `allowJs` says.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyncStatusResponse } from './demo-data.js';

export interface SyncStatusApiOptions {
  /** URL path the API answers on. Default `/api/sync-status`. */
  basePath?: string;
  /** Called per request; default `() => demoRecords()`. */
  records?: () => Record<string, SyncStatusResponse>;
  /** How long a resync stays "in_progress" before "up_to_date". Default 4000 ms. */
  resyncDelayMs?: number;
}

export function syncStatusApi(
  options?: SyncStatusApiOptions,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface LedgerSyncStatusApiOptions {
  /** URL path the API answers on. Default `/api/sync-status`. */
  basePath?: string;
  /** PGlite's folder. Default `.data/demo-ledger` (git-ignored). */
  folder?: string;
  /** Where the API and the simulated connector report what they do. Default `console.log`. */
  log?: (message: string) => void;
}

export function ledgerSyncStatusApi(
  options?: LedgerSyncStatusApiOptions,
): ((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void) & {
  /** Settles when the ledger is open and the connector's seed is in. */
  ready: Promise<unknown>;
  /** Stops the connector, the ledger and the database. */
  close(): Promise<void>;
};
