// The records both benches serve (scripts/bench.mjs in the browser, scripts/bench-server.mjs on
// node:http): company `n` with two sync types, every status represented across records, about
// 1 KB of JSON each, as a real answer is.
const STATUSES = ['up_to_date', 'record_not_synced', 'sync_disabled', 'record_excluded', 'sync_not_found', 'sync_unknown', 'in_progress'];

/** The sync-status answer for company `n`, its syncs last run up to 10 hours before `startedAt` (ms). */
export function responseFor(n, startedAt) {
  const status = (k) => STATUSES[(n + k) % STATUSES.length];
  const sync = (id, integrationId, label, k, url) => ({
    id,
    integrationId,
    label,
    status: status(k),
    syncedWith: { name: `Company ${n} (${id.split(':')[1].toUpperCase()}-${1000 + n})`, url: `${url}?id=${n}` },
    lastSyncedAt: new Date(startedAt - ((n * 7 + k * 13) % 600) * 60_000).toISOString(),
    nextSyncAt: null,
    detail: {
      message: status(k) === 'record_not_synced' ? "Required field 'Subsidiary' is missing." : null,
      code: status(k) === 'record_not_synced' ? 'MISSING_REQUIRED_FIELD' : null,
      url: status(k) === 'record_not_synced' ? 'https://app.example-crm.com/integrations/sync-health' : null,
      exclusionGroup: status(k) === 'record_excluded' ? 'Test accounts' : null,
    },
  });
  return {
    integrations: [
      { id: 'netsuite', name: 'NetSuite', state: 'active', settingsUrl: null },
      { id: 'dynamics', name: 'Microsoft Dynamics 365', state: 'active', settingsUrl: null },
    ],
    syncs: [
      sync('netsuite:customer', 'netsuite', 'NetSuite customer', 0, 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl'),
      sync('dynamics:account', 'dynamics', 'Dynamics account', 3, 'https://contoso.crm.dynamics.com/main.aspx'),
    ],
  };
}
