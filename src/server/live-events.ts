// Server-Sent Events for `/events`: every client watching a record shares one
// `source.subscribe` (fan-out here, not in the source), one heartbeat timer serves all streams,
// and the source's subscription ends when the record's last client leaves. Open streams are
// bounded per record and in all, so a flood of connections cannot exhaust the process.
import { recordKey, type RecordRef, type SyncDataProvider } from '../data/types.ts';

export interface LiveEventsOptions {
  heartbeatMs: number;
  maxStreams: number;
  maxStreamsPerRecord: number;
}

interface Watched {
  clients: Set<ReadableStreamDefaultController<Uint8Array>>;
  unsubscribe: () => void;
}

const encoder = new TextEncoder();
const CHANGE = encoder.encode('event: change\ndata: {}\n\n');
const PING = encoder.encode(': ping\n\n');
// The first bytes: the client knows at once the stream is open (and proxies flush the headers).
// `retry` is EventSource's reconnection delay after a dropped connection.
const OPENING = encoder.encode(': connected\nretry: 5000\n\n');

export type OpenResult = { stream: ReadableStream<Uint8Array> } | { full: 'record' | 'all' };

export interface LiveEvents {
  /** Opens a stream for the record, or says which bound it would cross. */
  open(record: RecordRef, onClose: (listener: () => void) => () => void): OpenResult;
  /** Open streams now, and records whose source subscription is live (for tests and metrics). */
  stats(): { streams: number; records: number };
}

export function createLiveEvents(subscribe: NonNullable<SyncDataProvider['subscribe']>, options: LiveEventsOptions): LiveEvents {
  const watched = new Map<string, Watched>();
  let streams = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const send = (client: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array) => {
    try {
      client.enqueue(bytes);
    } catch {
      // Closed between the event and now: its cleanup is on its way.
    }
  };
  const startHeartbeat = () => {
    if (heartbeat || !(options.heartbeatMs > 0)) return;
    heartbeat = setInterval(() => {
      for (const entry of watched.values()) for (const client of entry.clients) send(client, PING);
    }, options.heartbeatMs);
    // Never keeps a process alive on its own.
    (heartbeat as { unref?: () => void }).unref?.();
  };
  const stopHeartbeat = () => {
    clearInterval(heartbeat);
    heartbeat = undefined;
  };

  return {
    open(record, onClose) {
      const key = recordKey(record);
      const entry = watched.get(key);
      if (streams >= options.maxStreams) return { full: 'all' };
      if (entry && entry.clients.size >= options.maxStreamsPerRecord) return { full: 'record' };

      let client: ReadableStreamDefaultController<Uint8Array> | undefined;
      let closed = false;
      let stopListening = () => {};
      const leave = () => {
        if (closed) return;
        closed = true;
        stopListening();
        streams--;
        const current = watched.get(key);
        if (current && client) {
          current.clients.delete(client);
          if (current.clients.size === 0) {
            watched.delete(key);
            try {
              current.unsubscribe();
            } catch {
              // A source's failing unsubscribe must not take the stream's cleanup with it.
            }
          }
        }
        if (streams === 0) stopHeartbeat();
        try {
          client?.close();
        } catch {
          // Already closed by the runtime.
        }
      };

      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          client = controller;
          streams++;
          let current = watched.get(key);
          if (!current) {
            const clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
            current = { clients, unsubscribe: () => undefined };
            watched.set(key, current);
            try {
              current.unsubscribe = subscribe(record, () => {
                for (const each of clients) send(each, CHANGE);
              });
            } catch {
              // The source could not subscribe: the stream stays open (heartbeats), with no changes.
            }
          }
          current.clients.add(controller);
          controller.enqueue(OPENING);
          startHeartbeat();
          stopListening = onClose(leave);
        },
        cancel: leave,
      });
      return { stream };
    },
    stats: () => ({ streams, records: watched.size }),
  };
}
