// One record with a sync in each status, and the helpers that read a card's labels: shared by
// the locale tests (test/i18n/localize.test.ts, test/i18n/translations.test.ts).
import { waitUntil } from './wait.ts';
import { createMemoryProvider, type IntegrationSyncCard, SYNC_STATUSES, type SyncStatus } from '../../src/index.ts';
import { oneSync, part, parts, text } from '../helpers.ts';

export const STATUSES = [...SYNC_STATUSES] as SyncStatus[];
export const SYNCED_AT = new Date(Date.now() - 3 * 60_000);

/** One record (company:1) with a sync in each status, all synced 3 minutes ago. */
export function allStatusesProvider() {
  const base = oneSync();
  return createMemoryProvider({
    'company:1': {
      integrations: base.integrations,
      syncs: STATUSES.map((status) => ({
        ...base.syncs[0],
        id: `netsuite:${status}`,
        label: `NetSuite ${status}`,
        status,
        lastSyncedAt: SYNCED_AT.toISOString(),
      })),
    },
  });
}

export const statusLabels = (card: Element) => parts(card, 'status').map(text);
export const fieldLabels = (card: Element) => [...part(card, 'card')!.querySelectorAll('dt')].map(text);

export async function waitForLabel(card: IntegrationSyncCard, label: string, message: string): Promise<void> {
  await waitUntil(() => text(part(card, 'status')) === label, `${message} (shows "${text(part(card, 'status'))}")`);
  await card.updateComplete;
}
