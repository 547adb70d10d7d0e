// The card end to end on the sync ledger, on PGlite and on a real PostgreSQL server
// (test/support/card-ledger-api.ts): the test is the connector (it registers the integration, posts
// outcomes and claims resyncs through the connector routes, over HTTP, with its ingest key) and
// the user (a card on createRestProvider over the same base path: real fetch, real /events stream).
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createRestProvider, type RecordRef } from '../../src/index.ts';
import { part, parts, renderCard, text } from '../helpers.ts';
import type { IntegrationSyncCard } from '../../src/index.ts';

const DATABASES = ['pglite', 'postgres'] as const;
const run = Date.now().toString(36);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
/** The external record's name as the card shows it (its link also says it opens a new tab). */
const syncedWith = (card: Element) => text(part(card, 'synced-with')).replace(/ \(opens in a new tab\)$/, '');
/** The card of one sync type (a record shows one card per registered sync type). */
const cardOf = (card: Element, syncId: string) => parts(card, 'card').find((section) => section.dataset.syncId === syncId);
const statusIn = (section: Element | undefined) => section?.querySelector<HTMLElement>('[part~="status"]');

const CUSTOMER = { syncId: 'netsuite:customer', label: 'NetSuite customer', objectType: 'company', enabled: true };
const VENDOR = { syncId: 'netsuite:vendor', label: 'NetSuite vendor', objectType: 'company', enabled: false };

let ingestKey = '';

/** A connector's request: the ingest key as its Bearer credential, JSON both ways, 200 expected. */
async function connector<T>(base: string, path: string, method: 'PUT' | 'POST', body: unknown): Promise<T> {
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ingestKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answerText = await answer.text();
  expect(answer.status, `${method} ${path}: ${answerText}`).to.equal(200);
  return JSON.parse(answerText) as T;
}

type Results = { results: { eventId: string; result: string; message?: string }[] };

/** Posts outcomes and expects every one applied. */
async function report(base: string, events: Record<string, unknown>[]): Promise<void> {
  const { results } = await connector<Results>(base, '/ledger/events', 'POST', { events });
  expect(results.map((answer) => `${answer.eventId}: ${answer.result}${answer.message ? ` (${answer.message})` : ''}`)).to.deep.equal(
    events.map((event) => `${event.eventId}: applied`),
  );
}

function register(base: string, portalId: string, syncTypes: Record<string, unknown>[] = [CUSTOMER]) {
  return connector(base, '/ledger/integrations/netsuite', 'PUT', { name: 'NetSuite', state: 'active', portalId, syncTypes });
}

/** One outcome of the customer sync on a record. */
function outcome(record: RecordRef, id: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { eventId: `${record.portalId}/${record.objectId}/${id}`, integrationId: 'netsuite', syncId: CUSTOMER.syncId, record, ...fields };
}

function card(base: string, record: RecordRef): Promise<IntegrationSyncCard> {
  // What a deployer writes: the REST provider on the handler's base path, following /events.
  const provider = createRestProvider({ endpoint: base, live: true });
  return renderCard(
    html`<integration-sync-card lang="en" object-type=${record.objectType} object-id=${record.objectId} portal-id=${record.portalId!} .provider=${provider}></integration-sync-card>`,
  );
}

