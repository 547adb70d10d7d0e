import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import { invalidate, loadSyncStatus, peekSyncStatus } from '../data/cache.ts';
import { getDefaultProvider, onDefaultProviderChange } from '../data/default-provider.ts';
import { withTimeout } from '../data/timeout.ts';
import { normalizeResponse, type NormalizeResult } from '../data/normalize.ts';
import { createRestProvider } from '../data/rest-provider.ts';
import {
  recordKey,
  type NormalizedIntegration,
  type NormalizedResponse,
  type NormalizedSync,
  type RecordRef,
  type SyncDataProvider,
} from '../data/types.ts';
import { createIscEvent, type IscNavigateDetail } from '../events.ts';
import { formatFull, formatRelative } from '../i18n/dates.ts';
import { loadTranslation, onLocaleChange, resolveDir, resolveLang, translationFor, translationReady, type Translation } from '../i18n/localize.ts';
import { STATUS_TONE, statusIcon } from './icons.ts';
import { LiveController } from './live-controller.ts';
import { cancelAnnouncement, queueAnnouncement, type Announcer } from './announcer.ts';
import type { SyncActionsController } from './sync-actions-controller.ts';
import { RefreshController } from './refresh-controller.ts';
import styles from './integration-sync-card.styles.ts';
import { subscribeToTicker } from './ticker.ts';
import type { TooltipController } from './tooltip-controller.ts';

/** Cards rendered at first, and added by each "Show more". */
const SYNCS_PAGE = 25;

interface LoadResult {
  provider: SyncDataProvider;
  key: string;
  record: RecordRef;
  response: NormalizedResponse;
  warnings: string[];
}

// One REST provider per endpoint URL, so cards sharing an endpoint share deduplication.
const restProviders = new Map<string, SyncDataProvider>();
function restProviderFor(endpoint: string, live: boolean): SyncDataProvider {
  let url: string | undefined;
  try {
    url = new URL(endpoint, document.baseURI).href;
  } catch {
    // An endpoint that is not a URL is an error state too, with a provider as stable as the others
    // (a new object per render would restart the load on every update).
  }
  const key = `${live ? 'live' : 'poll'} ${url ?? `invalid ${endpoint}`}`;
  let provider = restProviders.get(key);
  if (!provider) {
    const error = new Error(`Invalid endpoint "${endpoint}": not a URL.`);
    provider = url ? createRestProvider({ endpoint: url, live }) : { getSyncStatus: () => Promise.reject(error) };
    restProviders.set(key, provider);
  }
  return provider;
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return (!!signal && signal.aborted) || (error instanceof DOMException && error.name === 'AbortError');
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  let text: string;
  try {
    text = typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    text = Object.prototype.toString.call(error);
  }
  return new Error(`The provider failed: ${text}`);
}

