// The Server-Sent Events writer of both change streams (the card's `/events`, the health page's
// `/health/events`): the streams of one topic (a record, a portal) share one upstream
// subscription, opened with the topic's first stream and closed with its last; one heartbeat
// timer serves every stream; open streams are bounded per topic and in all, so a flood of
// connections cannot exhaust the process.

export interface EventStreamsOptions {
  /** Milliseconds between `: ping` comments (0: none). */
  heartbeatMs: number;
  /** Most open streams in all. */
  maxStreams: number;
  /** Most open streams of one topic (default: no bound but `maxStreams`). */
  maxStreamsPerTopic?: number;
}

/** Opens a topic's upstream subscription: `send` writes to every stream of the topic; returns the way to stop. */
export type Subscribe = (send: (bytes: Uint8Array) => void) => () => void;

export type OpenResult = { stream: ReadableStream<Uint8Array> } | { full: 'topic' | 'all' };

export interface EventStreams {
  /**
   * Opens a stream of `key`'s topic (`subscribe` runs when it is the topic's first), or says which
   * bound it would cross. `onClose` registers what to run when the client goes away.
   */
  open(key: string, subscribe: Subscribe, onClose: (listener: () => void) => () => void): OpenResult;
  /** Open streams now, and topics whose subscription is live (for tests and metrics). */
  stats(): { streams: number; topics: number };
}

type Client = ReadableStreamDefaultController<Uint8Array>;

interface Topic {
  clients: Set<Client>;
  unsubscribe: () => void;
}

const encoder = new TextEncoder();
/** One SSE message, encoded once for every stream it goes to. */
export const sseEvent = (event: string, data: unknown): Uint8Array => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
const PING = encoder.encode(': ping\n\n');
// The first bytes: the client knows at once the stream is open (and proxies flush the headers).
// `retry` is EventSource's reconnection delay after a dropped connection.
const OPENING = encoder.encode(': connected\nretry: 5000\n\n');

const send = (client: Client, bytes: Uint8Array) => {
  try {
    client.enqueue(bytes);
  } catch {
    // Closed between the event and now: its cleanup is on its way.
  }
};

export function createEventStreams({ heartbeatMs, maxStreams, maxStreamsPerTopic = Infinity }: EventStreamsOptions): EventStreams {
  const topics = new Map<string, Topic>();
  let streams = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const startHeartbeat = () => {
    if (heartbeat || !(heartbeatMs > 0)) return;
    heartbeat = setInterval(() => {
      for (const topic of topics.values()) for (const client of topic.clients) send(client, PING);
    }, heartbeatMs);
    // Never keeps a process alive on its own.
    (heartbeat as { unref?: () => void }).unref?.();
  };

  return {
    open(key, subscribe, onClose) {
      if (streams >= maxStreams) return { full: 'all' };
      if ((topics.get(key)?.clients.size ?? 0) >= maxStreamsPerTopic) return { full: 'topic' };

      let client: Client | undefined;
      let closed = false;
      let stopListening = () => {};
      const leave = () => {
        if (closed) return;
        closed = true;
        stopListening();
        streams--;
        const topic = topics.get(key);
        if (topic && client) {
          topic.clients.delete(client);
          if (topic.clients.size === 0) {
            topics.delete(key);
            try {
              topic.unsubscribe();
            } catch {
              // A source's failing unsubscribe must not take the stream's cleanup with it.
            }
          }
        }
        if (streams === 0) {
          clearInterval(heartbeat);
          heartbeat = undefined;
        }
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
          let topic = topics.get(key);
          if (!topic) {
            const clients = new Set<Client>();
            topic = { clients, unsubscribe: () => undefined };
            topics.set(key, topic);
            try {
              topic.unsubscribe = subscribe((bytes) => {
                for (const each of clients) send(each, bytes);
              });
            } catch {
              // The source could not subscribe: the stream stays open (heartbeats), with no changes.
            }
          }
          topic.clients.add(controller);
          controller.enqueue(OPENING);
          startHeartbeat();
          stopListening = onClose(leave);
        },
        cancel: leave,
      });
      return { stream };
    },
    stats: () => ({ streams, topics: topics.size }),
  };
}
