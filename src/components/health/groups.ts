import { html, nothing, type TemplateResult } from 'lit';
import type { HealthGroup, HealthSummary } from '../../data/health-types.ts';
import { ERROR_CATEGORIES, type ErrorCategory } from '../../data/types.ts';
import { safeUrl } from '../../data/safe-url.ts';
import { renderExternalLink } from '../templates/external-link.ts';
import type { HealthContext } from './context.ts';
import { renderTime } from './dates.ts';

/** A category's name in the page's language; an unknown one reads as "Other error". */
export function categoryName(ctx: HealthContext, category: string | null): string {
  const known = ERROR_CATEGORIES.includes(category as ErrorCategory) ? (category as ErrorCategory) : 'unknown';
  return ctx.detail.category.name[known];
}

/**
 * The records that need attention, grouped by (integration, category, code), largest first:
 * count, a sample message, the fix, first and last seen. "Show these records" filters the table.
 */
export function renderGroups(ctx: HealthContext, summary: HealthSummary, onChoose: (group: HealthGroup) => void): TemplateResult | typeof nothing {
  if (summary.groups.length === 0) return nothing;
  const names = new Map(summary.integrations.map((integration) => [integration.id, integration.name]));
  return html`<section part="groups" class="groups" aria-label=${ctx.h.groupsLabel}>
    <h2 class="section-title">${ctx.h.groupsLabel}</h2>
    <ul class="group-list">
      ${summary.groups.map((group) => {
        const fixUrl = safeUrl(group.fix?.url);
        return html`<li part="group" class="group" data-category=${group.category ?? 'unknown'} data-code=${group.code ?? ''}>
          <p class="group-title">
            <strong>${categoryName(ctx, group.category)}</strong>
            <span class="muted">${names.get(group.integrationId) ?? group.integrationId}</span>
            ${group.code ? html`<code class="muted">${group.code}</code>` : nothing}
          </p>
          <p class="group-count">${ctx.h.records(group.count, ctx.number(group.count))}</p>
          ${group.message ? html`<p class="group-message">${group.message}</p>` : nothing}
          ${group.fix?.text
            ? html`<p class="group-fix">
                <span class="muted">${ctx.detail.fixLabel}:</span> ${group.fix.text}
                ${fixUrl ? renderExternalLink(ctx, 'fix-link', ctx.detail.fixLabel, { url: fixUrl, kind: 'fix', syncId: null }) : nothing}
              </p>`
            : nothing}
          <p class="group-seen muted">${ctx.h.firstSeen} ${renderTime(ctx, group.firstSeenAt)} · ${ctx.h.lastSeen} ${renderTime(ctx, group.lastSeenAt)}</p>
          <button
            type="button"
            class="group-choose"
            aria-label=${[ctx.h.showGroup, categoryName(ctx, group.category), names.get(group.integrationId) ?? group.integrationId, group.code].filter(Boolean).join(', ')}
            @click=${() => onChoose(group)}
          >
            ${ctx.h.showGroup}
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}
