// Loads the 1.1 parts (templates/sync-detail.ts: why, what next, fields) the first time a response
// has data for them. The card's load waits for them (loadDetailParts), so its first data render is
// whole; a card rendering without them (the chunk failed to load) asks again and re-renders.
import type { ReactiveElement } from 'lit';
import type { NormalizedResponse, NormalizedSync } from '../data/types.ts';

type DetailParts = typeof import('./templates/sync-detail.ts');

let parts: DetailParts | undefined;
let loading: Promise<void> | undefined;
const waiting = new Set<ReactiveElement>();

/** Whether a sync carries anything of wire format 1.1 that the parts render. */
export function hasDetail({ detail }: NormalizedSync): boolean {
  return detail.category !== null || detail.retryable !== null || !!detail.fix || !!detail.retry || detail.fields.length > 0;
}

/** Loads the 1.1 parts when `response` has data for them; `undefined` when there is nothing to wait for. */
export function loadDetailParts(response: NormalizedResponse): Promise<void> | undefined {
  return parts || !response.syncs.some(hasDetail) ? undefined : load();
}

/** The 1.1 parts when loaded (their styles adopted by `host`); else starts loading them and returns `undefined`. */
export function detailParts(host: ReactiveElement): DetailParts | undefined {
  if (parts) {
    parts.adoptStyles(host);
    return parts;
  }
  waiting.add(host);
  void load();
  return undefined;
}

/** Resolves once the parts are there, or could not be loaded (offline: the version-1 parts stay). */
function load(): Promise<void> {
  return (loading ??= import('./templates/sync-detail.ts').then(
    (module) => {
      parts = module;
      for (const card of waiting) card.requestUpdate();
      waiting.clear();
    },
    (error: unknown) => {
      // A later load or render tries again.
      loading = undefined;
      waiting.clear();
      console.warn('[integration-sync-card] Could not load the sync detail parts.', error);
    },
  ));
}
