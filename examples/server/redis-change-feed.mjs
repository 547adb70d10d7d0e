// The change feed of change-feed.mjs over a real broker: Redis PUBLISH / SUBSCRIBE, one channel
// per record. Every server process makes one feed (two connections: a subscribed connection
// cannot publish); its handler asks `subscribe` once per record however many clients watch it,
// so each process SUBSCRIBEs to a record's channel while it has clients for that record, and
// UNSUBSCRIBEs when the last one leaves. Whatever writes sync results (the integration's
// worker, in any process) calls `publish(record)` after each sync.
//
//   const feed = await createRedisChangeFeed({ url: process.env.REDIS_URL });
//   const source = withChangeFeed(yourSource, feed);
//
// node-redis (`@redis/client`) reconnects by itself and subscribes again to what it had.
import { createClient } from '@redis/client';
import { keyOf } from './change-feed.mjs';

/** @typedef {{ objectType: string, objectId: string, portalId?: string }} RecordRef */

/**
 * @param {{ url?: string, prefix?: string, onError?: (error: Error) => void }} [options]
 *   `url`: `redis://host:port` (default: node-redis's, localhost:6379); `prefix`: of the channels
 *   (default `sync-status:`); `onError`: connection errors (default: console.error). They never throw.
 */
export async function createRedisChangeFeed({ url, prefix = 'sync-status:', onError = (error) => console.error('[redis change feed]', error.message) } = {}) {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // node-redis emits connection errors as 'error' events: without a listener they would crash the process.
  publisher.on('error', onError);
  subscriber.on('error', onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  /** @type {Map<string, Set<() => void>>} the local listeners of each subscribed channel */
  const listeners = new Map();
  const report = (/** @type {unknown} */ error) => onError(error instanceof Error ? error : new Error(String(error)));
  /** SUBSCRIBEs to a channel with no local listeners yet; returns its (empty) set of them. */
  const open = (/** @type {string} */ channel) => {
    /** @type {Set<() => void>} */
    const local = new Set();
    listeners.set(channel, local);
    subscriber.subscribe(channel, () => {
      for (const listener of [...local]) listener();
    }).catch(report);
    return local;
  };
  return {
    /** Tells every process's clients watching `record` that it changed. @param {RecordRef} record */
    async publish(record) {
      await publisher.publish(prefix + keyOf(record), '{}');
    },
    /** @param {RecordRef} record @param {() => void} onChange @returns {() => void} */
    subscribe(record, onChange) {
      const channel = prefix + keyOf(record);
      const local = listeners.get(channel) ?? open(channel);
      local.add(onChange);
      return () => {
        local.delete(onChange);
        if (local.size > 0 || listeners.get(channel) !== local) return;
        listeners.delete(channel);
        subscriber.unsubscribe(channel).catch(report);
      };
    },
    /** Records this process is subscribed to now. */
    size: () => listeners.size,
    /** The channel of a record (to inspect with PUBSUB NUMSUB). @param {RecordRef} record */
    channelOf: (record) => prefix + keyOf(record),
    async close() {
      await Promise.allSettled([subscriber.close(), publisher.close()]);
    },
  };
}
