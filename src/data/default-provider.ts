import type { SyncDataProvider } from './types.ts';

let defaultProvider: SyncDataProvider | undefined;
const listeners = new Set<() => void>();

/** Sets the provider every card on the page uses when it has neither `provider` nor `endpoint`. */
export function setDefaultProvider(provider: SyncDataProvider | undefined): void {
  defaultProvider = provider;
  for (const listener of listeners) listener();
}

export function getDefaultProvider(): SyncDataProvider | undefined {
  return defaultProvider;
}

/** Calls `listener` whenever the default provider changes; returns the unsubscribe function. */
export function onDefaultProviderChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
