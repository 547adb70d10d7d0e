import type { ReactiveControllerHost } from 'lit';
import { html, nothing, type TemplateResult } from 'lit';
import { normalizeHistory } from '../data/history.ts';
import { recordKey, type NormalizedSyncEvent, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import { formatFull, formatRelative } from '../i18n/dates.ts';
import type { Translation } from '../i18n/localize.ts';
import { STATUS_TONE, statusIcon } from './icons.ts';

export interface ResyncState {
  running: boolean;
  error: string | null;
}

export interface HistoryState {
  open: boolean;
  status: 'loading' | 'error' | 'complete';
  events: NormalizedSyncEvent[];
  error: string | null;
}

export interface SyncActionsOptions {
  provider(): SyncDataProvider | undefined;
  record(): RecordRef | undefined;
  refresh(): Promise<void>;
  /** Whether the card is on the page (a resync that ends after it left refreshes nothing). */
  connected(): boolean;
  onResyncDone(record: RecordRef, syncId: string, error?: Error): void;
  onDataWarning(record: RecordRef, message: string): void;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Per-sync actions of the card: resync and history. This module loads on demand (the first time
 * a user points at, focuses or clicks an action), so pages that never act never download it. State belongs to one record and one
 * provider; anything in flight is aborted when either changes (a card moved on the page keeps it).
 */
export class SyncActionsController {
  private readonly resyncs = new Map<string, ResyncState>();
  private readonly histories = new Map<string, HistoryState>();
  private readonly controllers = new Set<AbortController>();
  private scope?: string;
  private scopedProvider?: SyncDataProvider;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SyncActionsOptions,
  ) {}

  /** Drops all state when the record or provider changed since the last call. */
  follow(provider: SyncDataProvider | undefined, record: RecordRef | undefined): void {
    const scope = record && recordKey(record);
    if (scope === this.scope && provider === this.scopedProvider) return;
    this.reset();
    this.scope = scope;
    this.scopedProvider = provider;
  }

  resyncState(syncId: string): ResyncState | undefined {
    return this.resyncs.get(syncId);
  }

  historyState(syncId: string): HistoryState | undefined {
    return this.histories.get(syncId);
  }

  async resync(syncId: string): Promise<void> {
    const provider = this.options.provider();
    const record = this.options.record();
    if (!provider?.resync || !record || this.resyncs.get(syncId)?.running) return;
    const controller = this.track();
    this.resyncs.set(syncId, { running: true, error: null });
    this.host.requestUpdate();
    try {
      await Promise.resolve().then(() => provider.resync!({ ...record }, syncId, { signal: controller.signal }));
      controller.signal.throwIfAborted();
      this.options.onResyncDone(record, syncId);
      // The progress stays on screen until the refreshed data replaces it: no flash of the old status.
      if (this.options.connected()) await this.options.refresh();
      if (this.resyncs.get(syncId)?.running) this.resyncs.delete(syncId);
      if (this.histories.get(syncId)?.open) void this.loadHistory(syncId);
      this.host.requestUpdate();
    } catch (error) {
      if (controller.signal.aborted) {
        // The record or provider changed under it: say so, though the request may have been accepted.
        this.options.onResyncDone(record, syncId, error instanceof Error ? error : new DOMException('The resync was aborted.', 'AbortError'));
        return;
      }
      const failure = error instanceof Error ? error : new Error(errorMessage(error));
      this.resyncs.set(syncId, { running: false, error: failure.message });
      this.host.requestUpdate();
      this.options.onResyncDone(record, syncId, failure);
    } finally {
      this.controllers.delete(controller);
    }
  }

  toggleHistory(syncId: string): void {
    const state = this.histories.get(syncId);
    if (state) {
      state.open = !state.open;
      this.host.requestUpdate();
      if (state.open && state.status === 'error') void this.loadHistory(syncId);
      return;
    }
    void this.loadHistory(syncId);
  }

  async loadHistory(syncId: string): Promise<void> {
    const provider = this.options.provider();
    const record = this.options.record();
    if (!provider?.getSyncHistory || !record) return;
    const controller = this.track();
    const previous = this.histories.get(syncId);
    const state: HistoryState = { open: true, status: 'loading', events: previous?.events ?? [], error: null };
    this.histories.set(syncId, state);
    this.host.requestUpdate();
    try {
      const raw = await Promise.resolve().then(() => provider.getSyncHistory!({ ...record }, syncId, { signal: controller.signal }));
      controller.signal.throwIfAborted();
      const { events, warnings } = normalizeHistory(raw);
      for (const message of warnings) this.options.onDataWarning(record, message);
      Object.assign(state, { status: 'complete', events });
    } catch (error) {
      if (controller.signal.aborted) return;
      Object.assign(state, { status: 'error', error: errorMessage(error) });
    } finally {
      this.controllers.delete(controller);
    }
    if (this.histories.get(syncId) === state) this.host.requestUpdate();
  }

  /** The history panel of one sync: loading, error, empty, or the list of attempts. */
  renderHistory(history: HistoryState, t: Translation, locale: string, isolate: (text: string) => string): TemplateResult {
    if (history.status === 'loading' && history.events.length === 0) {
      return html`<p class="history-note" role="status">${t.historyLoading}</p>`;
    }
    if (history.status === 'error') {
      return html`<p class="inline-error" role="alert">${t.historyFailed(isolate(history.error ?? ''))}</p>`;
    }
    if (history.events.length === 0) return html`<p class="history-note">${t.historyEmpty}</p>`;
    return html`<ol part="history" class="history">
      ${history.events.map((event) => {
        const date = new Date(event.at);
        return html`<li part="history-entry" data-status=${event.status}>
          <span class="history-status" data-tone=${STATUS_TONE[event.status]}>${statusIcon(event.status)}${t.statusLabel[event.status]}</span>
          <time datetime=${date.toISOString()} title=${formatFull(date, locale)}>${formatRelative(date, locale)}</time>
          ${event.direction ? html`<span class="history-direction">${t.direction[event.direction]}</span>` : nothing}
          ${event.message ? html`<span class="history-message">${event.message}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private track(): AbortController {
    const controller = new AbortController();
    this.controllers.add(controller);
    return controller;
  }

  private reset(): void {
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
    this.resyncs.clear();
    this.histories.clear();
    this.host.requestUpdate();
    this.scope = this.scopedProvider = undefined;
  }
}
