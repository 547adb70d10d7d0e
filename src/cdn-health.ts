// Entry of dist/cdn/integration-sync-health.js: registers <integration-sync-health> and exports
// it with createRestHealthProvider. Built as a chunk of the card's entry (src/cdn.ts loads it on
// demand, vite.config.ts names it), it imports what both share (Lit, the locales, the status
// and tooltip code) from dist/cdn/integration-sync-card.js, which registers the card too.
import { IntegrationSyncHealth } from './components/integration-sync-health.ts';

if (!customElements.get('integration-sync-health')) {
  customElements.define('integration-sync-health', IntegrationSyncHealth);
}

export { IntegrationSyncHealth };
export { createRestHealthProvider } from './data/health-rest-provider.ts';
