import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { createMemoryProvider, type SyncStatusResponse } from '../src/index.ts';
import {
  card,
  demoProvider,
  expectTooltipShown,
  part,
  parts,
  settledCard,
  shadow,
  text,
  tooltipOf,
  type CardArgs,
} from './story-helpers.ts';

/** How the card fits where it lives: narrow sidebars, long content, dark pages, other languages. */
const meta = {
  title: 'Scenarios/Layout, theme and language',
  component: 'integration-sync-card',
  args: { objectType: 'company', objectId: '42', lang: 'en' },
  render: (args) => card(args, demoProvider()),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** Fails when any part of the card is wider than the card (text must wrap, not overflow). */
async function expectNoHorizontalOverflow(element: HTMLElement): Promise<void> {
  const { left, right } = element.getBoundingClientRect();
  for (const box of shadow(element).querySelectorAll<HTMLElement>('[part]:not([part~="tooltip"]), dd, dt')) {
    const name = box.getAttribute('part') ?? box.localName;
    // scrollWidth/clientWidth mean something for block boxes only (an inline box's clientWidth
    // is 0; its scrollWidth is 0 in Chromium, its text width in Firefox): an inline box is
    // checked line by line instead, each of its fragments inside the card.
    if (getComputedStyle(box).display !== 'inline') {
      await expect(box.scrollWidth, `${name} overflows`).toBeLessThanOrEqual(box.clientWidth + 1);
    }
    for (const line of box.getClientRects()) {
      await expect(line.left, `${name} sticks out on the left`).toBeGreaterThanOrEqual(left - 1);
      await expect(line.right, `${name} sticks out on the right`).toBeLessThanOrEqual(right + 1);
    }
  }
}

const longName =
  'Internationale Handelsgesellschaft für Spezialmaschinenbau und Industrieautomation mbH & Co. KG — Niederlassung Süd (CUS-0000104217)';
const longToken = 'ACME_GLOBAL_HOLDINGS_INTERNATIONAL_SUBSIDIARY_EMEA_NORTH_WEST_0000104217';
const longError =
  "NetSuite rejected the record: Required field 'Subsidiary' is missing, the value 'Internationale Handelsgesellschaft für Spezialmaschinenbau' " +
  "exceeds the maximum length of 83 characters for field 'companyname', and the address line 'Industriestraße 1234, Gebäude C, 3. Obergeschoss, " +
  `Raum 301' could not be validated. Reference ${longToken}. Fix the record in the CRM, then wait for the next sync or ask an administrator to re-run it.`;

const longRecords: Record<string, SyncStatusResponse> = {
  'company:1': {
    integrations: [{ id: 'netsuite', name: 'NetSuite OneWorld (Production, EMEA subsidiaries)', state: 'active' }],
    syncs: [
      {
        id: 'netsuite:customer',
        integrationId: 'netsuite',
        label: 'NetSuite customer, including subsidiaries and parent-child hierarchy',
        status: 'record_not_synced',
        syncedWith: { name: longName, url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=104217' },
        lastSyncedAt: new Date(Date.now() - 26 * 60 * 60_000).toISOString(),
        detail: { message: longError, url: 'https://app.example-crm.com/integrations/netsuite/sync-health' },
      },
      {
        id: 'netsuite:contact',
        integrationId: 'netsuite',
        label: longToken,
        status: 'up_to_date',
        syncedWith: { name: longToken, url: null },
        lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      },
    ],
  },
};

const width = (px: number): Decorator<CardArgs> => (story) => html`<div style="width: ${px}px">${story()}</div>`;

/**
 * Long record names, labels, unbroken tokens and a long error message in a 320 px column:
 * everything wraps inside the card, and the tooltip stays within the viewport.
 */
export const LongContent: Story = {
  args: { objectType: 'company', objectId: '1' },
  decorators: [width(320)],
  render: (args) => card(args, createMemoryProvider(longRecords)),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(text(part(element, 'synced-with'))).toContain(longName);
    await expectNoHorizontalOverflow(element);
    const pill = part(element, 'status');
    const tooltip = tooltipOf(pill);
    await userEvent.hover(pill);
    await expectTooltipShown(tooltip);
    await expect(text(tooltip)).toContain(longToken);
    const box = tooltip.getBoundingClientRect();
    await expect(box.width).toBeLessThanOrEqual(281);
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    await userEvent.unhover(pill);
  },
};

/** In a 280 px CRM sidebar, each label sits above its value. */
export const NarrowSidebar: Story = {
  decorators: [
    (story) =>
      html`<aside aria-label="Record sidebar" style="width: 280px; padding: 0; border-inline-start: 1px solid #d9dee4">
        ${story()}
      </aside>`,
  ],
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(Math.round(element.getBoundingClientRect().width)).toBeLessThanOrEqual(280);
    await expect(parts(element, 'card')).toHaveLength(2);
    const row = shadow(element).querySelector('dl > div')!;
    const label = row.querySelector('dt')!.getBoundingClientRect();
    const value = row.querySelector('dd')!.getBoundingClientRect();
    await expect(value.top).toBeGreaterThanOrEqual(label.bottom - 1);
    await expectNoHorizontalOverflow(element);
  },
};

/**
 * The card on a dark page, with `theme="dark"`: the element's own dark palette, whatever the
 * user's `prefers-color-scheme` (`theme="auto"`, the default, follows it; `theme="light"`
 * stays light). The decorator only darkens the page around the card.
 */
export const DarkTheme: Story = {
  args: { objectType: 'company', objectId: '43' },
  parameters: { colorScheme: 'dark' },
  decorators: [
    (story) =>
      html`<div style="color-scheme: dark; background: #0f1419; color: #e6eaee; padding: 24px; border-radius: 8px">${story()}</div>`,
  ],
  render: (args) => card(args, demoProvider(), { theme: 'dark' }),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(element).toHaveAttribute('theme', 'dark');
    const luminance = (color: string) => {
      const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    await expect(luminance(getComputedStyle(part(element, 'card')).backgroundColor)).toBeLessThan(0.25);
    await expect(luminance(getComputedStyle(part(element, 'integration-name')).color)).toBeGreaterThan(0.75);
    const pill = part(element, 'status');
    const tooltip = tooltipOf(pill);
    await userEvent.hover(pill);
    await expectTooltipShown(tooltip);
    await userEvent.unhover(pill);
  },
};

/** `lang="fr"`: the CRM's French labels, French relative dates and tooltips. */
export const French: Story = {
  args: { objectType: 'company', objectId: '43', lang: 'fr' },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect([...shadow(element).querySelectorAll('dt')].map(text)).toEqual([
      'Synchronisation avec',
      'Statut',
      'Dernière mise à jour',
    ]);
    const pill = part(element, 'status');
    await expect(text(pill)).toBe("Fiche d'informations non synchronisée");
    await expect(text(part(element, 'last-updated'))).toMatch(/^il y a \d+ jours$/);
    const tooltip = tooltipOf(pill);
    await userEvent.hover(pill);
    await expectTooltipShown(tooltip);
    await expect(text(tooltip)).toContain("La fiche d'informations n'est pas synchronisée en raison d'une erreur.");
    await userEvent.unhover(pill);
  },
};
