// `sync-url` and `record-url`: the page's query string and the link to a CRM record.
import { DEFAULT_HEALTH_STATUSES, HEALTH_SORTS, type HealthSort } from '../../data/health-types.ts';
import { safeUrl } from '../../data/safe-url.ts';
import type { RecordRef } from '../../data/types.ts';
import type { HealthFilters } from './filters.ts';
import type { SortState } from './table.ts';

const LISTS = ['status', 'integrationId', 'objectType', 'category', 'code'] as const;
/** A comma-separated attribute or query parameter as its items (absent or empty: none). */
export const commaList = (value: string | null | undefined): string[] => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);

/**
 * What a page URL says of the filters and sort, in the records route's names; only the
 * parameters present. `status=` (empty) means every status; no `status` leaves the default.
 */
export function readPageQuery(search: string): { filters: Partial<HealthFilters>; sort: Partial<SortState> } {
  const params = new URLSearchParams(search);
  const filters: Partial<HealthFilters> = {};
  for (const name of LISTS) if (params.has(name)) filters[name] = commaList(params.get(name));
  if (params.has('q')) filters.q = params.get('q') ?? '';
  const sort: Partial<SortState> = {};
  const by = params.get('sort');
  if (by && HEALTH_SORTS.includes(by as HealthSort)) sort.sort = by as HealthSort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') sort.order = order;
  return { filters, sort };
}

/**
 * The page URL with the filters and sort written in (defaults left out), every other parameter
 * and the fragment kept.
 */
export function writePageQuery(href: string, filters: HealthFilters, sort: SortState, defaultOrder: 'asc' | 'desc'): string {
  const url = new URL(href);
  const params = url.searchParams;
  for (const name of LISTS) {
    const values = filters[name];
    const isDefault = name === 'status' ? values.length === DEFAULT_HEALTH_STATUSES.length && values.every((v) => DEFAULT_HEALTH_STATUSES.includes(v as never)) : values.length === 0;
    if (isDefault) params.delete(name);
    else params.set(name, values.join(','));
  }
  if (filters.q) params.set('q', filters.q);
  else params.delete('q');
  if (sort.sort === 'lastAttemptAt') params.delete('sort');
  else params.set('sort', sort.sort);
  if (sort.order === defaultOrder) params.delete('order');
  else params.set('order', sort.order);
  return url.href;
}

/**
 * `record-url` for a record: `{objectType}`, `{objectId}`, `{portalId}` replaced, URL-encoded;
 * `null` unless the result is a safe URL (http or https, absolute).
 */
export function recordUrl(template: string | undefined, record: RecordRef, portalId: string | undefined): string | null {
  if (!template) return null;
  const values: Record<string, string> = { objectType: record.objectType, objectId: record.objectId, portalId: record.portalId ?? portalId ?? '' };
  return safeUrl(template.replace(/\{(objectType|objectId|portalId)\}/g, (_match, name: string) => encodeURIComponent(values[name])));
}
