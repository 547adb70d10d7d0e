import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createRestHealthProvider, filterOf } from '../data/health-rest-provider.ts';
import { DEFAULT_HEALTH_STATUSES, type HealthGroup, type HealthQuery, type HealthSelection, type HealthSort, type SyncHealthProvider } from '../data/health-types.ts';
import { toError } from '../data/errors.ts';
import type { SyncStatus } from '../data/types.ts';
import { createIscHealthEvent, type IscHealthEventMap } from '../events.ts';
import { detailOf } from '../i18n/en-detail.ts';
import en, { type HealthTranslation } from '../i18n/health/en.ts';
import { healthTranslationFor, loadHealthTranslation } from '../i18n/health/localize.ts';
import { onLocaleChange, resolveLocale, translationFor } from '../i18n/localize.ts';
import cardStyles from './integration-sync-card.styles.ts';
import { CopyFeedback } from './copy-feedback.ts';
import { renderBulkBar } from './health/bulk-bar.ts';
import type { HealthContext } from './health/context.ts';
import { renderFilters, type HealthFilters } from './health/filters.ts';
import { renderGroups } from './health/groups.ts';
import { readPageQuery, recordUrl, writePageQuery } from './health/page-url.ts';
import type { RowActions } from './health/row.ts';
import { renderHealthEmpty, renderLoadMore, renderUpdates } from './health/states.ts';
import { renderSummary } from './health/summary.ts';
import { renderTable, type SortState, type TableActions } from './health/table.ts';
import { HealthLoadController, type HealthOutcome, type HealthRow } from './health-load-controller.ts';
import styles from './integration-sync-health.styles.ts';
import { renderError, renderLoading } from './templates/states.ts';
import { subscribeToTicker } from './ticker.ts';
import { TooltipTrigger } from './tooltip-trigger.ts';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
/** The most rows one resync request names (the route's limit). */
const MAX_RESYNC_ITEMS = 1000;
/** The search box loads after a pause in typing, not at every key. */
const SEARCH_PAUSE_MS = 300;

const list = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);
const defaultOrder = (sort: HealthSort): 'asc' | 'desc' => (sort === 'record' ? 'asc' : 'desc');
/** One REST provider per endpoint URL, shared by the elements using it. */
const providers = new Map<string, SyncHealthProvider>();

/**
 * The sync health page: every record of a portal that needs attention, with counts per status,
 * the errors grouped by type, filters and search, a sortable table, selection and one-request
 * bulk resync, CSV export, keyset "Load more", and live changes that wait until chosen.
 *
 * @tagname integration-sync-health
 *
 * @event {CustomEvent<IscHealthLoadDetail>} isc-load - The summary and the first page rendered. `detail: { query, total }`.
 * @event {CustomEvent<IscHealthErrorDetail>} isc-error - A load failed and rendered. `detail: { error, willRetry, retryInMs }`.
 * @event {CustomEvent<IscHealthNavigateDetail>} isc-navigate - A link is about to open. Cancelable. `detail: { url, kind: 'record' | 'synced-record' | 'status-detail' | 'fix', syncId, record }`.
 * @event {CustomEvent<IscHealthResyncDetail>} isc-resync - A bulk resync ended. `detail: { items, requested, ok, error?, filter? }` (`items: []` and `filter` when every matching record was selected).
 *
 * @csspart summary - The counts per status.
 * @csspart count - One status's count (summed over integrations); has `data-status`; choosing it filters.
 * @csspart groups - The records that need attention, grouped by integration, category and code.
 * @csspart group - One group: count, sample message, fix, first and last seen; has `data-category`, `data-code`.
 * @csspart fix-link - A group's fix link (opens in a new tab).
 * @csspart filters - The filter controls.
 * @csspart search - The search box (record id, synced-with name, message).
 * @csspart table - The native `<table>` of records (sortable headers carry `aria-sort`).
 * @csspart row - One record's sync; has `data-record="objectType:objectId"` and `data-sync-id`.
 * @csspart record-link - The record in the CRM (`record-url`), same tab.
 * @csspart synced-with-link - The external record, in a new tab.
 * @csspart status - The card's status pill; has `data-status`.
 * @csspart status-link - The status when it links to `detail.url`.
 * @csspart tooltip - The explanation of a status.
 * @csspart select - A row's checkbox ("Select Acme Corp").
 * @csspart select-all - The header checkbox: every row of the page.
 * @csspart select-all-matching - "Select all 1,204": every record matching the filter.
 * @csspart resync-selected - Resyncs the selection in one request.
 * @csspart export-link - Downloads the current filter as CSV.
 * @csspart load-more - The next page (the total stays shown).
 * @csspart updates - "12 records changed — Show": applies live changes when chosen.
 * @csspart loading - The first load's busy indicator.
 * @csspart error - A failed load's message.
 * @csspart expired - The error state after a 401 (the token expired).
 * @csspart retry-countdown - "Retrying in 8 s".
 * @csspart retry-button - Re-tries a failed load.
 * @csspart copy-button - Copies the error's details.
 * @csspart empty - No record needs attention.
 *
 * @cssproperty --isc-font-family - Font stack (default: the system UI font).
 * @cssproperty --isc-font-size - Base font size (default 14px).
 * @cssproperty --isc-color-surface - Background.
 * @cssproperty --isc-color-text - Main text colour.
 * @cssproperty --isc-color-text-muted - Labels and secondary text.
 * @cssproperty --isc-color-border - Borders and table rules.
 * @cssproperty --isc-color-link - Links.
 * @cssproperty --isc-color-focus - Focus ring.
 * @cssproperty --isc-color-danger - Danger tone ("Record not synced").
 * @cssproperty --isc-color-warning - Warning tone ("Partially synced").
 * @cssproperty --isc-health-row-selected - Background of a selected row.
 */
