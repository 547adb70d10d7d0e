import { IntegrationSyncCard } from './components/integration-sync-card.ts';

// The package's only side effect: register the element (once, even if loaded twice).
if (!customElements.get('integration-sync-card')) {
  customElements.define('integration-sync-card', IntegrationSyncCard);
}

declare global {
  interface HTMLElementTagNameMap {
    'integration-sync-card': IntegrationSyncCard;
  }
}

export * from './index.ts';
