// src/components/live-controller.ts: one provider.subscribe() per card on the page.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { type IntegrationSyncCard, type RecordRef, type SyncDataProvider } from '../../src/index.ts';
import { controllableProvider, oneSync, part, renderCard } from '../helpers.ts';

/** A provider whose subscriptions are counted. */
function countingSubscriptions(base: SyncDataProvider) {
  const state = { active: 0, total: 0 };
  const provider: SyncDataProvider = {
    ...base,
    subscribe() {
      state.active++;
      state.total++;
      return () => state.active--;
    },
  };
  return { provider, state };
}

describe('LiveController: provider.subscribe() while the card is on the page', () => {
  it('follows provider.subscribe(): re-fetches on change, unsubscribes on record change and disconnect', async () => {
    const { provider, calls } = controllableProvider();
    const subscriptions: { record: RecordRef; onChange: () => void; active: boolean }[] = [];
    const live: SyncDataProvider = {
      ...provider,
      subscribe(record, onChange) {
        const subscription = { record, onChange, active: true };
        subscriptions.push(subscription);
        return () => (subscription.active = false);
      },
    };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${live}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].resolve(oneSync({ status: 'record_not_synced' }));
    await oneEvent(card, 'isc-load');
    expect(subscriptions).to.have.length(1);
    subscriptions[0].onChange();
    await waitUntil(() => calls.length === 2, 'a change re-fetches');
    calls[1].resolve(oneSync({ status: 'up_to_date' }));
    await waitUntil(() => part(card, 'status')?.dataset.status === 'up_to_date');
    card.objectId = '2';
    await waitUntil(() => subscriptions.length === 2);
    expect(subscriptions[0].active, 'old record unsubscribed').to.equal(false);
    expect(subscriptions[1].record.objectId).to.equal('2');
    card.remove();
    expect(subscriptions[1].active, 'unsubscribed on disconnect').to.equal(false);
  });

  it('a card removed while loading does not subscribe again when its aborted load settles', async () => {
    const { provider, state } = countingSubscriptions({ getSyncStatus: (_r, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    await waitUntil(() => state.active === 1);
    card.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.active, 'no subscription left').to.equal(0);
  });

  it('a card moved on the page keeps its live subscription', async () => {
    const { provider, state } = countingSubscriptions({ getSyncStatus: async () => oneSync() });
    const root = await fixture<HTMLElement>(html`<div><section id="a"><integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card></section><section id="b"></section></div>`);
    const card = root.querySelector<IntegrationSyncCard>('integration-sync-card')!;
    await waitUntil(() => state.active === 1);
    root.querySelector('#b')!.append(card);
    await waitUntil(() => state.active === 1 && state.total === 2, 'subscribed again after the move');
    card.remove();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.active).to.equal(0);
  });
});
