import { html, nothing, type TemplateResult } from 'lit';
import type { HealthSummary } from '../../data/health-types.ts';
import { DEFAULT_HEALTH_STATUSES } from '../../data/health-types.ts';
import { ERROR_CATEGORIES, SYNC_STATUSES } from '../../data/types.ts';
import type { HealthContext } from './context.ts';
import { categoryName } from './groups.ts';

/** The filters as the page holds them: lists (empty: any), and the search text. */
export interface HealthFilters {
  status: string[];
  integrationId: string[];
  objectType: string[];
  category: string[];
  code: string[];
  q: string;
}

export interface FilterActions {
  change(changes: Partial<HealthFilters>): void;
  /** The search box's text, as typed (the element waits for a pause before it loads). */
  search(text: string): void;
  clear(): void;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));

/** Whether the filters differ from the page's defaults (the default statuses, nothing else). */
export function isFiltered(filters: HealthFilters): boolean {
  return (
    !sameList(filters.status, DEFAULT_HEALTH_STATUSES) ||
    filters.integrationId.length + filters.objectType.length + filters.category.length + filters.code.length > 0 ||
    filters.q !== ''
  );
}

/** The status select's value: `attention` (the default pair), `all`, one status, or the list as given. */
function statusValue(status: readonly string[]): string {
  if (status.length === 0) return 'all';
  if (sameList(status, DEFAULT_HEALTH_STATUSES)) return 'attention';
  return status.join(',');
}

/**
 * The filter controls: status, integration, category (native selects), the search box, and a
 * removable chip for each filter that has no control (object type, code: set by a link or a group).
 */
export function renderFilters(ctx: HealthContext, summary: HealthSummary | undefined, filters: HealthFilters, actions: FilterActions): TemplateResult {
  const { h } = ctx;
  const status = statusValue(filters.status);
  const custom = status !== 'all' && status !== 'attention' && !SYNC_STATUSES.includes(status as never);
  const integrations = summary?.integrations ?? [];
  const onStatus = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    actions.change({ status: value === 'all' ? [] : value === 'attention' ? [...DEFAULT_HEALTH_STATUSES] : value.split(',') });
  };
  const single = (name: 'integrationId' | 'category') => (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    actions.change({ [name]: value ? [value] : [] });
  };
  const chip = (label: string, onRemove: () => void) =>
    html`<li class="chip"><span>${label}</span><button type="button" class="chip-remove" aria-label=${`${h.clearFilters}: ${label}`} @click=${onRemove}>×</button></li>`;
  const chips = [
    ...filters.objectType.map((type) => chip(h.objectTypeFilter(type), () => actions.change({ objectType: filters.objectType.filter((v) => v !== type) }))),
    ...filters.code.map((code) => chip(h.codeFilter(code), () => actions.change({ code: filters.code.filter((v) => v !== code) }))),
  ];
  return html`<div part="filters" class="filters" role="group" aria-label=${h.filtersLabel}>
    <label class="field">
      <span class="field-label">${h.statusFilter}</span>
      <select .value=${status} @change=${onStatus}>
        <option value="attention" ?selected=${status === 'attention'}>${h.needsAttention}</option>
        <option value="all" ?selected=${status === 'all'}>${h.allStatuses}</option>
        ${SYNC_STATUSES.map((key) => html`<option value=${key} ?selected=${status === key}>${ctx.t.statusLabel[key]}</option>`)}
        ${custom ? html`<option value=${status} selected>${filters.status.map((key) => ctx.t.statusLabel[key as never] ?? key).join(', ')}</option>` : nothing}
      </select>
    </label>
    <label class="field">
      <span class="field-label">${h.integrationFilter}</span>
      <select @change=${single('integrationId')}>
        <option value="" ?selected=${filters.integrationId.length === 0}>${h.allIntegrations}</option>
        ${integrations.map((integration) => html`<option value=${integration.id} ?selected=${filters.integrationId[0] === integration.id}>${integration.name || integration.id}</option>`)}
        ${filters.integrationId.length === 1 && !integrations.some((i) => i.id === filters.integrationId[0])
          ? html`<option value=${filters.integrationId[0]} selected>${filters.integrationId[0]}</option>`
          : nothing}
      </select>
    </label>
    <label class="field">
      <span class="field-label">${h.categoryFilter}</span>
      <select @change=${single('category')}>
        <option value="" ?selected=${filters.category.length === 0}>${h.allCategories}</option>
        ${ERROR_CATEGORIES.map((key) => html`<option value=${key} ?selected=${filters.category[0] === key}>${categoryName(ctx, key)}</option>`)}
      </select>
    </label>
    <label class="field search-field">
      <span class="field-label">${h.search}</span>
      <input
        part="search"
        type="search"
        .value=${filters.q}
        placeholder=${h.searchHint}
        autocomplete="off"
        @input=${(event: Event) => actions.search((event.target as HTMLInputElement).value)}
      />
    </label>
    ${chips.length ? html`<ul class="chips">${chips}</ul>` : nothing}
    ${isFiltered(filters) ? html`<button type="button" class="clear-filters" @click=${actions.clear}>${h.clearFilters}</button>` : nothing}
  </div>`;
}
