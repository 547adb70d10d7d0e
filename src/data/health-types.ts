// The sync health page's data (contract §15): what `/health/*` answers and what the element asks.
import type { RecordRef, SyncDetail, SyncStatus } from './types.ts';

/** The records route's sort keys: the time sorts are newest first by default, `record` ascending. */
export const HEALTH_SORTS = ['lastAttemptAt', 'firstFailedAt', 'record'] as const;
export type HealthSort = (typeof HEALTH_SORTS)[number];

/** The statuses the page lists when no `status` filter is given (§15: its default). */
export const DEFAULT_HEALTH_STATUSES: readonly SyncStatus[] = ['record_not_synced', 'partially_synced'];

/** The filter of a records query, an export and a `{"filter":…}` resync (the records route's names). */
export interface HealthFilter {
  /** Absent or empty: every status. */
  status?: string[];
  integrationId?: string[];
  objectType?: string[];
  category?: string[];
  code?: string[];
  /** Case-insensitive substring of `objectId`, `syncedWith.name` or `detail.message`. */
  q?: string;
}

/** A query of the summary, the records, the export or the event stream. */
export interface HealthQuery extends HealthFilter {
  /** The tenant, sent as `portalId` on every route (a health token's own portal wins on the server). */
  portalId?: string;
  sort?: HealthSort;
  order?: 'asc' | 'desc';
  /** 1 to 200. */
  limit?: number;
  /** The opaque `nextCursor` of the previous page. */
  cursor?: string | null;
}

/** `GET {base}/health/summary`. */
export interface HealthSummary {
  generatedAt: string;
  integrations: { id: string; name: string; state: string }[];
  /** One entry per (integration, status). */
  counts: { integrationId: string; status: SyncStatus; count: number }[];
  /** `record_not_synced` and `partially_synced` grouped, largest first (at most 50). */
  groups: HealthGroup[];
}

export interface HealthGroup {
  integrationId: string;
  category: string | null;
  code: string | null;
  message: string | null;
  fix: { text: string; url: string | null } | null;
  count: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
}

/** One row of `GET {base}/health/records`. */
export interface HealthRecord {
  record: RecordRef;
  syncId: string;
  label: string | null;
  integrationId: string;
  status: SyncStatus;
  syncedWith: { name: string | null; url: string | null } | null;
  detail: SyncDetail | null;
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  firstFailedAt: string | null;
  attempts: number;
}

export interface HealthRecordsPage {
  records: HealthRecord[];
  /** `null` on the last page. */
  nextCursor: string | null;
  /** Every record matching the filter, on all pages. */
  total: number;
}

/** What a bulk resync asks for: these rows (at most 1,000), or every record matching a filter. */
export type HealthSelection = { items: { record: RecordRef; syncId: string }[] } | { filter: HealthFilter };

/** Where the health page's data comes from: `createRestHealthProvider`, or your own. */
export interface SyncHealthProvider {
  getSummary(query: HealthQuery, options: { signal: AbortSignal }): Promise<HealthSummary>;
  getRecords(query: HealthQuery, options: { signal: AbortSignal }): Promise<HealthRecordsPage>;
  /** Queues one resync request per selected sync; answers how many this call queued. */
  resync(selection: HealthSelection & { portalId?: string }, options: { signal: AbortSignal }): Promise<{ requested: number }>;
  /** The CSV export of a filter, as a URL that needs no header (it never carries a token). */
  exportUrl(query: HealthQuery): string;
  /**
   * Optional: the export as a file, fetched with the provider's credentials (a link cannot send
   * an `Authorization` header). The element uses it instead of the link when present.
   */
  exportFile?(query: HealthQuery, options: { signal: AbortSignal }): Promise<Blob>;
  /** Optional: calls `onChange(n)` when n records of the portal changed; returns the unsubscribe function. */
  subscribe?(onChange: (changed: number) => void, query?: HealthQuery): () => void;
}
