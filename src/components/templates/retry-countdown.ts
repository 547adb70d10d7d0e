import { html, nothing, type TemplateResult } from 'lit';
import type { RenderContext } from './context.ts';

/**
 * "Retrying in 8 s" while an automatic retry waits (re-rendered every second by the card), and
 * "Retrying…" while a retry runs. NOTE: hidden from assistive technology: it sits in the error's
 * alert, whose every change a screen reader would read out, every second; the card announces
 * the retry once through its polite live region instead.
 */
export function renderRetryCountdown({ t, locale }: RenderContext, retryAt: number | null, retrying: boolean): TemplateResult | typeof nothing {
  if (retryAt === null && !retrying) return nothing;
  const seconds = retryAt === null ? 0 : Math.ceil((retryAt - Date.now()) / 1000);
  return html`<p part="retry-countdown" class="retry-countdown" aria-hidden="true">${seconds > 0 ? t.retryingIn(formatSeconds(seconds, locale)) : t.retryingNow}</p>`;
}

/** "Retrying in 8 s" for a retry due in `ms` (1 s at least): what the card announces, once. */
export function retryingInText({ t, locale }: Pick<RenderContext, 't' | 'locale'>, ms: number): string {
  return t.retryingIn(formatSeconds(Math.max(1, Math.ceil(ms / 1000)), locale));
}

function formatSeconds(seconds: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(seconds);
  } catch {
    return String(seconds);
  }
}
