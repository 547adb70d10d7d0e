import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createMemoryProvider, type RecordRef, type SyncDataProvider } from '../../src/index.ts';
import { controllableProvider, minutesAgo, oneSync, part, parts, renderCard, text } from '../helpers.ts';

const failing = () =>
  oneSync({ status: 'record_not_synced', detail: { message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD' } });

describe('beyond the seed: resync, history, live status, copy details', () => {
  it('resyncs over REST: the button disables, the status shows progress, and the pushed result arrives live', async () => {
    // /demo-api is a second instance of the demo API (resync → in_progress, then up_to_date 300 ms later, pushed over SSE).
    const card = await renderCard(html`<integration-sync-card lang="en" live endpoint="/demo-api" object-type="company" object-id="43"></integration-sync-card>`);
    expect(part(card, 'status')!.dataset.status).to.equal('record_not_synced');
    const button = part<HTMLButtonElement>(card, 'resync-button')!;
    const done = oneEvent(card, 'isc-resync');
    button.click();
    // The resync code loads on first use (a lazy chunk), so the change is awaited, not assumed.
    await waitUntil(() => button.disabled, 'disabled while it runs');
    expect(part(card, 'status')!.dataset.status).to.equal('in_progress');
    expect(text(part(card, 'status'))).to.equal('Syncing');
    const event = await done;
    expect(event.detail).to.include({ syncId: 'netsuite:customer', ok: true });
    expect(event.detail.record).to.deep.equal({ objectType: 'company', objectId: '43' });
    // No reload, no polling: the server's "up_to_date" comes through the event stream.
    await waitUntil(() => part(card, 'status')?.dataset.status === 'up_to_date', 'live update never arrived', { timeout: 5000 });
    expect(text(part(card, 'last-updated'))).to.equal('now');
    expect(part<HTMLButtonElement>(card, 'resync-button')!.disabled).to.equal(false);
  });

  it('shows why a resync failed, inline, and reports it with isc-resync', async () => {
    const provider: SyncDataProvider = {
      ...createMemoryProvider({ 'company:1': failing() }),
      resync: async () => {
        throw new Error('NetSuite refused the request (403)');
      },
    };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const done = oneEvent(card, 'isc-resync');
    part(card, 'resync-button')!.click();
    const event = await done;
    expect(event.detail.ok).to.equal(false);
    expect(event.detail.error?.message).to.equal('NetSuite refused the request (403)');
    await card.updateComplete;
    expect(text(part(card, 'resync-error'))).to.equal('Resync failed: NetSuite refused the request (403)');
    expect(part(card, 'status')!.dataset.status, 'the status is the real one again').to.equal('record_not_synced');
  });

  it('shows no resync or history button when the provider has neither', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${createMemoryProvider({ 'company:1': oneSync() })}></integration-sync-card>`);
    expect(part(card, 'resync-button')).to.equal(null);
    expect(part(card, 'history-toggle')).to.equal(null);
  });

  it('opens the history on demand: loading, then entries with status, time, direction and message', async () => {
    let resolveHistory!: (events: unknown) => void;
    let calls = 0;
    const provider: SyncDataProvider = {
      ...createMemoryProvider({ 'company:1': oneSync() }),
      getSyncHistory: (_record: RecordRef, syncId: string) => {
        calls++;
        expect(syncId).to.equal('netsuite:customer');
        return new Promise((resolve) => (resolveHistory = resolve as (events: unknown) => void));
      },
    };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const toggle = part<HTMLButtonElement>(card, 'history-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(calls, 'nothing loads before the first open').to.equal(0);
    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'the toggle never expanded');
    expect(card.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!.textContent).to.contain('Loading history…');
    resolveHistory([
      { at: minutesAgo(5), status: 'record_not_synced', message: 'Subsidiary missing', direction: 'outbound' },
      { at: minutesAgo(60 * 24), status: 'up_to_date', direction: 'inbound' },
      { at: 'garbage', status: 'up_to_date' },
    ]);
    await waitUntil(() => part(card, 'history'));
    const entries = parts(card, 'history-entry');
    expect(entries).to.have.length(2);
    expect(text(entries[0])).to.contain('Record not synced');
    expect(text(entries[0])).to.contain('5 minutes ago');
    expect(text(entries[0])).to.contain('To the external system');
    expect(text(entries[0])).to.contain('Subsidiary missing');
    expect(text(entries[1])).to.contain('yesterday');
    expect(text(entries[1])).to.contain('Into the CRM');
    expect(entries[0].querySelector('time')!.title).to.match(/\d{4}/);
    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'false', 'the toggle never collapsed');
    expect(part(card, 'history')!.checkVisibility()).to.equal(false);
    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true');
    expect(calls, 'reopening does not reload').to.equal(1);
  });

  it('shows a history error in place, and reopening retries', async () => {
    let calls = 0;
    const provider: SyncDataProvider = {
      ...createMemoryProvider({ 'company:1': oneSync() }),
      getSyncHistory: async () => {
        calls++;
        if (calls === 1) throw new Error('history service down');
        return [{ at: minutesAgo(2), status: 'up_to_date' }];
      },
    };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const toggle = part(card, 'history-toggle')!;
    toggle.click();
    await waitUntil(() => card.shadowRoot!.textContent!.includes('history service down'));
    toggle.click();
    toggle.click();
    await waitUntil(() => parts(card, 'history-entry').length === 1);
    expect(calls).to.equal(2);
  });

  it('reads the history over REST (GET {endpoint}/history)', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" endpoint="/demo-api" object-type="company" object-id="42"></integration-sync-card>`);
    part(card, 'history-toggle')!.click();
    await waitUntil(() => parts(card, 'history-entry').length > 0, 'no history entries', { timeout: 3000 });
    expect(parts(card, 'history-entry')[0].dataset.status).to.equal('up_to_date');
  });

  it('shows "Next sync in 5 minutes" when nextSyncAt is given', async () => {
    const provider = createMemoryProvider({ 'company:1': oneSync({ nextSyncAt: new Date(Date.now() + 5 * 60_000 + 5000).toISOString() }) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(text(part(card, 'next-sync'))).to.equal('Next sync in 5 minutes');
    card.lang = 'fr';
    // French may load on demand: wait for it rather than for one update.
    await waitUntil(() => text(part(card, 'next-sync')) === 'Prochaine synchronisation dans 5 minutes', text(part(card, 'next-sync')));
  });

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

  it('copies the error details (message, code, record) to the clipboard', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" portal-id="777" .provider=${createMemoryProvider({ 'company:1': failing() })}></integration-sync-card>`);
    const button = part<HTMLButtonElement>(card, 'copy-button')!;
    expect(text(button)).to.equal('Copy details');
    button.click();
    await waitUntil(() => text(part(card, 'copy-button')) !== 'Copy details');
    expect(text(part(card, 'copy-button'))).to.equal('Copied');
    const copied = await navigator.clipboard.readText();
    expect(copied).to.contain("Required field 'Subsidiary' is missing.");
    expect(copied).to.contain('MISSING_REQUIRED_FIELD');
    expect(copied).to.contain('company 1 (portal 777)');
  });

  it('copies the load error from the error state', async () => {
    const provider = { getSyncStatus: () => Promise.reject(new Error('Gateway timeout from NetSuite')) };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="deal" object-id="9" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
    part(card, 'copy-button')!.click();
    await waitUntil(() => text(part(card, 'copy-button')) === 'Copied');
    const copied = await navigator.clipboard.readText();
    expect(copied).to.contain('Gateway timeout from NetSuite');
    expect(copied).to.contain('deal 9');
  });
});
