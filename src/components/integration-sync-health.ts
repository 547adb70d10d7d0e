import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { filterOf } from '../data/health-rest-provider.ts';
import type { HealthQuery, SyncHealthProvider } from '../data/health-types.ts';
import { toError } from '../data/errors.ts';
import { createIscHealthEvent, type IscHealthEventMap } from '../events.ts';
import en from '../i18n/health/en.ts';
import { healthTranslationFor, loadHealthTranslation } from '../i18n/health/localize.ts';
import { onLocaleChange, resolveLocale, translationFor } from '../i18n/localize.ts';
import cardStyles from './integration-sync-card.styles.ts';
import { CopyFeedback } from './copy-feedback.ts';
import { PoliteAnnouncer } from './health/announcer.ts';
import { healthContextFor, RowContexts, type HealthContext } from './health/context.ts';
import { downloadCsv } from './health/export.ts';
import { attributesOf, defaultFilters, defaultOrder, filtersOf, groupChosen, nextSort, pageState, queryOf, statusChosen } from './health/filter-state.ts';
import type { HealthFilters } from './health/filters.ts';
import { reportLoad } from './health/load-report.ts';
import { LiveUpdatesController } from './health/live-updates.ts';
import { recordUrl, writePageQuery } from './health/page-url.ts';
import { healthProviderFor } from './health/providers.ts';
import { renderHealthView, type HealthPageActions, type HealthPageState } from './health/page-view.ts';
import { HealthSelectionState } from './health/selection.ts';
import type { SortState } from './health/table.ts';
import { HealthLoadController, type HealthRow } from './health-load-controller.ts';
import styles from './integration-sync-health.styles.ts';
import { subscribeToTicker } from './ticker.ts';
import { TooltipTrigger } from './tooltip-trigger.ts';

