import { html, nothing, type TemplateResult } from 'lit';
import type { HealthContext } from './context.ts';

/** Nothing needs attention (for the filter). */
export function renderHealthEmpty({ h }: HealthContext): TemplateResult {
  return html`<div part="empty" class="health-empty">${h.empty}</div>`;
}

/** "12 records changed — Show": live changes wait here until chosen, so no row moves under the user. */
export function renderUpdates(ctx: HealthContext, changed: number, onShow: () => void): TemplateResult | typeof nothing {
  if (changed <= 0) return nothing;
  return html`<button part="updates" type="button" class="updates" @click=${onShow}>${ctx.h.updates(changed, ctx.number(changed))}</button>`;
}

/** "50 of 1,204 shown" (always), "Load more" while there is a next page, and why the last one failed. */
export function renderLoadMore(ctx: HealthContext, shown: number, total: number, more: { hasMore: boolean; loading: boolean; error: Error | null }, onLoadMore: () => void): TemplateResult {
  const { h } = ctx;
  return html`<div class="more">
    <p class="shown" aria-live="polite">${h.shown(ctx.number(shown), ctx.number(total))}</p>
    ${more.error ? html`<p class="inline-error" role="alert">${more.error.message}</p>` : nothing}
    ${more.hasMore
      ? html`<button part="load-more" type="button" aria-disabled=${more.loading ? 'true' : 'false'} @click=${onLoadMore}>${h.loadMore}</button>`
      : nothing}
  </div>`;
}
