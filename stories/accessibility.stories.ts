import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { demoRecords } from '../demo/demo-data.js';
import { createMemoryProvider, type IntegrationSyncCard, type SyncDataProvider, type SyncStatusResponse } from '../src/index.ts';
import {
  card,
  demoProvider,
  expectTooltipHidden,
  expectTooltipShown,
  part,
  parts,
  settledCard,
  shadow,
  STATUS_OVERVIEW,
  statusOverviewRecords,
  text,
  tooltipOf,
  type CardArgs,
} from './story-helpers.ts';

/**
 * How the card works for people who read right to left, use a high-contrast theme, use only a
 * keyboard, or use a screen reader.
 */
const meta = {
  title: 'Scenarios/Accessibility',
  component: 'integration-sync-card',
  args: { objectType: 'company', objectId: '42', lang: 'en' },
  render: (args) => card(args, demoProvider()),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/**
 * Hebrew on a right-to-left page (`<div dir="rtl" lang="he">`): the card mirrors, labels start
 * on the right, and the built-in Hebrew translation (loaded on demand) labels everything.
 */
export const RightToLeft: Story = {
  args: { lang: 'he' },
  decorators: [(story) => html`<div dir="rtl" lang="he">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    // Hebrew is a chunk of its own: wait for it rather than for one update.
    await waitFor(() =>
      expect([...shadow(element).querySelectorAll('dt')].slice(0, 3).map(text)).toEqual(['מסונכרן עם', 'סטטוס', 'עדכון אחרון']),
    );
    const section = part(element, 'card');
    await expect(getComputedStyle(section).direction).toBe('rtl');
    const box = section.getBoundingClientRect();
    const label = shadow(element).querySelector('dt')!.getBoundingClientRect();
    await expect(box.right - label.right).toBeLessThan(box.width / 4);
    await expect(text(part(element, 'status'))).toBe('מעודכן');
  },
};

/**
 * Every status, as Windows high-contrast (forced colors) users see them: the pills keep a
 * border and their icon, so the status never depends on colour alone.
 *
 * A story cannot turn forced colors on. To see it: open DevTools → ⋮ → More tools →
 * **Rendering**, and set **Emulate CSS media feature forced-colors** to `active` (or use a
 * Windows contrast theme). The play function checks the statuses render, and, when forced
 * colors are active, that each pill has a solid border.
 */
export const ForcedColors: Story = {
  args: { objectId: '700' },
  render: (args) => card(args, createMemoryProvider(statusOverviewRecords())),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const pills = parts(element, 'status');
    await expect(pills.map((pill) => pill.dataset.status)).toEqual(STATUS_OVERVIEW.map(({ status }) => status));
    await expect(pills.map(text)).toEqual(STATUS_OVERVIEW.map(({ label }) => label));
    for (const pill of pills) await expect(pill.querySelector('svg')).not.toBeNull();
    if (matchMedia('(forced-colors: active)').matches) {
      for (const pill of pills) await expect(getComputedStyle(pill).borderTopStyle).toBe('solid');
    }
  },
};

/** The demo data plus resync and history, so the keyboard path has every kind of control. */
function keyboardProvider(): SyncDataProvider {
  return {
    ...demoProvider(),
    resync: () => Promise.resolve(),
    getSyncHistory: () => Promise.resolve([]),
  };
}

/**
 * Everything works from the keyboard. Tab goes, per card: the "Synced with" link → the status
 * (focus shows its explanation, like hover; Escape hides it) → "Resync" → "History", then the
 * next card. A "Record not synced" status is a link (Enter opens the sync status page) and is
 * followed by "Copy details". Every stop shows a focus ring.
 */
export const KeyboardOnly: Story = {
  render: (args) => card(args, keyboardProvider()),
  play: async ({ canvasElement, step }) => {
    const element = await settledCard(canvasElement);
    await step('the tab stops, in reading order', async () => {
      const stops = [...shadow(element).querySelectorAll('a[href], button, [tabindex="0"]')].map((stop) => stop.getAttribute('part'));
      await expect(stops).toEqual([
        'synced-with-link',
        'status',
        'resync-button',
        'history-toggle',
        'synced-with-link',
        'status',
        'resync-button',
        'history-toggle',
      ]);
    });
    await step('focusing the status shows its tooltip; Escape hides it', async () => {
      // NOTE: user-event's Tab does not walk into shadow roots: focus the status as a Tab press
      // would (it has tabindex="0").
      const pill = part(element, 'status');
      const tooltip = tooltipOf(pill);
      await expect(pill).toHaveAttribute('tabindex', '0');
      pill.focus();
      await expect(shadow(element).activeElement).toBe(pill);
      await expectTooltipShown(tooltip);
      await expect(pill.getAttribute('aria-describedby')).toBe(tooltip.id);
      await expect(text(tooltip)).toContain('The record is synced correctly.');
      await userEvent.keyboard('{Escape}');
      await expectTooltipHidden(tooltip);
      await expect(shadow(element).activeElement).toBe(pill);
      pill.blur();
    });
  },
};

/**
 * A provider for company 43 whose status changes on every refresh: "Record not synced", then
 * "Up to date", then back.
 */
function alternatingProvider(): SyncDataProvider {
  const failing = demoRecords()['company:43'] as SyncStatusResponse;
  let loads = 0;
  return {
    async getSyncStatus(record) {
      if (`${record.objectType}:${record.objectId}` !== 'company:43') return { integrations: [], syncs: [] };
      loads += 1;
      const response = structuredClone(failing);
      if (loads % 2 === 0) {
        Object.assign(response.syncs[0], { status: 'up_to_date', lastSyncedAt: new Date().toISOString(), detail: null });
      }
      return response;
    },
  };
}

/**
 * Screen readers hear status changes: after the first load, a change is spoken through the
 * card's polite live region ("NetSuite customer: Up to date"). The first load is not announced.
 * Use "Refresh" (it calls `card.refresh()`; the status alternates) with a screen reader on.
 */
export const StatusAnnouncements: Story = {
  args: { objectId: '43' },
  render: (args) => {
    const refresh = (event: Event) =>
      void ((event.currentTarget as HTMLElement).parentElement!.querySelector('integration-sync-card') as IntegrationSyncCard).refresh();
    return html`<div>
      ${card(args, alternatingProvider())}
      <button type="button" style="margin-top: 12px" @click=${refresh}>Refresh</button>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const region = shadow(element).querySelector('[aria-live="polite"]')!;
    await expect(region).not.toBeNull();
    await expect(text(part(element, 'status'))).toBe('Record not synced');
    await expect(text(region)).toBe('');
    await element.refresh();
    await expect(text(part(element, 'status'))).toBe('Up to date');
    await waitFor(() => expect(text(region)).toBe('NetSuite customer: Up to date'));
    await expect(shadow(element).querySelector('[aria-live="polite"]')).toBe(region);
  },
};
