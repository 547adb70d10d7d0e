// Shared pieces of the stories: data providers for each state, the card template, and
// shadow-DOM helpers for play functions. Not a story file (the glob is *.stories.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';
import { demoRecords } from '../demo/demo-data.js';
import '../src/define.ts';
import {
  createMemoryProvider,
  type IntegrationSyncCard,
  type MemoryProviderOptions,
  type SyncDataProvider,
  type SyncStatus,
  type SyncStatusResponse,
} from '../src/index.ts';

/** The args the card stories share (property names; the render maps them to attributes). */
export interface CardArgs {
  objectType?: string;
  objectId?: string;
  portalId?: string;
  lang: string;
  endpoint?: string;
  refreshInterval?: number;
  /** Called with every `isc-navigate`; the story always cancels the navigation. */
  onIscNavigate?: (event: CustomEvent) => void;
  onIscLoad?: (event: CustomEvent) => void;
  onIscError?: (event: CustomEvent) => void;
  onIscDataWarning?: (event: CustomEvent) => void;
  /** Called with every `isc-resync` (a resync attempt ended). */
  onIscResync?: (event: CustomEvent) => void;
  /** `--isc-*` theme tokens (the "CSS custom properties" controls), applied inline. */
  [token: `--${string}`]: string | undefined;
}

function tokens(args: CardArgs): Record<string, string> {
  return Object.fromEntries(Object.entries(args).filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value));
}

/** The demo data the dev server serves, from memory. Built per render so relative dates stay fresh. */
export function demoProvider(options?: MemoryProviderOptions): SyncDataProvider {
  return createMemoryProvider(demoRecords(), options);
}

/** A provider whose request never settles (until the element aborts it): the loading state. */
export function pendingProvider(): SyncDataProvider {
  return {
    getSyncStatus: (_record, { signal }) =>
      new Promise<SyncStatusResponse>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  };
}

/** A provider whose first `failures` requests fail, then serves the demo data: error, then retry. */
export function flakyProvider(message: string, failures = 1): SyncDataProvider {
  const data = demoProvider();
  let calls = 0;
  return {
    getSyncStatus(record, options) {
      calls += 1;
      if (calls <= failures) return Promise.reject(new Error(message));
      return data.getSyncStatus(record, options);
    },
  };
}

/** An ISO 8601 time `ms` milliseconds from now (negative: in the past). */
export function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/**
 * Waits `ms` like a network round trip would, honouring `signal` as the contract asks of
 * providers: an abort rejects at once with the signal's reason.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The seven statuses in the order the overviews show them (most to least reassuring). */
export const STATUS_OVERVIEW: readonly { status: SyncStatus; label: string }[] = [
  { status: 'up_to_date', label: 'Up to date' },
  { status: 'in_progress', label: 'Syncing' },
  { status: 'sync_disabled', label: 'Sync disabled' },
  { status: 'record_not_synced', label: 'Record not synced' },
  { status: 'record_excluded', label: 'Record excluded' },
  { status: 'sync_not_found', label: 'Sync not found' },
  { status: 'sync_unknown', label: 'Sync unknown' },
];

/**
 * One record synced seven ways, one sync per status (in `STATUS_OVERVIEW` order), each with its
 * own sync type, so every card's region name is unique on the page. Keyed `company:700`.
 */
export function statusOverviewRecords(): Record<string, SyncStatusResponse> {
  const types = ['customer', 'contact', 'vendor', 'invoice', 'partner', 'project', 'sales order'];
  return {
    'company:700': {
      integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
      syncs: STATUS_OVERVIEW.map(({ status }, index) => ({
        id: `netsuite:${types[index].replace(' ', '-')}`,
        integrationId: 'netsuite',
        label: `NetSuite ${types[index]}`,
        status,
        syncedWith:
          status === 'sync_not_found'
            ? null
            : { name: `Globex Corporation (REC-${1100 + index})`, url: `https://1234567.app.netsuite.com/app/common/entity/entity.nl?id=${1100 + index}` },
        lastSyncedAt: status === 'sync_not_found' ? null : fromNow(-(index * 45 + 3) * 60_000),
        detail: {
          message: status === 'record_not_synced' ? "Required field 'Subsidiary' is missing." : null,
          code: status === 'record_not_synced' ? 'MISSING_REQUIRED_FIELD' : null,
          url: status === 'record_not_synced' ? 'https://app.example-crm.com/integrations/netsuite/sync-health' : null,
          exclusionGroup: status === 'record_excluded' ? 'Internal and test accounts' : null,
        },
      })),
    },
  };
}

// NOTE: stories cancel every navigation (the demo links point at made-up hosts, and a
// Storybook or test run must not open tabs); the Actions panel still shows each event.
function handleNavigate(args: CardArgs) {
  return (event: CustomEvent) => {
    event.preventDefault();
    args.onIscNavigate?.(event);
  };
}

