import { html, nothing, type TemplateResult } from 'lit';
import type { NormalizedResponse } from '../../data/types.ts';
import { renderCard, type CardActions } from './card.ts';
import type { RenderContext } from './context.ts';
import { renderSetup } from './setup.ts';
import { renderEmpty } from './states.ts';

/** Cards rendered at first, and added by each "Show more". */
export const SYNCS_PAGE = 25;

/**
 * The data state: a setup callout per integration that needs one, then one card per sync entry in
 * the order given (the first `shown`, and "Show more" for the rest); empty when there is neither.
 */
export function renderResponse(
  ctx: RenderContext,
  response: NormalizedResponse,
  { shown, actions, onShowMore }: { shown: number; actions: CardActions; onShowMore: () => void },
): TemplateResult {
  const integrations = new Map(response.integrations.map((integration) => [integration.id, integration]));
  const setups = response.integrations.filter((integration) => integration.state === 'extra_features_required');
  if (response.syncs.length === 0 && setups.length === 0) return renderEmpty(ctx);
  const syncs = response.syncs.length > shown ? response.syncs.slice(0, shown) : response.syncs;
  const hidden = response.syncs.length - syncs.length;
  return html`<div class="cards" role="group" aria-label=${ctx.t.cardsLabel}>
    ${setups.map((integration) => renderSetup(ctx, integration))}
    ${syncs.map((sync, index) => renderCard(ctx, sync, index, integrations.get(sync.integrationId), actions))}
    ${hidden > 0
      ? html`<button part="show-more" class="show-more" type="button" @click=${onShowMore}>
          ${ctx.t.showMore(Math.min(hidden, SYNCS_PAGE), formatCount(hidden, ctx.locale))}
        </button>`
      : nothing}
  </div>`;
}

function formatCount(count: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(count);
  } catch {
    return String(count);
  }
}
