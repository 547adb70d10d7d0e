import { html, nothing, type TemplateResult } from 'lit';
import type { NormalizedSync, SyncStatus } from '../../data/types.ts';
import type { RenderContext } from './context.ts';

export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'default';

/** The CRM card convention for STATUS tones. */
export const STATUS_TONE: Record<SyncStatus, Tone> = {
  up_to_date: 'success',
  in_progress: 'info',
  sync_disabled: 'warning',
  record_excluded: 'default',
  sync_not_found: 'default',
  sync_unknown: 'default',
  record_not_synced: 'danger',
  partially_synced: 'warning',
};

// 16×16 outline icons, one shape per status so the state never rests on colour alone.
const ICONS: Record<SyncStatus, TemplateResult> = {
  up_to_date: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.5"/><path d="M5 8.2l2 2 4-4.4"/></svg>`,
  in_progress: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M13.5 8A5.5 5.5 0 1 1 8 2.5"/><path d="M8 .8l2 1.7-2 1.8"/></svg>`,
  sync_disabled: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.5"/><path d="M3.5 12.5l9-9"/></svg>`,
  record_not_synced: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M8 1.8l6.5 11.6h-13z"/><path d="M8 6v3.4M8 11.2v.3"/></svg>`,
  record_excluded: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.5"/><path d="M4.8 8h6.4"/></svg>`,
  sync_not_found: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="7" cy="7" r="4.5"/><path d="M10.3 10.3l4 4"/></svg>`,
  // A half-filled circle: part of the record synced.
  partially_synced: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.5"/><path d="M8 1.5a6.5 6.5 0 0 0 0 13z" fill="currentColor"/></svg>`,
  sync_unknown: html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.5"/><path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.4v.3"/></svg>`,
};

export function statusIcon(status: SyncStatus): TemplateResult {
  return ICONS[status];
}

/** The explanation of a status, as its tooltip shows it. */
function statusHelp({ t, isolate, locale }: RenderContext, sync: NormalizedSync, integrationName: string): string {
  const { detail } = sync;
  switch (sync.status) {
    case 'record_excluded': {
      const help = t.statusHelp.record_excluded(isolate(integrationName), detail.exclusionGroup && isolate(detail.exclusionGroup));
      return detail.exclusionReason ? `${help} ${t.exclusionReason(isolate(detail.exclusionReason))}` : help;
    }
    case 'partially_synced': {
      const help = t.statusHelp.partially_synced(isolate(integrationName));
      const failed = detail.fields.filter((field) => field.status === 'failed').length;
      return failed > 0 ? `${help} ${t.failedFields(failed, failed.toLocaleString(locale))}` : help;
    }
    default:
      return t.statusHelp[sync.status](isolate(integrationName));
  }
}

/**
 * The status pill (icon, label, tone) and its tooltip, which the status names with
 * `aria-describedby`. A `record_not_synced` or `partially_synced` status with a detail URL is itself the link to the
 * sync status page (never a link inside a focusable element). Tooltip behaviour is attached by
 * the card (tooltip-trigger.ts).
 */
export function renderStatus(ctx: RenderContext, sync: NormalizedSync, tipId: string, integrationName: string): TemplateResult {
  const { t } = ctx;
  const { status } = sync;
  // A partial sync is a failure too: its message and sync status page, like record_not_synced.
  const failed = status === 'record_not_synced' || status === 'partially_synced';
  const detailUrl = failed ? sync.detail.url : null;
  const message = failed ? sync.detail.message : null;
  const pill = html`${ICONS[status]}<span>${t.statusLabel[status]}</span>`;
  const tooltip = html`<div part="tooltip" role="tooltip" id=${tipId} hidden>
    ${statusHelp(ctx, sync, integrationName)}${message ? html`<span class="tooltip-message">${message}</span>` : nothing}${detailUrl
      ? html`<span class="tooltip-hint">${t.statusLinkHint}</span>`
      : nothing}
  </div>`;
  return detailUrl
    ? html`<a
          part="status status-link"
          href=${detailUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-status=${status}
          data-tone=${STATUS_TONE[status]}
          aria-describedby=${tipId}
          @click=${(event: MouseEvent) => ctx.navigate(event, { url: detailUrl, kind: 'status-detail', syncId: sync.id })}
          >${pill}</a
        >${tooltip}`
    : html`<span part="status" tabindex="0" data-status=${status} data-tone=${STATUS_TONE[status]} aria-describedby=${tipId}>${pill}</span
        >${tooltip}`;
}
