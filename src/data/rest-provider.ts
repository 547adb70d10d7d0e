import type { BatchOptions } from './batch.ts';
import { enableCache, invalidate, type CacheOptions } from './cache.ts';
import type { EventStreams } from './live-events.ts';
import { resolveRetryPolicy, setRetryPolicy, type RetryOptions } from './backoff.ts';
import { retryInBatches } from './shared-wait.ts';
import { parseRetryAfter, TRANSIENT_STATUSES } from './transient.ts';
import type { RecordRef, SyncDataProvider, SyncEvent, SyncStatusResponse } from './types.ts';

export interface RestProviderOptions {
  /** Base URL of the sync-status API, e.g. `https://crm.example.com/api/sync-status`. */
  endpoint: string;
  /** Extra request headers (e.g. an `Authorization` token). Never included in error messages. */
  headers?: Record<string, string>;
  /**
   * An embed token (or any bearer token), sent as `Authorization: Bearer <token>` with every
   * request and as the `token` query parameter of the live event stream (EventSource sends no
   * headers). A function is called per request (and per stream connection), sync or async, so a
   * host can refresh the token. Never included in error messages.
   */
  token?: string | (() => string | Promise<string>);
  /** `fetch` credentials mode (default: the browser's, `same-origin`). */
  credentials?: RequestCredentials;
  /** Milliseconds before a request fails with a timeout error (default 10000). */
  timeoutMs?: number;
  /**
   * Push updates through Server-Sent Events at `{endpoint}/events?objectType=…&objectId=…`
   * (default false). Each message re-fetches the record; the stream reconnects by itself.
   */
  live?: boolean;
  /**
   * Coalesce the requests of all cards made in the same task into `POST {endpoint}/batch`
   * `{"records":[…]}` (at most `maxSize` records each, default 100; `waitMs` default 0).
   * `true` uses the defaults. Off by default: the server must implement the batch route.
   */
  batch?: BatchOptions | boolean;
  /**
   * Response cache shared by every card using this provider: fresh for `ttlMs` (default 30 s,
   * no request), then shown at once while re-fetching for `staleMs` more (default 5 min).
   * `false` turns it off.
   */
  cache?: CacheOptions | false;
  /**
   * Automatic retries of failed loads (transient failures only: network, timeout, HTTP 408, 429,
   * 502, 503, 504): `{ retries = 5, baseMs = 1000, factor = 2, maxMs = 60000 }`, full jitter,
   * `Retry-After` as the minimum. `false` turns them off. The live stream reconnects with the
   * same delays (and never gives up).
   */
  retry?: RetryOptions | false;
}

/** Where a REST request failed; the message names the endpoint and the cause. */
export class SyncRequestError extends Error {
  override name = 'SyncRequestError';
  /** The HTTP status, when the server answered; `null` for a network failure or a timeout. */
  readonly status: number | null;
  /** The server's `Retry-After` in milliseconds (seconds or an HTTP date), else `null`. */
  readonly retryAfterMs: number | null;
  /** Whether trying again later may succeed: network failure, timeout, HTTP 408, 429, 502, 503, 504. */
  readonly transient: boolean;
  constructor(message: string, { status = null, retryAfterMs = null, transient }: { status?: number | null; retryAfterMs?: number | null; transient?: boolean } = {}) {
    super(message);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.transient = transient ?? (status !== null && TRANSIENT_STATUSES.has(status));
  }
}

