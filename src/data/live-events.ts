// Live updates over Server-Sent Events for createRestProvider({ live: true }). Loaded on the
// first subscription, so pages without live updates never download it.
import type { RecordRef } from './types.ts';

export interface EventStreams {
  /** Calls `onChange` whenever the record's stream sends a message; returns the unsubscribe function. */
  subscribe(record: RecordRef, onChange: () => void): () => void;
}

/**
 * One stream per record, shared by every card showing it (browsers allow few open connections
 * per origin over HTTP/1.1). A message calls `onMessage` once (the provider invalidates its
 * cached answer), then each subscriber, whose re-fetches then share one request.
 */
export function createEventStreams(
  urlFor: (record: RecordRef) => string,
  onMessage: (record: RecordRef) => void,
  credentials?: RequestCredentials,
): EventStreams {
  const streams = new Map<string, { listeners: Set<() => void>; stop: () => void }>();
  return {
    subscribe(record, onChange) {
      const url = urlFor(record);
      let stream = streams.get(url);
      if (!stream) {
        const listeners = new Set<() => void>();
        const stop = subscribeToEvents(
          url,
          () => {
            onMessage(record);
            for (const listener of [...listeners]) listener();
          },
          credentials,
        );
        streams.set(url, (stream = { listeners, stop }));
      }
      const current = stream;
      const listener = () => onChange();
      current.listeners.add(listener);
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && streams.get(url) === current) {
          streams.delete(url);
          current.stop();
        }
      };
    },
  };
}

// Longest pause between two reconnection attempts of a live stream.
const MAX_RECONNECT_MS = 30_000;

/**
 * Listens to a Server-Sent Events stream and calls `onChange` for each message. EventSource
 * retries by itself after a dropped connection; when the browser gives up (an HTTP error closes
 * the stream for good), this reconnects with a growing delay. Returns the unsubscribe function.
 */
function subscribeToEvents(url: string, onChange: () => void, credentials?: RequestCredentials): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let dropped = false;
  let stopped = false;
  const connect = () => {
    source = new EventSource(url, { withCredentials: credentials === 'include' });
    source.onopen = () => {
      // A reconnection may have missed changes: treat it as one.
      if (dropped) onChange();
      dropped = false;
      attempt = 0;
    };
    source.onmessage = () => onChange();
    source.addEventListener('change', () => onChange());
    source.onerror = () => {
      dropped = true;
      if (stopped || source?.readyState !== EventSource.CLOSED) return;
      attempt += 1;
      timer = setTimeout(connect, Math.min(1000 * 2 ** (attempt - 1), MAX_RECONNECT_MS));
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