/**
 * Shows whether a CRM record is in sync with the ERP systems connected to the CRM:
 * one card per sync type, with the linked external record, the sync status (explained on
 * hover and focus) and when it last synced.
 *
 * @tagname integration-sync-card
 *
 * @event {CustomEvent<IscLoadDetail>} isc-load - Data rendered. `detail: { record, response }` (the repaired response).
 * @event {CustomEvent<IscErrorDetail>} isc-error - A failed load rendered its error state. `detail: { record, error }`.
 * @event {CustomEvent<IscNavigateDetail>} isc-navigate - A link is about to open. Cancelable: `preventDefault()` stops the navigation. `detail: { url, kind, syncId }`.
 * @event {CustomEvent<IscResyncDetail>} isc-resync - A resync attempt ended. `detail: { record, syncId, ok, error? }`.
 * @event {CustomEvent<IscDataWarningDetail>} isc-data-warning - Bad provider data was repaired. `detail: { record, message }`.
 *
 * @csspart card - One per sync entry; carries `data-sync-id`.
 * @csspart integration-name - The integration's name (card heading).
 * @csspart sync-label - The sync type, e.g. "NetSuite customer".
 * @csspart synced-with - The external record's name.
 * @csspart synced-with-link - The link that opens the external record in a new tab.
 * @csspart status - The status pill; has `data-status` and `data-tone`, focusable.
 * @csspart status-link - The status when it links to the sync status page (`record_not_synced`).
 * @csspart tooltip - The explanation of a status (`role="tooltip"`).
 * @csspart last-updated - The `<time>` of the last sync.
 * @csspart next-sync - "Next sync in 5 minutes", when the provider gives `nextSyncAt`.
 * @csspart resync-button - Asks the integration to sync this record now (provider has `resync`).
 * @csspart resync-error - Why the last resync failed.
 * @csspart history-toggle - Opens and closes the sync history (provider has `getSyncHistory`).
 * @csspart history - The list of recent sync attempts.
 * @csspart history-entry - One sync attempt: status, time, direction and message.
 * @csspart copy-button - Copies an error's message, code and record reference (for a support ticket).
 * @csspart show-more - Shows more cards when a record has more sync entries than fit (25 at a time).
 * @csspart loading - The busy indicator of the first load.
 * @csspart error - The error message of a failed load.
 * @csspart retry-button - Re-tries a failed load.
 * @csspart empty - No record, no provider, or nothing synced.
 * @csspart setup - "Enable extra features" callout for an integration that needs it.
 * @csspart setup-link - Link to the integration's settings.
 *
 * @cssproperty --isc-font-family - Font stack (default: the system UI font).
 * @cssproperty --isc-font-size - Base font size (default 14px).
 * @cssproperty --isc-gap - Space between cards (default 12px).
 * @cssproperty --isc-padding - Padding inside a card (default 12px 14px).
 * @cssproperty --isc-radius - Corner radius of a card (default 8px).
 * @cssproperty --isc-color-surface - Card background.
 * @cssproperty --isc-color-text - Main text colour.
 * @cssproperty --isc-color-text-muted - Labels and secondary text.
 * @cssproperty --isc-color-border - Card borders.
 * @cssproperty --isc-color-link - Links.
 * @cssproperty --isc-color-focus - Focus ring.
 * @cssproperty --isc-color-success - Success tone text/icon ("Up to date").
 * @cssproperty --isc-color-success-bg - Success tone background.
 * @cssproperty --isc-color-info - Info tone text/icon ("Syncing").
 * @cssproperty --isc-color-info-bg - Info tone background.
 * @cssproperty --isc-color-warning - Warning tone text/icon ("Sync disabled", setup callout).
 * @cssproperty --isc-color-warning-bg - Warning tone background.
 * @cssproperty --isc-color-danger - Danger tone text/icon ("Record not synced", errors).
 * @cssproperty --isc-color-danger-bg - Danger tone background.
 * @cssproperty --isc-color-default - Neutral tone text/icon.
 * @cssproperty --isc-color-default-bg - Neutral tone background.
 * @cssproperty --isc-tooltip-background - Tooltip background.
 * @cssproperty --isc-tooltip-color - Tooltip text.
 * @cssproperty --isc-tooltip-z-index - Tooltip stacking order (default 1000).
 */
export class IntegrationSyncCard extends LitElement {
  static override styles = styles;

  // NOTE: `static properties` rather than decorators: the same reactive properties without the
  // decorator helpers in the bundle.
  static override properties = {
    objectType: { attribute: 'object-type' },
    objectId: { attribute: 'object-id' },
    portalId: { attribute: 'portal-id' },
    provider: { attribute: false },
    endpoint: {},
    live: { type: Boolean },
    timeout: { type: Number },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    theme: { reflect: true },
    lang: { noAccessor: true },
  };

  /** CRM object type: `contact`, `company`, `deal`, `invoice`, or any custom type name. */
  declare objectType?: string;

  /** The record's id. */
  declare objectId?: string;

  /** The CRM account (tenant) id, passed through to the provider. */
  declare portalId?: string;

  /** Where data comes from. Takes precedence over `endpoint` and the page default. */
  declare provider?: SyncDataProvider;

  /**
   * Shorthand for the built-in REST provider on this URL (used when no `provider` is set).
   * A relative URL resolves against `document.baseURI`.
   */
  declare endpoint?: string;

  /**
   * With `endpoint`: follow live updates pushed by the server as Server-Sent Events at
   * `{endpoint}/events` (the REST provider's `live` option). `refresh-interval` stays the fallback.
   */
  live = false;

  /**
   * Seconds a load may take before the card gives up and shows its error state, whatever the
   * provider (default 20; `0` waits forever). The REST provider has its own `timeoutMs` too.
   */
  timeout = 20;

  /** Seconds between periodic re-fetches while connected and the page is visible; `0` (default) is off. */
  refreshInterval = 0;

  /**
   * Colour scheme: `light`, `dark`, or `auto` (the default, also when absent) to follow the
   * user's `prefers-color-scheme`. Reflected, so `:host([theme=…])` styles can see it.
   */
  declare theme?: 'light' | 'dark' | 'auto';

