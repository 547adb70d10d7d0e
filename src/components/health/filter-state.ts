// The element's filter attributes (comma-separated lists) as the page's filters and back, the
// sort's rules, and what choosing a count or a group filters to.
import { filterOf } from '../../data/health-rest-provider.ts';
import { DEFAULT_HEALTH_STATUSES, type HealthGroup, type HealthQuery, type HealthSort } from '../../data/health-types.ts';
import type { HealthFilters } from './filters.ts';
import { commaList, readPageQuery } from './page-url.ts';
import type { SortState } from './table.ts';

/** The filter attributes of <integration-sync-health>. */
export interface FilterAttributes {
  status?: string;
  integration?: string;
  objectType?: string;
  category?: string;
  code?: string;
  q?: string;
}


/** "Record" sorts A to Z first; the dates, newest first. */
export const defaultOrder = (sort: HealthSort): 'asc' | 'desc' => (sort === 'record' ? 'asc' : 'desc');

/** The default filter: the statuses that need attention, nothing else. */
export const defaultFilters = (): HealthFilters => ({ status: [...DEFAULT_HEALTH_STATUSES], integrationId: [], objectType: [], category: [], code: [], q: '' });

export function filtersOf(attributes: FilterAttributes): HealthFilters {
  return {
    status: attributes.status === undefined || attributes.status === null ? [...DEFAULT_HEALTH_STATUSES] : commaList(attributes.status),
    integrationId: commaList(attributes.integration),
    objectType: commaList(attributes.objectType),
    category: commaList(attributes.category),
    code: commaList(attributes.code),
    q: attributes.q ?? '',
  };
}

export function attributesOf(filters: HealthFilters): Required<FilterAttributes> {
  return {
    status: filters.status.join(','),
    integration: filters.integrationId.join(','),
    objectType: filters.objectType.join(','),
    category: filters.category.join(','),
    code: filters.code.join(','),
    q: filters.q,
  };
}

/** `sync-url`: the attributes and sort a page URL sets (only what it names). */
export function pageState(search: string): { attributes: FilterAttributes; sort?: SortState } {
  const { filters, sort } = readPageQuery(search);
  const attributes: FilterAttributes = {};
  if (filters.status) attributes.status = filters.status.join(',');
  if (filters.integrationId) attributes.integration = filters.integrationId.join(',');
  if (filters.objectType) attributes.objectType = filters.objectType.join(',');
  if (filters.category) attributes.category = filters.category.join(',');
  if (filters.code) attributes.code = filters.code.join(',');
  if (filters.q !== undefined) attributes.q = filters.q;
  if (!sort.sort && !sort.order) return { attributes };
  const by = sort.sort ?? 'lastAttemptAt';
  return { attributes, sort: { sort: by, order: sort.order ?? defaultOrder(by) } };
}

/** A header chosen: the same column flips its order, another starts at its default. */
export const nextSort = (current: SortState, sort: HealthSort): SortState =>
  current.sort === sort ? { sort, order: current.order === 'asc' ? 'desc' : 'asc' } : { sort, order: defaultOrder(sort) };

/** A status count chosen: that status alone, or back to the default when it was alone already. */
export function statusChosen(filters: HealthFilters, status: string): Partial<HealthFilters> {
  const alone = filters.status.length === 1 && filters.status[0] === status;
  return { status: alone ? [...DEFAULT_HEALTH_STATUSES] : [status] };
}

/** A group chosen: its integration, category and code. */
export const groupChosen = (group: HealthGroup): Partial<HealthFilters> => ({
  status: [...DEFAULT_HEALTH_STATUSES],
  integrationId: [group.integrationId],
  category: group.category ? [group.category] : [],
  code: group.code ? [group.code] : [],
});

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** The first page's query: the portal, the filters, the sort, and `page-size` (1 to 200, else 50). */
export function queryOf(portalId: string | undefined, filters: HealthFilters, sort: SortState, pageSize: number): HealthQuery {
  return {
    portalId: portalId || undefined,
    ...filterOf(filters),
    sort: sort.sort,
    order: sort.order,
    limit: Number.isFinite(pageSize) && pageSize >= 1 ? Math.min(MAX_PAGE_SIZE, Math.floor(pageSize)) : DEFAULT_PAGE_SIZE,
  };
}