for (const database of DATABASES) {
  describe(`the card on the sync ledger (${database})`, function () {
    this.timeout(60_000);
    const base = `/card-ledger/${database}`;
    const portalOf = (test: string) => `${database}-${test}-${run}`;

    before(async function () {
      // The first request opens the ledger: PGlite's initdb, or PostgreSQL's initdb and start
      // (seconds each on a busy machine).
      this.timeout(180_000);
      ingestKey = ((await (await fetch('/card-ledger/ingest-key')).json()) as { key: string }).key;
      const answer = await fetch(`${base}?objectType=company&objectId=warm-up`);
      expect(answer.status, await answer.clone().text()).to.equal(200);
    });

    it('shows what the connector reported: status, linked record, last sync, and why a failure failed', async () => {
      const portalId = portalOf('failure');
      const record = { objectType: 'company', objectId: '42', portalId };
      await register(base, portalId);
      await report(base, [
        outcome(record, 'run-1', {
          occurredAt: minutesAgo(10),
          status: 'up_to_date',
          syncedWith: { name: 'Acme Corp (CUS-1042)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042' },
        }),
        outcome(record, 'run-2', {
          occurredAt: minutesAgo(2),
          status: 'record_not_synced',
          detail: {
            message: "Required field 'Subsidiary' is missing.",
            code: 'MISSING_REQUIRED_FIELD',
            category: 'missing_data',
            retryable: false,
            url: 'https://crm.example.com/sync-health?code=MISSING_REQUIRED_FIELD',
            fix: { text: 'Choose a subsidiary for this company', url: 'https://crm.example.com/companies/42/edit' },
            fields: [{ name: 'subsidiary', label: 'Subsidiary', status: 'failed', crmValue: null, externalValue: null, message: 'Required in NetSuite' }],
          },
        }),
      ]);

      const element = await card(base, record);
      expect(text(part(element, 'integration-name'))).to.equal('NetSuite');
      expect(text(part(element, 'sync-label'))).to.equal('NetSuite customer');
      const status = part<HTMLAnchorElement>(element, 'status')!;
      expect(status.dataset.status).to.equal('record_not_synced');
      expect(text(status)).to.equal('Record not synced');
      // A failure's status is the link to the sync status page the connector named.
      expect(status.getAttribute('href')).to.equal('https://crm.example.com/sync-health?code=MISSING_REQUIRED_FIELD');
      const tooltip = element.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
      expect(text(tooltip)).to.contain("Required field 'Subsidiary' is missing.");
      // The failure kept the record it was synced with and the time of the last success.
      expect(syncedWith(element)).to.equal('Acme Corp (CUS-1042)');
      expect(part<HTMLAnchorElement>(element, 'synced-with-link')!.getAttribute('href')).to.equal('https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042');
      expect(text(part(element, 'last-updated'))).to.equal('10 minutes ago');
      // Why and what to do.
      expect(text(part(element, 'category'))).to.equal('Needs a fix');
      expect(text(part(element, 'fix'))).to.match(/^Choose a subsidiary for this company/);
      expect(part<HTMLAnchorElement>(element, 'fix-link')!.getAttribute('href')).to.equal('https://crm.example.com/companies/42/edit');
      // The failing field.
      const toggle = part<HTMLButtonElement>(element, 'fields-toggle')!;
      expect(text(toggle)).to.equal('Fields (1)');
      toggle.click();
      await waitUntil(() => part(element, 'field'), 'the fields view');
      const field = part(element, 'field')!;
      expect(field.dataset.fieldStatus).to.equal('failed');
      expect(text(field.querySelector('[part~="field-label"]'))).to.equal('Subsidiary');
      expect(text(field.querySelector('[part~="field-message"]'))).to.equal('Required in NetSuite');
    });

    it('shows a new outcome as soon as the connector posts it, without a reload', async () => {
      const portalId = portalOf('live');
      const record = { objectType: 'company', objectId: '7', portalId };
      await register(base, portalId);
      await report(base, [outcome(record, 'run-1', { occurredAt: minutesAgo(5), status: 'record_not_synced', syncedWith: { name: 'Globex v0', url: null }, detail: { message: 'NetSuite timed out.' } })]);
      const element = await card(base, record);
      expect(part(element, 'status')!.dataset.status).to.equal('record_not_synced');
      expect(syncedWith(element)).to.equal('Globex v0');
      const shown = part(element, 'card');
      // The stream opens after the first render; until the card shows one, each try is a newer outcome.
      let attempt = 0;
      await waitUntil(
        async () => {
          attempt += 1;
          await report(base, [outcome(record, `live-${attempt}`, { occurredAt: new Date().toISOString(), status: 'up_to_date', syncedWith: { name: `Globex v${attempt}`, url: null } })]);
          return part(element, 'status')!.dataset.status === 'up_to_date';
        },
        'the posted outcome never reached the card',
        { interval: 1500 },
      );
      expect(syncedWith(element)).to.match(/^Globex v\d+$/);
      expect(text(part(element, 'status'))).to.equal('Up to date');
      expect(text(part(element, 'last-updated'))).to.equal('now');
      expect(part(element, 'card'), 'the same card, updated in place').to.equal(shown);
    });

    it('resyncs: the button queues a request, the connector claims it and reports, the card shows in progress then the result', async () => {
      const portalId = portalOf('resync');
      const record = { objectType: 'company', objectId: '43', portalId };
      await register(base, portalId);
      await report(base, [outcome(record, 'run-1', { occurredAt: minutesAgo(30), status: 'record_not_synced', syncedWith: { name: 'Initech', url: null }, detail: { message: 'NetSuite refused the login.' } })]);
      const element = await card(base, record);
      const button = part<HTMLButtonElement>(element, 'resync-button')!;
      expect(text(button)).to.equal('Resync');
      button.click();
      // Accepted: the card reads the queued request back from the ledger as in progress (the
      // button says "Resync" again, still disabled while the sync runs).
      await waitUntil(() => text(part(element, 'resync-button')) === 'Resync' && part(element, 'status')!.dataset.status === 'in_progress', 'in progress after the click');
      expect(text(part(element, 'status'))).to.equal('Syncing');
      expect(part<HTMLButtonElement>(element, 'resync-button')!.disabled).to.equal(true);
      // Another user opening the record sees it too: it is in the ledger, not only in this card.
      const other = await card(base, record);
      expect(text(part(other, 'status'))).to.equal('Syncing');

      // The connector polls for requests (every portal of its integration) and finds this one.
      type Claimed = { requests: { id: string; record: RecordRef; syncId: string; requestedAt: string }[] };
      const mine = (claimed: Claimed) => claimed.requests.filter((request) => request.record.portalId === portalId);
      const claimed = mine(await connector<Claimed>(base, '/ledger/resync-requests/claim', 'POST', { integrationId: 'netsuite', limit: 500 }));
      expect(claimed.map((request) => `${request.record.objectType}:${request.record.objectId} ${request.syncId}`)).to.deep.equal(['company:43 netsuite:customer']);
      // Leased to this connector: not offered again while it runs.
      expect(mine(await connector<Claimed>(base, '/ledger/resync-requests/claim', 'POST', { integrationId: 'netsuite', limit: 500 }))).to.deep.equal([]);
      expect(text(part(element, 'status'))).to.equal('Syncing');

      const ranAt = new Date(Math.max(Date.now(), Date.parse(claimed[0].requestedAt) + 1)).toISOString();
      await report(base, [outcome(record, `resync-${claimed[0].id}`, { occurredAt: ranAt, status: 'up_to_date', trigger: 'manual' })]);
      await waitUntil(() => part(element, 'status')!.dataset.status === 'up_to_date', 'the result never reached the card');
      expect(text(part(element, 'status'))).to.equal('Up to date');
      expect(text(part(element, 'last-updated'))).to.equal('now');
      expect(syncedWith(element), 'kept: the result did not name the record').to.equal('Initech');
      expect(part<HTMLButtonElement>(element, 'resync-button')!.disabled).to.equal(false);
      await waitUntil(() => part(other, 'status')!.dataset.status === 'up_to_date', 'the other card too');

      // The history tells the story, newest first.
      part(element, 'history-toggle')!.click();
      await waitUntil(() => parts(element, 'history-entry').length === 3, 'the history');
      expect(parts(element, 'history-entry').map((entry) => entry.dataset.status)).to.deep.equal(['up_to_date', 'in_progress', 'record_not_synced']);
      expect(text(parts(element, 'history-entry')[1])).to.contain('Manual');
      // Completed: the connector is offered nothing more.
      expect(mine(await connector<Claimed>(base, '/ledger/resync-requests/claim', 'POST', { integrationId: 'netsuite', limit: 500 }))).to.deep.equal([]);
    });

    it('shows "Sync not found" and "Sync disabled" for the sync types registered for the record\'s type', async () => {
      const portalId = portalOf('registered');
      const record = { objectType: 'company', objectId: '99', portalId };
      await register(base, portalId, [CUSTOMER, VENDOR]);
      // The vendor sync ran once for this record; turned off, it still shows as disabled.
      await report(base, [{ ...outcome(record, 'vendor-1', { occurredAt: minutesAgo(1), status: 'up_to_date' }), syncId: VENDOR.syncId }]);
      const element = await card(base, record);
      expect(parts(element, 'card').map((section) => text(section.querySelector('[part~="sync-label"]')))).to.have.members(['NetSuite customer', 'NetSuite vendor']);
      const customer = statusIn(cardOf(element, CUSTOMER.syncId));
      expect(customer!.dataset.status).to.equal('sync_not_found');
      expect(text(customer)).to.equal('Sync not found');
      const vendor = statusIn(cardOf(element, VENDOR.syncId));
      expect(vendor!.dataset.status).to.equal('sync_disabled');
      expect(text(vendor)).to.equal('Sync disabled');
      // A contact has no sync type registered: nothing to show.
      const contact = await card(base, { objectType: 'contact', objectId: '99', portalId });
      expect(part(contact, 'card')).to.equal(null);
      expect(text(part(contact, 'empty'))).to.not.equal('');

      // The connector turns the vendor sync on: the open card follows, showing what the ledger held.
      await register(base, portalId, [CUSTOMER, { ...VENDOR, enabled: true }]);
      await waitUntil(() => statusIn(cardOf(element, VENDOR.syncId))?.dataset.status === 'up_to_date', 'the registration never reached the card');
      expect(text(statusIn(cardOf(element, VENDOR.syncId)))).to.equal('Up to date');
      expect(statusIn(cardOf(element, CUSTOMER.syncId))!.dataset.status).to.equal('sync_not_found');
    });
  });
}
