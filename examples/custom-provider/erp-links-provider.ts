// "Write your own provider in 20 lines": the card reading an existing API that knows nothing
// of its wire format. Here an (imaginary) ERP bridge answers GET {base}/{objectType}/{objectId}.json
// with { links: [...] }; the provider maps that to a SyncStatusResponse. The card validates and
// repairs whatever a provider returns, so a mapping only has to be roughly right to be safe.
import type { RecordRef, SyncDataProvider, SyncStatusResponse } from 'integration-sync-card';

interface ErpLink { system: string; entity: string; id: string; url: string; ok: boolean; error?: string; syncedAt: string }

export function createErpLinksProvider(baseUrl: string): SyncDataProvider {
  return {
    async getSyncStatus(record: RecordRef, { signal }: { signal: AbortSignal }): Promise<SyncStatusResponse> {
      const url = `${baseUrl}/${encodeURIComponent(record.objectType)}/${encodeURIComponent(record.objectId)}.json`;
      const response = await fetch(url, { signal }); // passing the signal lets the card cancel it
      if (!response.ok) throw new Error(`ERP bridge answered HTTP ${response.status} for ${url}`);
      const { links } = (await response.json()) as { links: ErpLink[] };
      return {
        integrations: [...new Set(links.map((link) => link.system))].map((system) => ({ id: system, name: system, state: 'active' })),
        syncs: links.map((link) => ({
          id: `${link.system}:${link.entity}`,
          integrationId: link.system,
          label: `${link.system} ${link.entity}`,
          status: link.ok ? 'up_to_date' : 'record_not_synced',
          syncedWith: { name: link.id, url: link.url },
          lastSyncedAt: link.syncedAt,
          detail: { message: link.error ?? null },
        })),
      };
    },
  };
}
