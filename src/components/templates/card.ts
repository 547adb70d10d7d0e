import { html, nothing, type TemplateResult } from 'lit';
import type { NormalizedIntegration, NormalizedSync } from '../../data/types.ts';
import type { ResyncState } from '../sync-actions.ts';
import type { RenderContext } from './context.ts';
import { renderCopyButton } from './copy-button.ts';
import { renderLastUpdated, renderNextSync } from './dates.ts';
import { renderExternalLink } from './external-link.ts';
import type { HistoryState } from './history.ts';
import { renderStatus } from './status.ts';
import { detailParts, hasDetail } from '../sync-detail-loader.ts';

/** A card's actions row: what the provider offers, and the resync/history state once loaded. */
export interface CardActions {
  readonly canResync: boolean;
  readonly canShowHistory: boolean;
  resyncState(syncId: string): ResyncState | undefined;
  historyState(syncId: string): HistoryState | undefined;
  /** The history panel; `undefined` until the actions' code has loaded. */
  readonly renderHistory?: (ctx: RenderContext, history: HistoryState) => TemplateResult;
  resync(syncId: string): void;
  toggleHistory(syncId: string): void;
  /** The pointer or focus is on the actions row: a click is likely, get ready for it. */
  prepare(): void;
}

/** One sync entry: integration and sync type, then "Synced with", "Status", "Last updated", then actions. */
export function renderCard(
  ctx: RenderContext,
  sync: NormalizedSync,
  index: number,
  integration: NormalizedIntegration | undefined,
  actions: CardActions,
): TemplateResult {
  const { t } = ctx;
  const idBase = `isc-${index}`;
  const integrationName = integration?.name ?? sync.integrationId;
  const resync = actions.resyncState(sync.id);
  const history = actions.historyState(sync.id);
  // While a resync runs, the status shows the progress.
  const shown = resync?.running ? { ...sync, status: 'in_progress' as const } : sync;
  const failed = sync.status === 'record_not_synced' || sync.status === 'partially_synced';
  // The 1.1 parts (why, what next, fields) load with the first card that has data for them.
  const parts = hasDetail(sync) ? detailParts(ctx.host) : undefined;
  const canCopy = failed && !!(sync.detail.message || sync.detail.code || parts);
  const fieldsToggle = parts ? parts.renderFieldsToggle(ctx, sync, `${idBase}-fields`) : nothing;
  return html`<section part="card" data-sync-id=${sync.id} aria-labelledby=${sync.label ? `${idBase}-name ${idBase}-label` : `${idBase}-name`}>
    <header class="card-header">
      <h3 part="integration-name" id="${idBase}-name">${integrationName}</h3>
      ${sync.label ? html`<span part="sync-label" id="${idBase}-label">${sync.label}</span>` : nothing}
    </header>
    <dl>
      <div class="row">
        <dt>${t.syncedWith}</dt>
        ${renderSyncedWith(ctx, sync)}
      </div>
      <div class="row">
        <dt>${t.status}</dt>
        <dd>${renderStatus(ctx, shown, `${idBase}-tip`, integrationName)}</dd>
      </div>
      <div class="row">
        <dt>${t.lastUpdated}</dt>
        <dd>${renderLastUpdated(ctx, sync.lastSyncedAt)}${renderNextSync(ctx, sync.nextSyncAt)}</dd>
      </div>
    </dl>
    ${parts ? parts.renderWhy(ctx, sync) : nothing}
    ${actions.canResync || actions.canShowHistory || canCopy || fieldsToggle !== nothing
      ? html`<div class="actions" @pointerenter=${actions.prepare} @focusin=${actions.prepare}>
          ${actions.canResync
            ? html`<button part="resync-button" type="button" ?disabled=${!!resync?.running || sync.status === 'in_progress'} @click=${() => actions.resync(sync.id)}>
                ${resync?.running ? t.resyncing : t.resync}
              </button>`
            : nothing}
          ${actions.canShowHistory
            ? html`<button part="history-toggle" type="button" aria-expanded=${history?.open ? 'true' : 'false'} aria-controls="${idBase}-history" @click=${() => actions.toggleHistory(sync.id)}>
                ${t.history}
              </button>`
            : nothing}
          ${fieldsToggle}
          ${canCopy ? renderCopyButton(ctx, `sync:${sync.id}`, () => copiedDetails(ctx, sync, integrationName, parts?.copyLines(sync, integrationName))) : nothing}
        </div>`
      : nothing}
    ${resync?.error ? html`<p part="resync-error" class="inline-error" role="alert">${t.resyncFailed(ctx.isolate(resync.error))}</p>` : nothing}
    ${parts ? parts.renderFields(ctx, sync, `${idBase}-fields`, integrationName, sync.label ?? integrationName) : nothing}
    ${actions.canShowHistory
      ? html`<div id="${idBase}-history" ?hidden=${!history?.open}>${history && actions.renderHistory ? actions.renderHistory(ctx, history) : nothing}</div>`
      : nothing}
  </section>`;
}

/** The external record: a link when its URL is safe, else its name as text, else "—". */
function renderSyncedWith(ctx: RenderContext, sync: NormalizedSync): TemplateResult {
  const name = sync.syncedWith?.name ?? null;
  const url = sync.syncedWith?.url ?? null;
  if (!url && !name) return html`<dd>${ctx.t.notAvailable}</dd>`;
  if (!url) return html`<dd part="synced-with">${name}</dd>`;
  return html`<dd part="synced-with">${renderExternalLink(ctx, 'synced-with-link', name ?? ctx.t.openRecord, { url, kind: 'synced-record', syncId: sync.id })}</dd>`;
}

/** What "Copy details" puts on the clipboard for a failed sync (with the 1.1 lines when there are any). */
function copiedDetails(ctx: RenderContext, sync: NormalizedSync, integrationName: string, detailLines: string[] = []): string {
  return [
    `Integration: ${integrationName}${sync.label ? ` (${sync.label})` : ''}`,
    `Sync: ${sync.id}`,
    `Status: ${sync.status}`,
    `Message: ${sync.detail.message ?? '—'}`,
    `Code: ${sync.detail.code ?? '—'}`,
    ...detailLines,
    `Record: ${ctx.recordReference}`,
    `Time: ${new Date().toISOString()}`,
  ].join('\n');
}
