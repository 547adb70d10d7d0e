// Types for demo-data.js, so TypeScript files can import it whatever `allowJs` says.

export interface RecordRef { objectType: string; objectId: string; portalId?: string }

export interface Integration {
  id: string;
  name: string;
  state: 'active' | 'extra_features_required' | 'disconnected';
  settingsUrl?: string | null;
}

export interface SyncField {
  name: string;
  label?: string | null;
  status: 'synced' | 'failed' | 'pending' | 'differs';
  crmValue?: string | number | boolean | null;
  externalValue?: string | number | boolean | null;
  direction?: 'inbound' | 'outbound' | 'both' | null;
  message?: string | null;
}

export interface SyncDetail {
  message: string | null;
  code: string | null;
  url: string | null;
  exclusionGroup: string | null;
  /** Wire format 1.1. */
  category?: 'validation' | 'missing_data' | 'duplicate' | 'permission' | 'connection' | 'rate_limit' | 'conflict' | 'configuration' | 'unknown' | null;
  retryable?: boolean | null;
  fix?: { text: string; url?: string | null } | null;
  retry?: { attempt: number; maxAttempts: number; nextAt?: string | null } | null;
  exclusionReason?: string | null;
  fields?: SyncField[] | null;
}

export interface SyncEvent {
  at: string;
  status: string;
  message: string | null;
  direction: 'inbound' | 'outbound' | null;
  trigger?: 'schedule' | 'record_change' | 'manual' | 'api' | null;
  actor?: string | null;
}

export interface Sync {
  id: string;
  integrationId: string;
  label: string | null;
  status: string;
  syncedWith: { name: string | null; url: string | null } | null;
  lastSyncedAt: string | null;
  nextSyncAt: string | null;
  detail: SyncDetail | null;
}

export interface SyncStatusResponse { integrations: Integration[]; syncs: Sync[] }

export interface DemoRecordListItem { objectType: string; objectId: string; title: string }

export const FAILING_RECORD: Readonly<{ objectType: 'company'; objectId: '500' }>;
/** The record with every part of wire format 1.1 at once. */
export const WORST_DAY_RECORD: Readonly<{ objectType: 'company'; objectId: '46' }>;
export const demoRecordList: DemoRecordListItem[];
export function demoRecords(now?: number): Record<string, SyncStatusResponse>;
/** A plausible history for one sync of a demo record, newest first, with triggers and actors. */
export function demoHistory(sync: Sync, now?: number): SyncEvent[];

/** The CRM portal of a demo record on the ledger demo: the deals live in a second portal. */
export function demoPortalOf(record: RecordRef): string | undefined;
