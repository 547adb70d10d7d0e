import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { getDefaultProvider, onDefaultProviderChange } from '../data/default-provider.ts';
import { providerForEndpoint } from '../data/endpoint-provider.ts';
import type { RecordRef, SyncDataProvider } from '../data/types.ts';
import { createIscEvent, type IscNavigateDetail } from '../events.ts';
import { onLocaleChange, resolveLocale, translationFor, type Translation } from '../i18n/localize.ts';
import { CardActionsLoader } from './card-actions.ts';
import { CopyFeedback, recordReference } from './copy-feedback.ts';
import { CountdownController } from './countdown-controller.ts';
import styles from './integration-sync-card.styles.ts';
import { LiveController } from './live-controller.ts';
import { LoadReporter } from './load-reporter.ts';
import { RefreshController } from './refresh-controller.ts';
import { StatusAnnouncer } from './status-announcer.ts';
import { loadDetailParts } from './sync-detail-loader.ts';
import { retryDueAt, SyncStatusController } from './sync-status-controller.ts';
import type { RenderContext } from './templates/context.ts';
import { renderResponse, SYNCS_PAGE } from './templates/response.ts';
import { retryingInText } from './templates/retry-countdown.ts';
import { renderEmpty, renderError, renderLoading, renderRefreshFailure } from './templates/states.ts';
import { subscribeToTicker } from './ticker.ts';
import { TooltipTrigger } from './tooltip-trigger.ts';

/**
 * Shows whether a CRM record is in sync with the ERP systems connected to the CRM:
 * one card per sync type, with the linked external record, the sync status (explained on
 * hover and focus) and when it last synced.
 *
 * @tagname integration-sync-card
 *
 * @event {CustomEvent<IscLoadDetail>} isc-load - Data rendered. `detail: { record, response }` (the repaired response).
 * @event {CustomEvent<IscErrorDetail>} isc-error - A load failed (after each failed attempt, automatic retries included). `detail: { record, error, willRetry, retryInMs }`: whether an automatic retry follows, and in how many milliseconds (`null` when none).
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
 * @csspart status-link - The status when it links to the sync status page (`record_not_synced`, `partially_synced`).
 * @csspart tooltip - The explanation of a status (`role="tooltip"`).
 * @csspart last-updated - The `<time>` of the last sync.
 * @csspart next-sync - "Next sync in 5 minutes", when the provider gives `nextSyncAt`.
 * @csspart resync-button - Asks the integration to sync this record now (provider has `resync`).
 * @csspart resync-error - Why the last resync failed.
 * @csspart history-toggle - Opens and closes the sync history (provider has `getSyncHistory`).
 * @csspart history - The list of recent sync attempts.
 * @csspart history-entry - One sync attempt: status, time, direction, what started it and who asked, and message.
 * @csspart category - Why a sync failed: "Needs a fix" or "Retrying may help"; has `data-category` and `data-retryable`.
 * @csspart fix - What to do about a failure (`detail.fix.text`).
 * @csspart fix-link - The link of the fix, when `detail.fix.url` is safe; opens in a new tab.
 * @csspart retry-plan - The integration's own retry plan: "Attempt 4 of 10 · next retry in 12 minutes".
 * @csspart fields-toggle - Opens and closes the fields view: "Fields (7)".
 * @csspart fields - The list of the record's fields, CRM and external values side by side.
 * @csspart field - One field; has `data-field` (its name) and `data-field-status`.
 * @csspart field-label - A field's label (else its name).
 * @csspart field-crm-value - A field's value in the CRM ("—" when empty; cut at 200 characters, the whole in `title`).
 * @csspart field-external-value - A field's value in the external system.
 * @csspart field-message - Why a field failed or differs.
 * @csspart copy-button - Copies an error's message, code and record reference (for a support ticket).
 * @csspart show-more - Shows more cards when a record has more sync entries than fit (25 at a time).
 * @csspart loading - The busy indicator of the first load.
 * @csspart error - The error message of a failed load.
 * @csspart expired - The error state after a 401 (the embed token expired): "This view has expired", no Retry.
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
 * @cssproperty --isc-tooltip-z-index - Tooltip stacking order (default 1000), where the browser has no popover (top layer).
 */
export class IntegrationSyncCard extends LitElement {
  static override styles = styles;

  static override properties = {
    objectType: { attribute: 'object-type' },
    objectId: { attribute: 'object-id' },
    portalId: { attribute: 'portal-id' },
    provider: { attribute: false },
    endpoint: {},
    live: { type: Boolean },
    timeout: { type: Number },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    retries: { type: Number },
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
   * Most automatic retries after a failed load whose cause is transient (network, timeout, HTTP
   * 408, 429, 502, 503, 504); `0` turns them off. Unset: the provider's policy (5 by default;
   * `createRestProvider({ retry })` tunes it), which this can lower, not raise.
   */
  declare retries?: number;

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

