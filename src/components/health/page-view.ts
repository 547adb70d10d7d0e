import { html, type TemplateResult } from 'lit';
import type { HealthView } from '../health-load-controller.ts';
import { renderError, renderLoading } from '../templates/states.ts';
import { renderBulkBar, type BulkActions } from './bulk-bar.ts';
import type { HealthContext } from './context.ts';
import { renderFilters, type FilterActions, type HealthFilters } from './filters.ts';
import { renderGroups } from './groups.ts';
import type { HealthSelectionState } from './selection.ts';
import { renderHealthEmpty, renderLoadMore, renderUpdates } from './states.ts';
import { renderSummary } from './summary.ts';
import { renderTable, type SortState, type TableActions } from './table.ts';

/** What the page shows besides the loaded data. */
export interface HealthPageState {
  filters: HealthFilters;
  /** The search box's text as typed. */
  searchText: string;
  sort: SortState;
  selection: HealthSelectionState;
  /** Live changes not applied yet. */
  changed: number;
  exportUrl: string;
}

export interface HealthPageActions {
  filter: FilterActions;
  table: TableActions;
  bulk: BulkActions;
  chooseStatus: Parameters<typeof renderSummary>[3];
  chooseGroup: Parameters<typeof renderGroups>[2];
  showUpdates(): void;
  loadMore(): void;
  retry(): void;
}

/** The health page for its load's view: the first load, its error, or the data with its controls. */
export function renderHealthView(ctx: HealthContext, view: HealthView, page: HealthPageState, actions: HealthPageActions): TemplateResult {
  switch (view.state) {
    case 'empty':
      return renderHealthEmpty(ctx);
    case 'loading':
      return renderLoading(ctx);
    case 'error':
      return renderError(ctx, view.error, view.retrying, view.retryAt, actions.retry);
    case 'data':
      break;
  }
  const { rows, total } = view;
  const { selection } = page;
  return html`${renderSummary(ctx, view.summary, page.filters.status, actions.chooseStatus)}
    ${renderGroups(ctx, view.summary, actions.chooseGroup)}
    ${renderFilters(ctx, view.summary, { ...page.filters, q: page.searchText }, actions.filter)}
    ${renderUpdates(ctx, page.changed, actions.showUpdates)}
    ${rows.length === 0
      ? renderHealthEmpty(ctx)
      : html`${renderBulkBar(
            ctx,
            {
              selected: selection.count(rows, total),
              allMatching: selection.allMatching,
              pageSelected: selection.pageSelected(rows),
              total,
              shown: rows.length,
              resyncing: selection.resyncing,
              exportUrl: page.exportUrl,
            },
            actions.bulk,
          )}
          <div class="table-wrap" aria-busy=${view.refreshing ? 'true' : 'false'}>${renderTable(ctx, rows, page.sort, actions.table)}</div>
          ${renderLoadMore(ctx, rows.length, total, { hasMore: !!view.nextCursor, loading: view.loadingMore, error: view.moreError }, actions.loadMore)}`}`;
}
