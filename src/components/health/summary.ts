import { html, nothing, type TemplateResult } from 'lit';
import type { HealthSummary } from '../../data/health-types.ts';
import { SYNC_STATUSES, type SyncStatus } from '../../data/types.ts';
import { statusIcon, STATUS_TONE } from '../templates/status.ts';
import type { HealthContext } from './context.ts';

/** Counts per status, summed over the integrations (summary.counts has one per integration and status). */
export function countsByStatus(summary: HealthSummary): Map<SyncStatus, number> {
  const counts = new Map<SyncStatus, number>();
  for (const { status, count } of summary.counts) {
    if (!SYNC_STATUSES.includes(status) || typeof count !== 'number') continue;
    counts.set(status, (counts.get(status) ?? 0) + count);
  }
  return counts;
}

/**
 * One `count` per status the portal has, in the statuses' order; choosing one filters the table
 * to it (`aria-pressed` on the one filtered alone).
 */
export function renderSummary(ctx: HealthContext, summary: HealthSummary, filtered: readonly string[], onChoose: (status: SyncStatus) => void): TemplateResult {
  const counts = countsByStatus(summary);
  const shown = SYNC_STATUSES.filter((status) => counts.has(status));
  return html`<section part="summary" class="summary" aria-label=${ctx.h.summaryLabel}>
    <ul class="counts">
      ${shown.map(
        (status) => html`<li>
          <button
            part="count"
            type="button"
            class="count"
            data-status=${status}
            data-tone=${STATUS_TONE[status]}
            aria-pressed=${filtered.length === 1 && filtered[0] === status ? 'true' : 'false'}
            @click=${() => onChoose(status)}
          >
            <span class="count-number">${ctx.number(counts.get(status) ?? 0)}</span>
            <span class="count-label">${statusIcon(status)}${ctx.t.statusLabel[status]}</span>
          </button>
        </li>`,
      )}
    </ul>
    ${shown.length === 0 ? html`<p class="muted">${ctx.h.empty}</p>` : nothing}
  </section>`;
}