function withQuery(endpoint: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`;
}

/** The connection options a REST request needs; the health provider (health-rest-provider.ts) shares them. */
export type RequestOptions = Pick<RestProviderOptions, 'headers' | 'token' | 'credentials' | 'timeoutMs'>;

/**
 * One request path for every REST call: the Bearer token, the timeout, the caller's abort, and
 * errors that carry `status`, `retryAfterMs` and `transient` (section 12's recovery reads them).
 */
export function createRequester({ headers, token, credentials, timeoutMs = 10000 }: RequestOptions) {
  const currentToken = token === undefined ? undefined : async () => (typeof token === 'function' ? await token() : token);

  /**
   * The answer's JSON (with `bodyOptional`, an empty body is `undefined`), or what `read` makes of
   * the answer's body: the health export reads a file (health-rest-provider.ts), so the card's
   * first load carries no download path.
   */
  async function request(url: string, init: RequestInit, signal: AbortSignal, bodyOptional = false, read?: (response: Response) => Promise<unknown>): Promise<unknown> {
    signal.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const fail = (cause: string, details?: ConstructorParameters<typeof SyncRequestError>[1]) =>
      new SyncRequestError(`Sync status request to ${shownUrl(url)} failed: ${cause}`, details);
    const timeout = () => fail(`no answer within ${timeoutMs} ms (timeout).`, { transient: true });
    try {
      let bearer: string | undefined;
      if (currentToken) {
        try {
          bearer = await currentToken();
        } catch {
          throw fail('the token could not be obtained.', { transient: false });
        }
      }
      let response: Response;
      try {
        response = await fetch(url, {
          ...init,
          headers: {
            Accept: 'application/json',
            ...headers,
            ...(init.headers as Record<string, string>),
            ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          },
          credentials,
          signal: controller.signal,
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (timedOut) throw timeout();
        throw fail(`network error (${error instanceof Error ? error.message : String(error)}).`, { transient: true });
      }
      if (!response.ok) {
        const { status } = response;
        // The body of an error answer is not read: its Retry-After and status say all the card needs.
        void response.body?.cancel().catch(() => {});
        throw fail(`HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}.`, {
          status,
          retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
        });
      }
      let body: string;
      try {
        if (read) return await read(response);
        body = await response.text();
      } catch {
        if (signal.aborted) throw signal.reason;
        // A connection dropped mid-body is a network failure: worth another try.
        throw timedOut ? timeout() : fail('the response body could not be read (connection lost).', { status: response.status, transient: true });
      }
      if (bodyOptional && body.trim() === '') return undefined;
      try {
        return JSON.parse(body);
      } catch {
        // NOTE: not transient: the same server would send the same bytes again. Naming a
        // non-JSON content type tells a deployer at once that a proxy or login page answered.
        const type = response.headers.get('Content-Type')?.split(';')[0].trim().toLowerCase();
        const shown = type && !/^application\/([\w.+-]+\+)?json$/.test(type) ? ` (${type.slice(0, 60)})` : '';
        throw fail(`the response is not valid JSON${shown}.`, { status: response.status, transient: false });
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  return { currentToken, request };
}

/**
 * A provider that reads the JSON wire format over HTTP:
 * `GET {endpoint}?objectType=…&objectId=…[&portalId=…]`.
 */
export function createRestProvider(options: RestProviderOptions): SyncDataProvider {
  const { endpoint, credentials, live = false, batch, cache, retry } = options;
  const { request, currentToken } = createRequester(options);
  const retryPolicy = resolveRetryPolicy(retry);
  const base = endpoint.replace(/\/+$/, '');
  const recordQuery = (record: RecordRef) => ({
    objectType: record.objectType,
    objectId: record.objectId,
    portalId: record.portalId,
  });

  // NOTE: the batching code loads on first use, so pages that do not batch never download it.
  // Every request of the first tick waits for the same import, then joins the same batch window.
  let batcher: Promise<(record: RecordRef, signal: AbortSignal) => Promise<unknown>> | undefined;
  const loadBatched = batch
    ? (record: RecordRef, signal: AbortSignal) =>
        (batcher ??= import('./batch.ts').then(({ createBatcher }) =>
          createBatcher(
            (records, batchSignal) =>
              request(`${base}/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ records }) }, batchSignal),
            (cause) => new SyncRequestError(`Sync status request to ${shownUrl(`${base}/batch`)} failed: ${cause}`, { transient: false }),
            batch === true ? {} : batch,
          ),
        )).then((load) => load(record, signal))
    : undefined;

  const provider: SyncDataProvider = {
    async getSyncStatus(record: RecordRef, { signal }: { signal: AbortSignal }) {
      if (loadBatched) return (await loadBatched(record, signal)) as SyncStatusResponse;
      // Validation and repair happen in the element (normalizeResponse), for every provider alike.
      return (await request(withQuery(endpoint, recordQuery(record)), { method: 'GET' }, signal)) as SyncStatusResponse;
    },

    /** `POST {endpoint}/resync` with `{"record","syncId"}`; any 2xx means accepted. */
    async resync(record: RecordRef, syncId: string, { signal }: { signal: AbortSignal }) {
      await request(
        `${base}/resync`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ record, syncId }) },
        signal,
        true,
      );
    },

    /** `GET {endpoint}/history?objectType=…&objectId=…&syncId=…` → `SyncEvent[]`, newest first. */
    async getSyncHistory(record: RecordRef, syncId: string, { signal }: { signal: AbortSignal }) {
      return (await request(withQuery(`${base}/history`, { ...recordQuery(record), syncId }), { method: 'GET' }, signal)) as SyncEvent[];
    },
  };
  if (live) {
    // NOTE: the Server-Sent Events client loads on the first subscription (src/data/live-events.ts),
    // so pages without live updates never download it.
    let streams: Promise<EventStreams> | undefined;
    provider.subscribe = (record, onChange) => {
      let unsubscribe: (() => void) | undefined;
      let stopped = false;
      streams ??= import('./live-events.ts').then(({ createEventStreams }) =>
        createEventStreams((subscribed) => withQuery(`${base}/events`, recordQuery(subscribed)), (changed) => invalidate(provider, changed), {
          credentials,
          policy: retryPolicy,
          token: currentToken,
        }),
      );
      void streams.then((loaded) => {
        if (!stopped) unsubscribe = loaded.subscribe(record, onChange);
      });
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    };
  }
  // Cards waiting to retry through a batching provider wake together, so they retry in batches.
  if (batch) retryInBatches(provider);
  setRetryPolicy(provider, retryPolicy);
  if (cache !== false) enableCache(provider, cache);
  return provider;
}

/** A URL as error messages show it: no query string, no user name or password. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = parsed.password = parsed.search = parsed.hash = '';
    return parsed.href;
  } catch {
    return url.split('?')[0];
  }
}