  /**
   * Locale (BCP 47). When absent, the closest ancestor's `lang`, `<html lang>`, then
   * `navigator.language` decide.
   */
  // NOTE: `noAccessor` (in static properties) keeps the native `lang` property, which reflects to
  // the attribute; Lit only observes the attribute, and attributeChangedCallback re-renders.
  override lang!: string;

  /** The record as one object; `undefined` while `objectType` or `objectId` is missing. */
  get record(): RecordRef | undefined {
    if (!this.objectType || !this.objectId) return undefined;
    return this.portalId
      ? { objectType: this.objectType, objectId: this.objectId, portalId: this.portalId }
      : { objectType: this.objectType, objectId: this.objectId };
  }

  set record(value: RecordRef | undefined) {
    this.objectType = value?.objectType;
    this.objectId = value?.objectId;
    this.portalId = value?.portalId;
  }

  private translation: Translation = translationFor('en');
  /** Text direction: the closest `dir` up the tree, else the translation's. */
  private direction: 'ltr' | 'rtl' = 'ltr';
  /** What the polite live region says now (status changes after the first load). */
  private announcement = '';
  /** Statuses of the last load, to tell what changed in the next one. */
  private lastStatuses?: { key: string; statuses: Map<string, string> };
  /** How many sync cards render; a response with thousands of entries shows a "Show more" button. */
  private syncsShown = SYNCS_PAGE;
  private locale = 'en';
  private endpointProvider?: { endpoint: string; live: boolean; base: string; provider: SyncDataProvider };
  /** Whether this element ever started a load (its first may be served from the cache). */
  private hasLoaded = false;
  /** A run settled since the last update: its events are due. */
  private settled = false;
  /** The last failed load, kept on screen while a retry or periodic reload of the same record runs. */
  private failure?: { provider: SyncDataProvider; key: string; error: Error };
  private abortedByDisconnect = false;
  private normalized?: { raw: unknown; result: NormalizeResult };
  private readonly cleanups: (() => void)[] = [];
  /** Tooltip behaviour and positioning, loaded with the first hover or focus of a status. */
  private tooltips?: TooltipController;
  private tooltipsLoading?: Promise<TooltipController>;
  private readonly refresher = new RefreshController(this, () => void this.refresh());
  // A pushed change re-fetches without invalidating: the provider already did, once for all its
  // cards, so cards showing the same record share one request.
  private readonly liveUpdates = new LiveController(this, () => void this.task.run());
  /** Resync and history, once loaded (see loadActions). */
  private actions?: SyncActionsController;
  private actionsLoading?: Promise<SyncActionsController>;
  /** Feedback of the last "Copy details" per card (or `error` for the error state). */
  private readonly copyFeedback = new Map<string, 'copied' | 'failed'>();

  private readonly task = new Task(this, {
    args: () => [this.resolvedProvider, this.record] as const,
    argsEqual: ([providerA, recordA], [providerB, recordB]) =>
      providerA === providerB && (recordA && recordKey(recordA)) === (recordB && recordKey(recordB)),
    // Only the latest run reports: each settled run is announced once (isc-load / isc-error).
    onComplete: () => {
      this.settled = true;
      this.failure = undefined;
    },
    onError: (error) => {
      if (isAbort(error)) return;
      this.settled = true;
      const provider = this.resolvedProvider;
      const record = this.record;
      this.failure = provider && record ? { provider, key: recordKey(record), error: toError(error) } : undefined;
    },
    task: async ([provider, record], { signal }): Promise<LoadResult | typeof initialState> => {
      if (!provider || !record) return initialState;
      const firstLoad = !this.hasLoaded;
      this.hasLoaded = true;
      // NOTE: fast path. A fresh cached answer, in a language already loaded, settles with no
      // await: the card shows its data (and fires isc-load) in its second update, not its third.
      if (firstLoad && translationReady(this.locale)) {
        const hit = peekSyncStatus(provider, record);
        if (hit?.fresh) {
          const { response, warnings } = this.normalizeOnce(hit.value);
          return { provider, key: recordKey(record), record, response, warnings };
        }
      }
      // The data renders in the card's language: a locale loaded on demand arrives first.
      const translated = loadTranslation(this.locale);
      let raw: unknown;
      try {
        raw = await withTimeout(
          // A card's first load may come from the cache alone (a list re-rendered, a card re-mounted);
          // a record or provider change re-fetches (contract §1), showing a cached answer meanwhile.
          (timed) => loadSyncStatus(provider, record, timed, { useFresh: firstLoad }),
          this.timeout * 1000,
          signal,
          `The sync status provider did not answer within ${this.timeout} s.`,
        );
      } catch (error) {
        await translated;
        if (isAbort(error, signal)) throw error;
        throw toError(error);
      }
      await translated;
      signal.throwIfAborted();
      const { response, warnings } = this.normalizeOnce(raw);
      return { provider, key: recordKey(record), record, response, warnings };
    },
  });

