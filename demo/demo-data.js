// Demo records for the dev server, the demo page, stories and tests.
// Plain JavaScript (JSDoc types only, no imports) so Node config files and the
// browser can both load it as is. Shapes follow the wire format: version 1, and the 1.1 records
// (the "worst day", a partial sync, 200 fields) with the why and what next of a failure.

/**
 * @typedef {{ objectType: string, objectId: string, portalId?: string }} RecordRef
 * @typedef {{ id: string, name: string, state: 'active' | 'extra_features_required' | 'disconnected', settingsUrl?: string | null }} Integration
 * @typedef {{ name: string, label?: string | null, status: 'synced' | 'failed' | 'pending' | 'differs',
 *   crmValue?: string | number | boolean | null, externalValue?: string | number | boolean | null,
 *   direction?: 'inbound' | 'outbound' | 'both' | null, message?: string | null }} SyncField
 * @typedef {{
 *   message: string | null, code: string | null, url: string | null, exclusionGroup: string | null,
 *   category?: string | null, retryable?: boolean | null, fix?: { text: string, url?: string | null } | null,
 *   retry?: { attempt: number, maxAttempts: number, nextAt?: string | null } | null,
 *   exclusionReason?: string | null, fields?: SyncField[] | null,
 * }} SyncDetail
 * @typedef {{ at: string, status: string, message: string | null, direction: 'inbound' | 'outbound' | null,
 *   trigger?: 'schedule' | 'record_change' | 'manual' | 'api' | null, actor?: string | null }} SyncEvent
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

/** The record with every part of wire format 1.1 at once: the "worst day". */
export const WORST_DAY_RECORD = Object.freeze({ objectType: 'company', objectId: '46' });

/**
 * The CRM portal (tenant) of a demo record, for the demo on the sync ledger (`npm start`): the
 * deals live in a second portal, whose NetSuite still needs its extra features. The ledger keeps
 * one state per integration and portal, so the setup callout is a portal's, not one record's.
 * The demo data in memory has no portals and ignores it.
 * @param {RecordRef} record
 * @returns {string | undefined}
 */
