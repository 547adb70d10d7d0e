// Demo records for the dev server, the demo page, stories and tests.
// Plain JavaScript (JSDoc types only, no imports) so Node config files and the
// browser can both load it as is. Shapes follow contract.md §2 (wire format v1).

/**
 * @typedef {{ objectType: string, objectId: string, portalId?: string }} RecordRef
 * @typedef {{ id: string, name: string, state: 'active' | 'extra_features_required' | 'disconnected', settingsUrl?: string | null }} Integration
 * @typedef {{ message: string | null, code: string | null, url: string | null, exclusionGroup: string | null }} SyncDetail
 * @typedef {{
 *   id: string,
 *   integrationId: string,
 *   label: string | null,
 *   status: string,
 *   syncedWith: { name: string | null, url: string | null } | null,
 *   lastSyncedAt: string | null,
 *   nextSyncAt: string | null,
 *   detail: SyncDetail | null,
 * }} Sync
 * @typedef {{ integrations: Integration[], syncs: Sync[] }} SyncStatusResponse
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CRM = 'https://app.example-crm.com';
const NETSUITE = 'https://1234567.app.netsuite.com';
const DYNAMICS = 'https://contoso.crm.dynamics.com';

/** The record whose API request fails (the demo API answers 503). */
export const FAILING_RECORD = Object.freeze({ objectType: 'company', objectId: '500' });

/** Records for a picker, in display order. The failing record is not listed. */
export const demoRecordList = [
  { objectType: 'company', objectId: '42', title: 'Acme Corp (company 42)' },
  { objectType: 'contact', objectId: '7', title: 'Jane Cooper (contact 7)' },
  { objectType: 'company', objectId: '43', title: 'Globex Corporation: not synced (company 43)' },
  { objectType: 'contact', objectId: '8', title: 'Marcus Lee: sync disabled (contact 8)' },
  { objectType: 'contact', objectId: '9', title: 'Priya Natarajan: excluded (contact 9)' },
  { objectType: 'contact', objectId: '10', title: 'Tomás García: sync not found (contact 10)' },
  { objectType: 'company', objectId: '44', title: 'Initech: sync unknown (company 44)' },
  { objectType: 'company', objectId: '45', title: 'Umbrella Logistics: syncing (company 45)' },
  { objectType: 'deal', objectId: '301', title: 'Acme Corp 2027 renewal (deal 301)' },
  { objectType: 'deal', objectId: '302', title: 'Globex expansion: setup only (deal 302)' },
  { objectType: 'invoice', objectId: '9001', title: 'INV-2026-0042 (invoice 9001)' },
  { objectType: 'company', objectId: '99', title: 'Hooli: no syncs (company 99)' },
];

/**
 * Demo responses keyed by `"objectType:objectId"`; dates are relative to `now`.
 * @param {number} [now] epoch milliseconds
 * @returns {Record<string, SyncStatusResponse>}
 */
