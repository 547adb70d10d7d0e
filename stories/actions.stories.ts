import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { demoRecords } from '../demo/demo-data.js';
import { createMemoryProvider, type IntegrationSyncCard, type SyncDataProvider, type SyncEvent, type SyncStatusResponse } from '../src/index.ts';
import { card, delay, demoProvider, fromNow, part, parts, settledCard, shadow, text, type CardArgs } from './story-helpers.ts';

/**
 * What a user can do beyond reading the status: ask for a resync, open the sync history, copy
 * an error's details for a support ticket, see when the next sync runs, page through many
 * syncs, and watch a status change live. Every provider here is built in the story's render,
 * so each render (and each re-render from Controls) starts from the demo data again.
 */
const meta = {
  title: 'Scenarios/Resync and history',
  component: 'integration-sync-card',
  // company 43: one NetSuite customer sync, "Record not synced" (Required field 'Subsidiary' is missing).
  args: { objectType: 'company', objectId: '43', lang: 'en' },
  // Each resync attempt's `isc-resync` event shows in the Actions panel.
  argTypes: { onIscResync: { action: 'isc-resync' } },
  render: (args) => card(args, demoProvider()),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long the stories' resync takes (long enough to see "Syncing"). */
const RESYNC_MS = 300;
const RESYNC_REFUSED = 'NetSuite refused the resync: the integration user lacks the "Customer: Edit" permission (HTTP 403).';

/**
 * The demo data from memory, plus `resync`: after `RESYNC_MS` it either fixes the record in
 * the data this provider serves (so the card's reload shows "Up to date"), or rejects.
 */
function resyncProvider(outcome: 'succeeds' | 'fails'): SyncDataProvider {
  const records = demoRecords();
  return {
    ...createMemoryProvider(records),
    async resync(record, syncId, { signal }) {
      await delay(RESYNC_MS, signal);
      if (outcome === 'fails') throw new Error(RESYNC_REFUSED);
      const sync = records[`${record.objectType}:${record.objectId}`]?.syncs.find((entry) => entry.id === syncId);
      if (sync) {
        sync.status = 'up_to_date';
        sync.lastSyncedAt = new Date().toISOString();
        sync.detail = null;
      }
    },
  };
}

/** Collects the `isc-resync` events an element fires from now on. */
function collectResyncs(element: HTMLElement): CustomEvent[] {
  const events: CustomEvent[] = [];
  element.addEventListener('isc-resync', (event) => events.push(event as CustomEvent));
  return events;
}

/**
 * "Resync" asks the integration to sync this record now. While it runs the button is disabled
 * and the status says "Syncing"; then the card reloads, shows "Up to date", and fires
 * `isc-resync` with `ok: true` (see the Actions panel).
 */
export const ResyncSucceeds: Story = {
  render: (args) => card(args, resyncProvider('succeeds')),
  play: async ({ canvasElement, step }) => {
    const element = await settledCard(canvasElement);
    const resyncs = collectResyncs(element);
    const button = part<HTMLButtonElement>(element, 'resync-button');
    await step('the record is not synced; "Resync" is offered', async () => {
      await expect(part(element, 'status')).toHaveAttribute('data-status', 'record_not_synced');
      await expect(text(button)).toBe('Resync');
      await expect(button).toBeEnabled();
    });
    await step('clicking it disables the button and shows "Syncing"', async () => {
      await userEvent.click(button);
      // The resync code loads on first use (a lazy chunk, slow on a busy machine): waited for, and
      // the running state checked at one moment, within the resync's 300 ms.
      await waitFor(() => {
        expect(button).toBeDisabled();
        expect(text(button)).toBe('Resyncing…');
        expect(part(element, 'status')).toHaveAttribute('data-status', 'in_progress');
        expect(text(part(element, 'status'))).toBe('Syncing');
      });
    });
    await step('when it is done, the status is "Up to date" and isc-resync reports ok', async () => {
      await waitFor(() => expect(text(part(element, 'status'))).toBe('Up to date'));
      await expect(part(element, 'status')).toHaveAttribute('data-status', 'up_to_date');
      await expect(text(part(element, 'last-updated'))).toBe('now');
      await waitFor(() => expect(resyncs).toHaveLength(1));
      await expect(resyncs[0].detail).toEqual({
        record: { objectType: 'company', objectId: '43' },
        syncId: 'netsuite:customer',
        ok: true,
      });
      await expect(part<HTMLButtonElement>(element, 'resync-button')).toBeEnabled();
      await expect(shadow(element).querySelector('[part~="resync-error"]')).toBeNull();
    });
  },
};

/**
 * The integration refuses the resync: the card says why, inline under the card, and the status
 * goes back to what it was. `isc-resync` reports `ok: false` with the error.
 */
export const ResyncFails: Story = {
  render: (args) => card(args, resyncProvider('fails')),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const resyncs = collectResyncs(element);
    await userEvent.click(part(element, 'resync-button'));
    await waitFor(() => expect(shadow(element).querySelector('[part~="resync-error"]')).not.toBeNull());
    const error = part(element, 'resync-error');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(text(error)).toBe(`Resync failed: ${RESYNC_REFUSED}`);
    await expect(part(element, 'status')).toHaveAttribute('data-status', 'record_not_synced');
    await expect(text(part(element, 'status'))).toBe('Record not synced');
    await expect(part<HTMLButtonElement>(element, 'resync-button')).toBeEnabled();
    await waitFor(() => expect(resyncs).toHaveLength(1));
    await expect(resyncs[0].detail.ok).toBe(false);
    await expect((resyncs[0].detail.error as Error).message).toBe(RESYNC_REFUSED);
  },
};

