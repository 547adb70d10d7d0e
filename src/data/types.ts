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
  'partially_synced',
] as const;

export type SyncStatus = (typeof SYNC_STATUSES)[number];

export type IntegrationState = 'active' | 'extra_features_required' | 'disconnected';

export interface Integration {
  id: string;
  name?: string | null;
  state?: IntegrationState | null;
  settingsUrl?: string | null;
}

/** Why a sync failed (wire format 1.1); anything else is repaired to `unknown`. */
export const ERROR_CATEGORIES = [
  'validation',
  'missing_data',
  'duplicate',
  'permission',
  'connection',
  'rate_limit',
  'conflict',
  'configuration',
  'unknown',
] as const;

export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** How one field of a record fared in the last sync (wire format 1.1). */
export const FIELD_STATUSES = ['synced', 'failed', 'pending', 'differs'] as const;

export type FieldStatus = (typeof FIELD_STATUSES)[number];

/** Which way a field syncs: into the CRM, out to the external system, or both. */
export type FieldDirection = 'inbound' | 'outbound' | 'both';

/** A field value as the wire carries it. */
export type FieldValue = string | number | boolean | null;

/** One field of the record, its two values side by side (wire format 1.1). */
export interface SyncField {
  /** The field's API name; identifies it (`data-field`). */
  name: string;
  /** The name a user knows; defaults to `name`. */
  label?: string | null;
  status: FieldStatus;
  crmValue?: FieldValue;
  externalValue?: FieldValue;
  direction?: FieldDirection | null;
  message?: string | null;
}

/** What a person can do about a failure. */
export interface SyncFix {
  text: string;
  url?: string | null;
}

/** The integration's own automatic retry plan. */
export interface SyncRetryPlan {
  /** 1-based number of the attempt that failed last. */
  attempt: number;
  maxAttempts: number;
  /** When the next automatic attempt runs (ISO 8601), if one is planned. */
  nextAt?: string | null;
}

export interface SyncDetail {
  message?: string | null;
  code?: string | null;
  url?: string | null;
  exclusionGroup?: string | null;
  /** 1.1: why it failed. */
  category?: ErrorCategory | null;
  /** 1.1: whether retrying may help; when absent, `connection` and `rate_limit` are retryable. */
  retryable?: boolean | null;
  /** 1.1: what to do. */
  fix?: SyncFix | null;
  /** 1.1: what the integration will do next on its own. */
  retry?: SyncRetryPlan | null;
  /** 1.1: why the record is excluded (the rule), with `record_excluded`. */
  exclusionReason?: string | null;
  /** 1.1: the record's fields, in the order to show them. */
  fields?: SyncField[] | null;
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
  /** 1.1: what started the attempt. */
  trigger?: SyncTrigger | null;
  /** 1.1: who asked for it (a person, an API client). */
  actor?: string | null;
}

/** What started a sync attempt (wire format 1.1). */
export const SYNC_TRIGGERS = ['schedule', 'record_change', 'manual', 'api'] as const;

export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

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
  detail: NormalizedDetail;
}

/** A sync's detail after validation. Fields the provider left out are `null` (or `[]` for `fields`). */
export interface NormalizedDetail {
  message: string | null;
  code: string | null;
  url: string | null;
  exclusionGroup: string | null;
  category: ErrorCategory | null;
  /** As given, else derived from `category` (`connection`, `rate_limit`); `null` when neither is known. */
  retryable: boolean | null;
  /** `url` passed `safeUrl`. */
  fix: { text: string; url: string | null } | null;
  retry: { attempt: number; maxAttempts: number; nextAt: string | null } | null;
  exclusionReason: string | null;
  /** At most `MAX_FIELDS`, in the order given. */
  fields: NormalizedField[];
}

export interface NormalizedField {
  name: string;
  label: string | null;
  status: FieldStatus;
  /** Strings are at most 2,000 characters; anything not a scalar is `null`. */
  crmValue: FieldValue;
  externalValue: FieldValue;
  direction: FieldDirection | null;
  message: string | null;
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
  trigger: SyncTrigger | null;
  actor: string | null;
}

/** The key a record is cached and deduplicated by. */
export function recordKey(record: RecordRef): string {
  return JSON.stringify([record.objectType, record.objectId, record.portalId ?? null]);
}
