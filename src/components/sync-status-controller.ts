import { initialState, Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { planRetry, retryPolicyOf } from '../data/backoff.ts';
import { invalidate, loadSyncStatus, peekSyncStatus } from '../data/cache.ts';
import { joinRetry, releaseRetry, waitForRetry } from '../data/shared-wait.ts';
import { toError } from '../data/errors.ts';
import { normalizeResponse, type NormalizeResult } from '../data/normalize.ts';
import { withTimeout } from '../data/timeout.ts';
import { recordKey, type NormalizedResponse, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import { loadTranslation, translationReady } from '../i18n/localize.ts';
import { LoadLifecycle } from './load-lifecycle.ts';

/** What the card shows for its load: the one state the templates read. */
export type SyncStatusView =
  /** No record, or no provider: nothing to load. */
  | { readonly state: 'empty' }
  /** The first load of this record is in flight, with nothing to show meanwhile. */
  | { readonly state: 'loading' }
  /**
   * The last load failed; `retrying` while another load of the same record runs; `retryAt` (clock
   * milliseconds) while an automatic retry waits.
   */
  | { readonly state: 'error'; readonly error: Error; readonly retrying: boolean; readonly retryAt: number | null }
  /**
   * Data for the current record; `refreshing` while a newer load of it runs; `failure` when the
   * last reload of it failed (the data stays on screen).
   */
  | { readonly state: 'data'; readonly response: NormalizedResponse; readonly refreshing: boolean; readonly failure?: LoadFailure };

/** When the automatic retry the view shows is due (clock milliseconds); `null` when it shows none. */
export function retryDueAt(view: SyncStatusView): number | null {
  return view.state === 'error' ? view.retryAt : view.state === 'data' ? (view.failure?.retryAt ?? null) : null;
}

/** A failed reload under data that stays on screen. */
export interface LoadFailure {
  readonly error: Error;
  /** When the automatic retry is due (clock milliseconds); `null` when none will run. */
  readonly retryAt: number | null;
}

/** How a load ended, reported once per load after the host rendered it. */
export type LoadOutcome =
  | { readonly ok: true; readonly record: RecordRef; readonly response: NormalizedResponse; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly record: RecordRef; readonly error: Error; readonly willRetry: boolean; readonly retryInMs: number | null };

export interface SyncStatusOptions {
  /** What to load: the host's provider and record as of its current update. */
  args(): readonly [SyncDataProvider | undefined, RecordRef | undefined];
  /** The host's locale: data shows once its translation is there, not before. */
  locale(): string;
  /** Seconds a load may take before it fails (`0`: no limit). */
  timeoutSeconds(): number;
  /** Called after the host rendered a settled load (isc-load / isc-error time). */
  onSettled(outcome: LoadOutcome): void;
  /** The host's cap on automatic retries (`undefined`: the provider's policy, 5 by default). */
  maxRetries?(): number | undefined;
  /**
   * What the host must load before `response` renders whole (the card: the chunk of its wire-1.1
   * parts); `undefined` when everything is there. The data shows once it has settled, not before.
   */
  loadParts?(response: NormalizedResponse): Promise<void> | undefined;
}

/** How a run was started: by someone (Retry, `refresh()`), or by the card itself. */
export interface RunOptions {
  /** Drop the provider's cached answer first (a refresh, a retry). */
  invalidate?: boolean;
  /**
   * A person or the host asked (the Retry button, `refresh()`): the automatic retry count starts
   * again, and a record waiting for its retry is requested now (for every card showing it).
   * Otherwise (a periodic reload, a pushed change) a card waiting for its retry keeps waiting.
   */
  manual?: boolean;
}

type Args = readonly [SyncDataProvider | undefined, RecordRef | undefined];

/** The record a load is for. */
interface Run {
  readonly provider: SyncDataProvider;
  readonly record: RecordRef;
  readonly key: string;
}

const keyOf = (record: RecordRef | undefined) => record && recordKey(record);

/**
 * The card's load. A `Task` runs it: the Task reads the args (provider and record) on every host
 * update and runs again when they change, aborts the call it supersedes (its `AbortSignal`), and
 * reports only its latest call (`onComplete`, `onError`). Around it, this adds what a Task leaves
 * out: the data on screen kept through a reload of the same record (a Task drops its value on an
 * error), the automatic retries of transient failures, and a first load served from the cache in
 * the very update that mounts the card. A load in flight when the host leaves the page is aborted
 * and starts again when the host comes back.
 */
export class SyncStatusController extends LoadLifecycle<LoadOutcome> {
  private currentView: SyncStatusView = { state: 'empty' };
  /** The provider and record key the view belongs to. */
  private shown?: { provider: SyncDataProvider; key: string };
  /** The args of the last run: a run of other args starts the retry count again. */
  private args?: { provider?: SyncDataProvider; key?: string };
  /** The record of the load in flight (the Task's latest call), until it settles or is aborted. */
  private current?: Run;
  /** How the next run was asked for; read by the first (synchronous) lines of the Task's call. */
  private request: RunOptions = {};
  /** Whether any load has started (a card's first load may be served from a fresh cache alone). */
  private started = false;
  private normalized?: { raw: unknown; result: NormalizeResult };
  /** Automatic retries made since the last success, manual run or record change. */
  private retries = 0;
  /** The automatic retry this card waits for, if any. */
  private retryWait?: { key: string; provider: SyncDataProvider; controller: AbortController; promise: Promise<void> };
  private readonly task: Task<Args, NormalizeResult>;

  constructor(
    private readonly host: ReactiveControllerHost,
    protected readonly options: SyncStatusOptions,
  ) {
    super();
    host.addController(this);
    this.task = new Task(host, {
      args: () => options.args(),
      // The record is a new object at each read: the same record is the same key.
      argsEqual: ([providerA, recordA], [providerB, recordB]) => providerA === providerB && keyOf(recordA) === keyOf(recordB),
      task: (args, { signal }) => this.start(args, signal),
      onComplete: (result) => this.succeed(result),
      onError: (error) => this.fail(toError(error)),
    });
  }

  get view(): SyncStatusView {
    return this.currentView;
  }

  /**
   * Starts a load of the current args now, aborting the one in flight. With `invalidate`, the
   * provider's cached answer for the record is dropped first (a refresh, a retry). Resolves when
   * this load has settled or was superseded. See RunOptions for what `manual` changes.
   */
  override run({ invalidate = false, manual = false }: RunOptions = {}): Promise<void> {
    const [provider, record] = this.options.args();
    const waiting = this.retryWait;
    // Waiting for an automatic retry: a periodic reload or a pushed change makes no request
    // before it (during an outage, a record is requested once per backoff step, no more).
    if (waiting && !manual && waiting.provider === provider && waiting.key === keyOf(record)) return waiting.promise;
    this.request = { invalidate, manual };
    return this.task.run();
  }

  hostDisconnected(): void {
    // A card that leaves the page leaves no timer behind; one moved on the page retries on arrival.
    if (this.retryWait) {
      this.cancelRetry();
      this.rerunOnConnect = true;
    }
    if (!this.current) return;
    this.current = undefined;
    this.task.abort(new DOMException('The element was disconnected.', 'AbortError'));
    this.rerunOnConnect = true;
  }

  /**
   * The Task's call. Its first lines run at once, in the update (or the click) that started it:
   * the view of the new run, then the load itself.
   */
  private start([provider, record]: Args, signal: AbortSignal): NormalizeResult | typeof initialState | Promise<NormalizeResult | typeof initialState> {
    const { invalidate: drop = false, manual = false } = this.request;
    this.request = {};
    const key = keyOf(record);
    const sameArgs = !!this.args && this.args.provider === provider && this.args.key === key;
    if (manual || !sameArgs) this.retries = 0;
    this.cancelRetry();
    if (manual && provider && record) releaseRetry(provider, record);
    this.args = { provider, key };
    this.rerunOnConnect = false;
    this.current = undefined;
    if (!provider || !record) {
      this.show({ state: 'empty' });
      return initialState;
    }
    if (drop) invalidate(provider, record);
    const run: Run = { provider, record, key: recordKey(record) };
    this.current = run;
    const firstLoad = !this.started;
    this.started = true;
    const view = this.currentView;
    if (this.shown?.provider === provider && this.shown.key === run.key && (view.state === 'data' || view.state === 'error')) {
      // The same record again (a refresh, a retry, a live update): what is on screen stays there.
      // NOTE: an error stays the same role="alert" node, so a screen reader does not hear it again
      // at every attempt.
      this.show(
        view.state === 'data'
          ? { ...view, refreshing: true, failure: view.failure && { ...view.failure, retryAt: null } }
          : { ...view, retrying: true, retryAt: null },
        run,
      );
      return this.load(run, firstLoad, signal);
    }
    // A response the provider has cached (fresh, or stale and about to be re-fetched) shows at once,
    // when the host has all it needs to render it whole.
    const hit = peekSyncStatus(provider, record);
    const cached = hit && this.tryNormalize(hit.value);
    const whole = cached && !this.options.loadParts?.(cached.response);
    // NOTE: fast path. A card's first load, fresh in the cache and in a language already there,
    // settles now: the card renders its data, and reports it, in this very update; the Task has
    // nothing left to report.
    if (whole && hit.fresh && firstLoad && translationReady(this.options.locale())) {
      this.succeed(cached);
      return initialState;
    }
    if (whole) this.show({ state: 'data', response: cached.response, refreshing: true }, run);
    else this.show({ state: 'loading' });
    return this.load(run, firstLoad, signal);
  }

  private async load(run: Run, firstLoad: boolean, signal: AbortSignal): Promise<NormalizeResult | typeof initialState> {
    const seconds = this.options.timeoutSeconds();
    // The data renders in the card's language: a locale loaded on demand arrives first.
    const translated = loadTranslation(this.options.locale());
    let raw: unknown;
    try {
      // Another card showing this record waits for its automatic retry: so does this load.
      const pending = joinRetry(run.provider, run.record, signal);
      if (pending) await pending.done;
      raw = await withTimeout(
        // A first load may come from the cache alone (a list re-rendered, a card re-mounted); any
        // later one (a record change, a refresh) asks the provider again.
        (timeoutSignal) => loadSyncStatus(run.provider, run.record, timeoutSignal, { useFresh: firstLoad }),
        seconds * 1000,
        signal,
        `The sync status provider did not answer within ${seconds} s.`,
      );
    } catch (error) {
      await translated;
      // Aborted by a disconnect: nothing to report (a superseded call, the Task ignores itself).
      if (signal.aborted) return initialState;
      throw error;
    }
    await translated;
    if (signal.aborted) return initialState;
    const result = this.normalizeOnce(raw);
    // The first data render is the whole card: the parts it needs arrive before it, not after.
    await this.options.loadParts?.(result.response);
    return signal.aborted ? initialState : result;
  }

  private succeed({ response, warnings }: NormalizeResult): void {
    const run = this.current;
    if (!run) return;
    this.current = undefined;
    this.retries = 0;
    this.show({ state: 'data', response, refreshing: false }, run);
    this.outcome = { ok: true, record: run.record, response, warnings };
  }

  /**
   * Records a failed load: the error state (or the data kept on screen, with the failure), reported
   * once rendered; a transient failure schedules the next automatic retry.
   */
  private fail(error: Error): void {
    const run = this.current;
    if (!run) return;
    this.current = undefined;
    const policy = retryPolicyOf(run.provider);
    const cap = this.options.maxRetries?.();
    const retries = typeof cap === 'number' && Number.isFinite(cap) && cap >= 0 ? Math.min(Math.floor(cap), policy.retries) : policy.retries;
    const plan = planRetry(error, this.retries, { ...policy, retries });
    let retryAt: number | null = null;
    let retryInMs: number | null = null;
    if (plan.willRetry) {
      this.retries = plan.retry;
      const controller = new AbortController();
      // NOTE: joined per provider and record (src/data/shared-wait.ts): the cards showing this
      // record wait once, and the due time may be another card's, already drawn.
      const shared = waitForRetry(run.provider, run.record, plan, controller.signal);
      retryAt = shared.dueAt;
      retryInMs = shared.retryInMs;
      const wait = {
        key: run.key,
        provider: run.provider,
        controller,
        promise: shared.done.then(
          () => {
            if (this.retryWait !== wait) return;
            this.retryWait = undefined;
            // NOTE: no invalidate: the cards woken together for this record must share one
            // request (invalidating would detach the one the first of them just started).
            return this.run();
          },
          () => {}, // Cancelled: a manual run, a record change or a disconnect took over.
        ),
      };
      this.retryWait = wait;
    }
    const view = this.currentView;
    const keepsData = view.state === 'data' && this.shown?.provider === run.provider && this.shown.key === run.key;
    this.show(keepsData ? { ...view, refreshing: false, failure: { error, retryAt } } : { state: 'error', error, retrying: false, retryAt }, run);
    this.outcome = { ok: false, record: run.record, error, willRetry: plan.willRetry, retryInMs };
  }

  /** Drops this card's pending automatic retry (others waiting for the record keep theirs). */
  private cancelRetry(): void {
    const wait = this.retryWait;
    this.retryWait = undefined;
    wait?.controller.abort();
  }

  private show(view: SyncStatusView, run?: Run): void {
    this.currentView = view;
    this.shown = run && { provider: run.provider, key: run.key };
    this.host.requestUpdate();
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
