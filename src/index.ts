// The package's public API. Importing this file has no side effects: import
// `integration-sync-card/define` (or call `customElements.define` yourself) to register the element.
import type { IntegrationSyncCard } from './components/integration-sync-card.ts';
import type { IntegrationSyncHealth } from './components/integration-sync-health.ts';

export { IntegrationSyncCard } from './components/integration-sync-card.ts';
export { IntegrationSyncHealth } from './components/integration-sync-health.ts';
// The data layer, also its own entry point (`integration-sync-card/providers`).
export * from './providers.ts';
export { registerTranslation, type Translation } from './i18n/localize.ts';
export type { DetailTranslation } from './i18n/en-detail.ts';
export type * from './events.ts';

// Typed `document.querySelector('integration-sync-card')` / `createElement(…)` for everyone who
// imports the package's types, whether or not they import `./define`.
declare global {
  interface HTMLElementTagNameMap {
    'integration-sync-card': IntegrationSyncCard;
    'integration-sync-health': IntegrationSyncHealth;
  }
}
