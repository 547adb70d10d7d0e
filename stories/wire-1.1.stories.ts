import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { demoHistory, demoRecords } from '../demo/demo-data.js';
import { createMemoryProvider, type SyncDataProvider, type SyncStatusResponse } from '../src/index.ts';
import { card, fromNow, part, parts, settledCard, shadow, text, type CardArgs } from './story-helpers.ts';

/** One sync of the worst-day record (company 46), on its own. */
function oneOf(syncId: string): SyncStatusResponse {
  const record = demoRecords()['company:46'] as unknown as SyncStatusResponse;
  return { integrations: record.integrations, syncs: record.syncs.filter((sync) => sync.id === syncId) };
}

/** The demo records, with a history that says who and what started each sync. */
function provider(records: Record<string, SyncStatusResponse> = demoRecords() as unknown as Record<string, SyncStatusResponse>): SyncDataProvider {
  return {
    ...createMemoryProvider(records),
    getSyncHistory: async (record, syncId) => {
      const sync = records[`${record.objectType}:${record.objectId}`]?.syncs.find((entry) => entry.id === syncId);
      return sync ? demoHistory(sync as never) : [];
    },
  };
}

/** Waits for the 1.1 parts, which load on demand with the first card that has them. */
async function withParts(canvasElement: HTMLElement, name = 'category') {
  const element = await settledCard(canvasElement);
  await waitFor(() => expect(part(element, name)).not.toBeNull());
  return element;
}

/**
 * Wire format 1.1: which fields failed, why, what to do and what happens next. Every part is
 * optional; a version-1 response renders as before.
 */
const meta = {
  title: 'Wire format 1.1',
  component: 'integration-sync-card',
  args: { objectType: 'company', objectId: '46', lang: 'en' },
  render: (args) => html`<div style="max-width: 420px">${card(args, provider())}</div>`,
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** The "worst day": a failure that needs a fix, one where retrying helps, a partial sync out of retries, an exclusion with its rule. */
export const WorstDay: Story = {
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement);
    await waitFor(() => expect(parts(element, 'category')).toHaveLength(3));
    await expect(parts(element, 'category').map(text)).toEqual(['Needs a fix', 'Retrying may help', 'Needs a fix']);
    await expect(parts(element, 'retry-plan').map(text)).toEqual([
      'Attempt 4 of 10 · next retry in 12 minutes',
      'Attempt 2 of 10 · next retry in 20 minutes',
      'No more automatic retries',
    ]);
    await expect(parts(element, 'fields-toggle').map(text)).toEqual(['Fields (7)', 'Fields (5)']);
  },
};

/** The same record wide: the fields view lines its values up in columns. */
export const WorstDayWide: Story = {
  render: (args) => html`<div style="max-width: 760px">${card(args, provider())}</div>`,
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement, 'fields-toggle');
    for (const toggle of parts(element, 'fields-toggle')) await userEvent.click(toggle);
    await waitFor(() => expect(parts(element, 'fields')).toHaveLength(2));
  },
};

/** "Needs a fix" or "Retrying may help", with the kind of failure beside it (never colour alone). */
export const Category: Story = {
  render: (args) => card(args, provider({ 'company:46': { ...oneOf('netsuite:project'), syncs: [...oneOf('netsuite:project').syncs, ...oneOf('netsuite:customer').syncs] } })),
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement);
    await waitFor(() => expect(parts(element, 'category')).toHaveLength(2));
    const [retry, fix] = parts(element, 'category');
    await expect(text(retry)).toBe('Retrying may help');
    await expect(retry).toHaveAttribute('data-retryable', 'true');
    await expect(text(fix)).toBe('Needs a fix');
    await expect(fix).toHaveAttribute('data-category', 'missing_data');
  },
};

/** What to do, with a link to where to do it. */
export const Fix: Story = {
  render: (args) => card(args, provider({ 'company:46': oneOf('netsuite:customer') })),
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement, 'fix');
    await expect(text(part(element, 'fix'))).toContain("Set the company's Subsidiary");
    await expect(part(element, 'fix-link')).toHaveAttribute('href', 'https://app.example-crm.com/integrations/netsuite/field-mappings#subsidiary');
  },
};

