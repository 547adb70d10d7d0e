// src/components/sync-actions.ts: resync and history.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createMemoryProvider, type IntegrationSyncCard, type RecordRef, type SyncDataProvider } from '../../src/index.ts';
import { minutesAgo, oneSync, part, parts, renderCard, text } from '../helpers.ts';

const failing = () =>
  oneSync({ status: 'record_not_synced', detail: { message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD' } });

describe('sync actions: resync and history', () => {
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
    await waitUntil(() => part(card, 'status')?.dataset.status === 'up_to_date', 'live update never arrived');
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
    await waitUntil(() => parts(card, 'history-entry').length > 0, 'no history entries');
    expect(parts(card, 'history-entry')[0].dataset.status).to.equal('up_to_date');
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
});
