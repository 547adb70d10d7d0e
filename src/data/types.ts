/** Which CRM record the card is about. */
export interface RecordRef {
  /** CRM object type: `contact`, `company`, `deal`, `invoice`, or a custom type name. */
  objectType: string;
  /** The record's id. */
  objectId: string;
  /** The CRM account (tenant) id, passed through to the provider. */
  portalId?: string;
}

/** The status keys the card knows. Anything else is shown as `sync_unknown`. */
export const SYNC_STATUSES = [
  'up_to_date',
  'sync_not_found',
  'sync_disabled',
  'record_not_synced',
  'sync_unknown',
  'record_excluded',
  'in_progress',
] as const;

export type SyncStatus = (typeof SYNC_STATUSES)[number];

export type IntegrationState = 'active' | 'extra_features_required' | 'disconnected';

export interface Integration {
  id: string;
  name?: string | null;
  state?: IntegrationState | null;
  settingsUrl?: string | null;
}

export interface SyncDetail {
  message?: string | null;
  code?: string | null;
  url?: string | null;
  exclusionGroup?: string | null;
}

export interface SyncEntry {
  id: string;
  integrationId: string;
  label?: string | null;
  /** A status key; unknown keys are repaired to `sync_unknown`. */
  status: string;
  syncedWith?: { name?: string | null; url?: string | null } | null;
  lastSyncedAt?: string | null;
  nextSyncAt?: string | null;
  detail?: SyncDetail | null;
}

/** The JSON wire format (version 1) a provider resolves to. */
export interface SyncStatusResponse {
  integrations: Integration[];
  syncs: SyncEntry[];
}

/** One past sync attempt. */
export interface SyncEvent {
  at: string;
  status: string;
  message?: string | null;
  direction?: 'inbound' | 'outbound' | null;
}

/** Where the card's data comes from. Implement `getSyncStatus`; the rest is optional. */
export interface SyncDataProvider {
  /** Required. Must honour `options.signal`. */
  getSyncStatus(record: RecordRef, options: { signal: AbortSignal }): Promise<SyncStatusResponse>;
  /** Optional: ask the integration to sync this record now. */
  resync?(record: RecordRef, syncId: string, options: { signal: AbortSignal }): Promise<void>;
  /** Optional: recent sync attempts for one sync type, newest first. */
  getSyncHistory?(record: RecordRef, syncId: string, options: { signal: AbortSignal }): Promise<SyncEvent[]>;
  /** Optional: push updates; returns an unsubscribe function. */
  subscribe?(record: RecordRef, onChange: () => void): () => void;
}

/** A sync entry after validation: every field has a definite, safe-to-render type. */
export interface NormalizedSync {
  id: string;
  integrationId: string;
  label: string | null;
  status: SyncStatus;
  /** `url` (like `detail.url` and an integration's `settingsUrl`) passed `safeUrl`: http(s) or null. */
  syncedWith: { name: string | null; url: string | null } | null;
  /** Valid ISO date string or null ("—"). */
  lastSyncedAt: string | null;
  nextSyncAt: string | null;
  detail: { message: string | null; code: string | null; url: string | null; exclusionGroup: string | null };
}

export interface NormalizedIntegration {
  id: string;
  name: string | null;
  state: IntegrationState;
  settingsUrl: string | null;
}

/** A response after validation and repair (what `isc-load` reports). */
export interface NormalizedResponse {
  integrations: NormalizedIntegration[];
  syncs: NormalizedSync[];
}

/** A past sync attempt after validation. */
export interface NormalizedSyncEvent {
  /** Valid ISO date string. */
  at: string;
  status: SyncStatus;
  message: string | null;
  direction: 'inbound' | 'outbound' | null;
}

/** The key a record is cached and deduplicated by. */
export function recordKey(record: RecordRef): string {
  return JSON.stringify([record.objectType, record.objectId, record.portalId ?? null]);
}