/** The last sync attempts of company 43's NetSuite customer sync, newest first. */
function historyEntries(): SyncEvent[] {
  return [
    { at: fromNow(-10 * MINUTE), status: 'record_not_synced', direction: 'outbound', message: "Required field 'Subsidiary' is missing." },
    { at: fromNow(-3 * HOUR), status: 'record_not_synced', direction: 'outbound', message: "Required field 'Subsidiary' is missing." },
    { at: fromNow(-5 * DAY), status: 'up_to_date', direction: 'inbound', message: 'Credit limit updated in NetSuite.' },
    { at: fromNow(-6 * DAY), status: 'up_to_date', direction: 'outbound', message: null },
  ];
}

function historyProvider(history: (signal: AbortSignal) => Promise<SyncEvent[]>): SyncDataProvider {
  return {
    ...demoProvider(),
    getSyncHistory: (_record, syncId, { signal }) => (syncId === 'netsuite:customer' ? history(signal) : Promise.resolve([])),
  };
}

/**
 * "History" opens the recent sync attempts (loaded on first open): status, when, which way
 * (into the CRM or out to NetSuite) and the message. The button says whether it is open.
 */
export const History: Story = {
  render: (args) => {
    const entries = historyEntries();
    return card(
      args,
      historyProvider(async (signal) => {
        await delay(250, signal);
        return entries;
      }),
    );
  },
  play: async ({ canvasElement, step }) => {
    const element = await settledCard(canvasElement);
    const toggle = part<HTMLButtonElement>(element, 'history-toggle');
    const panel = () => shadow(element).getElementById(toggle.getAttribute('aria-controls')!)!;
    await step('the history is closed at first', async () => {
      await expect(text(toggle)).toBe('History');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(panel()).not.toBeVisible();
    });
    await step('opening it lists the attempts, newest first', async () => {
      await userEvent.click(toggle);
      // The history code loads on first use (a lazy chunk): waited for, not assumed.
      await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
      await waitFor(() => expect(parts(element, 'history-entry')).toHaveLength(4));
      await expect(part(element, 'history')).toBeVisible();
      const entries = parts(element, 'history-entry');
      await expect(entries.map((entry) => entry.dataset.status)).toEqual(['record_not_synced', 'record_not_synced', 'up_to_date', 'up_to_date']);
      await expect(text(entries[0])).toContain('Record not synced');
      await expect(text(entries[0])).toContain('10 minutes ago');
      await expect(text(entries[0])).toContain('To the external system');
      await expect(text(entries[0])).toContain("Required field 'Subsidiary' is missing.");
      await expect(text(entries[2])).toContain('Up to date');
      await expect(text(entries[2])).toContain('5 days ago');
      await expect(text(entries[2])).toContain('Into the CRM');
      await expect(text(entries[2])).toContain('Credit limit updated in NetSuite.');
      for (const entry of entries) await expect(entry.querySelector('time[datetime]')).not.toBeNull();
    });
    await step('closing it hides the list', async () => {
      await userEvent.click(toggle);
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(panel()).not.toBeVisible();
    });
  },
};

const HISTORY_DOWN = 'The sync history service did not answer (HTTP 503).';

/** The history could not be loaded: the reason shows in place of the list (closing and reopening retries). */
export const HistoryError: Story = {
  render: (args) =>
    card(
      args,
      historyProvider(async (signal) => {
        await delay(200, signal);
        throw new Error(HISTORY_DOWN);
      }),
    ),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const toggle = part(element, 'history-toggle');
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
    const panel = shadow(element).getElementById(toggle.getAttribute('aria-controls')!)!;
    await waitFor(() => expect(text(panel)).toBe(`The history could not be loaded: ${HISTORY_DOWN}`));
    await expect(panel.querySelector('[role="alert"]')).toBeVisible();
    await expect(parts(element, 'history-entry')).toHaveLength(0);
  },
};

/**
 * "Copy details" puts the error's message, code and record reference on the clipboard, for a
 * support ticket; the button says whether that worked. (Storybook's preview frame may not be
 * allowed to write the clipboard: then it says "Could not copy".)
 */
export const CopyDetails: Story = {
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const button = part(element, 'copy-button');
    await expect(text(button)).toBe('Copy details');
    await userEvent.click(button);
    await waitFor(() => expect(text(part(element, 'copy-button'))).not.toBe('Copy details'));
    await expect(['Copied', 'Could not copy']).toContain(text(part(element, 'copy-button')));
  },
};