/** Sets (or, for `undefined`, `false` and `''`, removes) each attribute; `true` sets it empty. */
function applyAttributes(attributes: Record<string, unknown>) {
  return (element: Element | undefined) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false || value === '') element?.removeAttribute(name);
      else element?.setAttribute(name, value === true ? '' : String(value));
    }
  };
}

/**
 * One `<integration-sync-card>` for the args. `provider` wins over `args.endpoint`, as on the
 * element; pass `null` to render with no provider at all. `attributes` are set as they are
 * (the Playground passes the attribute controls it has no named arg for).
 */
export function card(
  args: CardArgs,
  provider: SyncDataProvider | null | undefined,
  attributes: Record<string, unknown> = {},
): TemplateResult {
  return html`<integration-sync-card
    lang=${args.lang}
    object-type=${ifDefined(args.objectType || undefined)}
    object-id=${ifDefined(args.objectId || undefined)}
    portal-id=${ifDefined(args.portalId || undefined)}
    endpoint=${ifDefined(args.endpoint || undefined)}
    refresh-interval=${ifDefined(args.refreshInterval || undefined)}
    style=${styleMap(tokens(args))}
    .provider=${provider ?? undefined}
    @isc-navigate=${handleNavigate(args)}
    @isc-load=${args.onIscLoad ?? nothing}
    @isc-error=${args.onIscError ?? nothing}
    @isc-data-warning=${args.onIscDataWarning ?? nothing}
    @isc-resync=${args.onIscResync ?? nothing}
    ${ref(applyAttributes(attributes))}
  ></integration-sync-card>`;
}

// ---- play-function helpers ---------------------------------------------------------------

/** The `index`th card element in the story, once it has rendered something other than loading. */
export async function settledCard(canvasElement: HTMLElement, index = 0): Promise<IntegrationSyncCard> {
  const element = await waitFor(() => {
    const found = canvasElement.querySelectorAll('integration-sync-card')[index];
    if (!found) throw new Error(`no <integration-sync-card> #${index} in the story`);
    return found;
  });
  await waitFor(
    () => {
      if (!element.shadowRoot?.querySelector('[part~="card"], [part~="empty"], [part~="setup"], [part~="error"]')) {
        throw new Error('the card is still loading');
      }
    },
  );
  await element.updateComplete;
  return element;
}

/** The shadow root of a card (the contract fixes an open root). */
export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) throw new Error(`<${element.localName}> has no open shadow root`);
  return root;
}

/** The first element with this part in the card's shadow root. */
export function part<T extends HTMLElement = HTMLElement>(element: Element, name: string): T {
  const found = shadow(element).querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in <${element.localName}>`);
  return found;
}

export function parts<T extends HTMLElement = HTMLElement>(element: Element, name: string): T[] {
  return [...shadow(element).querySelectorAll<T>(`[part~="${name}"]`)];
}

/** The text a user reads (whitespace collapsed). */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The tooltip a status element points at with `aria-describedby`. */
export function tooltipOf(status: HTMLElement): HTMLElement {
  const id = status.getAttribute('aria-describedby');
  const tooltip = id ? (status.getRootNode() as ShadowRoot).getElementById(id) : null;
  if (!tooltip) throw new Error('the status has no tooltip (aria-describedby)');
  return tooltip;
}

/** Waits until the tooltip is shown and positioned (the element hides it until placed). */
export async function expectTooltipShown(tooltip: HTMLElement): Promise<void> {
  await waitFor(() => expect(tooltip).toBeVisible());
  await expect(tooltip).toHaveAttribute('role', 'tooltip');
}

export async function expectTooltipHidden(tooltip: HTMLElement): Promise<void> {
  await waitFor(() => expect(tooltip).not.toBeVisible());
}

/** The demo records that show each status, in the order of the "All statuses" overview. */
export const ALL_STATUSES: { status: SyncStatus; objectType: string; objectId: string }[] = [
  { status: 'up_to_date', objectType: 'invoice', objectId: '9001' },
  { status: 'in_progress', objectType: 'company', objectId: '45' },
  { status: 'sync_disabled', objectType: 'contact', objectId: '8' },
  { status: 'record_not_synced', objectType: 'company', objectId: '43' },
  { status: 'record_excluded', objectType: 'contact', objectId: '9' },
  { status: 'sync_not_found', objectType: 'contact', objectId: '10' },
  { status: 'sync_unknown', objectType: 'company', objectId: '44' },
];

/** One card per status, captioned with its key, from the demo data. */
export function statusOverview(args: CardArgs): TemplateResult {
  const provider = demoProvider();
  return html`<div style="display: grid; grid-template-columns: repeat(auto-fill, 320px); gap: 16px; align-items: start">
    ${ALL_STATUSES.map(
      ({ status, objectType, objectId }) =>
        html`<figure style="margin: 0">
          <figcaption style="margin: 0 0 6px; font: 12px/1.4 ui-monospace, monospace">${status}</figcaption>
          ${card({ ...args, objectType, objectId }, provider)}
        </figure>`,
    )}
  </div>`;
}
