import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { card, part, parts, settledCard, shadow, text, type CardArgs } from './story-helpers.ts';

/**
 * The built-in REST provider: `endpoint="/api/sync-status"` and no `provider`. The route is the
 * demo API (`demo/api-middleware.js`) that `vite.config.ts` mounts on the dev server, so these
 * stories need `npm run storybook` (or the test runner, which mounts it too). A static
 * `storybook-static/` has no API behind it and shows the error state.
 */
const meta = {
  title: 'Scenarios/REST API',
  component: 'integration-sync-card',
  args: { objectType: 'company', objectId: '42', lang: 'en', endpoint: '/api/sync-status' },
  render: (args) => card(args, undefined),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** `GET /api/sync-status?objectType=company&objectId=42`, answered by the demo API. */
export const RestBacked: Story = {
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await expect(parts(element, 'card').map((c) => c.dataset.syncId)).toEqual(['netsuite:customer', 'dynamics365:account']);
    await expect(text(part(element, 'synced-with'))).toContain('Acme Corp (CUS-1042)');
    const requested = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname === '/api/sync-status');
    await expect(requested.map((url) => url.search)).toContain('?objectType=company&objectId=42');
  },
};

/** The demo API answers 503 for company 500: the error names the endpoint and the cause, and retrying fails again. */
export const RestServerError: Story = {
  args: { objectType: 'company', objectId: '500' },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const message = () => text(part(element, 'error'));
    await expect(message()).toMatch(/\/api\/sync-status failed: HTTP 503/);
    const failed = new Promise((resolve) => element.addEventListener('isc-error', resolve, { once: true }));
    await userEvent.click(within(shadow(element) as unknown as HTMLElement).getByRole('button', { name: 'Try again' }));
    await failed;
    await waitFor(() => expect(message()).toMatch(/HTTP 503/));
  },
};
