// The element as a user sees it (src/components/integration-sync-card.ts and its templates/): one card per
// sync entry, labels, statuses, links, the setup callout, events, attributes.
import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createMemoryProvider, SYNC_STATUSES, type SyncStatus } from '../../src/index.ts';
import { minutesAgo, oneSync, part, parts, renderCard, text } from '../helpers.ts';

const LABELS: Record<'en' | 'fr', Record<SyncStatus, string>> = {
  en: {
    up_to_date: 'Up to date',
    sync_not_found: 'Sync not found',
    sync_disabled: 'Sync disabled',
    record_not_synced: 'Record not synced',
    sync_unknown: 'Sync unknown',
    record_excluded: 'Record excluded',
    in_progress: 'Syncing',
    partially_synced: 'Partially synced',
  },
  fr: {
    up_to_date: 'À jour',
    sync_not_found: 'Synchronisation introuvable',
    sync_disabled: 'Synchronisation désactivée',
    record_not_synced: "Fiche d'informations non synchronisée",
    sync_unknown: 'Synchronisation inconnue',
    record_excluded: "Fiche d'informations exclue",
    in_progress: 'Synchronisation en cours',
    partially_synced: 'Partiellement synchronisée',
  },
};

describe('integration-sync-card: what a user sees', () => {
  it('shows one card per sync entry, in order, with name, label, link, status and time', async () => {
    const provider = createMemoryProvider({ 'company:42': oneSync() });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    const cards = parts(card, 'card');
    expect(cards).to.have.length(1);
    expect(cards[0].dataset.syncId).to.equal('netsuite:customer');
    expect(text(part(card, 'integration-name'))).to.equal('NetSuite');
    expect(text(part(card, 'sync-label'))).to.equal('NetSuite customer');
    const link = part<HTMLAnchorElement>(card, 'synced-with-link')!;
    expect(link.getAttribute('href')).to.equal('https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(text(link)).to.contain('Acme Corp (CUS-1042)');
    expect(part(card, 'synced-with')!.contains(link)).to.equal(true);
    const time = part<HTMLTimeElement>(card, 'last-updated')!;
    expect(text(time)).to.equal('3 minutes ago');
    expect(time.dateTime).to.match(/^\d{4}-\d{2}-\d{2}T/);
    expect(time.title).to.contain(String(new Date().getFullYear()));
    expect(card.hasAttribute('aria-busy')).to.equal(false);
  });

  it('labels the rows "Synced with", "Status" and "Last updated" (fr: the seed\'s labels)', async () => {
    const provider = createMemoryProvider({ 'company:42': oneSync() });
    for (const [lang, labels] of [
      ['en', ['Synced with', 'Status', 'Last updated']],
      ['fr', ['Synchronisation avec', 'Statut', 'Dernière mise à jour']],
    ] as const) {
      const card = await renderCard(html`<integration-sync-card lang=${lang} object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
      expect([...card.shadowRoot!.querySelectorAll('dt')].map(text)).to.deep.equal(labels);
    }
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`shows every status with its ${lang} label, data-status, an icon and an explanation`, async () => {
      const response = {
        integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
        syncs: SYNC_STATUSES.map((status) => ({
          id: `sync-${status}`,
          integrationId: 'netsuite',
          status,
          detail: { message: 'Required field missing.', exclusionGroup: 'Test accounts' },
        })),
      };
      const provider = createMemoryProvider({ 'contact:1': response as never });
      const card = await renderCard(html`<integration-sync-card lang=${lang} object-type="contact" object-id="1" .provider=${provider}></integration-sync-card>`);
      const statuses = parts(card, 'status');
      expect(statuses.map((el) => el.dataset.status)).to.deep.equal([...SYNC_STATUSES]);
      expect(statuses.map(text)).to.deep.equal(SYNC_STATUSES.map((status) => LABELS[lang][status]));
      const icons = statuses.map((el) => el.querySelector('svg')!.innerHTML);
      expect(new Set(icons).size, 'each status has its own icon').to.equal(SYNC_STATUSES.length);
      for (const status of statuses) {
        const tooltip = card.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
        expect(tooltip.getAttribute('role')).to.equal('tooltip');
        expect(text(tooltip).length).to.be.greaterThan(10);
      }
      const tip = (status: SyncStatus) => text(card.shadowRoot!.getElementById(statuses[SYNC_STATUSES.indexOf(status)].getAttribute('aria-describedby')!));
      expect(tip('record_not_synced')).to.contain('Required field missing.');
      expect(tip('record_excluded')).to.contain('Test accounts');
    });
  }

  it('shows several sync types for one record, each naming its integration', async () => {
    const provider = createMemoryProvider({
      'company:42': {
        integrations: [
          { id: 'netsuite', name: 'NetSuite', state: 'active' },
          { id: 'd365', name: 'Microsoft Dynamics 365', state: 'active' },
        ],
        syncs: [
          { id: 'netsuite:customer', integrationId: 'netsuite', label: 'NetSuite customer', status: 'up_to_date' },
          { id: 'd365:account', integrationId: 'd365', label: 'Dynamics 365 account', status: 'sync_disabled' },
        ],
      },
    });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    expect(parts(card, 'card').map((c) => c.dataset.syncId)).to.deep.equal(['netsuite:customer', 'd365:account']);
    expect(parts(card, 'integration-name').map(text)).to.deep.equal(['NetSuite', 'Microsoft Dynamics 365']);
    expect(parts(card, 'card').map((c) => c.getAttribute('aria-labelledby')!.split(' ').map((id) => text(card.shadowRoot!.getElementById(id))).join(' '))).to.deep.equal([
      'NetSuite NetSuite customer',
      'Microsoft Dynamics 365 Dynamics 365 account',
    ]);
  });

  it('shows "—" for a missing external record and a missing date', async () => {
    const provider = createMemoryProvider({ 'company:1': oneSync({ status: 'sync_not_found', syncedWith: null, lastSyncedAt: null }) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(part(card, 'synced-with')).to.equal(null);
    expect(part(card, 'last-updated')).to.equal(null);
    const [syncedWith, , lastUpdated] = [...card.shadowRoot!.querySelectorAll('dd')].map(text);
    expect([syncedWith, text(part(card, 'status')), lastUpdated]).to.deep.equal(['—', 'Sync not found', '—']);
  });

  it('links a record_not_synced status to the sync status page, with no nested interactive elements', async () => {
    const provider = createMemoryProvider({
      'company:1': oneSync({
        status: 'record_not_synced',
        detail: { message: "Required field 'Subsidiary' is missing.", url: 'https://app.example-crm.com/integrations/netsuite/sync-health' },
      }),
    });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const status = part<HTMLAnchorElement>(card, 'status-link')!;
    expect(status.getAttribute('part')).to.equal('status status-link');
    expect(status.href).to.equal('https://app.example-crm.com/integrations/netsuite/sync-health');
    expect(status.target).to.equal('_blank');
    expect(status.rel).to.equal('noopener noreferrer');
    expect(status.querySelector('a, button, [tabindex]')).to.equal(null);
  });

  it('shows an "Enable extra features" callout per integration that needs it, and no empty state', async () => {
    const provider = createMemoryProvider({
      'deal:9': {
        integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'extra_features_required', settingsUrl: 'https://app.example-crm.com/integrations/netsuite/settings' }],
        syncs: [],
      },
    });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="deal" object-id="9" .provider=${provider}></integration-sync-card>`);
    expect(parts(card, 'setup')).to.have.length(1);
    expect(text(part(card, 'setup'))).to.contain('Enable extra features');
    const link = part<HTMLAnchorElement>(card, 'setup-link')!;
    expect(link.href).to.equal('https://app.example-crm.com/integrations/netsuite/settings');
    expect(part(card, 'empty')).to.equal(null);
  });

  it('fires a cancelable isc-navigate before a link opens; preventDefault keeps the page', async () => {
    const provider = createMemoryProvider({ 'company:42': oneSync() });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    const seen: CustomEvent[] = [];
    let clickDefaultPrevented = false;
    card.addEventListener('isc-navigate', (event) => {
      seen.push(event);
      event.preventDefault();
    });
    document.addEventListener('click', (event) => (clickDefaultPrevented = event.defaultPrevented), { once: true });
    part<HTMLAnchorElement>(card, 'synced-with-link')!.click();
    expect(seen).to.have.length(1);
    expect(seen[0].cancelable).to.equal(true);
    expect(seen[0].bubbles && seen[0].composed).to.equal(true);
    expect(seen[0].detail).to.deep.equal({
      url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042',
      kind: 'synced-record',
      syncId: 'netsuite:customer',
    });
    expect(clickDefaultPrevented, 'the browser did not follow the link').to.equal(true);
  });

  it('fires isc-load with the record and the repaired response after the data renders', async () => {
    const provider = createMemoryProvider({ 'company:42': oneSync({ status: 'not-a-status' }) }, { latencyMs: 20 });
    const container = document.createElement('div');
    document.body.append(container);
    const card = document.createElement('integration-sync-card');
    card.lang = 'en';
    card.provider = provider;
    card.record = { objectType: 'company', objectId: '42' };
    const loaded = oneEvent(card, 'isc-load');
    container.append(card);
    const event = await loaded;
    expect(event.detail.record).to.deep.equal({ objectType: 'company', objectId: '42' });
    expect(event.detail.response.syncs[0].status).to.equal('sync_unknown');
    expect(part(card, 'status')!.dataset.status, 'rendered before the event').to.equal('sync_unknown');
    container.remove();
  });

  it('keeps record, objectType/objectId/portalId and the attributes in step', async () => {
    const card = await renderCard(html`<integration-sync-card object-type="deal" object-id="5" portal-id="77"></integration-sync-card>`, { waitFor: 'none' });
    expect(card.record).to.deep.equal({ objectType: 'deal', objectId: '5', portalId: '77' });
    card.record = { objectType: 'invoice', objectId: '8' };
    expect([card.objectType, card.objectId, card.portalId]).to.deep.equal(['invoice', '8', undefined]);
    card.objectId = undefined;
    expect(card.record).to.equal(undefined);
  });

  it('renders the empty state for no record, no provider, and zero syncs, without requesting', async () => {
    let calls = 0;
    const provider = { getSyncStatus: async () => (calls++, { integrations: [], syncs: [] }) };
    const noRecord = await renderCard(html`<integration-sync-card lang="en" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    expect(text(part(noRecord, 'empty'))).to.equal('No sync information for this record.');
    const noProvider = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1"></integration-sync-card>`, { waitFor: 'none' });
    expect(part(noProvider, 'empty')).to.not.equal(null);
    expect(calls).to.equal(0);
    const zero = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(part(zero, 'empty')).to.not.equal(null);
    expect(calls).to.equal(1);
  });

  it('shows a relative time in French with the full date in the title', async () => {
    const provider = createMemoryProvider({ 'company:42': oneSync({ lastSyncedAt: minutesAgo(120) }) });
    const card = await renderCard(html`<integration-sync-card lang="fr" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    expect(text(part(card, 'last-updated'))).to.equal('il y a 2 heures');
  });

  it('shows "Next sync in 5 minutes" when nextSyncAt is given', async () => {
    const provider = createMemoryProvider({ 'company:1': oneSync({ nextSyncAt: new Date(Date.now() + 5 * 60_000 + 5000).toISOString() }) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(text(part(card, 'next-sync'))).to.equal('Next sync in 5 minutes');
    card.lang = 'fr';
    // French may load on demand: wait for it rather than for one update.
    await waitUntil(() => text(part(card, 'next-sync')) === 'Prochaine synchronisation dans 5 minutes', text(part(card, 'next-sync')));
  });
});