  /** The provider in use: `provider`, else one built from `endpoint`, else the page default. */
  private get resolvedProvider(): SyncDataProvider | undefined {
    if (this.provider) return this.provider;
    if (this.endpoint) {
      // Read several times per update: the URL is resolved once per endpoint, not per read.
      const memo = this.endpointProvider;
      if (memo?.endpoint === this.endpoint && memo.live === this.live && memo.base === document.baseURI) return memo.provider;
      const provider = restProviderFor(this.endpoint, this.live);
      this.endpointProvider = { endpoint: this.endpoint, live: this.live, base: document.baseURI, provider };
      return provider;
    }
    return getDefaultProvider();
  }

  /**
   * Normalises a response once: a card rendered from the cache gets the same response again
   * when its load completes, and must not repair (or re-render) it twice.
   */
  private normalizeOnce(raw: unknown): NormalizeResult {
    const last = this.normalized;
    if (last && last.raw === raw) return last.result;
    const result = normalizeResponse(raw);
    this.normalized = { raw, result };
    return result;
  }

  /** Re-fetches now. Data already on screen stays there until the new data arrives. */
  async refresh(): Promise<void> {
    const provider = this.resolvedProvider;
    const record = this.record;
    if (provider && record) invalidate(provider, record);
    await this.task.run();
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const update = () => this.requestUpdate();
    // Relative times only: a card showing no <time> skips the 30-second tick.
    const tick = () => {
      if (this.renderRoot.querySelector?.('time')) this.requestUpdate();
    };
    this.cleanups.push(onLocaleChange(update), onDefaultProviderChange(update), subscribeToTicker(tick));
    // A card moved on the page: the next update subscribes to live updates again.
    this.requestUpdate();
    if (this.abortedByDisconnect) {
      this.abortedByDisconnect = false;
      void this.task.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    cancelAnnouncement(this.announcer);
    if (this.task.status === TaskStatus.PENDING) {
      this.abortedByDisconnect = true;
      this.task.abort(new DOMException('The element was disconnected.', 'AbortError'));
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // NOTE: `lang` stays the native property; letting Lit copy the attribute into it would write
    // `lang="null"` back when the attribute is removed, and the card would stop following its ancestors.
    if (name === 'lang') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.locale = resolveLang(this);
    this.translation = translationFor(this.locale);
    this.direction = resolveDir(this) ?? this.translation.$dir;
    if (changed.has('refreshInterval')) this.refresher.setInterval(this.refreshInterval);
    if (changed.has('objectType') || changed.has('objectId') || changed.has('portalId') || changed.has('provider') || changed.has('endpoint')) {
      this.syncsShown = SYNCS_PAGE;
    }
    this.actions?.follow(this.resolvedProvider, this.record);
  }

  protected override updated(): void {
    if (this.showsLoading) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    this.liveUpdates.follow(this.resolvedProvider, this.record);
    this.dispatchLoadEvents();
  }

  /** Queues "NetSuite customer: Up to date" when a status differs from the last load of this record. */
  private announceStatusChanges(value: LoadResult): void {
    const statuses = new Map(value.response.syncs.map((sync) => [sync.id, sync.status]));
    const previous = this.lastStatuses?.key === value.key ? this.lastStatuses.statuses : undefined;
    this.lastStatuses = { key: value.key, statuses };
    if (!previous) return;
    const t = this.translation;
    const changes = value.response.syncs
      .filter((sync) => previous.has(sync.id) && previous.get(sync.id) !== sync.status)
      .map((sync) => t.statusChanged(this.isolate(sync.label ?? sync.id), t.statusLabel[sync.status]));
    if (changes.length > 0) queueAnnouncement(this.announcer, changes.join('. '));
  }

  /** What the page-wide announcer speaks through: this card's live region. */
  private readonly announcer: Announcer = {
    announce: (message, count) => {
      const text = count > 1 ? this.translation.statusesChanged(count) : message;
      // The same words twice in a row would not be read again: vary them invisibly.
      this.announcement = text === this.announcement ? `${text}\u00a0` : text;
      this.requestUpdate();
    },
  };

  /**
   * Provider text inside a right-to-left sentence keeps its own direction (Unicode first-strong
   * isolate): "NetSuite (CUS-1042)" in a Hebrew sentence does not scramble the words around it.
   */
  private isolate(value: string): string {
    return this.direction === 'rtl' ? `\u2068${value}\u2069` : value;
  }

  private warn(record: RecordRef, message: string): void {
    console.warn(`[integration-sync-card] ${message}`);
    this.dispatchEvent(createIscEvent('isc-data-warning', { record, message }));
  }

  private get showsLoading(): boolean {
    // The loading indicator is always the first element inside .root: no query of the tree per update.
    return (this.renderRoot as ShadowRoot).firstElementChild?.firstElementChild?.getAttribute('part') === 'loading';
  }

  /** Fires isc-load / isc-data-warning / isc-error once per completed load, after it rendered. */
  private dispatchLoadEvents(): void {
    if (!this.settled) return;
    this.settled = false;
    const { status, value, error } = this.task;
    if (status === TaskStatus.COMPLETE && value) {
      for (const message of value.warnings) this.warn(value.record, message);
      this.announceStatusChanges(value);
      this.dispatchEvent(createIscEvent('isc-load', { record: value.record, response: value.response }));
    } else if (status === TaskStatus.ERROR && !isAbort(error)) {
      const record = this.record;
      if (record) this.dispatchEvent(createIscEvent('isc-error', { record, error: toError(error) }));
    }
  }

  private handleLinkClick(event: MouseEvent, detail: IscNavigateDetail): void {
    if (!this.dispatchEvent(createIscEvent('isc-navigate', detail))) event.preventDefault();
  }

  private readonly handleShowMore = () => {
    this.syncsShown += SYNCS_PAGE;
    this.requestUpdate();
  };

  private formatCount(count: number): string {
    try {
      return new Intl.NumberFormat(this.locale).format(count);
    } catch {
      return String(count);
    }
  }

  /**
   * Loads the resync/history code on first use. Pointing at or focusing the actions row starts
   * the download, so it is usually there by the time the click lands.
   */
  private loadActions(): Promise<SyncActionsController> {
    return (this.actionsLoading ??= import('./sync-actions-controller.ts').then(({ SyncActionsController }) => {
      const actions = new SyncActionsController(this, {
        provider: () => this.resolvedProvider,
        record: () => this.record,
        refresh: () => this.refresh(),
        connected: () => this.isConnected,
        onResyncDone: (record, syncId, error) =>
          this.dispatchEvent(createIscEvent('isc-resync', error ? { record, syncId, ok: false, error } : { record, syncId, ok: true })),
        onDataWarning: (record, message) => this.warn(record, message),
      });
      actions.follow(this.resolvedProvider, this.record);
      this.actions = actions;
      return actions;
    }));
  }

  private readonly handleActionsIntent = () => void this.loadActions();

  private handleRetry(): void {
    void this.refresh();
  }

  /** Copies text for a support ticket; the button says whether it worked. */
  private async copyDetails(feedbackKey: string, details: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(details);
    } catch {
      ok = false;
    }
    this.copyFeedback.set(feedbackKey, ok ? 'copied' : 'failed');
    this.requestUpdate();
    setTimeout(() => {
      this.copyFeedback.delete(feedbackKey);
      this.requestUpdate();
    }, 3000);
  }

  private renderCopyButton(feedbackKey: string, details: () => string): TemplateResult {
    const t = this.translation;
    const feedback = this.copyFeedback.get(feedbackKey);
    return html`<button part="copy-button" type="button" @click=${() => void this.copyDetails(feedbackKey, details())}>
      ${feedback === 'copied' ? t.copied : feedback === 'failed' ? t.copyFailed : t.copyDetails}
    </button>`;
  }

  private recordReference(): string {
    const record = this.record;
    if (!record) return '';
    return `${record.objectType} ${record.objectId}${record.portalId ? ` (portal ${record.portalId})` : ''}`;
  }

  private tooltipFor(anchor: Element): HTMLElement | null {
    const id = anchor.getAttribute('aria-describedby');
    return id ? (this.renderRoot as ShadowRoot).getElementById(id) : null;
  }

  // NOTE: tooltips listen once per card, on the shadow root (pointerover/out and focusin/out
  // bubble), rather than six listeners on every status and tooltip: a list of 500 cards then
  // adds 2,000 listeners instead of 6,000, and renders faster.
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.addEventListener('pointerover', this.handlePointerOver as EventListener);
    root.addEventListener('pointerout', this.handlePointerOut as EventListener);
    root.addEventListener('focusin', this.handleFocusIn as EventListener);
    root.addEventListener('focusout', this.handleFocusOut as EventListener);
    return root;
  }

