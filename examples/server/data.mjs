// Example records for examples/server (a deployer's source would read its integration's database).
const minutesAgo = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();

export function exampleRecords() {
  return {
    'company:42': {
      integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
      syncs: [
        {
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'up_to_date',
          syncedWith: { name: 'Acme Corp (CUS-1042)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042' },
          lastSyncedAt: minutesAgo(3),
        },
      ],
    },
    'company:43': {
      integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
      syncs: [
        {
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'record_not_synced',
          syncedWith: { name: 'Globex Corporation (CUS-2001)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=2001' },
          lastSyncedAt: minutesAgo(90),
          detail: { message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD', url: 'https://app.example-crm.com/integrations/netsuite/sync-health' },
        },
      ],
    },
  };
}
