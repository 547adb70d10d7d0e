import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  card,
  demoProvider,
  flakyProvider,
  part,
  parts,
  pendingProvider,
  settledCard,
  shadow,
  text,
  type CardArgs,
} from './story-helpers.ts';

/** What the card shows before, instead of, or beside the sync cards. */
const meta = {
  title: 'Scenarios/States',
  component: 'integration-sync-card',
  args: { objectType: 'company', objectId: '42', lang: 'en' },
  render: (args) => card(args, demoProvider()),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** The first load is in flight (this provider never answers): a busy indicator, `aria-busy` on the host. */
export const Loading: Story = {
  render: (args) => card(args, pendingProvider()),
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('integration-sync-card')!;
    await waitFor(() => expect(shadow(element).querySelector('[part~="loading"]')).not.toBeNull());
    const loading = part(element, 'loading');
    await expect(loading).toHaveAttribute('role', 'status');
    await expect(text(loading)).toBe('Loading sync status…');
    await waitFor(() => expect(element).toHaveAttribute('aria-busy', 'true'));
  },
};

/**
 * The provider failed: the message and a "Try again" button. This provider fails once, so
 * the retry loads the data.
 */
export const ErrorWithRetry: Story = {
  render: (args) => card(args, flakyProvider('NetSuite did not answer in time (HTTP 503).')),
  play: async ({ canvasElement, step }) => {
    const element = await settledCard(canvasElement);
    await step('the failure is announced with its cause', async () => {
      const error = part(element, 'error');
      await expect(error).toHaveAttribute('role', 'alert');
      await expect(text(error)).toContain('The sync status could not be loaded.');
      await expect(text(error)).toContain('NetSuite did not answer in time (HTTP 503).');
    });
    await step('"Try again" loads the data', async () => {
      const loaded = new Promise((resolve) => element.addEventListener('isc-load', resolve, { once: true }));
      await userEvent.click(within(shadow(element) as unknown as HTMLElement).getByRole('button', { name: 'Try again' }));
      await loaded;
      await waitFor(() => expect(parts(element, 'card')).toHaveLength(2));
      await expect(shadow(element).querySelector('[part~="error"]')).toBeNull();
    });
  },
};

const EMPTY_TEXT = 'No sync information for this record.';

/** Empty: the element has a provider but no record (`object-id` missing). */
export const EmptyNoRecord: Story = {
  args: { objectType: 'company', objectId: undefined },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(text(part(element, 'empty'))).toBe(EMPTY_TEXT);
  },
};

/** Empty: a record but no provider, no `endpoint` and no page default, so no request is made. */
export const EmptyNoProvider: Story = {
  render: (args) => card(args, null),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(text(part(element, 'empty'))).toBe(EMPTY_TEXT);
  },
};

/** Empty: the integration is active but nothing is synced for this record (zero syncs). */
export const EmptyZeroSyncs: Story = {
  args: { objectType: 'company', objectId: '99' },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(text(part(element, 'empty'))).toBe(EMPTY_TEXT);
    await expect(parts(element, 'card')).toHaveLength(0);
  },
};

/**
 * NetSuite is connected but its extra features were never enabled: an "Enable extra features"
 * callout linking to its settings, above the Dynamics 365 sync that works normally.
 */
export const SetupRequired: Story = {
  args: { objectType: 'deal', objectId: '301' },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const setup = part(element, 'setup');
    await expect(text(setup)).toContain('NetSuite: Enable extra features');
    await expect(part(element, 'setup-link')).toHaveAttribute(
      'href',
      'https://app.example-crm.com/integrations/netsuite/settings',
    );
    await expect(parts(element, 'card').map((c) => c.dataset.syncId)).toEqual(['dynamics365:opportunity']);
    const navigations: CustomEvent[] = [];
    element.addEventListener('isc-navigate', (event) => navigations.push(event), { once: true });
    await userEvent.click(part(element, 'setup-link'));
    await expect(navigations[0]?.detail).toEqual({
      url: 'https://app.example-crm.com/integrations/netsuite/settings',
      kind: 'settings',
      syncId: null,
    });
    part(element, 'setup-link').blur();
  },
};

/** Only the callout: an integration that needs setup and no syncs is not the empty state. */
export const SetupRequiredOnly: Story = {
  args: { objectType: 'deal', objectId: '302' },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(parts(element, 'setup')).toHaveLength(1);
    await expect(shadow(element).querySelector('[part~="empty"]')).toBeNull();
  },
};
