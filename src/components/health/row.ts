import { html, nothing, type TemplateResult } from 'lit';
import { renderExternalLink } from '../templates/external-link.ts';
import { renderStatus } from '../templates/status.ts';
import type { HealthRow } from '../health-load-controller.ts';
import type { HealthContext } from './context.ts';
import { renderTime } from './dates.ts';
import { categoryName } from './groups.ts';

export interface RowActions {
  /** The safe URL of the row's record in the CRM (`record-url`), else `null` (plain text). */
  recordUrl(row: HealthRow): string | null;
  /** The name of the integration, for the status tooltip. */
  integrationName(integrationId: string): string;
  isSelected(row: HealthRow): boolean;
  toggle(row: HealthRow, selected: boolean): void;
  /** The context of this row's links: `isc-navigate` names its record. */
  contextFor(row: HealthRow): HealthContext;
  /** Fires `isc-navigate` (kind `record`) before the record link opens. */
  navigateRecord(event: MouseEvent, row: HealthRow, url: string): void;
}

/** How a row's record reads: "company 1042". */
export const recordText = (row: HealthRow) => `${row.record.objectType} ${row.record.objectId}`;

/**
 * One record's sync: the select checkbox ("Select Acme Corp"), the record link (same tab: the
 * CRM's own page), the sync type, the synced-with link, the card's status pill and tooltip, why,
 * the message, when it first failed and last tried, and how many attempts failed.
 */
export function renderRow(base: HealthContext, row: HealthRow, index: number, actions: RowActions): TemplateResult {
  const ctx = actions.contextFor(row);
  const { sync } = row;
  const url = actions.recordUrl(row);
  const name = sync.syncedWith?.name || recordText(row);
  const failed = sync.status === 'record_not_synced' || sync.status === 'partially_synced';
  return html`<tr part="row" data-record=${`${row.record.objectType}:${row.record.objectId}`} data-sync-id=${sync.id} aria-selected=${actions.isSelected(row) ? 'true' : 'false'}>
    <td class="select-cell">
      <input
        part="select"
        type="checkbox"
        aria-label=${base.h.selectRow(name)}
        .checked=${actions.isSelected(row)}
        @change=${(event: Event) => actions.toggle(row, (event.target as HTMLInputElement).checked)}
      />
    </td>
    <th scope="row" class="record-cell">
      ${url
        ? html`<a part="record-link" href=${url} @click=${(event: MouseEvent) => actions.navigateRecord(event, row, url)}>${recordText(row)}</a>`
        : recordText(row)}
    </th>
    <td>${sync.label ?? sync.id}</td>
    <td>
      ${sync.syncedWith?.name && sync.syncedWith.url
        ? renderExternalLink(ctx, 'synced-with-link', sync.syncedWith.name, { url: sync.syncedWith.url, kind: 'synced-record', syncId: sync.id })
        : (sync.syncedWith?.name ?? base.t.notAvailable)}
    </td>
    <td class="status-cell">${renderStatus(ctx, sync, `tip-${index}`, actions.integrationName(sync.integrationId))}</td>
    <td>${failed && (sync.detail.category || sync.detail.code) ? categoryName(base, sync.detail.category) : base.t.notAvailable}</td>
    <td class="message-cell">${sync.detail.message ?? nothing}${sync.detail.code ? html`<code class="code">${sync.detail.code}</code>` : nothing}</td>
    <td>${renderTime(base, row.firstFailedAt)}</td>
    <td>${renderTime(base, row.lastAttemptAt)}</td>
    <td class="number">${base.number(row.attempts)}</td>
  </tr>`;
}
