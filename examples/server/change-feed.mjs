// Live updates across several server processes. Each process's handler already shares one
// `source.subscribe` per record among all its clients; what crosses processes is the change
// itself, through the deployer's pub/sub (Redis PUBLISH/SUBSCRIBE, Postgres LISTEN/NOTIFY, a
// queue). `withChangeFeed` gives any source a `subscribe` backed by such a feed; the feed here
// is in-process (the same interface a broker-backed one has), so it runs with no broker.
//
// redis-change-feed.mjs is the same interface over Redis PUBLISH / SUBSCRIBE.
// Whatever writes sync results (the integration's worker) calls `publish` after each sync.

/** @typedef {{ objectType: string, objectId: string, portalId?: string }} RecordRef */

/** A record's key for the feed: object types compared case-insensitively (CRMs send COMPANY or company). */
export const keyOf = (/** @type {RecordRef} */ record) => JSON.stringify([record.objectType.toLowerCase(), record.objectId, record.portalId ?? null]);

/** An in-process change feed: `publish(record)` reaches every `subscribe(record, …)` listener. */
export function createChangeFeed() {
  /** @type {Map<string, Set<() => void>>} */
  const listeners = new Map();
  return {
    /** @param {RecordRef} record */
    publish(record) {
      for (const listener of [...(listeners.get(keyOf(record)) ?? [])]) listener();
    },
    /** @param {RecordRef} record @param {() => void} onChange @returns {() => void} */
    subscribe(record, onChange) {
      const key = keyOf(record);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key)?.add(onChange);
      return () => {
        listeners.get(key)?.delete(onChange);
        if (listeners.get(key)?.size === 0) listeners.delete(key);
      };
    },
    /** Records with listeners now (a broker-backed feed would SUBSCRIBE to these). */
    size: () => listeners.size,
  };
}

/**
 * A source with live updates from a change feed.
 * @template {import('integration-sync-card/server').SyncDataProvider} S
 * @param {S} source
 * @param {{ subscribe(record: RecordRef, onChange: () => void): () => void }} feed
 * @returns {S}
 */
export function withChangeFeed(source, feed) {
  return { ...source, getSyncStatus: source.getSyncStatus.bind(source), subscribe: (record, onChange) => feed.subscribe(record, onChange) };
}
