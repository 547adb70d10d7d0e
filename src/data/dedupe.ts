import { recordKey, type RecordRef, type SyncDataProvider, type SyncStatusResponse } from './types.ts';

interface SharedRequest {
  promise: Promise<SyncStatusResponse>;
  controller: AbortController;
  callers: number;
}

const inFlight = new WeakMap<SyncDataProvider, Map<string, SharedRequest>>();

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}

/**
 * Calls `provider.getSyncStatus` once for identical concurrent requests (same provider, same record).
 * The shared request is aborted only when every caller has aborted; each caller's own promise
 * rejects as soon as its own signal aborts.
 */
export function getSyncStatusOnce(
  provider: SyncDataProvider,
  record: RecordRef,
  signal: AbortSignal,
): Promise<SyncStatusResponse> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  let byKey = inFlight.get(provider);
  if (!byKey) inFlight.set(provider, (byKey = new Map()));
  const key = recordKey(record);
  let shared = byKey.get(key);
  if (!shared) {
    const controller = new AbortController();
    const map = byKey;
    const entry: SharedRequest = {
      controller,
      callers: 0,
      // Promise.resolve().then(...) turns a synchronous throw or a non-promise return into a promise.
      promise: Promise.resolve()
        .then(() => provider.getSyncStatus({ ...record }, { signal: controller.signal }))
        .finally(() => {
          if (map.get(key) === entry) map.delete(key);
        }),
    };
    shared = entry;
    byKey.set(key, shared);
  }
  const request = shared;
  request.callers += 1;
  return new Promise<SyncStatusResponse>((resolve, reject) => {
    const onAbort = () => {
      request.callers -= 1;
      if (request.callers === 0) {
        if (byKey.get(key) === request) byKey.delete(key);
        request.controller.abort(signal.reason);
      }
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Detaches the request in flight for this record (if any): its callers still get its answer,
 * but the next caller starts a new request instead of joining one that began before a change.
 */
export function forgetInFlight(provider: SyncDataProvider, record: RecordRef): void {
  inFlight.get(provider)?.delete(recordKey(record));
}

/** How many shared requests are in flight through the provider (diagnostics for soak tests). */
export function inFlightCount(provider: SyncDataProvider): number {
  return inFlight.get(provider)?.size ?? 0;
}
