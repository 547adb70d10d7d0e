import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { getSyncStatusOnce } from '../data/dedupe.ts';
import { getDefaultProvider, onDefaultProviderChange } from '../data/default-provider.ts';
import { normalizeResponse } from '../data/normalize.ts';
import { createRestProvider } from '../data/rest-provider.ts';
import { safeUrl } from '../data/safe-url.ts';
import {
  recordKey,
  type NormalizedIntegration,
  type NormalizedResponse,
  type NormalizedSync,
  type RecordRef,
  type SyncDataProvider,
  type SyncStatus,
} from '../data/types.ts';
import { createIscEvent, type IscNavigateDetail } from '../events.ts';
import { formatFull, formatRelative } from '../i18n/dates.ts';
import { onLocaleChange, resolveLang, translationFor, type Translation } from '../i18n/localize.ts';
import { statusIcon } from './icons.ts';
import { RefreshController } from './refresh-controller.ts';
import styles from './integration-sync-card.styles.ts';
import { subscribeToTicker } from './ticker.ts';
import { TooltipController } from './tooltip-controller.ts';

type Tone = 'success' | 'info' | 'warning' | 'danger' | 'default';

/** The CRM card convention for STATUS tones. */
const STATUS_TONE: Record<SyncStatus, Tone> = {
  up_to_date: 'success',
  in_progress: 'info',
  sync_disabled: 'warning',
  record_excluded: 'default',
  sync_not_found: 'default',
  sync_unknown: 'default',
  record_not_synced: 'danger',
};

interface LoadResult {
  provider: SyncDataProvider;
  key: string;
  record: RecordRef;
  response: NormalizedResponse;
  warnings: string[];
}

