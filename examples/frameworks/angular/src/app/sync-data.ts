// What the card shows: two CRM companies synced with NetSuite, from a provider held in memory.
import { createMemoryProvider, type SyncStatusResponse } from 'integration-sync-card';

const customer = (name: string, id: number): SyncStatusResponse => ({
  integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
  syncs: [
    {
      id: 'netsuite:customer',
      integrationId: 'netsuite',
      label: 'NetSuite customer',
      status: 'up_to_date',
      syncedWith: { name, url: `https://erp.example.com/customers/${id}` },
    },
  ],
});

export const provider = createMemoryProvider({ 'company:42': customer('Acme Corp', 1042), 'company:43': customer('Globex', 2077) });
