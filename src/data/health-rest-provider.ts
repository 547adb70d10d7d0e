// The health page's REST provider: the `/health/*` routes of contract §15 under the card's endpoint.
import { resolveRetryPolicy } from './backoff.ts';
import type { HealthFilter, HealthQuery, HealthRecordsPage, HealthSummary, SyncHealthProvider } from './health-types.ts';
import { createRequester, type RequestOptions } from './rest-provider.ts';

export interface RestHealthProviderOptions extends RequestOptions {
  /** The same base URL as the card's, e.g. `https://crm.example.com/api/sync-status`. */
  endpoint: string;
}

/** A filter or query as the records route reads it: lists comma-separated, empty values left out. */
export function healthSearchParams(query: HealthQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  };
  set('portalId', query.portalId);
  set('status', query.status?.join(','));
  set('integrationId', query.integrationId?.join(','));
  set('objectType', query.objectType?.join(','));
  set('category', query.category?.join(','));
  set('code', query.code?.join(','));
  set('q', query.q);
  set('sort', query.sort);
  set('order', query.order);
  set('limit', query.limit);
  set('cursor', query.cursor);
  return params;
}

/** The filter part of a query, as a `{"filter":…}` body takes it (`status` an array). */
export function filterOf(query: HealthQuery): HealthFilter {
  const filter: HealthFilter = {};
  for (const key of ['status', 'integrationId', 'objectType', 'category', 'code'] as const) if (query[key]?.length) filter[key] = query[key];
  if (query.q) filter.q = query.q;
  return filter;
}

/**
 * A `SyncHealthProvider` over HTTP. With a `token`, every request carries `Authorization: Bearer`,
 * the event stream its `token` query parameter, and the export is fetched as a file
 * (`exportFile`): the export URL never carries the token.
 */
export function createRestHealthProvider(options: RestHealthProviderOptions): SyncHealthProvider {
  const base = `${options.endpoint.replace(/\/+$/, '')}/health`;
  const { request, currentToken } = createRequester(options);
  const url = (route: string, query: HealthQuery) => {
    const search = healthSearchParams(query).toString();
    return `${base}/${route}${search ? `?${search}` : ''}`;
  };
  const provider: SyncHealthProvider = {
    async getSummary(query, { signal }) {
      return (await request(url('summary', { portalId: query.portalId }), { method: 'GET' }, signal)) as HealthSummary;
    },
    async getRecords(query, { signal }) {
      return (await request(url('records', query), { method: 'GET' }, signal)) as HealthRecordsPage;
    },
    async resync(selection, { signal }) {
      const { portalId, ...body } = selection;
      const answer = await request(
        url('resync', { portalId }),
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
        signal,
        true,
      );
      const requested = (answer as { requested?: unknown } | undefined)?.requested;
      return { requested: typeof requested === 'number' ? requested : 0 };
    },
    exportUrl(query) {
      const { sort, order, portalId } = query;
      return url('export.csv', { ...filterOf(query), sort, order, portalId });
    },
    subscribe(onChange, query = {}) {
      let stop: (() => void) | undefined;
      let stopped = false;
      // NOTE: the stream's client loads on first use (as the card's live updates do).
      void import('./live-events.ts').then(({ subscribeToEvents }) => {
        if (stopped) return;
        stop = subscribeToEvents(url('events', { portalId: query.portalId }), (message) => onChange(changedIn(message)), {
          credentials: options.credentials,
          policy: resolveRetryPolicy(undefined),
          token: currentToken,
        });
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
  // The export, read as a file here rather than in createRequester, so the card's first load carries
  // no download path; `Accept: */*` unless the options' headers name another, as before.
  if (currentToken)
    provider.exportFile = (query, { signal }) =>
      request(provider.exportUrl(query), { method: 'GET', headers: { Accept: '*/*', ...options.headers } }, signal, false, (response) => response.blob()) as Promise<Blob>;
  return provider;
}

/** `data: {"changed": n}`; a message without a count (or a reconnection, which may have missed some) counts as one. */
function changedIn(message: MessageEvent | undefined): number {
  try {
    const changed = (JSON.parse(String(message?.data)) as { changed?: unknown }).changed;
    if (typeof changed === 'number' && Number.isFinite(changed) && changed > 0) return Math.floor(changed);
  } catch {
    // Not JSON: still a change.
  }
  return 1;
}