export function demoRecords(now = Date.now()) {
  /** @param {number} ms @returns {string} ISO 8601 without milliseconds */
  const at = (ms) => new Date(now + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ago = (/** @type {number} */ ms) => at(-ms);

  // Fresh objects per record, so a consumer that mutates one record leaves the others alone.
  const netsuite = () => integration('netsuite', 'NetSuite');
  const dynamics = () => integration('dynamics365', 'Microsoft Dynamics 365');

  return {
    'company:42': {
      integrations: [netsuite(), dynamics()],
      syncs: [
        sync({
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'up_to_date',
          syncedWith: { name: 'Acme Corp (CUS-1042)', url: `${NETSUITE}/app/common/entity/custjob.nl?id=1042` },
          lastSyncedAt: ago(3 * MINUTE),
          nextSyncAt: at(12 * MINUTE),
        }),
        sync({
          id: 'dynamics365:account',
          integrationId: 'dynamics365',
          label: 'Dynamics 365 account',
          status: 'up_to_date',
          syncedWith: {
            name: 'Acme Corporation (ACC-00042)',
            url: `${DYNAMICS}/main.aspx?pagetype=entityrecord&etn=account&id=3f2504e0-4f89-41d3-9a0c-0305e82c3301`,
          },
          lastSyncedAt: ago(2 * HOUR),
          nextSyncAt: at(4 * HOUR),
        }),
      ],
    },

    'contact:7': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:contact',
          integrationId: 'netsuite',
          label: 'NetSuite contact',
          status: 'up_to_date',
          syncedWith: { name: 'Jane Cooper (CON-2207)', url: `${NETSUITE}/app/common/entity/contact.nl?id=2207` },
          lastSyncedAt: ago(2 * HOUR),
        }),
        sync({
          id: 'netsuite:individual',
          integrationId: 'netsuite',
          label: 'NetSuite individual',
          status: 'sync_not_found',
          lastSyncedAt: null,
        }),
      ],
    },

    'company:43': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'record_not_synced',
          syncedWith: { name: 'Globex Corporation (CUS-1187)', url: `${NETSUITE}/app/common/entity/custjob.nl?id=1187` },
          lastSyncedAt: ago(5 * DAY),
          detail: {
            message: "Required field 'Subsidiary' is missing.",
            code: 'MISSING_REQUIRED_FIELD',
            url: `${CRM}/integrations/netsuite/sync-health`,
          },
        }),
      ],
    },

    'contact:8': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:contact',
          integrationId: 'netsuite',
          label: 'NetSuite contact',
          status: 'sync_disabled',
          syncedWith: { name: 'Marcus Lee (CON-2231)', url: `${NETSUITE}/app/common/entity/contact.nl?id=2231` },
          lastSyncedAt: ago(5 * DAY),
          detail: { message: 'Contact sync is turned off in the NetSuite integration settings.' },
        }),
      ],
    },

    'contact:9': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:contact',
          integrationId: 'netsuite',
          label: 'NetSuite contact',
          status: 'record_excluded',
          lastSyncedAt: ago(5 * DAY),
          detail: { exclusionGroup: 'Internal and test contacts' },
        }),
      ],
    },

    'contact:10': {
      integrations: [netsuite()],
      syncs: [
        sync({ id: 'netsuite:contact', integrationId: 'netsuite', label: 'NetSuite contact', status: 'sync_not_found' }),
      ],
    },

    'company:44': {
      integrations: [dynamics()],
      syncs: [
        sync({
          id: 'dynamics365:account',
          integrationId: 'dynamics365',
          label: 'Dynamics 365 account',
          status: 'sync_unknown',
          syncedWith: {
            name: 'Initech (ACC-00044)',
            url: `${DYNAMICS}/main.aspx?pagetype=entityrecord&etn=account&id=9b2c1d4e-7a6f-4e21-8c3b-5d0e1f2a3b44`,
          },
          lastSyncedAt: ago(2 * HOUR),
        }),
      ],
    },

    'company:45': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'in_progress',
          syncedWith: { name: 'Umbrella Logistics (CUS-1203)', url: `${NETSUITE}/app/common/entity/custjob.nl?id=1203` },
          lastSyncedAt: ago(2 * HOUR),
        }),
      ],
    },

    // NetSuite is connected but its extra features are off: a setup callout,
    // while the Dynamics 365 sync renders normally beside it.
    'deal:301': {
      integrations: [integration('netsuite', 'NetSuite', 'extra_features_required'), dynamics()],
      syncs: [
        sync({
          id: 'dynamics365:opportunity',
          integrationId: 'dynamics365',
          label: 'Dynamics 365 opportunity',
          status: 'up_to_date',
          syncedWith: {
            name: 'Acme Corp 2027 renewal (OPP-03011)',
            url: `${DYNAMICS}/main.aspx?pagetype=entityrecord&etn=opportunity&id=c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e01`,
          },
          lastSyncedAt: ago(3 * MINUTE),
        }),
      ],
    },

    // Only a callout, no syncs: must not show the empty state.
    'deal:302': {
      integrations: [integration('netsuite', 'NetSuite', 'extra_features_required')],
      syncs: [],
    },

    'invoice:9001': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:invoice',
          integrationId: 'netsuite',
          label: 'NetSuite invoice',
          status: 'up_to_date',
          syncedWith: {
            name: 'INV-2026-0042 (Invoice #1187)',
            url: `${NETSUITE}/app/accounting/transactions/custinvc.nl?id=1187`,
          },
          lastSyncedAt: ago(5 * DAY),
        }),
      ],
    },

    // An active integration with nothing synced for this record: the empty state.
    'company:99': {
      integrations: [netsuite()],
      syncs: [],
    },
  };
}

/**
 * @param {string} id
 * @param {string} name
 * @param {Integration['state']} [state]
 * @returns {Integration}
 */
function integration(id, name, state = 'active') {
  return { id, name, state, settingsUrl: `${CRM}/integrations/${id}/settings` };
}

/**
 * A sync entry with every optional field present (null when unknown).
 * @param {Partial<Omit<Sync, 'detail'>> & Pick<Sync, 'id' | 'integrationId' | 'status'> & { detail?: Partial<SyncDetail> }} fields
 * @returns {Sync}
 */
function sync({ id, integrationId, label = null, status, syncedWith = null, lastSyncedAt = null, nextSyncAt = null, detail = {} }) {
  return {
    id,
    integrationId,
    label,
    status,
    syncedWith,
    lastSyncedAt,
    nextSyncAt,
    detail: { message: null, code: null, url: null, exclusionGroup: null, ...detail },
  };
}
