import { html, nothing, type TemplateResult } from 'lit';
import { formatFull, formatRelative } from '../../i18n/dates.ts';
import { detailOf } from '../../i18n/en-detail.ts';
import type { NormalizedSyncEvent } from '../../data/types.ts';
import type { RenderContext } from './context.ts';
import { STATUS_TONE, statusIcon } from './status.ts';

/** One sync's history panel: open or not, and what its last load of the attempts gave. */
export interface HistoryState {
  open: boolean;
  status: 'loading' | 'error' | 'complete';
  events: NormalizedSyncEvent[];
  error: string | null;
}

/**
 * The history panel of one sync: loading, error, empty, or the list of attempts. It loads on
 * demand with the resync/history code (sync-actions.ts), not with the card.
 */
export function renderHistory({ t, locale, isolate }: RenderContext, history: HistoryState): TemplateResult {
  if (history.status === 'loading' && history.events.length === 0) {
    return html`<p class="history-note" role="status">${t.historyLoading}</p>`;
  }
  if (history.status === 'error') {
    return html`<p class="inline-error" role="alert">${t.historyFailed(isolate(history.error ?? ''))}</p>`;
  }
  if (history.events.length === 0) return html`<p class="history-note">${t.historyEmpty}</p>`;
  return html`<ol part="history" class="history">
    ${history.events.map((event) => {
      const date = new Date(event.at);
      return html`<li part="history-entry" data-status=${event.status}>
        <span class="history-status" data-tone=${STATUS_TONE[event.status]}>${statusIcon(event.status)}${t.statusLabel[event.status]}</span>
        <time datetime=${date.toISOString()} title=${formatFull(date, locale)}>${formatRelative(date, locale)}</time>
        ${event.direction ? html`<span class="history-direction">${t.direction[event.direction]}</span>` : nothing}
        ${event.trigger || event.actor ? html`<span class="history-trigger">${triggerText(t, event.trigger, event.actor && isolate(event.actor))}</span>` : nothing}
        ${event.message ? html`<span class="history-message">${event.message}</span>` : nothing}
      </li>`;
    })}
  </ol>`;
}

/** "Manual · by Jane Cooper", "Scheduled", "by ERP bridge" (wire format 1.1). */
function triggerText(t: RenderContext['t'], trigger: NormalizedSyncEvent['trigger'], actor: string | null): string {
  const d = detailOf(t);
  return [trigger && d.trigger[trigger], actor && d.actor(actor)].filter(Boolean).join(' · ');
}
