import { IntegrationSyncCard } from './components/integration-sync-card.ts';
import { IntegrationSyncHealth } from './components/integration-sync-health.ts';

// The package's only side effect: register the element (once, even if loaded twice).
if (!customElements.get('integration-sync-card')) {
  customElements.define('integration-sync-card', IntegrationSyncCard);
}
if (!customElements.get('integration-sync-health')) {
  customElements.define('integration-sync-health', IntegrationSyncHealth);
}

// HTMLElementTagNameMap is declared in index.ts, so the side-effect-free entry's types have it too.
export * from './index.ts';