// One REST provider per endpoint URL, so cards sharing an endpoint share deduplication.
const restProviders = new Map<string, SyncDataProvider>();
function restProviderFor(endpoint: string): SyncDataProvider {
  let url: string;
  try {
    url = new URL(endpoint, document.baseURI).href;
  } catch {
    const error = new Error(`Invalid endpoint "${endpoint}": not a URL.`);
    return { getSyncStatus: () => Promise.reject(error) };
  }
  let provider = restProviders.get(url);
  if (!provider) restProviders.set(url, (provider = createRestProvider({ endpoint: url })));
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

  /** CRM object type: `contact`, `company`, `deal`, `invoice`, or any custom type name. */
  @property({ attribute: 'object-type' }) objectType?: string;

  /** The record's id. */
  @property({ attribute: 'object-id' }) objectId?: string;

  /** The CRM account (tenant) id, passed through to the provider. */
  @property({ attribute: 'portal-id' }) portalId?: string;

  /** Where data comes from. Takes precedence over `endpoint` and the page default. */
  @property({ attribute: false }) provider?: SyncDataProvider;

  /**
   * Shorthand for the built-in REST provider on this URL (used when no `provider` is set).
   * A relative URL resolves against `document.baseURI`.
   */
  @property() endpoint?: string;

  /** Seconds between periodic re-fetches while connected and the page is visible; `0` (default) is off. */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval = 0;

  /**
   * Locale (BCP 47). When absent, the closest ancestor's `lang`, `<html lang>`, then
   * `navigator.language` decide.
   */
  // NOTE: noAccessor keeps the native `lang` property (which reflects to the attribute);
  // Lit only observes the attribute, and attributeChangedCallback asks for the re-render.
  @property({ noAccessor: true }) override lang!: string;

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
  private locale = 'en';
  private announced?: LoadResult | Error;
  private abortedByDisconnect = false;
  private readonly cleanups: (() => void)[] = [];
  private readonly tooltips = new TooltipController(this);
  private readonly refresher = new RefreshController(this, () => void this.refresh());

  private readonly task = new Task(this, {
    args: () => [this.resolvedProvider, this.record] as const,
    argsEqual: ([providerA, recordA], [providerB, recordB]) =>
      providerA === providerB && (recordA && recordKey(recordA)) === (recordB && recordKey(recordB)),
    task: async ([provider, record], { signal }): Promise<LoadResult | typeof initialState> => {
      if (!provider || !record) return initialState;
      let raw: unknown;
      try {
        raw = await getSyncStatusOnce(provider, record, signal);
      } catch (error) {
        if (isAbort(error, signal)) throw error;
        throw toError(error);
      }
      signal.throwIfAborted();
      const { response, warnings } = normalizeResponse(raw);
      return { provider, key: recordKey(record), record, response, warnings };
    },
  });

  /** The provider in use: `provider`, else one built from `endpoint`, else the page default. */
  private get resolvedProvider(): SyncDataProvider | undefined {
    if (this.provider) return this.provider;
    if (this.endpoint) return restProviderFor(this.endpoint);
    return getDefaultProvider();
  }

  /** Re-fetches now. Data already on screen stays there until the new data arrives. */
  async refresh(): Promise<void> {
    await this.task.run();
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const update = () => this.requestUpdate();
    this.cleanups.push(onLocaleChange(update), onDefaultProviderChange(update), subscribeToTicker(update));
    if (this.abortedByDisconnect) {
      this.abortedByDisconnect = false;
      void this.task.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.task.status === TaskStatus.PENDING) {
      this.abortedByDisconnect = true;
      this.task.abort(new DOMException('The element was disconnected.', 'AbortError'));
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.locale = resolveLang(this);
    this.translation = translationFor(this.locale);
    if (changed.has('refreshInterval')) this.refresher.setInterval(this.refreshInterval);
  }

  protected override updated(): void {
    if (this.showsLoading) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    this.announce();
  }

  private get showsLoading(): boolean {
    return !!this.renderRoot.querySelector?.('[part~="loading"]');
  }

  /** Fires isc-load / isc-data-warning / isc-error once per completed load, after it rendered. */
  private announce(): void {
    const { status, value, error } = this.task;
    if (status === TaskStatus.COMPLETE && value && value !== this.announced) {
      this.announced = value;
      for (const message of value.warnings) {
        console.warn(`[integration-sync-card] ${message}`);
        this.dispatchEvent(createIscEvent('isc-data-warning', { record: value.record, message }));
      }
      this.dispatchEvent(createIscEvent('isc-load', { record: value.record, response: value.response }));
    } else if (status === TaskStatus.ERROR && error !== this.announced && !isAbort(error)) {
      const record = this.record;
      const failure = toError(error);
      this.announced = error as Error;
      if (record) this.dispatchEvent(createIscEvent('isc-error', { record, error: failure }));
    }
  }

  private handleLinkClick(event: MouseEvent, detail: IscNavigateDetail): void {
    if (!this.dispatchEvent(createIscEvent('isc-navigate', detail))) event.preventDefault();
  }

  private handleRetry(): void {
    void this.refresh();
  }

  private tooltipFor(anchor: Element): HTMLElement | null {
    const id = anchor.getAttribute('aria-describedby');
    return id ? (this.renderRoot as ShadowRoot).getElementById(id) : null;
  }

  private readonly handleStatusEnter = (event: Event) => {
    const anchor = event.currentTarget as HTMLElement;
    const tooltip = this.tooltipFor(anchor);
    if (tooltip) this.tooltips.handlePointerEnter(anchor, tooltip);
  };

  private readonly handleStatusFocus = (event: Event) => {
    const anchor = event.currentTarget as HTMLElement;
    const tooltip = this.tooltipFor(anchor);
    if (tooltip) this.tooltips.show(anchor, tooltip);
  };

  private readonly handleTooltipEnter = (event: Event) => {
    const tooltip = event.currentTarget as HTMLElement;
    const anchor = this.renderRoot.querySelector<HTMLElement>(`[aria-describedby="${tooltip.id}"]`);
    if (anchor) this.tooltips.handlePointerEnter(anchor, tooltip);
  };

  private readonly handlePointerLeave = () => this.tooltips.handlePointerLeave();
  private readonly handleFocusOut = () => this.tooltips.handleFocusOut();

  override render(): TemplateResult {
    const t = this.translation;
    const record = this.record;
    if (!record || !this.resolvedProvider) return this.renderEmpty();
    const { status, value, error } = this.task;
    if (status === TaskStatus.ERROR && !isAbort(error)) return this.renderError(toError(error));
    // A refresh or periodic reload keeps the current data on screen; a new record does not.
    if (value && value.key === recordKey(record) && value.provider === this.resolvedProvider) {
      return this.renderResponse(value.response);
    }
    return html`<div part="loading" role="status"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;
  }

  private renderEmpty(): TemplateResult {
    return html`<div part="empty">${this.translation.empty}</div>`;
  }

  private renderError(error: Error): TemplateResult {
    const t = this.translation;
    return html`<div part="error" role="alert">
      <p class="error-title">${t.errorTitle}</p>
      <p class="error-detail">${error.message}</p>
      <button part="retry-button" type="button" @click=${this.handleRetry}>${t.retry}</button>
    </div>`;
  }

  private renderResponse(response: NormalizedResponse): TemplateResult {
    const integrations = new Map(response.integrations.map((integration) => [integration.id, integration]));
    const setups = response.integrations.filter((integration) => integration.state === 'extra_features_required');
    if (response.syncs.length === 0 && setups.length === 0) return this.renderEmpty();
    return html`<div class="cards">
      ${setups.map((integration) => this.renderSetup(integration))}
      ${repeat(
        response.syncs,
        (sync) => sync.id,
        (sync, index) => this.renderCard(sync, index, integrations.get(sync.integrationId)),
      )}
    </div>`;
  }

  private renderSetup(integration: NormalizedIntegration): TemplateResult {
    const t = this.translation;
    const name = integration.name ?? integration.id;
    const url = safeUrl(integration.settingsUrl);
    return html`<div part="setup">
      <p class="setup-title">${name}: ${t.setupTitle}</p>
      <p class="setup-text">${t.setupText(name)}</p>
      ${url
        ? html`<a
            part="setup-link"
            href=${url}
            target="_blank"
            rel="noopener noreferrer"
            @click=${(event: MouseEvent) => this.handleLinkClick(event, { url, kind: 'settings', syncId: null })}
            >${t.setupLink}${this.renderExternal()}</a
          >`
        : nothing}
    </div>`;
  }

  private renderExternal(): TemplateResult {
    return html`<svg class="external" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <path d="M7 1.5h3.5V5M10.5 1.5 5.5 6.5M9 7.5v3H1.5V3h3" /></svg
      ><span class="visually-hidden"> ${this.translation.opensInNewTab}</span>`;
  }

  private renderCard(sync: NormalizedSync, index: number, integration: NormalizedIntegration | undefined): TemplateResult {
    const t = this.translation;
    const idBase = `isc-${index}`;
    const integrationName = integration?.name ?? sync.integrationId;
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
          <dd>${this.renderStatus(sync, `${idBase}-tip`, integrationName)}</dd>
        </div>
        <div class="row">
          <dt>${t.lastUpdated}</dt>
          <dd>${this.renderDate(sync.lastSyncedAt)}</dd>
        </div>
      </dl>
    </section>`;
  }

  private renderSyncedWith(sync: NormalizedSync): TemplateResult {
    const name = sync.syncedWith?.name ?? null;
    const url = safeUrl(sync.syncedWith?.url);
    if (!url && !name) return html`<dd>${this.translation.notAvailable}</dd>`;
    if (!url) return html`<dd part="synced-with">${name}</dd>`;
    return html`<dd part="synced-with">
      <a
        part="synced-with-link"
        href=${url}
        target="_blank"
        rel="noopener noreferrer"
        @click=${(event: MouseEvent) => this.handleLinkClick(event, { url, kind: 'synced-record', syncId: sync.id })}
        >${name ?? this.translation.openRecord}${this.renderExternal()}</a
      >
    </dd>`;
  }

  private renderStatus(sync: NormalizedSync, tipId: string, integrationName: string): TemplateResult {
    const t = this.translation;
    const status = sync.status;
    const detailUrl = status === 'record_not_synced' ? safeUrl(sync.detail.url) : null;
    const help =
      status === 'record_excluded'
        ? t.statusHelp.record_excluded(integrationName, sync.detail.exclusionGroup)
        : t.statusHelp[status](integrationName);
    const message = status === 'record_not_synced' ? sync.detail.message : null;
    const content = html`${statusIcon(status)}<span>${t.statusLabel[status]}</span>`;
    const anchor = detailUrl
      ? html`<a
          part="status status-link"
          href=${detailUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-status=${status}
          data-tone=${STATUS_TONE[status]}
          aria-describedby=${tipId}
          @pointerenter=${this.handleStatusEnter}
          @pointerleave=${this.handlePointerLeave}
          @focus=${this.handleStatusFocus}
          @blur=${this.handleFocusOut}
          @click=${(event: MouseEvent) =>
            this.handleLinkClick(event, { url: detailUrl, kind: 'status-detail', syncId: sync.id })}
          >${content}</a
        >`
      : html`<span
          part="status"
          tabindex="0"
          data-status=${status}
          data-tone=${STATUS_TONE[status]}
          aria-describedby=${tipId}
          @pointerenter=${this.handleStatusEnter}
          @pointerleave=${this.handlePointerLeave}
          @focus=${this.handleStatusFocus}
          @blur=${this.handleFocusOut}
          >${content}</span
        >`;
    return html`${anchor}<div
        part="tooltip"
        role="tooltip"
        id=${tipId}
        hidden
        @pointerenter=${this.handleTooltipEnter}
        @pointerleave=${this.handlePointerLeave}
      >
        ${help}${message ? html`<span class="tooltip-message">${message}</span>` : nothing}${detailUrl
          ? html`<span class="tooltip-hint">${t.statusLinkHint}</span>`
          : nothing}
      </div>`;
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
