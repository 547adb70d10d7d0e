// The health page's own strings (contract §15). The status labels and explanations, the error
// categories and the shared states come from the card's translation (src/i18n/<tag>.ts); these
// load only with the health page, so the card's first load does not grow.

/** Every string of `<integration-sync-health>`; other locales are typed against it. */
export interface HealthTranslation {
  $code: string;
  /** Table column headers. */
  column: {
    record: string;
    syncType: string;
    syncedWith: string;
    status: string;
    category: string;
    message: string;
    firstFailed: string;
    lastAttempt: string;
    attempts: string;
  };
  /** Accessible name of the table (its caption). */
  tableLabel: string;
  summaryLabel: string;
  groupsLabel: string;
  /** "12 records" (count already formatted). */
  records: (count: number, formatted: string) => string;
  firstSeen: string;
  lastSeen: string;
  /** A group's button: filters the table to that group. */
  showGroup: string;
  filtersLabel: string;
  statusFilter: string;
  /** The default status filter: record_not_synced and partially_synced. */
  needsAttention: string;
  allStatuses: string;
  integrationFilter: string;
  allIntegrations: string;
  categoryFilter: string;
  allCategories: string;
  search: string;
  /** What the search box looks in. */
  searchHint: string;
  /** Chips of the filters that have no control of their own (set by a link or a group). */
  codeFilter: (code: string) => string;
  objectTypeFilter: (type: string) => string;
  clearFilters: string;
  loadMore: string;
  /** "50 of 1,204 shown" (numbers already formatted). */
  shown: (shown: string, total: string) => string;
  resyncSelected: string;
  resyncing: string;
  exportCsv: string;
  /** Accessible name of a row's checkbox: "Select Acme Corp". */
  selectRow: (name: string) => string;
  /** Accessible name of the header checkbox. */
  selectPage: string;
  /** "Select all 1,204": the whole filter (total already formatted). */
  selectAllMatching: (total: string) => string;
  /** "3 selected". */
  selected: (formatted: string) => string;
  /** "All 1,204 matching records selected". */
  allSelected: (formatted: string) => string;
  clearSelection: string;
  /** The live region after a bulk resync. */
  queued: (count: number, formatted: string) => string;
  resyncFailed: (message: string) => string;
  /** The `updates` button: "12 records changed — Show". */
  updates: (count: number, formatted: string) => string;
  loading: string;
  errorTitle: string;
  empty: string;
}

const en: HealthTranslation = {
  $code: 'en',
  column: {
    record: 'Record',
    syncType: 'Sync type',
    syncedWith: 'Synced with',
    status: 'Status',
    category: 'Category',
    message: 'Message',
    firstFailed: 'First failed',
    lastAttempt: 'Last attempt',
    attempts: 'Attempts',
  },
  tableLabel: 'Records that need attention',
  summaryLabel: 'Records by status',
  groupsLabel: 'Errors by type',
  records: (count, formatted) => (count === 1 ? '1 record' : `${formatted} records`),
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  showGroup: 'Show these records',
  filtersLabel: 'Filters',
  statusFilter: 'Status',
  needsAttention: 'Needs attention',
  allStatuses: 'All statuses',
  integrationFilter: 'Integration',
  allIntegrations: 'All integrations',
  categoryFilter: 'Category',
  allCategories: 'All categories',
  search: 'Search',
  searchHint: 'Record id, synced-with name or message',
  codeFilter: (code) => `Code: ${code}`,
  objectTypeFilter: (type) => `Object type: ${type}`,
  clearFilters: 'Clear filters',
  loadMore: 'Load more',
  shown: (shown, total) => `${shown} of ${total} shown`,
  resyncSelected: 'Resync selected',
  resyncing: 'Resyncing…',
  exportCsv: 'Export CSV',
  selectRow: (name) => `Select ${name}`,
  selectPage: 'Select every row on this page',
  selectAllMatching: (total) => `Select all ${total}`,
  selected: (formatted) => `${formatted} selected`,
  allSelected: (formatted) => `All ${formatted} matching records selected`,
  clearSelection: 'Clear selection',
  queued: (count, formatted) => (count === 1 ? '1 record queued for resync.' : `${formatted} records queued for resync.`),
  resyncFailed: (message) => `Resync failed: ${message}`,
  updates: (count, formatted) => (count === 1 ? '1 record changed — Show' : `${formatted} records changed — Show`),
  loading: 'Loading sync health…',
  errorTitle: 'The sync health could not be loaded.',
  empty: 'No record needs attention.',
};

export default en;
