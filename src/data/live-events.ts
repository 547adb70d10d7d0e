// Live updates over Server-Sent Events for createRestProvider({ live: true }). Loaded on the
// first subscription, so pages without live updates never download it.
import { backoffDelay, type RetryPolicy } from './backoff.ts';
import { systemClock, type RetryClock } from './shared-wait.ts';
import type { RecordRef } from './types.ts';

export interface StreamOptions {
  credentials?: RequestCredentials;
  /** A bearer token for the stream, read at each connection and sent as its `token` query parameter. */
  token?: () => Promise<string | undefined>;
  /** Reconnect delays: the provider's retry policy (its `retries` does not apply: streams never give up). */
  policy: RetryPolicy;
  random?: () => number;
  clock?: RetryClock;
}

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
  options: StreamOptions,
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
          options,
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

/** How many event streams are open or reconnecting on the page (diagnostics: soak tests watch it). */
export function openStreamCount(): number {
  return openStreams;
}
let openStreams = 0;

/**
 * Listens to a Server-Sent Events stream and calls `onChange` for each message (with it; without
 * one after a reconnection, which may have missed changes). After any error
 * the stream is closed and reopened with the load retries' backoff (exponential, full jitter, at
 * most `maxMs`), never at the browser's fixed interval: when a server restarts, its clients come
 * back spread out, not all at once. Streams never give up. Returns the unsubscribe function.
 */
// Exported for the health page's stream (health-rest-provider.ts), which reads each message's data.
export function subscribeToEvents(url: string, onChange: (message?: MessageEvent) => void, options: StreamOptions): () => void {
  const { credentials, policy, token, random = Math.random, clock = systemClock } = options;
  let source: EventSource | undefined;
  let timer: unknown;
  let attempt = 0;
  let dropped = false;
  let stopped = false;
  const open = (target: string) => {
    source = new EventSource(target, { withCredentials: credentials === 'include' });
    source.onopen = () => {
      // A reconnection may have missed changes: treat it as one.
      if (dropped) onChange();
      dropped = false;
      attempt = 0;
    };
    source.onmessage = (message) => onChange(message);
    source.addEventListener('change', (message) => onChange(message));
    source.onerror = () => {
      if (stopped || timer !== undefined) return;
      dropped = true;
      source?.close();
      attempt += 1;
      timer = clock.setTimeout(connect, backoffDelay(attempt, policy, random));
    };
  };
  const connect = () => {
    timer = undefined;
    if (!token) return open(url);
    // NOTE: the stream's key stays the URL without the token, so a refreshed token reuses it.
    const retryLater = () => {
      attempt += 1;
      timer = clock.setTimeout(connect, backoffDelay(attempt, policy, random));
    };
    token().then(
      (value) => {
        if (stopped) return;
        if (!value) return open(url);
        open(`${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(value)}`);
      },
      () => {
        if (!stopped) retryLater();
      },
    );
  };
  openStreams += 1;
  connect();
  return () => {
    if (stopped) return;
    stopped = true;
    openStreams -= 1;
    clock.clearTimeout(timer);
    source?.close();
  };
}
