import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createMemoryProvider, setDefaultProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { controllableProvider, oneSync, part, renderCard, text } from '../helpers.ts';

const response = (name: string) => oneSync({ syncedWith: { name, url: 'https://erp.example.com/r/1' } });

describe('loading, errors and record changes', () => {
  it('shows a busy indicator while loading, then the data', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    expect(text(part(card, 'loading'))).to.equal('Loading sync status…');
    expect(card.getAttribute('aria-busy')).to.equal('true');
    calls[0].resolve(response('Acme'));
    await oneEvent(card, 'isc-load');
    expect(part(card, 'loading')).to.equal(null);
    expect(card.hasAttribute('aria-busy')).to.equal(false);
    expect(text(part(card, 'synced-with'))).to.contain('Acme');
  });

  it('shows the error with the cause, fires isc-error, and Retry loads the data (isc-load)', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    const failed = oneEvent(card, 'isc-error');
    calls[0].reject(new Error('NetSuite is down'));
    const event = await failed;
    expect(event.detail.error.message).to.equal('NetSuite is down');
    expect(event.detail.record).to.deep.equal({ objectType: 'company', objectId: '1' });
    expect(text(part(card, 'error'))).to.contain('The sync status could not be loaded.');
    expect(text(part(card, 'error'))).to.contain('NetSuite is down');
    const loaded = oneEvent(card, 'isc-load');
    part(card, 'retry-button')!.click();
    await waitUntil(() => calls.length === 2);
    calls[1].resolve(response('Acme'));
    await loaded;
    expect(part(card, 'error')).to.equal(null);
    expect(part(card, 'card')).to.not.equal(null);
  });

  it('treats a non-object response as an error, and a non-Error rejection as a clear message', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].resolve('<html>oops</html>');
    await oneEvent(card, 'isc-error');
    expect(text(part(card, 'error'))).to.contain('expected an object');
    part(card, 'retry-button')!.click();
    await waitUntil(() => calls.length === 2);
    calls[1].reject({ code: 42 });
    await oneEvent(card, 'isc-error');
    expect(text(part(card, 'error'))).to.contain('{"code":42}');
  });

  it('aborts the request in flight when the record changes, and never shows the old record', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="old" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    card.objectId = 'new';
    await waitUntil(() => calls.length === 2);
    expect(calls[0].signal.aborted, 'old request aborted').to.equal(true);
    expect(calls[1].record.objectId).to.equal('new');
    calls[0].resolve(response('OLD RECORD'));
    calls[1].resolve(response('New record'));
    await oneEvent(card, 'isc-load');
    expect(text(part(card, 'synced-with'))).to.contain('New record');
    // The old response arriving late changes nothing either.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(card.shadowRoot!.textContent).to.not.contain('OLD RECORD');
  });

  it('never shows a late response for the old record even when it arrives after the new one', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="old" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    card.record = { objectType: 'company', objectId: 'new' };
    await waitUntil(() => calls.length === 2);
    calls[1].resolve(response('New record'));
    await oneEvent(card, 'isc-load');
    calls[0].resolve(response('OLD RECORD'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await card.updateComplete;
    expect(card.shadowRoot!.textContent).to.not.contain('OLD RECORD');
    expect(text(part(card, 'synced-with'))).to.contain('New record');
  });

  it('aborts on provider change and on disconnect, and loads again when reconnected', async () => {
    const first = controllableProvider();
    const second = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${first.provider}></integration-sync-card>`, { waitFor: 'none' });
    card.provider = second.provider;
    await waitUntil(() => second.calls.length === 1);
    expect(first.calls[0].signal.aborted).to.equal(true);
    const parent = card.parentElement!;
    card.remove();
    expect(second.calls[0].signal.aborted, 'disconnect aborts').to.equal(true);
    parent.append(card);
    await waitUntil(() => second.calls.length === 2, 'reconnecting loads again');
    second.calls[1].resolve(response('Back'));
    await oneEvent(card, 'isc-load');
    expect(text(part(card, 'synced-with'))).to.contain('Back');
  });

  it('refresh() re-fetches and keeps the current data on screen meanwhile', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].resolve(response('First'));
    await oneEvent(card, 'isc-load');
    const refreshed = card.refresh();
    await waitUntil(() => calls.length === 2);
    await card.updateComplete;
    expect(part(card, 'loading'), 'no flash back to loading').to.equal(null);
    expect(text(part(card, 'synced-with'))).to.contain('First');
    calls[1].resolve(response('Second'));
    await refreshed;
    expect(text(part(card, 'synced-with'))).to.contain('Second');
  });

  it('makes one request for identical concurrent requests through one provider', async () => {
    const { provider, calls } = controllableProvider();
    const cards = await Promise.all(
      [1, 2, 3].map(() => renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="7" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' })),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).to.have.length(1);
    calls[0].resolve(response('Shared'));
    await Promise.all(cards.map((card) => waitUntil(() => part(card, 'card'))));
    // One of three cards leaving does not abort the request the other two still wait for.
    const more = await Promise.all(
      [1, 2].map(() => renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="8" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' })),
    );
    await waitUntil(() => calls.length === 2);
    more[0].remove();
    expect(calls[1].signal.aborted).to.equal(false);
    calls[1].resolve(response('Still there'));
    await waitUntil(() => part(more[1], 'card'));
  });

  it('uses the page default provider set with setDefaultProvider, and follows its changes', async () => {
    const card = document.createElement('integration-sync-card') as IntegrationSyncCard;
    card.lang = 'en';
    card.objectType = 'company';
    card.objectId = '42';
    document.body.append(card);
    try {
      await card.updateComplete;
      expect(part(card, 'empty')).to.not.equal(null);
      const loaded = oneEvent(card, 'isc-load');
      setDefaultProvider(createMemoryProvider({ 'company:42': response('From default') }));
      await loaded;
      expect(text(part(card, 'synced-with'))).to.contain('From default');
    } finally {
      setDefaultProvider(undefined);
      card.remove();
    }
  });

  it('refresh-interval re-fetches periodically and pauses while the page is hidden', async () => {
    let calls = 0;
    const provider = { getSyncStatus: async () => (calls++, response('Tick')) };
    const card = await renderCard(html`<integration-sync-card lang="en" refresh-interval="1" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    await waitUntil(() => calls >= 2, 'no periodic refresh', { timeout: 2500 });
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const before = calls;
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(calls, 'no request while hidden').to.equal(before);
    } finally {
      Object.defineProperty(document, 'visibilityState', visibility);
      delete (document as unknown as Record<string, unknown>).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    card.remove();
  });
});
