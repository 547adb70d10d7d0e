import { forgetInFlight, getSyncStatusOnce } from './dedupe.ts';
import { recordKey, type RecordRef, type SyncDataProvider, type SyncStatusResponse } from './types.ts';

/**
 * `createRestProvider({ cache })`: how long responses are reused, like HTTP's
 * `Cache-Control: max-age=…, stale-while-revalidate=…`. `cache: false` turns caching off.
 */
export interface CacheOptions {
  /** Milliseconds a response stays fresh: a card shows it with no request (default 30000). */
  ttlMs?: number;
  /**
   * Milliseconds after that during which a card still shows it at once while it re-fetches
   * (stale-while-revalidate; default 300000). Older entries are dropped.
   */
  staleMs?: number;
  /** Most records kept per provider; the least recently stored go first (default 1000). */
  maxEntries?: number;
}

interface Entry {
  value: SyncStatusResponse;
  storedAt: number;
}

interface Store {
  ttlMs: number;
  staleMs: number;
  maxEntries: number;
  entries: Map<string, Entry>;
  /** Per record: the sequence number of its last invalidation. */
  invalidated: Map<string, number>;
}

/** A cached response and whether it is still fresh (else: show it, but re-fetch). */
export interface CacheHit {
  value: SyncStatusResponse;
  fresh: boolean;
}

const stores = new WeakMap<SyncDataProvider, Store>();
let sequence = 0;

const nonNegative = (value: number | undefined, fallback: number) =>
  typeof value === 'number' && value >= 0 ? value : fallback;

/** Gives `provider` a response cache (one per provider, shared by every card that uses it). */
export function enableCache(provider: SyncDataProvider, options: CacheOptions = {}): void {
  stores.set(provider, {
    ttlMs: nonNegative(options.ttlMs, 30_000),
    staleMs: nonNegative(options.staleMs, 300_000),
    maxEntries: Math.max(1, nonNegative(options.maxEntries, 1000)),
    entries: new Map(),
    invalidated: new Map(),
  });
}

/** What the cache holds for this record right now, without any request. */
export function peekSyncStatus(provider: SyncDataProvider, record: RecordRef): CacheHit | undefined {
  const store = stores.get(provider);
  const key = recordKey(record);
  const entry = store?.entries.get(key);
  if (!store || !entry) return undefined;
  const age = Date.now() - entry.storedAt;
  if (age > store.ttlMs + store.staleMs) {
    store.entries.delete(key);
    return undefined;
  }
  return { value: entry.value, fresh: age < store.ttlMs };
}

/**
 * Loads a record's sync status: from the provider's cache while fresh (unless `useFresh` is
 * false: then a fresh entry is only shown while this re-fetches), else through
 * `getSyncStatusOnce` (one request for identical concurrent loads), storing the answer.
 * Providers without a cache go straight to `getSyncStatusOnce`. Errors are not cached.
 */
export async function loadSyncStatus(
  provider: SyncDataProvider,
  record: RecordRef,
  signal: AbortSignal,
  { useFresh = true }: { useFresh?: boolean } = {},
): Promise<SyncStatusResponse> {
  const store = stores.get(provider);
  if (!store) return getSyncStatusOnce(provider, record, signal);
  const hit = peekSyncStatus(provider, record);
  if (hit?.fresh && useFresh) {
    signal.throwIfAborted();
    return hit.value;
  }
  const started = ++sequence;
  const value = await getSyncStatusOnce(provider, record, signal);
  const key = recordKey(record);
  // NOTE: an answer to a request that began before an invalidation is shown to its callers,
  // but not cached: it may predate the change that caused the invalidation.
  const invalidatedAt = store.invalidated.get(key);
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && (invalidatedAt === undefined || invalidatedAt < started)) {
    store.invalidated.delete(key);
    store.entries.delete(key);
    store.entries.set(key, { value, storedAt: Date.now() });
    if (store.entries.size > store.maxEntries) store.entries.delete(store.entries.keys().next().value!);
  }
  return value;
}

/**
 * Forgets what is cached for this record (after `refresh()`, or a resync that changed it):
 * the next load requests it again and does not join a request that began before this call.
 */
export function invalidate(provider: SyncDataProvider, record: RecordRef): void {
  const store = stores.get(provider);
  if (store) {
    const key = recordKey(record);
    store.entries.delete(key);
    store.invalidated.set(key, ++sequence);
  }
  forgetInFlight(provider, record);
}

/** How many responses the provider's cache holds (diagnostics: soak tests watch it stay bounded). */
export function cachedEntryCount(provider: SyncDataProvider): number {
  return stores.get(provider)?.entries.size ?? 0;
}
