// Automatic retries waiting, shared per provider and record: however many cards show a record,
// it waits once and is requested once per backoff step; through a batching provider the records
// due together wake in the same task, so they retry in one batch instead of one request each.
import { recordKey, type RecordRef, type SyncDataProvider } from './types.ts';

/** Time as the retry timers see it; tests pass a controlled one. */
export interface RetryClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// NOTE: the globals are looked up at each call (not captured once), so a page whose timers are
// faked (a soak test) and a page whose timers are real use the same code.
export const systemClock: RetryClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A record's pending automatic retry, as one caller joined it. */
export interface SharedRetry {
  /** Which automatic retry this wait precedes (1 for the first). */
  retry: number;
  /** When it is due, in the clock's milliseconds. */
  dueAt: number;
  /** Milliseconds from the moment this caller joined until it is due. */
  retryInMs: number;
  /** Resolves when the retry is due (or released by a manual retry); rejects when the caller's signal aborts. */
  done: Promise<void>;
}

interface Wait {
  key: string;
  retry: number;
  waiters: number;
  wake: Promise<void>;
  resolve: () => void;
  group: Group;
}

/** Waits that wake in one timer callback: one record's, or a batching provider's retry step. */
interface Group {
  retry: number;
  dueAt: number;
  waits: Set<Wait>;
  timer: unknown;
  clock: RetryClock;
}

interface ProviderWaits {
  byRecord: Map<string, Wait>;
  /** Batching providers only: the pending group of each retry step. */
  steps: Map<number, Group>;
}

const waits = new WeakMap<SyncDataProvider, ProviderWaits>();
const batching = new WeakSet<SyncDataProvider>();
let pendingCount = 0;

/** Marks a provider that coalesces concurrent requests into batches: its retries wake together. */
export function retryInBatches(provider: SyncDataProvider): void {
  batching.add(provider);
}

/** How many record waits are pending on the page (diagnostics: soak tests watch it stay bounded). */
export function pendingRetryCount(): number {
  return pendingCount;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The wait was aborted.', 'AbortError');
}

function detach(state: ProviderWaits, wait: Wait): void {
  if (state.byRecord.get(wait.key) === wait) state.byRecord.delete(wait.key);
  const { group } = wait;
  if (!group.waits.delete(wait)) return;
  pendingCount -= 1;
  if (group.waits.size > 0) return;
  group.clock.clearTimeout(group.timer);
  if (state.steps.get(group.retry) === group) state.steps.delete(group.retry);
}

function join(state: ProviderWaits, wait: Wait, signal: AbortSignal, now: number): SharedRetry {
  wait.waiters += 1;
  const done = new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      leave();
      return reject(abortReason(signal));
    }
    function leave() {
      wait.waiters -= 1;
      // The last card waiting for this record went away: nothing stays scheduled for it.
      if (wait.waiters === 0) detach(state, wait);
    }
    const onAbort = () => {
      leave();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void wait.wake.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
  const { dueAt } = wait.group;
  return { retry: wait.retry, dueAt, retryInMs: Math.max(0, dueAt - now), done };
}

/**
 * Waits for the automatic retry of `record` planned as `plan` (which retry, after how long, and
 * the least wait a Retry-After asked for). When the record already waits through this provider
 * (another card showing it failed too), this joins that wait instead of starting another one;
 * through a batching provider it joins the records of the same retry step, so they wake together.
 */
export function waitForRetry(
  provider: SyncDataProvider,
  record: RecordRef,
  plan: { retry: number; retryInMs: number; minimumMs?: number },
  signal: AbortSignal,
  clock: RetryClock = systemClock,
): SharedRetry {
  let state = waits.get(provider);
  if (!state) waits.set(provider, (state = { byRecord: new Map(), steps: new Map() }));
  const key = recordKey(record);
  const now = clock.now();
  const existing = state.byRecord.get(key);
  if (existing) return join(state, existing, signal, now);

  let group = batching.has(provider) ? state.steps.get(plan.retry) : undefined;
  // A step's group is joined only if it honours this record's Retry-After.
  if (group && group.dueAt < now + (plan.minimumMs ?? 0)) group = undefined;
  if (!group) {
    const created: Group = { retry: plan.retry, dueAt: now + Math.max(0, plan.retryInMs), waits: new Set(), timer: undefined, clock };
    const owner = state;
    created.timer = clock.setTimeout(() => {
      if (owner.steps.get(created.retry) === created) owner.steps.delete(created.retry);
      for (const wait of [...created.waits]) {
        detach(owner, wait);
        wait.resolve();
      }
    }, Math.max(0, plan.retryInMs));
    if (batching.has(provider)) state.steps.set(plan.retry, created);
    group = created;
  }
  let resolve!: () => void;
  const wake = new Promise<void>((done) => (resolve = done));
  const wait: Wait = { key, retry: plan.retry, waiters: 0, wake, resolve, group };
  group.waits.add(wait);
  pendingCount += 1;
  state.byRecord.set(key, wait);
  return join(state, wait, signal, now);
}

/**
 * The pending automatic retry of `record`, joined by one more caller (a card mounted, a periodic
 * reload or a pushed change while the record waits): it makes no request before the wait ends.
 * `undefined` when the record is not waiting.
 */
export function joinRetry(provider: SyncDataProvider, record: RecordRef, signal: AbortSignal, clock: RetryClock = systemClock): SharedRetry | undefined {
  const state = waits.get(provider);
  const wait = state?.byRecord.get(recordKey(record));
  return state && wait ? join(state, wait, signal, clock.now()) : undefined;
}

/** Ends the record's wait now (someone pressed Retry): every card waiting for it retries at once. */
export function releaseRetry(provider: SyncDataProvider, record: RecordRef): void {
  const state = waits.get(provider);
  const wait = state?.byRecord.get(recordKey(record));
  if (!state || !wait) return;
  detach(state, wait);
  wait.resolve();
}