  /**
   * Runs `use` with the tooltip controller, loading it (and Floating UI with it) the first time:
   * nothing of it is in the first-load bundle. Calls made while it loads run in order.
   */
  private withTooltips(use: (tooltips: TooltipController) => void): void {
    if (this.tooltips) return use(this.tooltips);
    this.tooltipsLoading ??= import('./tooltip-controller.ts').then(({ TooltipController }) => (this.tooltips = new TooltipController(this)));
    void this.tooltipsLoading.then(use);
  }

  /** The status (anchor) and tooltip an event concerns, with the one of the two it happened on. */
  private tooltipPair(node: EventTarget | null): { on: HTMLElement; anchor: HTMLElement; tooltip: HTMLElement } | undefined {
    const on = node instanceof Element ? node.closest<HTMLElement>('[part~="status"][aria-describedby],[part~="tooltip"]') : null;
    if (!on) return undefined;
    const anchor = on.matches('[part~="tooltip"]')
      ? this.renderRoot.querySelector<HTMLElement>(`[aria-describedby="${on.id}"]`)
      : on;
    const tooltip = anchor && this.tooltipFor(anchor);
    return anchor && tooltip ? { on, anchor, tooltip } : undefined;
  }

  /** Pointer entered a status or its tooltip (from outside it, not from one of its children). */
  private readonly handlePointerOver = (event: PointerEvent) => {
    const pair = this.tooltipPair(event.target);
    if (pair && !pair.on.contains(event.relatedTarget as Node | null)) this.withTooltips((tooltips) => tooltips.handlePointerEnter(pair.anchor, pair.tooltip));
  };

