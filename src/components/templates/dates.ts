import { html, nothing, type TemplateResult } from 'lit';
import { formatFull, formatRelative } from '../../i18n/dates.ts';
import type { RenderContext } from './context.ts';

/** "3 minutes ago" in a `<time>` with the full local date in its `title`; "—" when missing or invalid. */
export function renderLastUpdated({ t, locale }: RenderContext, value: string | null): TemplateResult | string {
  const date = value ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return t.notAvailable;
  return html`<time part="last-updated" datetime=${date.toISOString()} title=${formatFull(date, locale)}>${formatRelative(date, locale)}</time>`;
}

/** "Next sync in 5 minutes", for a `nextSyncAt` in the future. */
export function renderNextSync({ t, locale }: RenderContext, value: string | null): TemplateResult | typeof nothing {
  const date = value ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) return nothing;
  return html`<span part="next-sync" class="next-sync">${t.nextSync(formatRelative(date, locale))}</span>`;
}
