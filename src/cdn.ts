// Entry of dist/cdn/integration-sync-card.js: registers the card and exports the public API.
// NOTE: not define.ts, which registers the health page too: that page has its own entry
// (cdn-health.ts), so the card's first load does not carry it.
import { IntegrationSyncCard } from './components/integration-sync-card.ts';

if (!customElements.get('integration-sync-card')) {
  customElements.define('integration-sync-card', IntegrationSyncCard);
}

export { IntegrationSyncCard };
export { createMemoryProvider, createRestProvider, normalizeResponse, safeUrl, setDefaultProvider, SyncRequestError } from './providers.ts';
export { ERROR_CATEGORIES, FIELD_STATUSES, SYNC_STATUSES, SYNC_TRIGGERS } from './providers.ts';
export { registerTranslation } from './i18n/localize.ts';

/**
 * Loads and registers `<integration-sync-health>` (dist/cdn/integration-sync-health.js, which a
 * page may also load directly); resolves to that module (`IntegrationSyncHealth`, `createRestHealthProvider`).
 */
export const loadHealthPage = () => import('./cdn-health.ts');