  private readonly handlePointerOut = (event: PointerEvent) => {
    const pair = this.tooltipPair(event.target);
    if (pair && !pair.on.contains(event.relatedTarget as Node | null)) this.withTooltips((tooltips) => tooltips.handlePointerLeave());
  };

  private readonly handleFocusIn = (event: FocusEvent) => {
    const pair = this.tooltipPair(event.target);
    if (pair && pair.on === pair.anchor) this.withTooltips((tooltips) => tooltips.show(pair.anchor, pair.tooltip));
  };

  private readonly handleFocusOut = (event: FocusEvent) => {
    const pair = this.tooltipPair(event.target);
    if (pair && pair.on === pair.anchor) this.withTooltips((tooltips) => tooltips.handleFocusOut());
  };

  override render(): TemplateResult {
    // NOTE: the live region exists from the first render, so assistive technology is already
    // listening when a status changes later; it is never re-created.
    return html`<div class="root" dir=${this.direction}>${this.renderContent()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderContent(): TemplateResult {
    const t = this.translation;
    const record = this.record;
    if (!record || !this.resolvedProvider) return this.renderEmpty();
    const { status, value, error } = this.task;
    const key = recordKey(record);
    if (status === TaskStatus.ERROR && !isAbort(error)) return this.renderError(toError(error));
    // A refresh or periodic reload keeps the current data on screen; a new record does not.
    if (value && value.key === key && value.provider === this.resolvedProvider) {
      return this.renderResponse(value.response);
    }
    // NOTE: a retry or a periodic reload after a failure keeps the same error on screen (the same
    // role="alert" node, so a screen reader does not hear it again at every poll).
    const failure = this.failure;
    if (failure && failure.key === key && failure.provider === this.resolvedProvider) return this.renderError(failure.error, true);
    // A response cached by the provider (fresh, or stale and being re-fetched) shows at once.
    const cached = peekSyncStatus(this.resolvedProvider, record);
    if (cached) {
      try {
        return this.renderResponse(this.normalizeOnce(cached.value).response);
      } catch {
        // Not a response at all: the load under way will end in the error state.
      }
    }
    return html`<div part="loading" role="status"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;
  }

  private renderEmpty(): TemplateResult {
    return html`<div part="empty">${this.translation.empty}</div>`;
  }

  private renderError(error: Error, retrying = false): TemplateResult {
    const t = this.translation;
    return html`<div part="error" role="alert">
      <p class="error-title">${t.errorTitle}</p>
      <p class="error-detail">${error.message}</p>
      <div class="actions">
        <button part="retry-button" type="button" ?disabled=${retrying} @click=${this.handleRetry}>${t.retry}</button>
        ${this.renderCopyButton('error', () =>
          [`Error: ${error.message}`, `Record: ${this.recordReference()}`, `Time: ${new Date().toISOString()}`].join('\n'),
        )}
      </div>
    </div>`;
  }