/** The search box loads after a pause in typing, not at every key. */
const SEARCH_PAUSE_MS = 300;


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
  pageSize = 50; // DEFAULT_PAGE_SIZE, written out so the API reference shows the number
  /** `light`, `dark`, or `auto` (default: the user's preference). */
  declare theme?: 'light' | 'dark' | 'auto';
  /** Locale (BCP 47); else the closest ancestor's `lang`, `<html lang>`, `navigator.language`. */
  override lang!: string;
  /** The sort: "Last attempt", newest first, to begin with. */
  private sortState: SortState = { sort: 'lastAttemptAt', order: 'desc' };

  private readonly loader = new HealthLoadController(this, {
    provider: () => this.activeProvider,
    query: () => this.query,
    onSettled: (outcome) => reportLoad(this, outcome, this.context, (text) => this.announcer.say(text)),
  });
  /** Live changes, counted while data shows ("12 records changed — Show"). */
  private readonly updates = new LiveUpdatesController(this, () => ({
    provider: this.isConnected && this.loader.view.state === 'data' ? this.activeProvider : undefined,
    portalId: this.portalId,
  }));
  private readonly selection = new HealthSelectionState(this, {
    now: () => ({ provider: this.activeProvider, rows: this.rows(), filters: this.filters, portalId: this.portalId || undefined, context: this.context }),
    announce: (text) => this.announcer.say(text),
    ended: (detail) => this.dispatchEvent(createIscHealthEvent('isc-resync', detail)),
  });
  private readonly copyFeedback = new CopyFeedback(this);
  private readonly announcer = new PoliteAnnouncer(this);

  // Computed in willUpdate.
  private activeProvider?: SyncHealthProvider;
  private filters: HealthFilters = defaultFilters();
  private query: HealthQuery = {};
  private context!: HealthContext;
  private readonly rowContexts = new RowContexts<HealthRow>((base, row) => ({
    ...base,
    navigate: (event, detail) => this.navigate(event, { ...detail, kind: detail.kind === 'settings' ? 'fix' : detail.kind, record: row.record }),
  }));
  private direction: 'ltr' | 'rtl' = 'ltr';

  /** The search box's text as typed (loaded after a pause). */
  private searchText = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
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
    this.updates.changed = 0;
    await this.loader.run({ manual: true });
    await this.updateComplete;
  }

  /**
   * Downloads the CSV of the current filter. A provider with `exportFile` (the REST provider with
   * a token) fetches it with its credentials and saves it as a file; otherwise the export URL
   * is followed as a download.
   */
  async exportCsv(): Promise<void> {
    if (this.activeProvider) await downloadCsv(this.activeProvider, this.exportQuery(), this.renderRoot);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.urlRead) {
      // `sync-url`: the page's query string wins over the attributes, once, when the element arrives.
      this.urlRead = true;
      const { attributes, sort } = pageState(location.search);
      Object.assign(this, attributes);
      if (sort) this.sortState = sort;
    }
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
    this.context = healthContextFor(this.context, lang, card, h, () => ({
      isolate: this.isolate,
      navigate: (event, detail) => this.navigate(event, { ...detail, kind: detail.kind === 'settings' ? 'fix' : detail.kind, record: null }),
      copyFeedback: (key) => this.copyFeedback.state(key),
      copy: (key, details) => void this.copyFeedback.copy(key, details()),
      host: this,
      recordReference: this.portalId ? `sync health (portal ${this.portalId})` : 'sync health',
    }));
    if (changed.has('provider') || changed.has('endpoint')) this.activeProvider = this.provider ?? (this.endpoint ? healthProviderFor(this.endpoint) : undefined);
    this.filters = filtersOf(this);
    if (changed.has('q')) this.searchText = this.q ?? '';
    const query = queryOf(this.portalId, this.filters, this.sortState, this.pageSize);
    if (JSON.stringify(query) !== JSON.stringify(this.query)) {
      // A new filter or sort: the selection was of other rows.
      this.selection.clear();
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
    // NOTE: not the card's CountdownController: importing it from the card's chunk costs the
    // card's first load an export (+8 B).
    const view = this.loader.view;
    const counting = this.isConnected && view.state === 'error' && view.retryAt !== null;
    if (counting && !this.stopCountdown) this.stopCountdown = subscribeToTicker(() => this.requestUpdate(), 1000);
    else if (!counting && this.stopCountdown) {
      this.stopCountdown();
      this.stopCountdown = undefined;
    }
  }

  private readonly isolate = (value: string): string => (this.direction === 'rtl' ? `\u2068${value}\u2069` : value);

  private navigate(event: MouseEvent, detail: IscHealthEventMap['isc-navigate']['detail']): void {
    if (!this.dispatchEvent(createIscHealthEvent('isc-navigate', detail))) event.preventDefault();
  }

  private exportQuery(): HealthQuery {
    const { sort, order, portalId } = this.query;
    return { ...filterOf(this.filters), sort, order, portalId };
  }

  private changeFilters(changes: Partial<HealthFilters>): void {
    Object.assign(this, attributesOf({ ...this.filters, ...changes }));
  }

  private rows(): readonly HealthRow[] {
    const view = this.loader.view;
    return view.state === 'data' ? view.rows : [];
  }

  private async focusIn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly pageActions: HealthPageActions = {
    filter: {
      change: (changes) => this.changeFilters(changes),
      search: (text) => {
        this.searchText = text;
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.changeFilters({ q: text.trim() }), SEARCH_PAUSE_MS);
      },
      clear: () => this.changeFilters(defaultFilters()),
    },
    chooseStatus: (status) => this.changeFilters(statusChosen(this.filters, status)),
    chooseGroup: (group) => this.changeFilters(groupChosen(group)),
    table: {
      recordUrl: (row) => recordUrl(this.recordUrl, row.record, this.portalId),
      integrationName: (id) => {
        const view = this.loader.view;
        return (view.state === 'data' && view.summary.integrations.find((integration) => integration.id === id)?.name) || id;
      },
      isSelected: (row) => this.selection.isSelected(row),
      toggle: (row, selected) => this.selection.toggle(row, selected),
      contextFor: (row) => this.rowContexts.get(this.context, row),
      navigateRecord: (event, row, url) => this.navigate(event, { url, kind: 'record', syncId: row.sync.id, record: row.record }),
      sortBy: (sort) => (this.sortState = nextSort(this.sortState, sort)),
      selectPage: (selected) => this.selection.selectPage(selected),
    },
    bulk: {
      selectAllMatching: () => {
        this.selection.selectAllMatching();
        void this.focusIn('.clear-selection');
      },
      clearSelection: () => {
        this.selection.clear();
        void this.focusIn('[part~="select-all"]');
      },
      resync: () => void this.selection.resync(),
      export: (event) => {
        // A link cannot send the token: the provider fetches the file instead.
        if (!this.activeProvider?.exportFile) return;
        event.preventDefault();
        this.exportCsv().catch((error: unknown) => this.announcer.say(this.context.h.resyncFailed(toError(error).message)));
      },
    },
    showUpdates: () => {
      this.updates.changed = 0;
      void this.loader.run({ manual: true }).then(() => this.focusIn('.table-box, [part~="empty"]'));
    },
    loadMore: async () => {
      const view = this.loader.view;
      if (view.state !== 'data' || view.loadingMore) return;
      const before = view.rows.length;
      await this.loader.loadMore();
      await this.updateComplete;
      // The first new row's checkbox: the reader goes on where the list grew.
      this.renderRoot.querySelectorAll<HTMLInputElement>('[part~="select"]')[before]?.focus();
    },
    retry: () => void this.loader.run({ manual: true }),
  };

  private pageState(): HealthPageState {
    const { filters, searchText, sortState: sort, selection } = this;
    return { filters, searchText, sort, selection, changed: this.updates.changed, exportUrl: this.activeProvider?.exportUrl(this.exportQuery()) ?? '' };
  }

  override render(): TemplateResult {
    return html`<div class="root health" dir=${this.direction}>${renderHealthView(this.context, this.loader.view, this.pageState(), this.pageActions)}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text || nothing}</div>`;
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
