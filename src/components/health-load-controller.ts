import type { ReactiveControllerHost } from 'lit';
import { DEFAULT_RETRY_POLICY, planRetry } from '../data/backoff.ts';
import { toError } from '../data/errors.ts';
import type { HealthQuery, HealthRecord, HealthSummary, SyncHealthProvider } from '../data/health-types.ts';
import { normalizeResponse } from '../data/normalize.ts';
import type { NormalizedSync, RecordRef } from '../data/types.ts';
import { LoadLifecycle } from './load-lifecycle.ts';

/** One row of the table: the record's sync, validated like a card's (normalizeResponse). */
export interface HealthRow {
  /** `objectType:objectId:syncId`: the row's identity across pages and reloads. */
  readonly key: string;
  readonly record: RecordRef;
  readonly sync: NormalizedSync;
  readonly lastAttemptAt: string | null;
  readonly firstFailedAt: string | null;
  readonly attempts: number;
}

/** What the page shows for its loads: the one state the templates read. */
export type HealthView =
  | { readonly state: 'empty' }
  | { readonly state: 'loading' }
  /** The load failed; `retryAt` (clock ms) while an automatic retry waits; `retrying` while one runs. */
  | { readonly state: 'error'; readonly error: Error; readonly retrying: boolean; readonly retryAt: number | null }
  | {
      readonly state: 'data';
      readonly summary: HealthSummary;
      readonly rows: readonly HealthRow[];
      readonly total: number;
      readonly nextCursor: string | null;
      /** A new query (filter, sort) or a reload runs; the rows on screen stay meanwhile. */
      readonly refreshing: boolean;
      readonly loadingMore: boolean;
      /** Why the last "Load more" failed. */
      readonly moreError: Error | null;
    };

export type HealthOutcome =
  | { readonly ok: true; readonly query: HealthQuery; readonly total: number }
  | { readonly ok: false; readonly error: Error; readonly willRetry: boolean; readonly retryInMs: number | null };

export interface HealthLoadOptions {
  provider(): SyncHealthProvider | undefined;
  /** The first page's query (no cursor). */
  query(): HealthQuery;
  /** Called after the host rendered a settled load. */
  onSettled(outcome: HealthOutcome): void;
}

/** The rows of a page, validated and repaired like a card's syncs; rows that are not rows are skipped. */
export function toRows(records: unknown): HealthRow[] {
  if (!Array.isArray(records)) return [];
  const valid = records.filter(
    (item): item is HealthRecord =>
      typeof item === 'object' && item !== null && typeof item.record?.objectType === 'string' && typeof item.record?.objectId === 'string' && typeof item.syncId === 'string',
  );
  // NOTE: one normalisation for the page (its syncs keyed by position), not one per row.
  const { response } = normalizeResponse({
    syncs: valid.map((item, index) => ({ ...item, id: String(index), detail: item.detail ?? undefined })),
  });
  return response.syncs.map((sync) => {
    const item = valid[Number(sync.id)];
    const { objectType, objectId, portalId } = item.record;
    return {
      key: `${objectType}:${objectId}:${item.syncId}`,
      record: typeof portalId === 'string' ? { objectType, objectId, portalId } : { objectType, objectId },
      sync: { ...sync, id: item.syncId },
      lastAttemptAt: validDate(item.lastAttemptAt),
      firstFailedAt: validDate(item.firstFailedAt),
      attempts: typeof item.attempts === 'number' && Number.isFinite(item.attempts) ? item.attempts : 0,
    };
  });
}

const validDate = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null);

/**
 * The health page's loads: the summary and the first page together, then "Load more" pages by
 * cursor. A new query (filter, sort) or provider loads again and aborts what was in flight; the
 * rows on screen stay until the new ones arrive. A transient failure retries by itself with the
 * card's policy (section 12, src/data/backoff.ts); Retry starts the count again.
 */
