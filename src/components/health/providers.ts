import { createRestHealthProvider } from '../../data/health-rest-provider.ts';
import type { SyncHealthProvider } from '../../data/health-types.ts';

/** One REST provider per endpoint URL, shared by the elements using it. */
const providers = new Map<string, SyncHealthProvider>();

/** The provider of `endpoint` (a relative URL resolves against `document.baseURI`). */
export function healthProviderFor(endpoint: string): SyncHealthProvider {
  const href = new URL(endpoint, document.baseURI).href;
  let provider = providers.get(href);
  if (!provider) providers.set(href, (provider = createRestHealthProvider({ endpoint: href })));
  return provider;
}