  /** The load state machine: what the card shows, and when it loads. */
  private readonly status = new SyncStatusController(this, {
    args: () => [this.activeProvider, this.record],
    locale: () => this.locale,
    timeoutSeconds: () => this.timeout,
    onSettled: (outcome) => this.reporter.settled(outcome),
    maxRetries: () => this.retries,
    loadParts: loadDetailParts,
  });
  // NOTE: a periodic reload is not a manual retry: while the card waits for an automatic retry,
  // it makes no request of its own (see SyncStatusController.run). It does not invalidate either
  // (a reload always asks the provider): cards polling the same record share one request.
  private readonly refresher = new RefreshController(this, () => void this.status.run());
  // A pushed change re-fetches without invalidating: the provider already did, once for all its
  // cards, so cards showing the same record share one request.
  private readonly liveUpdates = new LiveController(this, () => void this.status.run());
  private readonly announcer = new StatusAnnouncer(this, {
    describe: (sync) => this.translation.statusChanged(this.isolate(sync.label ?? sync.id), this.translation.statusLabel[sync.status]),
    summarize: (count) => this.translation.statusesChanged(count),
  });
  private readonly reporter = new LoadReporter(this, this.announcer, (ms) => retryingInText(this.context, ms));
  private readonly copyFeedback = new CopyFeedback(this);
  /** Resync and history, their code loaded on first use. */
  private readonly actions = new CardActionsLoader(this, {
    provider: () => this.activeProvider,
    record: () => this.record,
    refresh: () => this.refresh(),
    onResyncDone: (record, syncId, error) =>
      this.dispatchEvent(createIscEvent('isc-resync', error ? { record, syncId, ok: false, error } : { record, syncId, ok: true })),
    onDataWarning: (record, message) => this.reporter.warn(record, message),
  });

  // Computed once per update, in willUpdate.
  /** The provider in use: `provider`, else the REST provider of `endpoint`, else the page default. */
  private activeProvider?: SyncDataProvider;
  private locale = 'en';
  private translation: Translation = translationFor('en');
  /** Text direction: the closest `dir` up the tree, else the translation's. */
  private direction: 'ltr' | 'rtl' = 'ltr';
  private context!: RenderContext;

  /** How many sync cards render; a response with thousands of entries shows a "Show more" button. */
  private syncsShown = SYNCS_PAGE;
  private readonly cleanups: (() => void)[] = [];

  constructor() {
    super();
    // Status tooltips: listens on the shadow root, nothing for the element to call.
    new TooltipTrigger(this);
    // The retry countdown ticks while it is on screen, and only then.
    new CountdownController(this, () => retryDueAt(this.status.view) !== null);
  }

  /**
   * Re-fetches now. Data already on screen stays there until the new data arrives. Like Retry, it
   * starts the count of automatic retries again and does not wait for a pending one.
   */
  async refresh(): Promise<void> {
    // A provider or record set just before (or a card just added): load what the pending update shows.
    if (this.isUpdatePending) await this.updateComplete;
    this.reporter.manualRun();
    await this.status.run({ invalidate: true, manual: true });
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const update = () => this.requestUpdate();
    // Relative times only: a card that shows no data (so no <time>) skips the 30-second tick.
    const tick = () => {
      if (this.status.view.state === 'data') this.requestUpdate();
    };
    this.cleanups.push(onLocaleChange(update), onDefaultProviderChange(update), subscribeToTicker(tick));
    // A card moved on the page: the next update subscribes to live updates again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // NOTE: `lang` stays the native property; letting Lit copy the attribute into it would write
    // `lang="null"` back when the attribute is removed, and the card would stop following its ancestors.
    if (name === 'lang') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { lang, dir } = resolveLocale(this);
    this.locale = lang;
    this.translation = translationFor(lang);
    this.direction = dir ?? this.translation.$dir;
    this.activeProvider =
      this.provider ?? (this.endpoint ? providerForEndpoint(this.endpoint, { live: this.live, base: document.baseURI }) : getDefaultProvider());
    this.context = {
      t: this.translation,
      locale: this.locale,
      isolate: this.isolate,
      navigate: this.handleNavigate,
      copyFeedback: (key) => this.copyFeedback.state(key),
      copy: (key, details) => void this.copyFeedback.copy(key, details()),
      recordReference: recordReference(this.record),
      host: this,
    };
    if (changed.has('refreshInterval')) this.refresher.setInterval(this.refreshInterval);
    if (changed.has('objectType') || changed.has('objectId') || changed.has('portalId') || changed.has('provider') || changed.has('endpoint')) {
      this.syncsShown = SYNCS_PAGE;
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // With the render, before the load events: an isc-load listener sees the host no longer busy.
    if (this.status.view.state === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  protected override updated(): void {
    this.liveUpdates.follow(this.activeProvider, this.record);
  }

  private readonly handleNavigate = (event: MouseEvent, detail: IscNavigateDetail) => {
    if (!this.dispatchEvent(createIscEvent('isc-navigate', detail))) event.preventDefault();
  };

  private readonly handleRetry = () => void this.refresh();

  private readonly handleShowMore = () => {
    this.syncsShown += SYNCS_PAGE;
    this.requestUpdate();
  };

  /**
   * Provider text inside a right-to-left sentence keeps its own direction (Unicode first-strong
   * isolate): "NetSuite (CUS-1042)" in a Hebrew sentence does not scramble the words around it.
   */
  private readonly isolate = (value: string): string => (this.direction === 'rtl' ? `\u2068${value}\u2069` : value);

  private renderView(): TemplateResult {
    const ctx = this.context;
    const view = this.status.view;
    switch (view.state) {
      case 'empty':
        return renderEmpty(ctx);
      case 'loading':
        return renderLoading(ctx);
      case 'error':
        return renderError(ctx, view.error, view.retrying, view.retryAt, this.handleRetry);
      case 'data': {
        const response = renderResponse(ctx, view.response, { shown: this.syncsShown, actions: this.actions.forRender(), onShowMore: this.handleShowMore });
        return view.failure ? html`${renderRefreshFailure(ctx, view.failure, view.refreshing, this.handleRetry)}${response}` : response;
      }
    }
  }

  override render(): TemplateResult {
    // NOTE: the live region exists from the first render, so assistive technology is already
    // listening when a status changes later; it is never re-created.
    return html`<div class="root" dir=${this.direction}>${this.renderView()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text}</div>`;
  }
}
