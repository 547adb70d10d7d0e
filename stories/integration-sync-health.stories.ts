import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { healthElement, healthPage, hpart, hparts, htext, memoryHealthProvider, stuckHealthProvider, type HealthArgs } from './health-story-data.ts';

/**
 * `<integration-sync-health>`: every record of a portal that needs attention (contract §15).
 * The stories use a provider in memory (`stories/health-story-data.ts`); a page uses
 * `endpoint` (the card's) or `createRestHealthProvider({ endpoint, token })`.
 */
const meta = {
  title: 'Health page/integration-sync-health',
  component: 'integration-sync-health',
  args: { lang: 'en' },
  render: (args) => healthPage(args, memoryHealthProvider(60)),
} satisfies Meta<HealthArgs>;

export default meta;
type Story = StoryObj<HealthArgs>;

const rendered = async (canvas: HTMLElement, part = 'row') => {
  const element = healthElement(canvas);
  await waitFor(() => expect(hpart(element, part)).toBeTruthy());
  return element;
};

/** Nothing needs attention: the counts per status, and the empty message. */
export const SummaryOnly: Story = {
  render: (args) => healthPage(args, memoryHealthProvider(0)),
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement, 'empty');
    await expect(htext(hpart(element, 'empty'))).toBe('No record needs attention.');
    await expect(hpart(element, 'table')).toBeNull();
  },
};

/** Counts first, then the errors grouped by type with their fix; choosing a group filters the table. */
export const Groups: Story = {
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    await expect(hparts(element, 'count').map((count) => count.dataset.status)).toEqual(['up_to_date', 'record_not_synced', 'partially_synced']);
    const group = hparts(element, 'group').find((g) => g.dataset.code === 'E_RATE_LIMIT')!;
    await userEvent.click(group.querySelector('button')!);
    await waitFor(() => expect(hparts(element, 'row').every((row) => htext(row).includes('E_RATE_LIMIT'))).toBe(true));
  },
};

/** 200 rows a page; "Load more" adds the next ones under them, the total stays shown. */
export const LongTable: Story = {
  args: { pageSize: 200 },
  render: (args) => healthPage(args, memoryHealthProvider(500)),
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    await expect(hparts(element, 'row')).toHaveLength(200);
    await userEvent.click(hpart(element, 'load-more')!);
    await waitFor(() => expect(hparts(element, 'row')).toHaveLength(400));
    await expect(htext(element.shadowRoot!.querySelector('.shown'))).toBe('400 of 450 shown');
  },
};

/** The page selected: "Select all 45" offers the whole filter; one request resyncs it. */
export const Selection: Story = {
  args: { pageSize: 20 },
  render: (args) => healthPage(args, memoryHealthProvider(50)),
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    await userEvent.click(hpart(element, 'select-all')!);
    await waitFor(() => expect(htext(hpart(element, 'select-all-matching'))).toBe('Select all 45'));
    await expect(htext(element.shadowRoot!.querySelector('.selection-count'))).toBe('20 selected');
  },
};

/** Live changes wait in "updates" until chosen: no row moves meanwhile. */
export const UpdatesPending: Story = {
  render: (args) => {
    const provider = memoryHealthProvider(30);
    setTimeout(() => provider.change(3), 300);
    return healthPage(args, provider);
  },
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    await waitFor(() => expect(htext(hpart(element, 'updates'))).toBe('3 records changed — Show'));
  },
};

/** The first load in flight. */
export const Loading: Story = {
  render: (args) => healthPage(args, stuckHealthProvider()),
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement, 'loading');
    await expect(element.getAttribute('aria-busy')).toBe('true');
  },
};

/** A failed load that will not pass by itself: the message and Retry. */
export const Error: Story = {
  render: (args) => healthPage(args, stuckHealthProvider('The ledger is not reachable.')),
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement, 'error');
    await expect(htext(hpart(element, 'error'))).toContain('The ledger is not reachable.');
    await expect(hpart(element, 'retry-button')).toBeTruthy();
  },
};

/** Records exist, but none matches the filter. */
export const Empty: Story = {
  render: (args) => {
    const page = healthPage(args, memoryHealthProvider(9));
    return page;
  },
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement, 'row');
    hpart(element, 'search')!.focus();
    await userEvent.type(hpart(element, 'search')!, 'nothing like this');
    await waitFor(() => expect(hpart(element, 'empty')).toBeTruthy());
    await expect(hpart(element, 'filters')).toBeTruthy();
  },
};

export const French: Story = {
  args: { lang: 'fr' },
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    await waitFor(() => expect(htext(hpart(element, 'resync-selected'))).toBe('Resynchroniser la sélection'));
    await expect(htext(element.shadowRoot!.querySelector('thead'))).toContain('Dernière tentative');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' }, colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    await expect(getComputedStyle(element).colorScheme).toBe('dark');
  },
};

/** A phone-wide page: the table scrolls inside its own box, nothing leaves the page. */
export const Narrow360: Story = {
  args: { width: '360px' },
  play: async ({ canvasElement }) => {
    const element = await rendered(canvasElement);
    const box = element.shadowRoot!.querySelector<HTMLElement>('.table-box')!;
    await expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    await expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(360);
  },
};
