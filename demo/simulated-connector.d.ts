// Types for simulated-connector.js, so TypeScript files can import it whatever `allowJs` says.
import type { RecordRef, Sync, SyncStatusResponse } from './demo-data.js';

export interface Registration {
  name: string;
  state: string;
  settingsUrl?: string | null;
  syncTypes: { syncId: string; label: string | null; objectType: string; enabled: boolean }[];
}

export interface SyncOutcome {
  eventId: string;
  integrationId: string;
  syncId: string;
  record: RecordRef;
  occurredAt: string;
  status: string;
  [field: string]: unknown;
}

export function demoRegistrations(records: Record<string, SyncStatusResponse>): Map<string, Registration>;
export function seedOutcomes(record: RecordRef, sync: Sync, at: { run: string; now: number }): SyncOutcome[];

export interface SimulatedConnectorOptions {
  /** The handler's base URL, e.g. http://127.0.0.1:8080/api/sync-status. */
  endpoint: string;
  /** One ingest key per integration id the demo registers. */
  ingestKeys: Record<string, string>;
  /** How requests are sent. Default the global `fetch`. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Between two live outcomes. Default 4000 ms. */
  intervalMs?: number;
  /** Between two claims of resync requests. Default 1000 ms. */
  claimIntervalMs?: number;
  /** From a resync's in_progress to its result. Default 1500 ms. */
  resyncDelayMs?: number;
  records?: () => Record<string, SyncStatusResponse>;
  log?: (message: string) => void;
}

export function startSimulatedConnector(options: SimulatedConnectorOptions): {
  /** Settles when the integrations are registered and the records seeded. */
  ready: Promise<void>;
  /** Stops the loops; resolves when no request is in flight. */
  stop(): Promise<void>;
};
