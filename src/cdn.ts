// Entry of dist/cdn/integration-sync-card.js: registers the element and exports the public API.
export * from './define.ts';
