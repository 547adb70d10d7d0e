// src/components/status-announcer.ts: status changes spoken through a polite live region, one summary
// when many cards change at once.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createMemoryProvider, type IntegrationSyncCard, type SyncDataProvider, type SyncStatusResponse } from '../../src/index.ts';
import { controllableProvider, oneSync, part, renderCard, text } from '../helpers.ts';

describe('status announcements (polite live region)', () => {
  it('announces status changes after the first load through a polite live region that exists from the start', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    const region = card.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(region, 'live region present while loading').to.not.equal(null);
    calls[0].resolve(oneSync({ status: 'record_not_synced' }));
    await oneEvent(card, 'isc-load');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(text(region), 'the first load is not announced').to.equal('');
    const refreshed = card.refresh();
    await waitUntil(() => calls.length === 2);
    calls[1].resolve(oneSync({ status: 'up_to_date' }));
    await refreshed;
    await waitUntil(() => text(region) !== '', 'change not announced');
    expect(card.shadowRoot!.querySelector('[aria-live="polite"]'), 'the same region').to.equal(region);
    expect(text(region)).to.equal('NetSuite customer: Up to date');
  });

  it('does not flood: many cards changing at once make one summary announcement', async () => {
    const records: Record<string, SyncStatusResponse> = {};
    for (let i = 0; i < 20; i++) records[`company:${i}`] = oneSync({ status: 'record_not_synced' });
    const store = createMemoryProvider(records);
    let current = 'record_not_synced';
    const provider: SyncDataProvider = { getSyncStatus: async (record, options) => ({ ...(await store.getSyncStatus(record, options)), syncs: [{ ...records[`company:${record.objectId}`].syncs[0], status: current }] }) };
    const root = await fixture<HTMLElement>(html`<div>${Array.from({ length: 20 }, (_, i) => html`<integration-sync-card lang="en" object-type="company" object-id=${i} .provider=${provider}></integration-sync-card>`)}</div>`);
    const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
    await waitUntil(() => cards.every((card) => part(card, 'card')));
    current = 'up_to_date';
    await Promise.all(cards.map((card) => card.refresh()));
    await new Promise((resolve) => setTimeout(resolve, 700));
    const spoken = cards.map((card) => text(card.shadowRoot!.querySelector('[aria-live="polite"]'))).filter(Boolean);
    expect(spoken).to.deep.equal(['Sync status changed on 20 records.']);
  });
});
