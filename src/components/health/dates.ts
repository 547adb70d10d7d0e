import { html, type TemplateResult } from 'lit';
import { formatFull, formatRelative } from '../../i18n/dates.ts';
import type { HealthContext } from './context.ts';

/** "3 hours ago" in a `<time>` with the full local date in its `title` (the card's formats); "—" when missing. */
export function renderTime({ t, locale }: HealthContext, value: string | null): TemplateResult | string {
  const date = value ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return t.notAvailable;
  return html`<time datetime=${date.toISOString()} title=${formatFull(date, locale)}>${formatRelative(date, locale)}</time>`;
}
