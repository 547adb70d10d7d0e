import { html, type TemplateResult } from 'lit';
import type { RenderContext } from './context.ts';
import type { LoadFailure } from '../sync-status-controller.ts';
import { renderCopyButton } from './copy-button.ts';
import { renderRetryCountdown } from './retry-countdown.ts';

/** The first load, with nothing to show yet (the host has `aria-busy="true"` meanwhile). */
export function renderLoading({ t }: RenderContext): TemplateResult {
  return html`<div part="loading" role="status"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;
}

/** No record, no provider, or nothing synced. */
export function renderEmpty({ t }: RenderContext): TemplateResult {
  return html`<div part="empty">${t.empty}</div>`;
}

/**
 * A 401 from the endpoint: the view's embed token expired (or was refused). Only reopening the
 * view (which mints a new token) helps, so there is no Retry, and nothing retries by itself.
 */
function isExpired(error: Error): boolean {
  return (error as { status?: unknown }).status === 401;
}

/** A failed load: the cause, the automatic retry's countdown, Retry (disabled while a retry runs) and "Copy details". */
export function renderError(ctx: RenderContext, error: Error, retrying: boolean, retryAt: number | null, onRetry: () => void): TemplateResult {
  const { t } = ctx;
  if (isExpired(error)) {
    return html`<div part="error expired" role="alert">
      <p class="error-title">${t.expiredTitle}</p>
      <p class="error-detail">${t.expiredDetail}</p>
    </div>`;
  }
  return html`<div part="error" role="alert">
    <p class="error-title">${t.errorTitle}</p>
    <p class="error-detail">${error.message}</p>
    ${renderRetryCountdown(ctx, retryAt, retrying)}
    <div class="actions">
      <button part="retry-button" type="button" ?disabled=${retrying} @click=${onRetry}>${t.retry}</button>
      ${renderCopyButton(ctx, 'error', () =>
        [`Error: ${error.message}`, `Record: ${ctx.recordReference}`, `Time: ${new Date().toISOString()}`].join('\n'),
      )}
    </div>
  </div>`;
}

/** A reload failed while data is on screen: the data stays, with this notice above it. */
export function renderRefreshFailure(ctx: RenderContext, failure: LoadFailure, refreshing: boolean, onRetry: () => void): TemplateResult {
  const { t } = ctx;
  return html`<div part="error" class="refresh-failure" role="alert">
    <p class="error-title">${t.refreshFailed}</p>
    <p class="error-detail">${failure.error.message}</p>
    ${renderRetryCountdown(ctx, failure.retryAt, refreshing)}
    <div class="actions">
      <button part="retry-button" type="button" ?disabled=${refreshing} @click=${onRetry}>${t.retry}</button>
    </div>
  </div>`;
}
