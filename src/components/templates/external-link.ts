import { html, type TemplateResult } from 'lit';
import type { IscNavigateDetail } from '../../events.ts';
import type { RenderContext } from './context.ts';

/**
 * A link that opens in a new tab and says so: the external-link icon and a hidden
 * "(opens in a new tab)". `isc-navigate` fires first, and the host may cancel it.
 * The URL has passed `safeUrl` in `normalizeResponse`, the one gate for provider URLs.
 */
export function renderExternalLink(ctx: RenderContext, part: string, label: string, detail: IscNavigateDetail): TemplateResult {
  // NOTE: the label's last word and the icon do not wrap apart (engines may break before an
  // inline <svg>, and break-word splits text from it), unless that word is too long to fit a
  // narrow card on one line: it must stay free to wrap then. One template, no nested ones:
  // every card renders it.
  const space = label.lastIndexOf(' ') + 1;
  const last = label.slice(space);
  return html`<a part=${part} href=${detail.url} target="_blank" rel="noopener noreferrer" @click=${(event: MouseEvent) => ctx.navigate(event, detail)}
    >${label.slice(0, space)}<span class=${last.length <= MAX_KEPT ? 'nowrap' : ''}
      >${last}<svg class="external" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M7 1.5h3.5V5M10.5 1.5 5.5 6.5M9 7.5v3H1.5V3h3" /></svg></span
    ><span class="visually-hidden"> ${ctx.t.opensInNewTab}</span></a
  >`;
}

/** The longest last word kept on one line with the icon (about 130 px at the card's font size). */
const MAX_KEPT = 16;
