import { createRestProvider } from './rest-provider.ts';
import type { SyncDataProvider } from './types.ts';

// One REST provider per resolved endpoint URL (and live mode), so every card on an endpoint shares
// its deduplication, cache and live streams.
const byUrl = new Map<string, SyncDataProvider>();
// The same, keyed by what the card was given: a card asks on every update, and resolving the URL
// each time is work for nothing.
const byInput = new Map<string, SyncDataProvider>();

/**
 * The built-in REST provider for a card's `endpoint` attribute, resolved against `base` (the
 * page's `document.baseURI`). An endpoint that is not a URL gets a provider that always fails, as
 * stable as the others: a new object per update would restart the load every time.
 */
export function providerForEndpoint(endpoint: string, { live, base }: { live: boolean; base: string }): SyncDataProvider {
  const input = JSON.stringify([live, base, endpoint]);
  let provider = byInput.get(input);
  if (provider) return provider;
  let url: string | undefined;
  try {
    url = new URL(endpoint, base).href;
  } catch {
    // Not a URL: handled below.
  }
  const key = `${live ? 'live' : 'poll'} ${url ?? `invalid ${endpoint}`}`;
  provider = byUrl.get(key);
  if (!provider) {
    const error = new Error(`Invalid endpoint "${endpoint}": not a URL.`);
    provider = url ? createRestProvider({ endpoint: url, live }) : { getSyncStatus: () => Promise.reject(error) };
    byUrl.set(key, provider);
  }
  byInput.set(input, provider);
  return provider;
}
