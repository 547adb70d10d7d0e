// A simulated sync-status API for soak runs: it answers after a latency, fails in bursts (503s,
// network errors, 429 with Retry-After), and pushes live changes. Every request, subscription and
// push is counted. Time is whatever `setTimeout` and `Date.now` are: the soak test fakes them.
import { enableCache } from '../../src/data/cache.ts';
import type { RecordRef, SyncDataProvider, SyncStatusResponse } from '../../src/index.ts';

/** A failure window: requests made in [fromMs, toMs) of each period fail with `error()`. */
export interface Burst {
  everyMs: number;
  fromMs: number;
  toMs: number;
  error: () => Error;
}

const transient = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { transient: true, ...extra });

/** Bursts over a day: a 3-minute outage every 2 hours, throttling every 3 hours, network blips every 50 minutes. */
export const DAY_OF_BURSTS: Burst[] = [
  { everyMs: 2 * 3_600_000, fromMs: 3_600_000, toMs: 3_600_000 + 180_000, error: () => transient('HTTP 503 (deploy)', { status: 503 }) },
  { everyMs: 3 * 3_600_000, fromMs: 1_800_000, toMs: 1_800_000 + 60_000, error: () => transient('HTTP 429 (throttled)', { status: 429, retryAfterMs: 20_000 }) },
  { everyMs: 50 * 60_000, fromMs: 600_000, toMs: 600_000 + 8_000, error: () => transient('network error (blip)') },
];

/** Tiny deterministic PRNG (mulberry32), so a soak run is the same run every time. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulatedApi({ latencyMs = 80, bursts = DAY_OF_BURSTS, startedAt = Date.now(), withTime = true } = {}) {
  const stats = { requests: 0, failed: 0, aborted: 0, subscriptions: 0, subscribeCalls: 0, pushes: 0 };
  /** One simulated stream per record, shared by the cards on it (as the REST provider's SSE is). */
  const streams = new Map<string, Set<() => void>>();
  const versions = new Map<string, number>();
  const failureAt = (now: number) => {
    for (const burst of bursts) {
      const phase = (now - startedAt) % burst.everyMs;
      if (phase >= burst.fromMs && phase < burst.toMs) return burst.error();
    }
    return undefined;
  };
  const response = (record: RecordRef): SyncStatusResponse => ({
    integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
    syncs: [
      {
        id: 'netsuite:customer',
        integrationId: 'netsuite',
        label: 'NetSuite customer',
        status: 'up_to_date',
        syncedWith: { name: `Record ${record.objectId} v${versions.get(record.objectId) ?? 0}`, url: 'https://erp.example.com/r' },
        lastSyncedAt: withTime ? new Date(Date.now() - 60_000).toISOString() : null,
      },
    ],
  });
  const provider: SyncDataProvider = {
    getSyncStatus(record, { signal }) {
      stats.requests += 1;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          const error = failureAt(Date.now());
          if (error) {
            stats.failed += 1;
            reject(error);
          } else resolve(response(record));
        }, latencyMs);
        const onAbort = () => {
          clearTimeout(timer);
          stats.aborted += 1;
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    subscribe(record, onChange) {
      stats.subscribeCalls += 1;
      stats.subscriptions += 1;
      let listeners = streams.get(record.objectId);
      if (!listeners) streams.set(record.objectId, (listeners = new Set()));
      const listener = () => onChange();
      listeners.add(listener);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        stats.subscriptions -= 1;
        listeners.delete(listener);
        if (listeners.size === 0) streams.delete(record.objectId);
      };
    },
  };
  // Like the REST provider: one response cache shared by every card.
  enableCache(provider);
  /** The server says these records changed: their streams tell every card on them. */
  const push = (objectIds: string[]) => {
    for (const id of objectIds) {
      versions.set(id, (versions.get(id) ?? 0) + 1);
      for (const listener of [...(streams.get(id) ?? [])]) {
        stats.pushes += 1;
        listener();
      }
    }
  };
  return { provider, stats, push, openStreams: () => streams.size };
}

/**
 * Counts the listeners added to `window` and `document` (what piles up on a page left open) from
 * now on, until `stop()`.
 */
export function countPageListeners() {
  const targets = new Set<EventTarget>([window, document]);
  const active = new Set<string>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const idOf = (value: unknown) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return String(value);
    if (!ids.has(value)) ids.set(value, ++next);
    return String(ids.get(value));
  };
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture);
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (targets.has(this) && listener) active.add(`${idOf(this)} ${type} ${idOf(listener)} ${capture(options)}`);
    return addEventListener.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof addEventListener;
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (targets.has(this)) active.delete(`${idOf(this)} ${type} ${idOf(listener)} ${capture(options)}`);
    return removeEventListener.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof removeEventListener;
  return {
    count: () => active.size,
    stop: () => {
      EventTarget.prototype.addEventListener = addEventListener;
      EventTarget.prototype.removeEventListener = removeEventListener;
    },
  };
}

/** Lets every pending promise chain and render run: one real macrotask (not clamped like setTimeout). */
export function drain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface FakeClock {
  now: number;
  tick(ms: number): number;
}

/**
 * Moves a fake clock `ms` forward, firing its timers in order and letting the page's promises and
 * renders run after each instant that had timers (what a real event loop does between them).
 * NOTE: fake-timers' own tickAsync yields through a real setTimeout after every timer, which
 * browsers clamp to 4 ms: a simulated day would take many minutes. This yields once per instant.
 */
export async function advance(clock: FakeClock, ms: number): Promise<void> {
  const target = clock.now + ms;
  // @sinonjs/fake-timers (pinned in package.json) keeps its timers in a heap; peek is its own API.
  const heap = (clock as unknown as { timerHeap?: { peek(): { callAt: number } | undefined } }).timerHeap;
  for (;;) {
    const due = heap?.peek()?.callAt;
    if (due === undefined || due > target) break;
    clock.tick(Math.max(0, due - clock.now));
    await drain();
  }
  clock.tick(target - clock.now);
  await drain();
}
