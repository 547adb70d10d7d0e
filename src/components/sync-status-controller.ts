import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { invalidate, loadSyncStatus, peekSyncStatus } from '../data/cache.ts';
import { toError } from '../data/errors.ts';
import { normalizeResponse, type NormalizeResult } from '../data/normalize.ts';
import { withTimeout } from '../data/timeout.ts';
import { recordKey, type NormalizedResponse, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import { loadTranslation, translationReady } from '../i18n/localize.ts';

/** What the card shows for its load: the one state the templates read. */
export type SyncStatusView =
  /** No record, or no provider: nothing to load. */
  | { readonly state: 'empty' }
  /** The first load of this record is in flight, with nothing to show meanwhile. */
  | { readonly state: 'loading' }
  /** The last load failed; `retrying` while another load of the same record runs. */
  | { readonly state: 'error'; readonly error: Error; readonly retrying: boolean }
  /** Data for the current record; `refreshing` while a newer load of it runs. */
  | { readonly state: 'data'; readonly response: NormalizedResponse; readonly refreshing: boolean };

/** How a load ended, reported once per load after the host rendered it. */
export type LoadOutcome =
  | { readonly ok: true; readonly record: RecordRef; readonly response: NormalizedResponse; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly record: RecordRef; readonly error: Error };

export interface SyncStatusOptions {
  /** What to load: the host's provider and record as of its current update. */
  args(): readonly [SyncDataProvider | undefined, RecordRef | undefined];
  /** The host's locale: data shows once its translation is there, not before. */
  locale(): string;
  /** Seconds a load may take before it fails (`0`: no limit). */
  timeoutSeconds(): number;
  /** Called after the host rendered a settled load (isc-load / isc-error time). */
  onSettled(outcome: LoadOutcome): void;
}

/** One load: the latest one is the only one that may change the view. */
interface Run {
  readonly provider: SyncDataProvider;
  readonly record: RecordRef;
  readonly key: string;
  readonly controller: AbortController;
}

/**
 * The card's load state machine. It reads its args (provider and record) on every host update
 * and loads again when they change; the latest load wins, and older ones are aborted. A load in
 * flight when the host leaves the page is aborted and starts again when the host comes back.
 * While a load of the record on screen runs, its data (or its error) stays on screen.
 *
 * Every load starts in `run()`; every failure is recorded in `fail()`.
 */
export class SyncStatusController implements ReactiveController {
  private currentView: SyncStatusView = { state: 'empty' };
  /** The provider and record key the view belongs to. */
  private shown?: { provider: SyncDataProvider; key: string };
  /** The args of the last run, to tell in `hostUpdate` whether they changed. */
  private args?: { provider?: SyncDataProvider; key?: string };
  private current?: Run;
  /** Whether any load has started (a card's first load may be served from a fresh cache alone). */
  private started = false;
  /** A load was aborted by a disconnect: run again on reconnect. */
  private rerunOnConnect = false;
  /** A load settled and the host has not reported it yet. */
  private outcome?: LoadOutcome;
  private normalized?: { raw: unknown; result: NormalizeResult };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SyncStatusOptions,
  ) {
    host.addController(this);
  }

  get view(): SyncStatusView {
    return this.currentView;
  }

  /**
   * Starts a load of the current args now, aborting the one in flight. With `invalidate`, the
   * provider's cached answer for the record is dropped first (a refresh, a retry). Resolves when
   * this load has settled or was superseded.
   */
  run({ invalidate: drop = false }: { invalidate?: boolean } = {}): Promise<void> {
    const [provider, record] = this.options.args();
    this.args = { provider, key: record && recordKey(record) };
    this.rerunOnConnect = false;
    this.abort();
    if (!provider || !record) {
      this.show({ state: 'empty' });
      return Promise.resolve();
    }
    if (drop) invalidate(provider, record);
    const run: Run = { provider, record, key: recordKey(record), controller: new AbortController() };
    this.current = run;
    const firstLoad = !this.started;
    this.started = true;
    const view = this.currentView;
    if (this.shown?.provider === provider && this.shown.key === run.key && (view.state === 'data' || view.state === 'error')) {
      // The same record again (a refresh, a retry, a live update): what is on screen stays there.
      // NOTE: an error stays the same role="alert" node, so a screen reader does not hear it again
      // at every attempt.
      this.show(view.state === 'data' ? { ...view, refreshing: true } : { ...view, retrying: true }, run);
      return this.load(run, firstLoad);
    }
    // A response the provider has cached (fresh, or stale and about to be re-fetched) shows at once.
    const hit = peekSyncStatus(provider, record);
    const cached = hit && this.tryNormalize(hit.value);
    // NOTE: fast path. A card's first load, fresh in the cache and in a language already there,
    // settles now: the card renders its data, and reports it, in this very update.
    if (cached && hit.fresh && firstLoad && translationReady(this.options.locale())) {
      this.succeed(run, cached);
      return Promise.resolve();
    }
    if (cached) this.show({ state: 'data', response: cached.response, refreshing: true }, run);
    else this.show({ state: 'loading' });
    return this.load(run, firstLoad);
  }

  hostUpdate(): void {
    const [provider, record] = this.options.args();
    if (this.args && provider === this.args.provider && (record && recordKey(record)) === this.args.key) return;
    void this.run();
  }

  hostUpdated(): void {
    const outcome = this.outcome;
    if (!outcome) return;
    this.outcome = undefined;
    this.options.onSettled(outcome);
  }

  hostConnected(): void {
    if (this.rerunOnConnect) void this.run();
  }

  hostDisconnected(): void {
    if (!this.current) return;
    this.abort(new DOMException('The element was disconnected.', 'AbortError'));
    this.rerunOnConnect = true;
  }

  private async load(run: Run, firstLoad: boolean): Promise<void> {
    const seconds = this.options.timeoutSeconds();
    // The data renders in the card's language: a locale loaded on demand arrives first.
    const translated = loadTranslation(this.options.locale());
    let raw: unknown;
    try {
      raw = await withTimeout(
        // A first load may come from the cache alone (a list re-rendered, a card re-mounted); any
        // later one (a record change, a refresh) asks the provider again.
        (signal) => loadSyncStatus(run.provider, run.record, signal, { useFresh: firstLoad }),
        seconds * 1000,
        run.controller.signal,
        `The sync status provider did not answer within ${seconds} s.`,
      );
    } catch (error) {
      await translated;
      if (this.current === run) this.fail(run, toError(error));
      return;
    }
    await translated;
    if (this.current !== run) return;
    let result: NormalizeResult;
    try {
      result = this.normalizeOnce(raw);
    } catch (error) {
      return this.fail(run, toError(error));
    }
    this.succeed(run, result);
  }

  private succeed(run: Run, { response, warnings }: NormalizeResult): void {
    this.current = undefined;
    this.show({ state: 'data', response, refreshing: false }, run);
    this.outcome = { ok: true, record: run.record, response, warnings };
  }

  /** Records a failed load: the error state, reported once rendered. */
  private fail(run: Run, error: Error): void {
    this.current = undefined;
    this.show({ state: 'error', error, retrying: false }, run);
    this.outcome = { ok: false, record: run.record, error };
  }

  private show(view: SyncStatusView, run?: Run): void {
    this.currentView = view;
    this.shown = run && { provider: run.provider, key: run.key };
    this.host.requestUpdate();
  }

  /** Aborts the load in flight, if any; whatever it answers later is ignored. */
  private abort(reason?: unknown): void {
    const run = this.current;
    this.current = undefined;
    run?.controller.abort(reason);
  }

  /**
   * Normalises a response once: a card shown from the cache gets the same response again when its
   * load completes, and must not repair (and warn about) it twice.
   */
  private normalizeOnce(raw: unknown): NormalizeResult {
    const last = this.normalized;
    if (last && last.raw === raw) return last.result;
    const result = normalizeResponse(raw);
    this.normalized = { raw, result };
    return result;
  }

  private tryNormalize(raw: unknown): NormalizeResult | undefined {
    try {
      return this.normalizeOnce(raw);
    } catch {
      return undefined; // Not a response at all: the load under way ends in the error state.
    }
  }
}
