import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createRestProvider, type IntegrationSyncCard, type RecordRef, type SyncDataProvider } from '../../src/index.ts';
import { oneSync, part, renderCard, text } from '../helpers.ts';

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

describe('lifecycle: cards removed, moved and retried', () => {
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

  it('a resync survives a move: it completes, reports, and the button comes back', async () => {
    let finish!: () => void;
    const provider: SyncDataProvider = {
      getSyncStatus: async () => oneSync({ status: 'record_not_synced' }),
      resync: () => new Promise<void>((resolve) => (finish = resolve)),
    };
    const root = await fixture<HTMLElement>(html`<div><integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card><p></p></div>`);
    const card = root.querySelector<IntegrationSyncCard>('integration-sync-card')!;
    await waitUntil(() => part(card, 'resync-button'));
    part(card, 'resync-button')!.click();
    await waitUntil(() => (part(card, 'resync-button') as HTMLButtonElement).disabled);
    root.querySelector('p')!.append(card);
    const done = oneEvent(card, 'isc-resync');
    finish();
    expect((await done).detail.ok).to.equal(true);
    await waitUntil(() => !(part(card, 'resync-button') as HTMLButtonElement).disabled, 'the button came back');
  });

  it('fires isc-error again when a retry fails with the very same Error object', async () => {
    const failure = new Error('always the same');
    let calls = 0;
    const provider = { getSyncStatus: () => (calls++, Promise.reject(failure)) };
    const errors: Event[] = [];
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider} @isc-error=${(event: Event) => errors.push(event)}></integration-sync-card>`, { waitFor: 'isc-error' });
    const again = oneEvent(card, 'isc-error');
    part(card, 'retry-button')!.click();
    await again;
    expect(calls).to.equal(2);
    expect(errors).to.have.length(2);
  });

  it('keeps the same alert on screen while a retry runs (no flash to loading, no second announcement)', async () => {
    const calls: { reject: (error: Error) => void }[] = [];
    const provider = { getSyncStatus: () => new Promise<never>((_, reject) => calls.push({ reject })) };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].reject(new Error('down'));
    await oneEvent(card, 'isc-error');
    const alert = part(card, 'error')!;
    part(card, 'retry-button')!.click();
    await waitUntil(() => calls.length === 2);
    await card.updateComplete;
    expect(part(card, 'loading')).to.equal(null);
    expect(part(card, 'error'), 'the same node').to.equal(alert);
    expect((part(card, 'retry-button') as HTMLButtonElement).disabled, 'retry disabled while it runs').to.equal(true);
    calls[1].reject(new Error('still down'));
    await oneEvent(card, 'isc-error');
    expect(text(part(card, 'error'))).to.contain('still down');
  });

  it('a response that is an array is an error, also for a second card on the same record (nothing cached)', async () => {
    const provider = createRestProvider({ endpoint: `${location.origin}/test-api/array` });
    const first = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="arr" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
    expect(text(part(first, 'error'))).to.contain('array');
    const second = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="arr" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
    expect(text(part(second, 'error'))).to.contain('array');
  });

  it('re-fetches when the record changes back, showing the cached answer meanwhile (contract §1)', async () => {
    const seen: string[] = [];
    const base = createRestProvider({ endpoint: `${location.origin}/test-api/echo` });
    const provider: SyncDataProvider = base;
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="back-a" .provider=${provider}
      @isc-load=${(event: CustomEvent<{ record: RecordRef }>) => seen.push(event.detail.record.objectId)}></integration-sync-card>`);
    card.objectId = 'back-b';
    await waitUntil(() => seen.includes('back-b'));
    const before = (await (await fetch('/test-api/count?objectId=back-a')).json()).count;
    card.objectId = 'back-a';
    await card.updateComplete;
    expect(text(part(card, 'synced-with')), 'cached answer at once').to.contain('Record back-a');
    await waitUntil(async () => (await (await fetch('/test-api/count?objectId=back-a')).json()).count === before + 1, 'record A fetched again');
  });
});
