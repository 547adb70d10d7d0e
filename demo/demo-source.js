// The demo's data source: a SyncDataProvider (the card's own provider interface) over the demo
// records, with what a real integration would add: resyncs that run for a while, a sync history,
// change notifications, and one record whose lookups fail. `createSyncStatusHandler` serves it
// (demo/api-middleware.js); nothing here knows about HTTP.
import { demoHistory, demoRecords, FAILING_RECORD } from './demo-data.js';

/**
 * @typedef {import('./demo-data.js').RecordRef} RecordRef
 * @typedef {import('./demo-data.js').SyncStatusResponse} SyncStatusResponse
 * @typedef {import('./demo-data.js').SyncEvent} SyncEvent
 */

const EMPTY = Object.freeze({ integrations: [], syncs: [] });

/** An error the handler answers with its own HTTP status (a generic message, never this text). */
function sourceError(/** @type {string} */ message, /** @type {number} */ status) {
  return Object.assign(new Error(message), { status });
}

/**
 * @param {{ records?: () => Record<string, SyncStatusResponse>, resyncDelayMs?: number }} [options]
 *   `records` is called per request, so relative dates stay fresh; a resync stays
 *   "in_progress" for `resyncDelayMs` (default 4000) before it is "up_to_date".
 */
export function createDemoSource({ records = () => demoRecords(), resyncDelayMs = 4000 } = {}) {
  /** @type {Map<string, Map<string, object>>} what happened to each record's syncs since the start */
  const overrides = new Map();
  /** @type {Map<string, SyncEvent[]>} */
  const histories = new Map();
  /** @type {Map<string, Set<() => void>>} */
  const listeners = new Map();
  const keyOf = (/** @type {RecordRef} */ record) => `${record.objectType}:${record.objectId}`;

  /** @param {RecordRef} record @returns {SyncStatusResponse} */
  const current = (record) => {
    if (record.objectType === FAILING_RECORD.objectType && record.objectId === FAILING_RECORD.objectId) {
      throw sourceError('NetSuite did not answer in time', 503);
    }
    const data = records();
    const key = keyOf(record);
    const response = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : EMPTY;
    const byId = overrides.get(key);
    if (!byId) return response;
    return { ...response, syncs: response.syncs.map((sync) => ({ ...sync, ...byId.get(sync.id) })) };
  };
  /** @param {RecordRef} record @param {string} syncId */
  const syncOf = (record, syncId) => {
    const sync = current(record).syncs.find((item) => item.id === syncId);
    if (!sync) throw sourceError(`No sync "${syncId}" on this record`, 404);
    return sync;
  };
  /** A plausible past (demoHistory): the current status now, successful syncs before it. @param {RecordRef} record @param {any} sync */
  const historyOf = (record, sync) => {
    const key = `${keyOf(record)}|${sync.id}`;
    let events = histories.get(key);
    if (!events) {
      events = demoHistory(sync);
      histories.set(key, events);
    }
    return events;
  };
  /** @param {RecordRef} record @param {string} syncId @param {object} change @param {SyncEvent} event */
  const update = (record, syncId, change, event) => {
    const key = keyOf(record);
    if (!overrides.has(key)) overrides.set(key, new Map());
    const byId = /** @type {Map<string, object>} */ (overrides.get(key));
    byId.set(syncId, { ...byId.get(syncId), ...change });
    histories.get(`${key}|${syncId}`)?.unshift(event);
    for (const listener of [...(listeners.get(key) ?? [])]) listener();
  };

  return {
    /** @param {RecordRef} record */
    async getSyncStatus(record) {
      return current(record);
    },
    /** "in_progress" now, "up_to_date" after resyncDelayMs; each step notified. @param {RecordRef} record @param {string} syncId */
    async resync(record, syncId) {
      const sync = syncOf(record, syncId);
      historyOf(record, sync);
      update(record, sync.id, { status: 'in_progress' }, { at: new Date().toISOString(), status: 'in_progress', message: 'Resync requested from the CRM', direction: 'outbound', trigger: 'manual', actor: null });
      setTimeout(() => {
        const at = new Date().toISOString();
        const done = { status: 'up_to_date', lastSyncedAt: at, detail: { message: null, code: null, url: null, exclusionGroup: null } };
        update(record, sync.id, done, { at, status: 'up_to_date', message: 'Synced after a manual resync', direction: 'outbound', trigger: 'manual', actor: null });
      }, resyncDelayMs).unref?.();
    },
    /** @param {RecordRef} record @param {string} syncId */
    async getSyncHistory(record, syncId) {
      return historyOf(record, syncOf(record, syncId));
    },
    /** @param {RecordRef} record @param {() => void} onChange */
    subscribe(record, onChange) {
      const key = keyOf(record);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key)?.add(onChange);
      return () => {
        listeners.get(key)?.delete(onChange);
        if (listeners.get(key)?.size === 0) listeners.delete(key);
      };
    },
  };
}
