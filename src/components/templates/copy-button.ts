import { html, type TemplateResult } from 'lit';
import type { RenderContext } from './context.ts';

/** "Copy details": copies `details()` for a support ticket, then says whether it worked. */
export function renderCopyButton(ctx: RenderContext, key: string, details: () => string): TemplateResult {
  const { t } = ctx;
  const feedback = ctx.copyFeedback(key);
  return html`<button part="copy-button" type="button" @click=${() => ctx.copy(key, details)}>
    ${feedback === 'copied' ? t.copied : feedback === 'failed' ? t.copyFailed : t.copyDetails}
  </button>`;
}
