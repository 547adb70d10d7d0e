import { html, nothing, type TemplateResult } from 'lit';
import type { NormalizedIntegration } from '../../data/types.ts';
import type { RenderContext } from './context.ts';
import { renderExternalLink } from './external-link.ts';

/** The "Enable extra features" callout of an integration in state `extra_features_required`. */
export function renderSetup(ctx: RenderContext, integration: NormalizedIntegration): TemplateResult {
  const { t } = ctx;
  const name = integration.name ?? integration.id;
  const url = integration.settingsUrl;
  return html`<div part="setup">
    <p class="setup-title">${name}: ${t.setupTitle}</p>
    <p class="setup-text">${t.setupText(ctx.isolate(name))}</p>
    ${url ? renderExternalLink(ctx, 'setup-link', t.setupLink, { url, kind: 'settings', syncId: null }) : nothing}
  </div>`;
}
