// The package's public API. Importing this file has no side effects: import
// `integration-sync-card/define` (or call `customElements.define` yourself) to register the element.
import type { IntegrationSyncCard } from './components/integration-sync-card.ts';

export { IntegrationSyncCard } from './components/integration-sync-card.ts';
export { createRestProvider, SyncRequestError, type RestProviderOptions } from './data/rest-provider.ts';
export type { BatchOptions } from './data/batch.ts';
export type { CacheOptions } from './data/cache.ts';
export { createMemoryProvider, type MemoryProviderOptions } from './data/memory-provider.ts';
export { setDefaultProvider } from './data/default-provider.ts';
export { normalizeResponse, type NormalizeResult } from './data/normalize.ts';
export { safeUrl } from './data/safe-url.ts';
export { registerTranslation, type Translation } from './i18n/localize.ts';
export { SYNC_STATUSES } from './data/types.ts';
export type {
  Integration,
  IntegrationState,
  NormalizedIntegration,
  NormalizedResponse,
  NormalizedSync,
  RecordRef,
  SyncDataProvider,
  SyncDetail,
  SyncEntry,
  SyncEvent,
  SyncStatus,
  SyncStatusResponse,
} from './data/types.ts';
export type * from './events.ts';

// Typed `document.querySelector('integration-sync-card')` / `createElement(…)` for everyone who
// imports the package's types, whether or not they import `./define`.
declare global {
  interface HTMLElementTagNameMap {
    'integration-sync-card': IntegrationSyncCard;
  }
}