  private renderResponse(response: NormalizedResponse): TemplateResult {
    const integrations = new Map(response.integrations.map((integration) => [integration.id, integration]));
    const setups = response.integrations.filter((integration) => integration.state === 'extra_features_required');
    if (response.syncs.length === 0 && setups.length === 0) return this.renderEmpty();
    const shown = response.syncs.length > this.syncsShown ? response.syncs.slice(0, this.syncsShown) : response.syncs;
    const hidden = response.syncs.length - shown.length;
    return html`<div class="cards" role="group" aria-label=${this.translation.cardsLabel}>
      ${setups.map((integration) => this.renderSetup(integration))}
      ${shown.map((sync, index) => this.renderCard(sync, index, integrations.get(sync.integrationId)))}
      ${hidden > 0
        ? html`<button part="show-more" class="show-more" type="button" @click=${this.handleShowMore}>
            ${this.translation.showMore(Math.min(hidden, SYNCS_PAGE), this.formatCount(hidden))}
          </button>`
        : nothing}
    </div>`;
  }

  private renderSetup(integration: NormalizedIntegration): TemplateResult {
    const t = this.translation;
    const name = integration.name ?? integration.id;
    // URLs here already passed safeUrl in normalizeResponse (the one gate; anything else is null).
    const url = integration.settingsUrl;
    return html`<div part="setup">
      <p class="setup-title">${name}: ${t.setupTitle}</p>
      <p class="setup-text">${t.setupText(this.isolate(name))}</p>
      ${url
        ? html`<a
            part="setup-link"
            href=${url}
            target="_blank"
            rel="noopener noreferrer"
            @click=${(event: MouseEvent) => this.handleLinkClick(event, { url, kind: 'settings', syncId: null })}
            >${t.setupLink}<svg class="external" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M7 1.5h3.5V5M10.5 1.5 5.5 6.5M9 7.5v3H1.5V3h3" /></svg><span class="visually-hidden"> ${t.opensInNewTab}</span></a
          >`
        : nothing}
    </div>`;
  }

  // NOTE: the "external link" icon and its hidden "(opens in a new tab)" are written out in each
  // link's template rather than rendered by a helper: one template instance fewer per link.

  private renderCard(sync: NormalizedSync, index: number, integration: NormalizedIntegration | undefined): TemplateResult {
    const t = this.translation;
    const idBase = `isc-${index}`;
    const integrationName = integration?.name ?? sync.integrationId;
    const provider = this.resolvedProvider;
    const resync = this.actions?.resyncState(sync.id);
    const history = this.actions?.historyState(sync.id);
    // While a resync runs, the status shows the progress.
    const shown = resync?.running ? { ...sync, status: 'in_progress' as const } : sync;
    const canCopy = sync.status === 'record_not_synced' && !!(sync.detail.message || sync.detail.code);
    return html`<section part="card" data-sync-id=${sync.id} aria-labelledby=${sync.label ? `${idBase}-name ${idBase}-label` : `${idBase}-name`}>
      <header class="card-header">
        <h3 part="integration-name" id="${idBase}-name">${integrationName}</h3>
        ${sync.label ? html`<span part="sync-label" id="${idBase}-label">${sync.label}</span>` : nothing}
      </header>
      <dl>
        <div class="row">
          <dt>${t.syncedWith}</dt>
          ${this.renderSyncedWith(sync)}
        </div>
        <div class="row">
          <dt>${t.status}</dt>
          <dd>${this.renderStatus(shown, `${idBase}-tip`, integrationName)}</dd>
        </div>
        <div class="row">
          <dt>${t.lastUpdated}</dt>
          <dd>${this.renderDate(sync.lastSyncedAt)}${this.renderNextSync(sync.nextSyncAt)}</dd>
        </div>
      </dl>
      ${provider?.resync || provider?.getSyncHistory || canCopy
        ? html`<div class="actions" @pointerenter=${this.handleActionsIntent} @focusin=${this.handleActionsIntent}>
            ${provider?.resync
              ? html`<button part="resync-button" type="button" ?disabled=${!!resync?.running || sync.status === 'in_progress'} @click=${() => void this.loadActions().then((actions) => actions.resync(sync.id))}>
                  ${resync?.running ? t.resyncing : t.resync}
                </button>`
              : nothing}
            ${provider?.getSyncHistory
              ? html`<button
                  part="history-toggle"
                  type="button"
                  aria-expanded=${history?.open ? 'true' : 'false'}
                  aria-controls="${idBase}-history"
                  @click=${() => void this.loadActions().then((actions) => actions.toggleHistory(sync.id))}
                >
                  ${t.history}
                </button>`
              : nothing}
            ${canCopy
              ? this.renderCopyButton(`sync:${sync.id}`, () =>
                  [
                    `Integration: ${integrationName}${sync.label ? ` (${sync.label})` : ''}`,
                    `Sync: ${sync.id}`,
                    `Status: ${sync.status}`,
                    `Message: ${sync.detail.message ?? '—'}`,
                    `Code: ${sync.detail.code ?? '—'}`,
                    `Record: ${this.recordReference()}`,
                    `Time: ${new Date().toISOString()}`,
                  ].join('\n'),
                )
              : nothing}
          </div>`
        : nothing}
      ${resync?.error ? html`<p part="resync-error" class="inline-error" role="alert">${t.resyncFailed(this.isolate(resync.error))}</p>` : nothing}
      ${provider?.getSyncHistory ? html`<div id="${idBase}-history" ?hidden=${!history?.open}>${history && this.actions ? this.actions.renderHistory(history, this.translation, this.locale, (text) => this.isolate(text)) : nothing}</div>` : nothing}
    </section>`;
  }