// The merge with the interface at the end of this file only adds typed overloads of
// addEventListener/removeEventListener, which HTMLElement implements: nothing is left unimplemented.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class IntegrationSyncHealth extends LitElement {
  static override styles = [cardStyles, styles];

  static override properties = {
    endpoint: {},
    provider: { attribute: false },
    portalId: { attribute: 'portal-id' },
    recordUrl: { attribute: 'record-url' },
    status: {},
    integration: {},
    objectType: { attribute: 'object-type' },
    category: {},
    code: {},
    q: {},
    syncUrl: { attribute: 'sync-url', type: Boolean },
    pageSize: { attribute: 'page-size', type: Number },
    theme: { reflect: true },
    lang: { noAccessor: true },
    sortState: { state: true },
  };

  /** The card's endpoint: the routes are `{endpoint}/health/…`. A relative URL resolves against `document.baseURI`. */
  declare endpoint?: string;
  /** Where data comes from, instead of `endpoint` (`createRestHealthProvider` or your own). */
  declare provider?: SyncHealthProvider;
  /** The tenant, sent as `portalId` on every route. */
  declare portalId?: string;
  /** The link to a CRM record: `{objectType}`, `{objectId}`, `{portalId}` are replaced (URL-encoded); only a safe http(s) URL links. */
  declare recordUrl?: string;
  /** Statuses shown, comma-separated (default `record_not_synced,partially_synced`; empty: every status). */
  declare status?: string;
  /** Integration ids, comma-separated (empty: all). */
  declare integration?: string;
  /** CRM object types, comma-separated. */
  declare objectType?: string;
  /** Error categories, comma-separated. */
  declare category?: string;
  /** Error codes, comma-separated. */
  declare code?: string;
  /** Search: record id, synced-with name or message (case-insensitive). */
  declare q?: string;
  /** Read the filters and sort from the page's query string, and write them back (`history.replaceState` only). */
  syncUrl = false;
  /** Rows per page (default 50, at most 200). */
  pageSize = DEFAULT_PAGE_SIZE;
  /** `light`, `dark`, or `auto` (default: the user's preference). */
  declare theme?: 'light' | 'dark' | 'auto';
  /** Locale (BCP 47); else the closest ancestor's `lang`, `<html lang>`, `navigator.language`. */
  override lang!: string;
  /** The sort: "Last attempt", newest first, to begin with. */
  private sortState: SortState = { sort: 'lastAttemptAt', order: 'desc' };

  private readonly loader = new HealthLoadController(this, {
    provider: () => this.activeProvider,
    query: () => this.query,
    onSettled: (outcome) => this.handleLoadSettled(outcome),
  });
  private readonly copyFeedback = new CopyFeedback(this);

  // Computed in willUpdate.
  private activeProvider?: SyncHealthProvider;
  private filters: HealthFilters = { status: [...DEFAULT_HEALTH_STATUSES], integrationId: [], objectType: [], category: [], code: [], q: '' };
  private query: HealthQuery = {};
  private context!: HealthContext;
  /** Each row's context (its links' isc-navigate name its record), for the current language. */
  private rowContexts = new WeakMap<HealthRow, HealthContext>();
  private direction: 'ltr' | 'rtl' = 'ltr';

  /** Keys of the selected rows; `allMatching` when "Select all N" was chosen. */
  private selected = new Set<string>();
  private allMatching = false;
  private resyncing = false;
  /** Records changed since the rows were loaded (live updates), not applied yet. */
  private changed = 0;
  /** What the polite live region says. */
  private announcement = '';
  /** The search box's text as typed (loaded after a pause). */
  private searchText = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
  private subscription?: { provider: SyncHealthProvider; portalId?: string; stop: () => void };
  private stopCountdown?: () => void;
  private readonly cleanups: (() => void)[] = [];
  private urlRead = false;

  constructor() {
    super();
    // The card's status tooltips, on the rows' status pills.
    new TooltipTrigger(this);
  }

  /** Loads the summary and the first page again (data on screen stays until it arrives). */
  async refresh(): Promise<void> {
    if (this.isUpdatePending) await this.updateComplete;
    this.changed = 0;
    await this.loader.run({ manual: true });
    await this.updateComplete;
  }

  /**
   * Downloads the CSV of the current filter. A provider with `exportFile` (the REST provider with
   * a token) fetches it with its credentials and saves it as a file; otherwise the export URL
   * is followed as a download.
   */
  async exportCsv(): Promise<void> {
    const provider = this.activeProvider;
    if (!provider) return;
    const query = this.exportQuery();
    let href = provider.exportUrl(query);
    let objectUrl: string | undefined;
    if (provider.exportFile) {
      const file = await provider.exportFile(query, { signal: new AbortController().signal });
      href = objectUrl = URL.createObjectURL(file);
    }
    const link = document.createElement('a');
    link.href = href;
    link.download = 'sync-health.csv';
    link.style.display = 'none';
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Revoked after the click has started the download.
    if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.urlRead) this.readPageUrl();
    this.cleanups.push(
      onLocaleChange(() => this.requestUpdate()),
      subscribeToTicker(() => {
        if (this.loader.view.state === 'data') this.requestUpdate();
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.subscription?.stop();
    this.subscription = undefined;
    this.stopCountdown?.();
    this.stopCountdown = undefined;
    clearTimeout(this.searchTimer);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // NOTE: `lang` stays the native property (as the card's): Lit would write lang="null" back.
    if (name === 'lang') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { lang, dir } = resolveLocale(this);
    const card = translationFor(lang);
    let h = healthTranslationFor(lang);
    if (!h) {
      h = en;
      void loadHealthTranslation(lang).then(() => this.requestUpdate());
    }
    this.direction = dir ?? card.$dir;
    this.context = this.contextFor(lang, card, h);
    if (changed.has('provider') || changed.has('endpoint')) this.activeProvider = this.provider ?? this.endpointProvider();
    this.filters = {
      status: this.status === undefined || this.status === null ? [...DEFAULT_HEALTH_STATUSES] : list(this.status),
      integrationId: list(this.integration),
      objectType: list(this.objectType),
      category: list(this.category),
      code: list(this.code),
      q: this.q ?? '',
    };
    if (changed.has('q')) this.searchText = this.q ?? '';
    const pageSize = Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.min(MAX_PAGE_SIZE, Math.floor(this.pageSize)) : DEFAULT_PAGE_SIZE;
    const query: HealthQuery = {
      portalId: this.portalId || undefined,
      ...filterOf(this.filters),
      sort: this.sortState.sort,
      order: this.sortState.order,
      limit: pageSize,
    };
    if (JSON.stringify(query) !== JSON.stringify(this.query)) {
      // A new filter or sort: the selection was of other rows.
      this.selected = new Set();
      this.allMatching = false;
      this.query = query;
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    if (this.loader.view.state === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  protected override updated(): void {
    if (this.syncUrl && this.urlRead) {
      const href = writePageQuery(location.href, this.filters, this.sortState, defaultOrder(this.sortState.sort));
      if (href !== location.href) history.replaceState(history.state, '', href);
    }
    this.follow();
    const view = this.loader.view;
    const counting = this.isConnected && view.state === 'error' && view.retryAt !== null;
    if (counting && !this.stopCountdown) this.stopCountdown = subscribeToTicker(() => this.requestUpdate(), 1000);
    else if (!counting && this.stopCountdown) {
      this.stopCountdown();
      this.stopCountdown = undefined;
    }
  }

  /** Follows the provider's live changes while connected and showing data; they add up in `updates`. */
  private follow(): void {
    const provider = this.isConnected && this.loader.view.state === 'data' ? this.activeProvider : undefined;
    const current = this.subscription;
    if (current && current.provider === provider && current.portalId === this.portalId) return;
    current?.stop();
    this.subscription = undefined;
    if (!provider?.subscribe) return;
    const stop = provider.subscribe(
      (count) => {
        this.changed += count;
        this.requestUpdate();
      },
      { portalId: this.portalId || undefined },
    );
    this.subscription = { provider, portalId: this.portalId, stop };
  }

  private endpointProvider(): SyncHealthProvider | undefined {
    if (!this.endpoint) return undefined;
    const endpoint = new URL(this.endpoint, document.baseURI).href;
    let provider = providers.get(endpoint);
    if (!provider) providers.set(endpoint, (provider = createRestHealthProvider({ endpoint })));
    return provider;
  }

  private contextFor(lang: string, card: ReturnType<typeof translationFor>, h: HealthTranslation): HealthContext {
    const previous = this.context;
    if (previous && previous.locale === lang && previous.h === h && previous.t.$code === card.$code && previous.t.statusLabel === card.statusLabel) return previous;
    let numbers: Intl.NumberFormat;
    try {
      numbers = new Intl.NumberFormat(lang);
    } catch {
      numbers = new Intl.NumberFormat('en');
    }
    this.rowContexts = new WeakMap();
    return {
      // The card's shared states (loading, error) read these three: the page's own words.
      t: { ...card, loading: h.loading, errorTitle: h.errorTitle, empty: h.empty },
      h,
      detail: detailOf(card),
      locale: lang,
      number: (value) => numbers.format(value),
      isolate: this.isolate,
      navigate: (event, detail) => this.navigate(event, { ...detail, kind: detail.kind === 'settings' ? 'fix' : detail.kind, record: null }),
      copyFeedback: (key) => this.copyFeedback.state(key),
      copy: (key, details) => void this.copyFeedback.copy(key, details()),
      host: this,
      recordReference: this.portalId ? `sync health (portal ${this.portalId})` : 'sync health',
    };
  }

  private readonly isolate = (value: string): string => (this.direction === 'rtl' ? `\u2068${value}\u2069` : value);

  private navigate(event: MouseEvent, detail: IscHealthEventMap['isc-navigate']['detail']): void {
    if (!this.dispatchEvent(createIscHealthEvent('isc-navigate', detail))) event.preventDefault();
  }

  /** `sync-url`: the page's query string wins over the attributes, once, when the element arrives. */
  private readPageUrl(): void {
    this.urlRead = true;
    const { filters, sort } = readPageQuery(location.search);
    if (filters.status) this.status = filters.status.join(',');
    if (filters.integrationId) this.integration = filters.integrationId.join(',');
    if (filters.objectType) this.objectType = filters.objectType.join(',');
    if (filters.category) this.category = filters.category.join(',');
    if (filters.code) this.code = filters.code.join(',');
    if (filters.q !== undefined) this.q = filters.q;
    if (sort.sort || sort.order) {
      const by = sort.sort ?? 'lastAttemptAt';
      this.sortState = { sort: by, order: sort.order ?? defaultOrder(by) };
    }
  }

  private handleLoadSettled(outcome: HealthOutcome): void {
    if (outcome.ok) {
      this.dispatchEvent(createIscHealthEvent('isc-load', { query: outcome.query, total: outcome.total }));
      return;
    }
    const { error, willRetry, retryInMs } = outcome;
    if (willRetry && retryInMs !== null) this.announce(this.context.t.retryingIn(this.context.number(Math.max(1, Math.ceil(retryInMs / 1000)))));
    this.dispatchEvent(createIscHealthEvent('isc-error', { error, willRetry, retryInMs }));
  }

  private announce(text: string): void {
    // NOTE: after the update under way (this may run in one's hostUpdated); the region is emptied
    // first, so the same words twice in a row are read twice.
    void this.updateComplete.then(async () => {
      this.announcement = '';
      this.requestUpdate();
      await this.updateComplete;
      this.announcement = text;
      this.requestUpdate();
    });
  }

  private exportQuery(): HealthQuery {
    const { sort, order, portalId } = this.query;
    return { ...filterOf(this.filters), sort, order, portalId };
  }

  private changeFilters(changes: Partial<HealthFilters>): void {
    const next = { ...this.filters, ...changes };
    this.status = next.status.join(',');
    this.integration = next.integrationId.join(',');
    this.objectType = next.objectType.join(',');
    this.category = next.category.join(',');
    this.code = next.code.join(',');
    this.q = next.q;
  }

  private readonly filterActions = {
    change: (changes: Partial<HealthFilters>) => this.changeFilters(changes),
    search: (text: string) => {
      this.searchText = text;
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.changeFilters({ q: text.trim() }), SEARCH_PAUSE_MS);
    },
    clear: () => this.changeFilters({ status: [...DEFAULT_HEALTH_STATUSES], integrationId: [], objectType: [], category: [], code: [], q: '' }),
  };

  private readonly handleChooseStatus = (status: SyncStatus) => {
    const alone = this.filters.status.length === 1 && this.filters.status[0] === status;
    this.changeFilters({ status: alone ? [...DEFAULT_HEALTH_STATUSES] : [status] });
  };

  private readonly handleChooseGroup = (group: HealthGroup) => {
    this.changeFilters({
      status: [...DEFAULT_HEALTH_STATUSES],
      integrationId: [group.integrationId],
      category: group.category ? [group.category] : [],
      code: group.code ? [group.code] : [],
    });
  };

  private readonly handleSort = (sort: HealthSort) => {
    const { sortState } = this;
    this.sortState = sortState.sort === sort ? { sort, order: sortState.order === 'asc' ? 'desc' : 'asc' } : { sort, order: defaultOrder(sort) };
  };

  private readonly handleRetry = () => void this.loader.run({ manual: true });

  private readonly handleShowUpdates = () => {
    this.changed = 0;
    void this.loader.run({ manual: true }).then(() => this.focusIn('.table-box, [part~="empty"]'));
  };

  private readonly handleLoadMore = async () => {
    const view = this.loader.view;
    if (view.state !== 'data' || view.loadingMore) return;
    const before = view.rows.length;
    await this.loader.loadMore();
    await this.updateComplete;
    // The first new row's checkbox: the reader goes on where the list grew.
    const next = this.renderRoot.querySelectorAll<HTMLInputElement>('[part~="select"]')[before];
    next?.focus();
  };

  private async focusIn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private rows(): readonly HealthRow[] {
    const view = this.loader.view;
    return view.state === 'data' ? view.rows : [];
  }

  private readonly rowActions: TableActions & RowActions = {
    recordUrl: (row) => recordUrl(this.recordUrl, row.record, this.portalId),
    integrationName: (id) => {
      const view = this.loader.view;
      return (view.state === 'data' && view.summary.integrations.find((integration) => integration.id === id)?.name) || id;
    },
    isSelected: (row) => this.allMatching || this.selected.has(row.key),
    toggle: (row, selected) => {
      if (this.allMatching) {
        // Unticking one row of "all matching" keeps the others of the page.
        this.allMatching = false;
        this.selected = new Set(this.rows().map((r) => r.key));
      }
      if (selected) this.selected.add(row.key);
      else this.selected.delete(row.key);
      this.requestUpdate();
    },
    contextFor: (row) => {
      // One per row and language, not one per row and render.
      let context = this.rowContexts.get(row);
      if (!context) {
        context = { ...this.context, navigate: (event, detail) => this.navigate(event, { ...detail, kind: detail.kind === 'settings' ? 'fix' : detail.kind, record: row.record }) };
        this.rowContexts.set(row, context);
      }
      return context;
    },
    navigateRecord: (event, row, url) => this.navigate(event, { url, kind: 'record', syncId: row.sync.id, record: row.record }),
    sortBy: this.handleSort,
    selectPage: (selected) => {
      this.allMatching = false;
      this.selected = selected ? new Set(this.rows().map((row) => row.key)) : new Set();
      this.requestUpdate();
    },
  };

  private readonly bulkActions = {
    selectAllMatching: () => {
      this.allMatching = true;
      this.requestUpdate();
      void this.focusIn('.clear-selection');
    },
    clearSelection: () => {
      this.allMatching = false;
      this.selected = new Set();
      this.requestUpdate();
      void this.focusIn('[part~="select-all"]');
    },
    resync: () => void this.resyncSelection(),
    export: (event: MouseEvent) => {
      // A link cannot send the token: the provider fetches the file instead.
      if (!this.activeProvider?.exportFile) return;
      event.preventDefault();
      this.exportCsv().catch((error: unknown) => this.announce(this.context.h.resyncFailed(toError(error).message)));
    },
  };

  /** One request for the whole selection (the rows, or the filter); the live region says how many were queued. */
  private async resyncSelection(): Promise<void> {
    const provider = this.activeProvider;
    const rows = this.rows().filter((row) => this.selected.has(row.key));
    if (!provider || this.resyncing || (!this.allMatching && rows.length === 0)) return;
    const items = this.allMatching ? [] : rows.map((row) => ({ record: row.record, syncId: row.sync.id }));
    const filter = this.allMatching ? filterOf(this.filters) : undefined;
    this.resyncing = true;
    this.requestUpdate();
    const { h, number } = this.context;
    try {
      let requested = 0;
      const portalId = this.portalId || undefined;
      if (filter) requested = (await provider.resync({ filter, portalId }, { signal: new AbortController().signal })).requested;
      // NOTE: more than the route's 1,000 items only after loading more than 1,000 rows: one request per 1,000.
      for (let start = 0; start < items.length; start += MAX_RESYNC_ITEMS) {
        const selection: HealthSelection & { portalId?: string } = { items: items.slice(start, start + MAX_RESYNC_ITEMS), portalId };
        requested += (await provider.resync(selection, { signal: new AbortController().signal })).requested;
      }
      this.selected = new Set();
      this.allMatching = false;
      this.announce(h.queued(requested, number(requested)));
      this.dispatchEvent(createIscHealthEvent('isc-resync', filter ? { items, filter, requested, ok: true } : { items, requested, ok: true }));
    } catch (caught) {
      const error = toError(caught);
      this.announce(h.resyncFailed(error.message));
      this.dispatchEvent(createIscHealthEvent('isc-resync', filter ? { items, filter, requested: 0, ok: false, error } : { items, requested: 0, ok: false, error }));
    } finally {
      this.resyncing = false;
      this.requestUpdate();
    }
  }

  private renderData(ctx: HealthContext): TemplateResult {
    const view = this.loader.view;
    if (view.state !== 'data') return html``;
    const { rows, total } = view;
    const exportUrl = this.activeProvider?.exportUrl(this.exportQuery()) ?? '';
    const pageSelected = rows.length > 0 && (this.allMatching || rows.every((row) => this.selected.has(row.key)));
    return html`${renderSummary(ctx, view.summary, this.filters.status, this.handleChooseStatus)}
      ${renderGroups(ctx, view.summary, this.handleChooseGroup)}
      ${renderFilters(ctx, view.summary, { ...this.filters, q: this.searchText }, this.filterActions)}
      ${renderUpdates(ctx, this.changed, this.handleShowUpdates)}
      ${rows.length === 0
        ? renderHealthEmpty(ctx)
        : html`${renderBulkBar(
              ctx,
              {
                selected: this.allMatching ? total : rows.filter((row) => this.selected.has(row.key)).length,
                allMatching: this.allMatching,
                pageSelected,
                total,
                shown: rows.length,
                resyncing: this.resyncing,
                exportUrl,
              },
              this.bulkActions,
            )}
            <div class="table-wrap" aria-busy=${view.refreshing ? 'true' : 'false'}>${renderTable(ctx, rows, this.sortState, this.rowActions)}</div>
            ${renderLoadMore(ctx, rows.length, total, { hasMore: !!view.nextCursor, loading: view.loadingMore, error: view.moreError }, this.handleLoadMore)}`}`;
  }

  private renderView(): TemplateResult {
    const ctx = this.context;
    const view = this.loader.view;
    switch (view.state) {
      case 'empty':
        return renderHealthEmpty(ctx);
      case 'loading':
        return renderLoading(ctx);
      case 'error':
        return renderError(ctx, view.error, view.retrying, view.retryAt, this.handleRetry);
      case 'data':
        return this.renderData(ctx);
    }
  }

  override render(): TemplateResult {
    return html`<div class="root health" dir=${this.direction}>${this.renderView()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement || nothing}</div>`;
  }
}

// The element's own listeners see the health page's event details.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface IntegrationSyncHealth {
  addEventListener<K extends keyof IscHealthEventMap>(type: K, listener: (this: IntegrationSyncHealth, event: IscHealthEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof IscHealthEventMap>(type: K, listener: (this: IntegrationSyncHealth, event: IscHealthEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
