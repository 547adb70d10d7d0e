import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toError } from '../data/errors.ts';
import { normalizeHistory } from '../data/history.ts';
import { recordKey, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import type { HistoryState } from './templates/history.ts';

// Loaded with this module: the card renders the history through it once the code is here.
export { renderHistory } from './templates/history.ts';

export interface ResyncState {
  running: boolean;
  error: string | null;
}

export interface SyncActionsOptions {
  provider(): SyncDataProvider | undefined;
  record(): RecordRef | undefined;
  refresh(): Promise<void>;
  onResyncDone(record: RecordRef, syncId: string, error?: Error): void;
  onDataWarning(record: RecordRef, message: string): void;
}

/**
 * Per-sync actions of the card: resync and history. This module loads on demand (the first time
 * a user points at, focuses or clicks an action), so pages that never act never download it.
 * State belongs to one record and one provider; anything in flight is aborted when either
 * changes (a card moved on the page keeps it).
 */
export class SyncActionsController implements ReactiveController {
  private readonly resyncs = new Map<string, ResyncState>();
  private readonly histories = new Map<string, HistoryState>();
  private readonly controllers = new Set<AbortController>();
  private scope?: string;
  private scopedProvider?: SyncDataProvider;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly options: SyncActionsOptions,
  ) {
    host.addController(this);
    this.hostUpdate();
  }

  /** Drops all state when the record or provider changed since the last update. */
  hostUpdate(): void {
    const provider = this.options.provider();
    const record = this.options.record();
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
      // A resync that ends after the card left the page refreshes nothing.
      if (this.host.isConnected) await this.options.refresh();
      if (this.resyncs.get(syncId)?.running) this.resyncs.delete(syncId);
      if (this.histories.get(syncId)?.open) void this.loadHistory(syncId);
      this.host.requestUpdate();
    } catch (error) {
      if (controller.signal.aborted) {
        // The record or provider changed under it: say so, though the request may have been accepted.
        this.options.onResyncDone(record, syncId, error instanceof Error ? error : new DOMException('The resync was aborted.', 'AbortError'));
        return;
      }
      const failure = toError(error);
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
      Object.assign(state, { status: 'error', error: toError(error).message });
    } finally {
      this.controllers.delete(controller);
    }
    if (this.histories.get(syncId) === state) this.host.requestUpdate();
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
