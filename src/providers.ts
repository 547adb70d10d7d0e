// `integration-sync-card/providers`: the data layer alone (no Lit, no DOM), for code that only
// fetches or validates sync data: a custom element of your own, a server-side check, a test.
export { createRestProvider, SyncRequestError, type RestProviderOptions } from './data/rest-provider.ts';
export type { RetryOptions } from './data/backoff.ts';
export type { BatchOptions } from './data/batch.ts';
export type { CacheOptions } from './data/cache.ts';
export { createMemoryProvider, type MemoryProviderOptions } from './data/memory-provider.ts';
export { setDefaultProvider } from './data/default-provider.ts';
export { normalizeResponse, type NormalizeResult } from './data/normalize.ts';
export { safeUrl } from './data/safe-url.ts';
export { ERROR_CATEGORIES, FIELD_STATUSES, SYNC_STATUSES, SYNC_TRIGGERS } from './data/types.ts';
export type {
  ErrorCategory,
  FieldDirection,
  FieldStatus,
  FieldValue,
  Integration,
  IntegrationState,
  NormalizedDetail,
  NormalizedField,
  NormalizedIntegration,
  NormalizedResponse,
  NormalizedSync,
  RecordRef,
  SyncDataProvider,
  SyncDetail,
  SyncEntry,
  SyncEvent,
  SyncField,
  SyncFix,
  SyncRetryPlan,
  SyncStatus,
  SyncStatusResponse,
  SyncTrigger,
} from './data/types.ts';
// The sync health page's data (contract §15).
export { createRestHealthProvider, type RestHealthProviderOptions } from './data/health-rest-provider.ts';
export { DEFAULT_HEALTH_STATUSES, HEALTH_SORTS } from './data/health-types.ts';
export type {
  HealthFilter,
  HealthGroup,
  HealthQuery,
  HealthRecord,
  HealthRecordsPage,
  HealthSelection,
  HealthSort,
  HealthSummary,
  SyncHealthProvider,
} from './data/health-types.ts';
