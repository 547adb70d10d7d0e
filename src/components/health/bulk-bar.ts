import { html, nothing, type TemplateResult } from 'lit';
import type { HealthContext } from './context.ts';

export interface BulkState {
  /** Rows selected on screen. */
  selected: number;
  /** Every record matching the filter is selected ("Select all 1,204" chosen). */
  allMatching: boolean;
  /** Every row on screen is selected. */
  pageSelected: boolean;
  total: number;
  shown: number;
  resyncing: boolean;
  /** Where the CSV of the current filter downloads from. */
  exportUrl: string;
}

export interface BulkActions {
  selectAllMatching(): void;
  clearSelection(): void;
  resync(): void;
  export(event: MouseEvent): void;
}

/**
 * What to do with the selection: how many are selected, "Select all 1,204" once the page is
 * (when the filter matches more), one "Resync selected" for all of them, and the CSV export of
 * the filter.
 */
export function renderBulkBar(ctx: HealthContext, state: BulkState, actions: BulkActions): TemplateResult {
  const { h } = ctx;
  const total = ctx.number(state.total);
  const count = state.allMatching ? h.allSelected(total) : state.selected > 0 ? h.selected(ctx.number(state.selected)) : '';
  return html`<div class="bulk-bar">
    ${count ? html`<span class="selection-count">${count}</span>` : nothing}
    ${state.pageSelected && !state.allMatching && state.total > state.shown
      ? html`<button part="select-all-matching" type="button" class="link-button" @click=${actions.selectAllMatching}>${h.selectAllMatching(total)}</button>`
      : nothing}
    ${state.selected > 0 || state.allMatching
      ? html`<button type="button" class="link-button clear-selection" @click=${actions.clearSelection}>${h.clearSelection}</button>`
      : nothing}
    <span class="bulk-actions">
      <!-- NOTE: aria-disabled, not disabled: the button keeps focus while it runs and after the selection clears. -->
      <button
        part="resync-selected"
        type="button"
        aria-disabled=${(state.selected === 0 && !state.allMatching) || state.resyncing ? 'true' : 'false'}
        @click=${actions.resync}
      >
        ${state.resyncing ? h.resyncing : h.resyncSelected}
      </button>
      <a part="export-link" class="button-link" href=${state.exportUrl} download="sync-health.csv" @click=${actions.export}>${h.exportCsv}</a>
    </span>
  </div>`;
}