export class HealthLoadController extends LoadLifecycle<HealthOutcome> {
  private currentView: HealthView = { state: 'empty' };
  private args?: { provider?: SyncHealthProvider; key: string };
  private controller?: AbortController;
  private retries = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    protected readonly options: HealthLoadOptions,
  ) {
    super();
    host.addController(this);
  }

  get view(): HealthView {
    return this.currentView;
  }

  hostUpdate(): void {
    const provider = this.options.provider();
    const key = JSON.stringify(this.options.query());
    if (this.args && this.args.provider === provider && this.args.key === key) return;
    void this.run();
  }

  hostDisconnected(): void {
    if (this.controller || this.retryTimer !== undefined) this.rerunOnConnect = true;
    this.cancel();
  }

  /** Loads the summary and the first page now; `manual` (Retry, "Show" of the updates) starts the retry count again. */
  override async run({ manual = false }: { manual?: boolean } = {}): Promise<void> {
    const provider = this.options.provider();
    const query = this.options.query();
    const key = JSON.stringify(query);
    const sameArgs = this.args?.provider === provider && this.args?.key === key;
    if (manual || !sameArgs) this.retries = 0;
    this.args = { provider, key };
    this.rerunOnConnect = false;
    this.cancel();
    if (!provider) return this.show({ state: 'empty' });
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    const view = this.currentView;
    if (view.state === 'data') this.show({ ...view, refreshing: true, loadingMore: false, moreError: null });
    else if (view.state === 'error') this.show({ ...view, retrying: true, retryAt: null });
    else this.show({ state: 'loading' });
    try {
      const [summary, page] = await Promise.all([
        provider.getSummary({ portalId: query.portalId }, { signal }),
        provider.getRecords(query, { signal }),
      ]);
      if (this.controller !== controller) return;
      this.controller = undefined;
      this.retries = 0;
      const total = typeof page?.total === 'number' ? page.total : 0;
      this.show({
        state: 'data',
        summary: { ...summary, counts: summary?.counts ?? [], groups: summary?.groups ?? [], integrations: summary?.integrations ?? [] },
        rows: toRows(page?.records),
        total,
        nextCursor: typeof page?.nextCursor === 'string' ? page.nextCursor : null,
        refreshing: false,
        loadingMore: false,
        moreError: null,
      });
      this.outcome = { ok: true, query, total };
    } catch (error) {
      if (this.controller !== controller) return;
      this.controller = undefined;
      this.fail(toError(error));
    }
  }

  /** The next page (keyset: the previous page's cursor), appended; rows already shown are not repeated. */
  async loadMore(): Promise<void> {
    const view = this.currentView;
    const provider = this.options.provider();
    if (view.state !== 'data' || !view.nextCursor || view.loadingMore || !provider) return;
    const controller = (this.controller = new AbortController());
    this.show({ ...view, loadingMore: true, moreError: null });
    try {
      const page = await provider.getRecords({ ...this.options.query(), cursor: view.nextCursor }, { signal: controller.signal });
      if (this.controller !== controller) return;
      this.controller = undefined;
      const shown = new Set(view.rows.map((row) => row.key));
      const added = toRows(page?.records).filter((row) => !shown.has(row.key));
      this.show({
        ...view,
        rows: [...view.rows, ...added],
        total: typeof page?.total === 'number' ? page.total : view.total,
        nextCursor: typeof page?.nextCursor === 'string' ? page.nextCursor : null,
        loadingMore: false,
        moreError: null,
      });
    } catch (error) {
      if (this.controller !== controller) return;
      this.controller = undefined;
      this.show({ ...view, loadingMore: false, moreError: toError(error) });
    }
  }

  /** A failed first load: the error state, and an automatic retry when the cause is transient. */
  private fail(error: Error): void {
    const plan = planRetry(error, this.retries, DEFAULT_RETRY_POLICY);
    let retryAt: number | null = null;
    if (plan.willRetry) {
      this.retries = plan.retry;
      retryAt = Date.now() + plan.retryInMs;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.run();
      }, plan.retryInMs);
    }
    this.show({ state: 'error', error, retrying: false, retryAt });
    this.outcome = { ok: false, error, willRetry: plan.willRetry, retryInMs: plan.retryInMs };
  }

  private cancel(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }

  private show(view: HealthView): void {
    this.currentView = view;
    this.host.requestUpdate();
  }
}
