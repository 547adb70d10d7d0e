import type { ReactiveControllerHost } from 'lit';
import { filterOf } from '../../data/health-rest-provider.ts';
import type { HealthSelection, SyncHealthProvider } from '../../data/health-types.ts';
import { toError } from '../../data/errors.ts';
import type { IscHealthResyncDetail } from '../../events.ts';
import type { HealthRow } from '../health-load-controller.ts';
import type { HealthContext } from './context.ts';
import type { HealthFilters } from './filters.ts';

/** The most rows one resync request names (the route's limit). */
const MAX_RESYNC_ITEMS = 1000;

/** What a bulk resync needs from the page: what to resync, and where its outcome goes. */
export interface SelectionOptions {
  /** The page as it is now: the rows loaded, the filter… */
  now(): { provider: SyncHealthProvider | undefined; rows: readonly HealthRow[]; filters: HealthFilters; portalId: string | undefined; context: HealthContext };
  /** Says it in the polite live region. */
  announce(text: string): void;
  /** `isc-resync`'s detail, once the resync ended. */
  ended(detail: IscHealthResyncDetail): void;
}

/**
 * The health page's selection: ticked rows, or "all N matching" the filter, and the one-request
 * bulk resync of it. Every change re-renders the host.
 */
export class HealthSelectionState {
  /** Keys of the selected rows. */
  private selected = new Set<string>();
  /** "Select all N" was chosen: every record matching the filter. */
  allMatching = false;
  resyncing = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SelectionOptions,
  ) {}

  isSelected(row: HealthRow): boolean {
    return this.allMatching || this.selected.has(row.key);
  }

  /** How many records the selection names: the total when all matching. */
  count(rows: readonly HealthRow[], total: number): number {
    return this.allMatching ? total : rows.filter((row) => this.selected.has(row.key)).length;
  }

  /** Every row of the page is selected. */
  pageSelected(rows: readonly HealthRow[]): boolean {
    return rows.length > 0 && (this.allMatching || rows.every((row) => this.selected.has(row.key)));
  }

  /** Selects nothing (a new filter or sort: the selection was of other rows). */
  clear(): void {
    this.allMatching = false;
    this.selected = new Set();
    this.host.requestUpdate();
  }

  toggle(row: HealthRow, selected: boolean): void {
    if (this.allMatching) {
      // Unticking one row of "all matching" keeps the others of the page.
      this.allMatching = false;
      this.selected = new Set(this.options.now().rows.map((r) => r.key));
    }
    if (selected) this.selected.add(row.key);
    else this.selected.delete(row.key);
    this.host.requestUpdate();
  }

  selectPage(selected: boolean): void {
    this.allMatching = false;
    this.selected = selected ? new Set(this.options.now().rows.map((row) => row.key)) : new Set();
    this.host.requestUpdate();
  }

  selectAllMatching(): void {
    this.allMatching = true;
    this.host.requestUpdate();
  }

  /** One request for the whole selection (the rows, or the filter); the live region says how many were queued. */
  async resync(): Promise<void> {
    const { provider, rows: loaded, filters, portalId, context } = this.options.now();
    const { announce, ended } = this.options;
    const rows = loaded.filter((row) => this.selected.has(row.key));
    if (!provider || this.resyncing || (!this.allMatching && rows.length === 0)) return;
    const items = this.allMatching ? [] : rows.map((row) => ({ record: row.record, syncId: row.sync.id }));
    const filter = this.allMatching ? filterOf(filters) : undefined;
    this.resyncing = true;
    this.host.requestUpdate();
    const { h, number } = context;
    try {
      let requested = 0;
      if (filter) requested = (await provider.resync({ filter, portalId }, { signal: new AbortController().signal })).requested;
      // NOTE: more than the route's 1,000 items only after loading more than 1,000 rows: one request per 1,000.
      for (let start = 0; start < items.length; start += MAX_RESYNC_ITEMS) {
        const selection: HealthSelection & { portalId?: string } = { items: items.slice(start, start + MAX_RESYNC_ITEMS), portalId };
        requested += (await provider.resync(selection, { signal: new AbortController().signal })).requested;
      }
      this.clear();
      announce(h.queued(requested, number(requested)));
      ended(filter ? { items, filter, requested, ok: true } : { items, requested, ok: true });
    } catch (caught) {
      const error = toError(caught);
      announce(h.resyncFailed(error.message));
      ended(filter ? { items, filter, requested: 0, ok: false, error } : { items, requested: 0, ok: false, error });
    } finally {
      this.resyncing = false;
      this.host.requestUpdate();
    }
  }
}