  private renderSyncedWith(sync: NormalizedSync): TemplateResult {
    const name = sync.syncedWith?.name ?? null;
    const url = sync.syncedWith?.url ?? null;
    if (!url && !name) return html`<dd>${this.translation.notAvailable}</dd>`;
    if (!url) return html`<dd part="synced-with">${name}</dd>`;
    return html`<dd part="synced-with">
      <a
        part="synced-with-link"
        href=${url}
        target="_blank"
        rel="noopener noreferrer"
        @click=${(event: MouseEvent) => this.handleLinkClick(event, { url, kind: 'synced-record', syncId: sync.id })}
        >${name ?? this.translation.openRecord}<svg class="external" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M7 1.5h3.5V5M10.5 1.5 5.5 6.5M9 7.5v3H1.5V3h3" /></svg><span class="visually-hidden"> ${this.translation.opensInNewTab}</span></a
      >
    </dd>`;
  }

  private renderStatus(sync: NormalizedSync, tipId: string, integrationName: string): TemplateResult {
    const t = this.translation;
    const status = sync.status;
    const detailUrl = status === 'record_not_synced' ? sync.detail.url : null;
    const help =
      status === 'record_excluded'
        ? t.statusHelp.record_excluded(this.isolate(integrationName), sync.detail.exclusionGroup && this.isolate(sync.detail.exclusionGroup))
        : t.statusHelp[status](this.isolate(integrationName));
    const message = status === 'record_not_synced' ? sync.detail.message : null;
    const icon = statusIcon(status);
    const label = t.statusLabel[status];
    // NOTE: the status and its tooltip are one template per variant (link or not), not a wrapper
    // around two: fewer template instances per card, on the hot path of a list of hundreds.
    const detail = message ? html`<span class="tooltip-message">${message}</span>` : nothing;
    return detailUrl
      ? html`<a
            part="status status-link"
            href=${detailUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-status=${status}
            data-tone=${STATUS_TONE[status]}
            aria-describedby=${tipId}
            @click=${(event: MouseEvent) => this.handleLinkClick(event, { url: detailUrl, kind: 'status-detail', syncId: sync.id })}
            >${icon}<span>${label}</span></a
          ><div part="tooltip" role="tooltip" id=${tipId} hidden>${help}${detail}<span class="tooltip-hint">${t.statusLinkHint}</span></div>`
      : html`<span part="status" tabindex="0" data-status=${status} data-tone=${STATUS_TONE[status]} aria-describedby=${tipId}
            >${icon}<span>${label}</span></span
          ><div part="tooltip" role="tooltip" id=${tipId} hidden>${help}${detail}</div>`;
  }

  private renderNextSync(value: string | null): TemplateResult | typeof nothing {
    if (!value) return nothing;
    const date = new Date(value);
    if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) return nothing;
    return html`<span part="next-sync" class="next-sync"
      >${this.translation.nextSync(formatRelative(date, this.locale))}</span
    >`;
  }

  private renderDate(value: string | null): TemplateResult | string {
    if (!value) return this.translation.notAvailable;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return this.translation.notAvailable;
    return html`<time part="last-updated" datetime=${date.toISOString()} title=${formatFull(date, this.locale)}
      >${formatRelative(date, this.locale)}</time
    >`;
  }
}
