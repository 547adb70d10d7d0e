import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { HealthSort } from '../../data/health-types.ts';
import type { HealthRow } from '../health-load-controller.ts';
import type { HealthContext } from './context.ts';
import { renderRow, type RowActions } from './row.ts';

export interface SortState {
  sort: HealthSort;
  order: 'asc' | 'desc';
}

export interface TableActions extends RowActions {
  sortBy(sort: HealthSort): void;
  /** The header checkbox: every row of the page, or none. */
  selectPage(selected: boolean): void;
}

const ARROW = html`<svg class="sort-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false"><path d="M6 2v8M3 7l3 3 3-3" /></svg>`;

/**
 * The records as a native table (WAI-ARIA APG sortable table): a `<button>` in each sortable
 * header, `aria-sort` on the sorted one only. The table scrolls inside its own box, so a narrow
 * page never scrolls sideways.
 */
export function renderTable(ctx: HealthContext, rows: readonly HealthRow[], sort: SortState, actions: TableActions): TemplateResult {
  const { h } = ctx;
  const selectedCount = rows.filter((row) => actions.isSelected(row)).length;
  const header = (label: string, key?: HealthSort) => {
    if (!key) return html`<th scope="col">${label}</th>`;
    const sorted = sort.sort === key;
    // aria-sort on the sorted header only (undefined leaves the attribute out).
    return html`<th scope="col" aria-sort=${ifDefined(sorted ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined)} class=${sorted ? `sorted ${sort.order}` : ''}>
      <button type="button" class="sort" @click=${() => actions.sortBy(key)}>${label}${ARROW}</button>
    </th>`;
  };
  return html`<div class="table-box" role="region" aria-labelledby="table-caption" tabindex="0">
    <table part="table">
      <caption id="table-caption" class="visually-hidden">${h.tableLabel}</caption>
      <thead>
        <tr>
          <th scope="col" class="select-cell">
            <input
              part="select-all"
              type="checkbox"
              aria-label=${h.selectPage}
              .checked=${rows.length > 0 && selectedCount === rows.length}
              .indeterminate=${selectedCount > 0 && selectedCount < rows.length}
              ?disabled=${rows.length === 0}
              @change=${(event: Event) => actions.selectPage((event.target as HTMLInputElement).checked)}
            />
          </th>
          ${header(h.column.record, 'record')} ${header(h.column.syncType)} ${header(h.column.syncedWith)} ${header(h.column.status)}
          ${header(h.column.category)} ${header(h.column.message)} ${header(h.column.firstFailed, 'firstFailedAt')}
          ${header(h.column.lastAttempt, 'lastAttemptAt')} ${header(h.column.attempts)}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          rows,
          (row) => row.key,
          (row, index) => renderRow(ctx, row, index, actions),
        )}
      </tbody>
    </table>
  </div>`;
}