function oneSyncRecords(sync: Partial<SyncStatusResponse['syncs'][number]>): Record<string, SyncStatusResponse> {
  return {
    'company:43': {
      integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
      syncs: [
        {
          id: 'netsuite:customer',
          integrationId: 'netsuite',
          label: 'NetSuite customer',
          status: 'up_to_date',
          syncedWith: { name: 'Globex Corporation (CUS-1187)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1187' },
          lastSyncedAt: fromNow(-10 * MINUTE),
          ...sync,
        },
      ],
    },
  };
}

/** The integration says when it syncs next (`nextSyncAt`): "Next sync in 5 minutes", beside the last update. */
export const NextSync: Story = {
  // A few seconds past 5 minutes, so the play's check does not race the minute boundary.
  render: (args) => card(args, createMemoryProvider(oneSyncRecords({ nextSyncAt: fromNow(5 * MINUTE + 10_000) }))),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(text(part(element, 'last-updated'))).toBe('10 minutes ago');
    await expect(text(part(element, 'next-sync'))).toBe('Next sync in 5 minutes');
  },
};

const SUBSIDIARIES = 60;
const MANY_STATUSES = ['up_to_date', 'up_to_date', 'up_to_date', 'in_progress', 'sync_disabled', 'record_excluded'];

/** A company synced to 60 NetSuite subsidiaries: one sync each, every one with its own label. */
function manyEntries(): Record<string, SyncStatusResponse> {
  const number = (i: number) => String(i + 1).padStart(2, '0');
  return {
    'company:43': {
      integrations: [{ id: 'netsuite', name: 'NetSuite OneWorld', state: 'active' }],
      syncs: Array.from({ length: SUBSIDIARIES }, (_, i) => ({
        id: `netsuite:subsidiary-${number(i)}`,
        integrationId: 'netsuite',
        label: `Customer in subsidiary ${number(i)}`,
        status: MANY_STATUSES[i % MANY_STATUSES.length],
        syncedWith: { name: `Globex Corporation (CUS-${1187 + i})`, url: `https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=${1187 + i}` },
        lastSyncedAt: fromNow(-(i + 1) * 7 * MINUTE),
        detail: { exclusionGroup: 'Dormant subsidiaries' },
      })),
    },
  };
}

/**
 * 60 sync entries: the card renders 25, then a "Show 25 more (35 hidden)" button adds 25 at a
 * time, so a record with thousands of syncs does not freeze the page.
 */
export const ManyEntries: Story = {
  render: (args) => card(args, createMemoryProvider(manyEntries())),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(parts(element, 'card')).toHaveLength(25);
    const more = part(element, 'show-more');
    await expect(text(more)).toBe('Show 25 more (35 hidden)');
    await userEvent.click(more);
    await waitFor(() => expect(parts(element, 'card')).toHaveLength(50));
    await expect(parts(element, 'card')[49]).toHaveAttribute('data-sync-id', 'netsuite:subsidiary-50');
    await expect(text(part(element, 'show-more'))).toBe('Show 10 more (10 hidden)');
  },
};

/** How long after subscribing the story's integration pushes its change. */
const PUSH_MS = 400;

/** The NetSuite status text each card showed after each of its loads, in order (read by the play function). */
const statusesShown = new WeakMap<Element, string[]>();

async function recordStatusShown(event: Event): Promise<void> {
  const element = event.target as IntegrationSyncCard;
  await element.updateComplete;
  const shown = statusesShown.get(element) ?? [];
  shown.push(text(part(element, 'status')));
  statusesShown.set(element, shown);
}

/**
 * A provider with `subscribe`: the integration pushes a change (here, the running sync
 * finishing) and the card re-fetches at once, with no polling.
 */
function liveProvider(): SyncDataProvider {
  const records = demoRecords();
  return {
    ...createMemoryProvider(records),
    subscribe(record, onChange) {
      const timer = setTimeout(() => {
        for (const sync of records[`${record.objectType}:${record.objectId}`]?.syncs ?? []) {
          if (sync.status !== 'in_progress') continue;
          sync.status = 'up_to_date';
          sync.lastSyncedAt = new Date().toISOString();
        }
        onChange();
      }, PUSH_MS);
      return () => clearTimeout(timer);
    },
  };
}

/**
 * Live updates through `provider.subscribe()`: company 45's NetSuite sync is running
 * ("Syncing"); the integration pushes its completion, and the card shows "Up to date".
 */
export const LiveUpdates: Story = {
  args: { objectId: '45' },
  render: (args) =>
    card(
      {
        ...args,
        onIscLoad: (event) => {
          args.onIscLoad?.(event);
          void recordStatusShown(event);
        },
      },
      liveProvider(),
    ),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    // The push comes 400 ms after the card subscribed, which on a busy machine may be before this
    // line runs: what the card showed after each load is recorded as it rendered, not read later.
    await waitFor(() => expect(text(part(element, 'status'))).toBe('Up to date'));
    await expect(statusesShown.get(element), 'Syncing first, then one re-fetch after the push (no polling)').toEqual(['Syncing', 'Up to date']);
    await expect(part(element, 'status')).toHaveAttribute('data-status', 'up_to_date');
    await expect(text(part(element, 'last-updated'))).toBe('now');
  },
};
