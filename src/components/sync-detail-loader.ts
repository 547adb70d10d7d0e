// Loads the 1.1 parts (templates/sync-detail.ts: why, what next, fields) the first time a card has
// data for them, and re-renders the cards that asked once they are there.
import type { ReactiveElement } from 'lit';
import type { NormalizedSync } from '../data/types.ts';

type DetailParts = typeof import('./templates/sync-detail.ts');

let parts: DetailParts | undefined;
let loading: Promise<void> | undefined;
const waiting = new Set<ReactiveElement>();

/** Whether a sync carries anything of wire format 1.1 that the parts render. */
export function hasDetail({ detail }: NormalizedSync): boolean {
  return detail.category !== null || detail.retryable !== null || !!detail.fix || !!detail.retry || detail.fields.length > 0;
}

/** The 1.1 parts when loaded (their styles adopted by `host`); else starts loading them and returns `undefined`. */
export function detailParts(host: ReactiveElement): DetailParts | undefined {
  if (parts) {
    parts.adoptStyles(host);
    return parts;
  }
  waiting.add(host);
  loading ??= import('./templates/sync-detail.ts').then(
    (module) => {
      parts = module;
      for (const card of waiting) card.requestUpdate();
      waiting.clear();
    },
    (error: unknown) => {
      // Offline mid-session: the version-1 parts stay; a later render tries again.
      loading = undefined;
      waiting.clear();
      console.warn('[integration-sync-card] Could not load the sync detail parts.', error);
    },
  );
  return undefined;
}
