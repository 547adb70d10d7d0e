import type { RecordRef, SyncDataProvider, SyncStatusResponse } from './types.ts';

export interface RestProviderOptions {
  /** Base URL of the sync-status API, e.g. `https://crm.example.com/api/sync-status`. */
  endpoint: string;
  /** Extra request headers (e.g. an `Authorization` token). Never included in error messages. */
  headers?: Record<string, string>;
  /** `fetch` credentials mode (default: the browser's, `same-origin`). */
  credentials?: RequestCredentials;
  /** Milliseconds before a request fails with a timeout error (default 10000). */
  timeoutMs?: number;
}

/** Where a REST request failed; the message names the endpoint and the cause. */
export class SyncRequestError extends Error {
  override name = 'SyncRequestError';
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

function withQuery(endpoint: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`;
}

/**
 * A provider that reads the JSON wire format over HTTP:
 * `GET {endpoint}?objectType=…&objectId=…[&portalId=…]`.
 */
export function createRestProvider(options: RestProviderOptions): SyncDataProvider {
  const { endpoint, headers, credentials, timeoutMs = 10000 } = options;

  async function requestJson(url: string, init: RequestInit, signal: AbortSignal): Promise<unknown> {
    signal.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const fail = (cause: string, status?: number) =>
      new SyncRequestError(`Sync status request to ${endpoint} failed: ${cause}`, status);
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          ...init,
          headers: { Accept: 'application/json', ...headers, ...(init.headers as Record<string, string>) },
          credentials,
          signal: controller.signal,
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (timedOut) throw fail(`no answer within ${timeoutMs} ms (timeout).`);
        throw fail(`network error (${error instanceof Error ? error.message : String(error)}).`);
      }
      if (!response.ok) {
        throw fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, response.status);
      }
      let body: string;
      try {
        body = await response.text();
      } catch {
        if (signal.aborted) throw signal.reason;
        throw fail(timedOut ? `no answer within ${timeoutMs} ms (timeout).` : 'the response body could not be read.');
      }
      try {
        return JSON.parse(body);
      } catch {
        throw fail('the response is not valid JSON.', response.status);
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    async getSyncStatus(record: RecordRef, { signal }: { signal: AbortSignal }) {
      const url = withQuery(endpoint, {
        objectType: record.objectType,
        objectId: record.objectId,
        portalId: record.portalId,
      });
      // Validation and repair happen in the element (normalizeResponse), for every provider alike.
      return (await requestJson(url, { method: 'GET' }, signal)) as SyncStatusResponse;
    },
  };
}
