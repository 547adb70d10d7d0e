import type { RecordRef, SyncDataProvider, SyncStatusResponse } from './types.ts';

export interface MemoryProviderOptions {
  /** Simulated network latency in milliseconds (default 0). */
  latencyMs?: number;
}

/**
 * A provider that serves responses from memory, keyed by `"objectType:objectId"`.
 * For demos, stories and tests. A missing key resolves to the empty response.
 */
export function createMemoryProvider(
  records: Record<string, SyncStatusResponse>,
  { latencyMs = 0 }: MemoryProviderOptions = {},
): SyncDataProvider {
  return {
    getSyncStatus(record: RecordRef, { signal }: { signal: AbortSignal }) {
      return new Promise((resolve, reject) => {
        const key = `${record.objectType}:${record.objectId}`;
        const found = Object.prototype.hasOwnProperty.call(records, key) ? records[key] : undefined;
        // structuredClone: callers may mutate what they get without changing the store.
        const respond = () => resolve(structuredClone(found ?? { integrations: [], syncs: [] }));
        if (signal.aborted) return reject(signal.reason);
        if (latencyMs <= 0) return respond();
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          respond();
        }, latencyMs);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