/** The integration's own retry plan: the next attempt, no time yet, or no more attempts. */
export const RetryPlan: Story = {
  render: (args) =>
    card(
      args,
      provider({
        'company:46': {
          integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
          syncs: [
            { id: 'netsuite:customer', integrationId: 'netsuite', label: 'NetSuite customer', status: 'record_not_synced', detail: { category: 'connection', retry: { attempt: 4, maxAttempts: 10, nextAt: fromNow(12 * 60_000 + 20_000) } } },
            { id: 'netsuite:contact', integrationId: 'netsuite', label: 'NetSuite contact', status: 'record_not_synced', detail: { category: 'connection', retry: { attempt: 4, maxAttempts: 10 } } },
            { id: 'netsuite:vendor', integrationId: 'netsuite', label: 'NetSuite vendor', status: 'record_not_synced', detail: { category: 'connection', retry: { attempt: 10, maxAttempts: 10 } } },
          ],
        },
      }),
    ),
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement, 'retry-plan');
    await waitFor(() => expect(parts(element, 'retry-plan')).toHaveLength(3));
    await expect(parts(element, 'retry-plan').map(text)).toEqual(['Attempt 4 of 10 · next retry in 12 minutes', 'Attempt 4 of 10', 'No more automatic retries']);
  },
};

/** "Fields (N)" opens the CRM and external values side by side, with each field's status, direction and message. */
export const Fields: Story = {
  render: (args) => card(args, provider({ 'company:46': oneOf('netsuite:customer') })),
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement, 'fields-toggle');
    const toggle = part(element, 'fields-toggle');
    await userEvent.click(toggle);
    await waitFor(() => expect(part(element, 'fields')).not.toBeNull());
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(shadow(element).querySelectorAll('[part~="field"]')).toHaveLength(7);
  },
};

/** 200 fields, the most a card shows, a few of them differing. */
export const FieldsAtScale: Story = {
  args: { objectId: '47' },
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement, 'fields-toggle');
    await userEvent.click(part(element, 'fields-toggle'));
    await waitFor(() => expect(shadow(element).querySelectorAll('[part~="field"]')).toHaveLength(200));
  },
};

/** Some fields synced, others failed: warning tone, its own icon, how many failed in the explanation. */
export const PartiallySynced: Story = {
  args: { objectType: 'contact', objectId: '11' },
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const status = part(element, 'status');
    await expect(text(status)).toBe('Partially synced');
    await expect(status).toHaveAttribute('data-tone', 'warning');
    const tooltip = shadow(element).getElementById(status.getAttribute('aria-describedby')!)!;
    await expect(text(tooltip)).toContain('1 field could not be synced.');
  },
};

/** Why the record is excluded: the rule, in the excluded status's explanation. */
export const ExclusionReason: Story = {
  render: (args) => card(args, provider({ 'company:46': oneOf('netsuite:vendor') })),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    const status = part(element, 'status');
    const tooltip = shadow(element).getElementById(status.getAttribute('aria-describedby')!)!;
    await expect(text(tooltip)).toContain("Reason: Company type is 'Customer'");
  },
};

/** The history says what started each sync (a schedule, a record change, a person, the API) and who asked. */
export const HistoryTriggers: Story = {
  render: (args) => card(args, provider({ 'company:46': oneOf('netsuite:customer') })),
  play: async ({ canvasElement }) => {
    const element = await settledCard(canvasElement);
    await userEvent.click(part(element, 'history-toggle'));
    await waitFor(() => expect(shadow(element).querySelectorAll('.history-trigger')).toHaveLength(4));
    await expect([...shadow(element).querySelectorAll('.history-trigger')].map(text)).toEqual([
      'Record changed',
      'Manual · by Jane Cooper',
      'API · by ERP bridge (API key …4f2a)',
      'Scheduled',
    ]);
  },
};

/** The worst day in French. */
export const WorstDayFrench: Story = {
  args: { lang: 'fr' },
  play: async ({ canvasElement }) => {
    const element = await withParts(canvasElement);
    await waitFor(() => expect(text(part(element, 'category'))).toBe('Correction nécessaire'));
    await expect(text(part(element, 'retry-plan'))).toBe('Tentative 4 sur 10 · prochaine tentative dans 12 minutes');
  },
};
