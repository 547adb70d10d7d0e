import { recordKey, type RecordRef, type SyncStatusResponse } from './types.ts';

/** `createRestProvider({ batch })`: coalesce the requests of many cards into few. */
export interface BatchOptions {
  /** Most records in one request; more are split into several requests (default 100). */
  maxSize?: number;
  /**
   * Milliseconds to wait for more requests before sending (default 0: everything requested
   * before the current task ends, e.g. all the cards a list view renders at once, goes together).
   */
  waitMs?: number;
}

/** Sends one batch of records; resolves to the parsed response body. */
export type SendBatch = (records: RecordRef[], signal: AbortSignal) => Promise<unknown>;

type Result = { response: SyncStatusResponse } | { error: Error };

interface Caller {
  resolve: (value: SyncStatusResponse) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

interface Batch {
  controller: AbortController;
  /** Callers still waiting; when the last one aborts, the request is aborted. */
  waiting: number;
}

interface Entry {
  record: RecordRef;
  callers: Set<Caller>;
  batch?: Batch;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `{"results":[{"record","response"}|{"record","error":{"message"}}]}` into results by record key. */
function readResults(body: unknown, fail: (cause: string) => Error): Map<string, Result> {
  if (!isObject(body) || !Array.isArray(body.results)) throw fail('the batch response has no "results" array.');
  const results = new Map<string, Result>();
  for (const item of body.results) {
    const record = isObject(item) && isObject(item.record) ? item.record : undefined;
    if (!record || typeof record.objectType !== 'string' || typeof record.objectId !== 'string') continue;
    const key = recordKey({
      objectType: record.objectType,
      objectId: record.objectId,
      portalId: typeof record.portalId === 'string' ? record.portalId : undefined,
    });
    if (results.has(key)) continue;
    if (item.error !== undefined && item.error !== null) {
      const message = isObject(item.error) && typeof item.error.message === 'string' ? item.error.message : 'unknown error';
      results.set(key, { error: fail(message) });
    } else {
      results.set(key, { response: item.response as SyncStatusResponse });
    }
  }
  return results;
}

/**
 * Returns a `load(record, signal)` that coalesces the records requested before a
 * `setTimeout(waitMs)` fires into batches of at most `maxSize`, sent with `send`. Results are
 * matched by record, not position; identical records in one batch are sent once; a per-record
 * error or a failed batch rejects only the callers concerned. Each caller's signal is honoured:
 * an aborted caller drops out, and a batch whose callers all aborted is aborted.
 */
export function createBatcher(
  send: SendBatch,
  fail: (cause: string) => Error,
  { maxSize = 100, waitMs = 0 }: BatchOptions = {},
): (record: RecordRef, signal: AbortSignal) => Promise<SyncStatusResponse> {
  const size = Math.max(1, Math.floor(maxSize) || 100);
  let queue = new Map<string, Entry>();
  let scheduled = false;

  const settle = (entry: Entry, result: Result) => {
    for (const caller of entry.callers) {
      caller.signal.removeEventListener('abort', caller.onAbort);
      if ('error' in result) caller.reject(result.error);
      else caller.resolve(result.response);
    }
    entry.callers.clear();
  };

  const sendBatch = async (entries: Entry[]) => {
    const batch: Batch = { controller: new AbortController(), waiting: 0 };
    for (const entry of entries) {
      entry.batch = batch;
      batch.waiting += entry.callers.size;
    }
    let results: Map<string, Result>;
    try {
      results = readResults(await send(entries.map((entry) => entry.record), batch.controller.signal), fail);
    } catch (error) {
      for (const entry of entries) settle(entry, { error: error as Error });
      return;
    }
    for (const entry of entries) {
      settle(entry, results.get(recordKey(entry.record)) ?? { error: fail('the batch response has no result for this record.') });
    }
  };

  const flush = () => {
    scheduled = false;
    const entries = [...queue.values()];
    queue = new Map();
    for (let start = 0; start < entries.length; start += size) void sendBatch(entries.slice(start, start + size));
  };

  return (record, signal) =>
    new Promise<SyncStatusResponse>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const key = recordKey(record);
      let entry = queue.get(key);
      if (!entry) {
        const { objectType, objectId, portalId } = record;
        entry = { record: portalId === undefined ? { objectType, objectId } : { objectType, objectId, portalId }, callers: new Set() };
        queue.set(key, entry);
      }
      const queued = entry;
      const caller: Caller = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          queued.callers.delete(caller);
          reject(signal.reason);
          if (!queued.batch) {
            if (queued.callers.size === 0 && queue.get(key) === queued) queue.delete(key);
          } else if (--queued.batch.waiting === 0) {
            queued.batch.controller.abort(signal.reason);
          }
        },
      };
      queued.callers.add(caller);
      signal.addEventListener('abort', caller.onAbort, { once: true });
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, waitMs);
      }
    });
}