export function demoPortalOf(record) {
  return record.objectType === 'deal' ? '2' : undefined;
}

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
  { objectType: 'company', objectId: '46', title: 'Wayne Enterprises: the worst day, every 1.1 part (company 46)' },
  { objectType: 'contact', objectId: '11', title: 'Ana Souza: partially synced (contact 11)' },
  { objectType: 'company', objectId: '47', title: 'Stark Industries: 200 fields (company 47)' },
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
            url: `${CRM}/integrations/netsuite/sync-health?code=MISSING_REQUIRED_FIELD`,
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

    // Wire format 1.1, everything at once: a failure that needs a fix (with its link, the
    // integration's retry plan and the fields side by side), one where retrying helps, a partial
    // sync that ran out of retries, and an exclusion with its rule.
    'company:46': {
      integrations: [netsuite(), dynamics()],
      syncs: [
        sync({
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'record_not_synced',
          syncedWith: { name: 'Wayne Enterprises (CUS-1310)', url: `${NETSUITE}/app/common/entity/custjob.nl?id=1310` },
          lastSyncedAt: ago(26 * HOUR),
          detail: {
            message: "Required field 'Subsidiary' is missing.",
            code: 'MISSING_REQUIRED_FIELD',
            url: `${CRM}/integrations/netsuite/sync-health?code=MISSING_REQUIRED_FIELD`,
            category: 'missing_data',
            fix: {
              text: "Set the company's Subsidiary (NetSuite needs one for every customer), then resync.",
              url: `${CRM}/integrations/netsuite/field-mappings#subsidiary`,
            },
            retry: { attempt: 4, maxAttempts: 10, nextAt: at(12 * MINUTE) },
            fields: [
              { name: 'subsidiary', label: 'Subsidiary', status: 'failed', crmValue: null, externalValue: null, direction: 'outbound', message: 'Required by NetSuite; empty in the CRM.' },
              { name: 'name', label: 'Company name', status: 'synced', crmValue: 'Wayne Enterprises', externalValue: 'Wayne Enterprises', direction: 'both' },
              { name: 'phone', label: 'Phone number', status: 'differs', crmValue: '+1 212 555 0100', externalValue: '+1 212 555 0199', direction: 'inbound', message: 'Changed in NetSuite after the last sync.' },
              { name: 'creditlimit', label: 'Credit limit', status: 'pending', crmValue: 250000, externalValue: 200000, direction: 'inbound' },
              { name: 'taxable', label: 'Taxable', status: 'synced', crmValue: true, externalValue: true, direction: 'outbound' },
              {
                name: 'description',
                label: 'Description',
                status: 'differs',
                crmValue:
                  'Wayne Enterprises is a multinational conglomerate headquartered in Gotham City. Its divisions include Wayne Aerospace, Wayne Biotech, Wayne Shipping, Wayne Steel, Wayne Foundation grants and a long tail of subsidiaries that the sales team tracks here, one note per quarterly review, since 2019.',
                externalValue: 'Conglomerate, Gotham City.',
                direction: 'outbound',
              },
              { name: 'custentity_region', status: 'synced', crmValue: 'North America', externalValue: 'North America', direction: 'outbound' },
            ],
          },
        }),
        sync({
          id: 'netsuite:project',
          integrationId: 'netsuite',
          label: 'NetSuite project',
          status: 'record_not_synced',
          syncedWith: { name: 'Wayne Tower retrofit (PRJ-0077)', url: `${NETSUITE}/app/accounting/project/project.nl?id=77` },
          lastSyncedAt: ago(40 * MINUTE),
          detail: {
            message: 'NetSuite answered 429: too many requests for this account.',
            code: 'SSS_REQUEST_LIMIT_EXCEEDED',
            category: 'rate_limit',
            retry: { attempt: 2, maxAttempts: 10, nextAt: at(20 * MINUTE) },
          },
        }),
        sync({
          id: 'dynamics365:account',
          integrationId: 'dynamics365',
          label: 'Dynamics 365 account',
          status: 'partially_synced',
          syncedWith: {
            name: 'Wayne Enterprises (ACC-00046)',
            url: `${DYNAMICS}/main.aspx?pagetype=entityrecord&etn=account&id=6a1f0c2e-8b3d-4e5f-9a7b-1c2d3e4f5a46`,
          },
          lastSyncedAt: ago(3 * HOUR),
          detail: {
            message: '2 of 5 fields were rejected by Dynamics 365.',
            url: `${CRM}/integrations/dynamics365/sync-health?status=partially_synced`,
            category: 'validation',
            fix: { text: 'Shorten the account number to 20 characters and pick an industry Dynamics 365 knows, then resync.', url: null },
            retry: { attempt: 10, maxAttempts: 10, nextAt: null },
            fields: [
              { name: 'accountnumber', label: 'Account number', status: 'failed', crmValue: 'WAYNE-ENTERPRISES-GOTHAM-0046', externalValue: 'ACC-00046', direction: 'outbound', message: 'Longer than 20 characters.' },
              { name: 'industrycode', label: 'Industry', status: 'failed', crmValue: 'Vigilance', externalValue: null, direction: 'outbound', message: "'Vigilance' is not an option of this field." },
              { name: 'name', label: 'Account name', status: 'synced', crmValue: 'Wayne Enterprises', externalValue: 'Wayne Enterprises', direction: 'both' },
              { name: 'telephone1', label: 'Main phone', status: 'synced', crmValue: '+1 212 555 0100', externalValue: '+1 212 555 0100', direction: 'both' },
              { name: 'revenue', label: 'Annual revenue', status: 'synced', crmValue: 31300000000, externalValue: 31300000000, direction: 'inbound' },
            ],
          },
        }),
        sync({
          id: 'netsuite:vendor',
          integrationId: 'netsuite',
          label: 'NetSuite vendor',
          status: 'record_excluded',
          lastSyncedAt: null,
          detail: {
            exclusionGroup: 'Customers only',
            exclusionReason: "Company type is 'Customer': only companies of type 'Vendor' sync as NetSuite vendors.",
          },
        }),
      ],
    },

    // Partially synced, the plain case: most fields made it, one did not, retrying will help.
    'contact:11': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:contact',
          integrationId: 'netsuite',
          label: 'NetSuite contact',
          status: 'partially_synced',
          syncedWith: { name: 'Ana Souza (CON-2290)', url: `${NETSUITE}/app/common/entity/contact.nl?id=2290` },
          lastSyncedAt: ago(7 * MINUTE),
          detail: {
            message: 'The phone number could not be written: NetSuite timed out.',
            category: 'connection',
            retry: { attempt: 1, maxAttempts: 10, nextAt: at(13 * MINUTE) },
            fields: [
              { name: 'firstname', label: 'First name', status: 'synced', crmValue: 'Ana', externalValue: 'Ana', direction: 'both' },
              { name: 'lastname', label: 'Last name', status: 'synced', crmValue: 'Souza', externalValue: 'Souza', direction: 'both' },
              { name: 'email', label: 'Email', status: 'synced', crmValue: 'ana.souza@example.com', externalValue: 'ana.souza@example.com', direction: 'both' },
              { name: 'phone', label: 'Phone number', status: 'failed', crmValue: '+55 11 5555 0142', externalValue: null, direction: 'outbound', message: 'NetSuite did not answer in time.' },
            ],
          },
        }),
      ],
    },

    // The fields view at its limit: 200 fields (the most a card shows), a few of them differing.
    'company:47': {
      integrations: [netsuite()],
      syncs: [
        sync({
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'partially_synced',
          syncedWith: { name: 'Stark Industries (CUS-1401)', url: `${NETSUITE}/app/common/entity/custjob.nl?id=1401` },
          lastSyncedAt: ago(30 * MINUTE),
          detail: {
            category: 'conflict',
            fix: { text: 'Pick the right value for each field marked "Differs" in NetSuite or in the CRM.', url: null },
            fields: Array.from({ length: 200 }, (_, i) => {
              const differs = i % 25 === 7;
              const value = `Value ${i + 1}`;
              return {
                name: `custentity_field_${i + 1}`,
                label: `Custom field ${i + 1}`,
                status: differs ? 'differs' : 'synced',
                crmValue: value,
                externalValue: differs ? `${value} (edited in NetSuite)` : value,
                direction: 'both',
              };
            }),
          },
        }),
      ],
    },
  };
}

/**
 * A plausible sync history for one sync of a demo record, newest first, with what started each
 * attempt and who asked (wire format 1.1): the current status now, older attempts before it.
 * @param {Sync} sync
 * @param {number} [now] epoch milliseconds
 * @returns {SyncEvent[]}
 */
export function demoHistory(sync, now = Date.now()) {
  const last = Date.parse(sync.lastSyncedAt ?? '') || now - HOUR;
  const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
  return [
    { at: iso(last), status: sync.status, message: sync.detail?.message ?? null, direction: 'outbound', trigger: 'record_change', actor: null },
    { at: iso(last - DAY), status: 'up_to_date', message: null, direction: 'inbound', trigger: 'manual', actor: 'Jane Cooper' },
    { at: iso(last - 2 * DAY), status: 'up_to_date', message: null, direction: 'outbound', trigger: 'api', actor: 'ERP bridge (API key …4f2a)' },
    { at: iso(last - 3 * DAY), status: 'up_to_date', message: null, direction: 'outbound', trigger: 'schedule', actor: null },
  ];
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
