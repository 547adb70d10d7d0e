// Wire format 1.1 as a user sees it: every new part rendered from a provider, with the exact
// English texts (and the French labels), on the "worst day" demo record that has all of them.
import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type { AxeResults } from 'axe-core';
import { demoHistory, demoRecords } from '../../demo/demo-data.js';
import { createMemoryProvider, type IntegrationSyncCard, type SyncDataProvider, type SyncStatusResponse } from '../../src/index.ts';
import { oneSync, part, parts, renderCard, text } from '../helpers.ts';

declare const axe: { run(context: Element, options: object): Promise<AxeResults> };

const MINUTE = 60_000;

/** The demo records, dates relative to now, served with a history that has every trigger. */
function worstDayProvider(now = Date.now()): SyncDataProvider {
  const records = demoRecords(now) as unknown as Record<string, SyncStatusResponse>;
  return {
    ...createMemoryProvider(records),
    getSyncHistory: async (record, syncId) =>
      demoHistory(demoRecords(now)[`${record.objectType}:${record.objectId}`].syncs.find((sync) => sync.id === syncId)!, now),
  };
}

/** A card on the worst-day record, once its 1.1 parts (loaded on demand) are there. */
async function worstDay(lang = 'en', provider = worstDayProvider()): Promise<IntegrationSyncCard> {
  const card = await renderCard(html`<integration-sync-card lang=${lang} object-type="company" object-id="46" .provider=${provider}></integration-sync-card>`);
  await waitUntil(() => parts(card, 'category').length === 3, 'the 1.1 parts never rendered');
  return card;
}

const cardOf = (card: IntegrationSyncCard, syncId: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~="card"][data-sync-id="${syncId}"]`)!;
const inCard = (section: Element, name: string) => section.querySelector<HTMLElement>(`[part~="${name}"]`);
const tooltipOf = (card: IntegrationSyncCard, section: Element) => text(card.shadowRoot!.getElementById(inCard(section, 'status')!.getAttribute('aria-describedby')!));

async function openFields(section: HTMLElement): Promise<HTMLElement> {
  const toggle = inCard(section, 'fields-toggle')!;
  toggle.click();
  await waitUntil(() => inCard(section, 'fields'), 'the fields never opened');
  return inCard(section, 'fields')!;
}

describe('wire format 1.1: the parts of a card', () => {
  it('says why, what to do and what happens next (category, fix with its link, retry plan)', async () => {
    const card = await worstDay();
    const customer = cardOf(card, 'netsuite:customer');
    const category = inCard(customer, 'category')!;
    expect(text(category)).to.equal('Needs a fix');
    expect(category.dataset).to.include({ category: 'missing_data', retryable: 'false' });
    // Not colour alone: the kind of failure is written beside it, and the icon differs from "Retrying may help".
    expect(text(category.parentElement)).to.equal('Needs a fix Missing data');
    expect(text(inCard(customer, 'fix'))).to.equal("Set the company's Subsidiary (NetSuite needs one for every customer), then resync. (opens in a new tab)");
    const link = inCard(customer, 'fix-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('https://app.example-crm.com/integrations/netsuite/field-mappings#subsidiary');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(text(inCard(customer, 'retry-plan'))).to.equal('Attempt 4 of 10 · next retry in 12 minutes');

    const project = cardOf(card, 'netsuite:project');
    expect(text(inCard(project, 'category'))).to.equal('Retrying may help');
    expect(inCard(project, 'category')!.dataset).to.include({ category: 'rate_limit', retryable: 'true' });
    expect(inCard(project, 'category')!.querySelector('svg')!.innerHTML).to.not.equal(category.querySelector('svg')!.innerHTML);
    expect(text(inCard(project, 'retry-plan'))).to.equal('Attempt 2 of 10 · next retry in 20 minutes');
    expect(inCard(project, 'fix')).to.equal(null);

    const account = cardOf(card, 'dynamics365:account');
    expect(text(inCard(account, 'retry-plan'))).to.equal('No more automatic retries');
    expect(text(inCard(account, 'fix'))).to.equal('Shorten the account number to 20 characters and pick an industry Dynamics 365 knows, then resync.');
    expect(inCard(account, 'fix-link'), 'no link without a URL').to.equal(null);
    // The excluded sync is no failure: no category.
    expect(inCard(cardOf(card, 'netsuite:vendor'), 'category')).to.equal(null);
  });

  it('shows partially_synced with its label, warning tone, own icon and how many fields failed', async () => {
    const card = await worstDay();
    const account = cardOf(card, 'dynamics365:account');
    const status = inCard(account, 'status')!;
    expect(status.dataset).to.include({ status: 'partially_synced', tone: 'warning' });
    expect(text(status)).to.equal('Partially synced');
    expect(tooltipOf(card, account)).to.equal(
      'Some fields are synced with Microsoft Dynamics 365, others could not be. 2 fields could not be synced.2 of 5 fields were rejected by Dynamics 365.Select the status to open the sync status page.',
    );
    expect(status.getAttribute('href'), 'links to the sync status page like record_not_synced').to.equal('https://app.example-crm.com/integrations/dynamics365/sync-health?status=partially_synced');
  });

  it("gives the exclusion rule in the excluded status's explanation", async () => {
    const card = await worstDay();
    expect(tooltipOf(card, cardOf(card, 'netsuite:vendor'))).to.equal(
      "The record is in the exclusion group “Customers only”. Reason: Company type is 'Customer': only companies of type 'Vendor' sync as NetSuite vendors.",
    );
  });

  it('opens the fields view: both values side by side, status, direction and message, in the order given', async () => {
    const card = await worstDay();
    const customer = cardOf(card, 'netsuite:customer');
    const toggle = inCard(customer, 'fields-toggle')!;
    expect(toggle.tagName).to.equal('BUTTON');
    expect(text(toggle)).to.equal('Fields (7)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const panel = card.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(true);
    const list = await openFields(customer);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    expect(panel.contains(list)).to.equal(true);
    expect(list.tagName).to.equal('UL');
    expect(list.getAttribute('aria-label')).to.equal('Fields of NetSuite customer');
    const fields = [...list.querySelectorAll<HTMLElement>('[part~="field"]')];
    expect(fields.map((field) => field.tagName)).to.deep.equal(Array(7).fill('LI'));
    expect(fields.map((field) => [field.dataset.field, field.dataset.fieldStatus])).to.deep.equal([
      ['subsidiary', 'failed'],
      ['name', 'synced'],
      ['phone', 'differs'],
      ['creditlimit', 'pending'],
      ['taxable', 'synced'],
      ['description', 'differs'],
      ['custentity_region', 'synced'],
    ]);
    const row = (index: number, name: string) => text(inCard(fields[index], name));
    expect(fields.map((field) => text(inCard(field, 'field-label')))).to.deep.equal([
      'Subsidiary',
      'Company name',
      'Phone number',
      'Credit limit',
      'Taxable',
      'Description',
      'custentity_region',
    ]);
    expect([row(0, 'field-crm-value'), row(0, 'field-external-value'), row(0, 'field-message')]).to.deep.equal(['—', '—', 'Required by NetSuite; empty in the CRM.']);
    expect([row(2, 'field-crm-value'), row(2, 'field-external-value')]).to.deep.equal(['+1 212 555 0100', '+1 212 555 0199']);
    expect([row(3, 'field-crm-value'), row(3, 'field-external-value')]).to.deep.equal(['250,000', '200,000']);
    expect([row(4, 'field-crm-value'), row(4, 'field-external-value')]).to.deep.equal(['Yes', 'Yes']);
    const head = (field: HTMLElement) => [...field.querySelector('.field-head')!.children].map(text);
    expect(head(fields[0])).to.deep.equal(['Subsidiary', 'Failed', 'To the external system']);
    expect(head(fields[1])).to.deep.equal(['Company name', 'Synced', 'Both ways']);
    expect(head(fields[2])).to.deep.equal(['Phone number', 'Differs', 'Into the CRM']);
    expect(head(fields[6])).to.deep.equal(['custentity_region', 'Synced', 'To the external system']);
    expect(inCard(fields[1], 'field-message')).to.equal(null);
    // Each value is labelled for a screen reader: "CRM" and the integration's name.
    expect([...fields[2].querySelectorAll('dt')].map(text)).to.deep.equal(['CRM', 'NetSuite']);
    // A long value is cut at 200 characters; the whole text is in its title.
    const description = inCard(fields[5], 'field-crm-value')!;
    const full = demoRecords()['company:46'].syncs[0].detail!.fields![5].crmValue as string;
    expect(full.length).to.be.greaterThan(200);
    expect(text(description)).to.equal(`${full.slice(0, 200)}…`.replace(/\s+/g, ' '));
    expect(description.title).to.equal(full);
    expect(inCard(fields[2], 'field-crm-value')!.hasAttribute('title'), 'short values have no title').to.equal(false);

    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'false');
    expect(panel.hidden).to.equal(true);
  });

  it('lists 200 fields', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="47" .provider=${worstDayProvider()}></integration-sync-card>`);
    await waitUntil(() => part(card, 'fields-toggle'), 'no fields toggle');
    expect(text(part(card, 'fields-toggle'))).to.equal('Fields (200)');
    const list = await openFields(part(card, 'card')!);
    const fields = list.querySelectorAll<HTMLElement>('[part~="field"]');
    expect(fields).to.have.length(200);
    expect(fields[199].dataset.field).to.equal('custentity_field_200');
    expect(list.querySelectorAll('[data-field-status="differs"]')).to.have.length(8);
  });

  it('stacks the values under the field at 280 px and lines them up in columns when wide', async () => {
    for (const [width, columns] of [
      [280, false],
      [720, true],
    ] as const) {
      const provider = worstDayProvider();
      const card = await renderCard(html`<div style="width: ${width}px"><integration-sync-card lang="en" object-type="company" object-id="46" .provider=${provider}></integration-sync-card></div>`);
      await waitUntil(() => part(card, 'fields-toggle'));
      const list = await openFields(cardOf(card, 'netsuite:customer'));
      const field = list.querySelector<HTMLElement>('[data-field="phone"]')!;
      const label = inCard(field, 'field-label')!.getBoundingClientRect();
      const crm = inCard(field, 'field-crm-value')!.getBoundingClientRect();
      const external = inCard(field, 'field-external-value')!.getBoundingClientRect();
      if (columns) {
        expect(crm.top, `${width}px: values on the label's line`).to.be.below(label.bottom);
        expect(crm.left).to.be.above(label.right - 1);
        expect(external.left).to.be.above(crm.right - 1);
        // Columns line up from row to row.
        const other = inCard(list.querySelector<HTMLElement>('[data-field="name"]')!, 'field-crm-value')!.getBoundingClientRect();
        expect(Math.abs(other.left - crm.left)).to.be.below(1);
      } else {
        expect(crm.top, `${width}px: values under the label`).to.be.at.least(label.bottom - 1);
      }
      const panel = list.parentElement!;
      expect(panel.scrollWidth, `${width}px: no horizontal overflow`).to.be.at.most(panel.clientWidth + 1);
    }
  });

  it('tells in the history who or what started each sync', async () => {
    const card = await worstDay();
    const customer = cardOf(card, 'netsuite:customer');
    inCard(customer, 'history-toggle')!.click();
    await waitUntil(() => customer.querySelectorAll('[part~="history-entry"]').length === 4, 'no history');
    const triggers = [...customer.querySelectorAll('[part~="history-entry"]')].map((entry) => text(entry.querySelector('.history-trigger')));
    expect(triggers).to.deep.equal(['Record changed', 'Manual · by Jane Cooper', 'API · by ERP bridge (API key …4f2a)', 'Scheduled']);
  });

  it('fires a cancelable isc-navigate of kind "fix" before the fix link opens', async () => {
    const card = await worstDay();
    const link = inCard(cardOf(card, 'netsuite:customer'), 'fix-link')!;
    // Cancelled at once: the test page must not open a tab.
    card.addEventListener('isc-navigate', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(card, 'isc-navigate');
    expect(event.defaultPrevented).to.equal(true);
    expect(event.detail).to.deep.equal({ url: 'https://app.example-crm.com/integrations/netsuite/field-mappings#subsidiary', kind: 'fix', syncId: 'netsuite:customer' });
    expect(event.cancelable).to.equal(true);
  });

  it('renders an unsafe fix URL as text, and hostile strings as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const provider = createMemoryProvider({
      'company:1': oneSync({
        status: 'record_not_synced',
        detail: {
          category: 'validation',
          fix: { text: hostile, url: 'javascript:window.__pwned=1' },
          fields: [{ name: hostile, label: hostile, status: 'failed', crmValue: hostile, externalValue: hostile, message: hostile }],
        },
      }),
    });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    await waitUntil(() => part(card, 'fix'));
    expect(part(card, 'fix-link')).to.equal(null);
    expect(text(part(card, 'fix'))).to.equal(hostile);
    await openFields(part(card, 'card')!);
    expect(text(part(card, 'field-label'))).to.equal(hostile);
    expect(card.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says "Attempt 4 of 10" without a next time, and keeps the plan text fresh on the shared tick', async () => {
    const nextAt = new Date(Date.now() + 2 * MINUTE + 10_000).toISOString();
    const response = oneSync({ status: 'record_not_synced', detail: { category: 'connection', retry: { attempt: 4, maxAttempts: 10, nextAt } } });
    const plain = oneSync({ status: 'record_not_synced', detail: { retry: { attempt: 4, maxAttempts: 10 } } });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${createMemoryProvider({ 'company:1': response, 'company:2': plain })}></integration-sync-card>`);
    await waitUntil(() => part(card, 'retry-plan'));
    expect(text(part(card, 'retry-plan'))).to.equal('Attempt 4 of 10 · next retry in 2 minutes');
    card.objectId = '2';
    await waitUntil(() => text(part(card, 'retry-plan')) === 'Attempt 4 of 10', 'no plain plan');
  });

  it('renders a version-1 response with none of the 1.1 parts', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="43" .provider=${worstDayProvider()}></integration-sync-card>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const name of ['category', 'fix', 'retry-plan', 'fields-toggle', 'fields']) expect(part(card, name), name).to.equal(null);
    expect(text(part(card, 'status'))).to.equal('Record not synced');
  });

  it('copies the category, the fields that failed or differ with both values, and the retry plan', async () => {
    const card = await worstDay();
    const customer = cardOf(card, 'netsuite:customer');
    // A real click (the browser's own input): Firefox and WebKit write the clipboard only on a user gesture.
    const button = inCard(customer, 'copy-button')!;
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await resetMouse();
    await waitUntil(() => text(inCard(customer, 'copy-button')) === 'Copied');
    const copied = await navigator.clipboard.readText();
    const lines = copied.split('\n');
    expect(lines).to.include('Category: missing_data (needs a fix)');
    expect(lines).to.include("Fix: Set the company's Subsidiary (NetSuite needs one for every customer), then resync. (https://app.example-crm.com/integrations/netsuite/field-mappings#subsidiary)");
    expect(lines.find((line) => line.startsWith('Retry: '))).to.match(/^Retry: attempt 4 of 10, next at \d{4}-\d{2}-\d{2}T/);
    expect(lines).to.include('- Subsidiary (subsidiary): failed; CRM —; NetSuite —; Required by NetSuite; empty in the CRM.');
    expect(lines).to.include('- Phone number (phone): differs; CRM "+1 212 555 0100"; NetSuite "+1 212 555 0199"; Changed in NetSuite after the last sync.');
    expect(copied, 'synced fields are not listed').to.not.contain('Company name');
    // A partial sync can be copied too.
    expect(inCard(cardOf(card, 'dynamics365:account'), 'copy-button')).to.not.equal(null);
  });
});

describe('wire format 1.1: French', () => {
  it('shows the new labels in French', async () => {
    const card = await worstDay('fr');
    await waitUntil(() => text(inCard(cardOf(card, 'netsuite:customer'), 'category')) === 'Correction nécessaire', 'French never arrived');
    const customer = cardOf(card, 'netsuite:customer');
    expect(text(inCard(customer, 'category')!.parentElement)).to.equal('Correction nécessaire Données manquantes');
    expect(text(inCard(cardOf(card, 'netsuite:project'), 'category'))).to.equal('Réessayer peut aider');
    expect(text(inCard(customer, 'retry-plan'))).to.equal('Tentative 4 sur 10 · prochaine tentative dans 12 minutes');
    expect(text(inCard(cardOf(card, 'dynamics365:account'), 'retry-plan'))).to.equal('Plus de nouvelle tentative automatique');
    expect(text(inCard(cardOf(card, 'dynamics365:account'), 'status'))).to.equal('Partiellement synchronisée');
    expect(tooltipOf(card, cardOf(card, 'dynamics365:account'))).to.contain("2 champs n'ont pas pu être synchronisés.");
    expect(tooltipOf(card, cardOf(card, 'netsuite:vendor'))).to.contain('Motif : ');
    expect(text(customer.querySelector('.why-label'))).to.equal('Que faire');
    expect(text(inCard(customer, 'fields-toggle'))).to.equal('Champs (7)');
    const list = await openFields(customer);
    expect(list.getAttribute('aria-label')).to.equal('Champs de NetSuite customer');
    const first = list.querySelector<HTMLElement>('[part~="field"]')!;
    expect([...first.querySelector('.field-head')!.children].map(text)).to.deep.equal(['Subsidiary', 'Échec', 'Vers le système externe']);
    expect([...first.querySelectorAll('dt')].map(text)).to.deep.equal(['CRM', 'NetSuite']);
    expect(text(inCard(list.querySelector<HTMLElement>('[data-field="creditlimit"]')!, 'field-crm-value'))).to.equal('250 000');
    expect(text(inCard(list.querySelector<HTMLElement>('[data-field="taxable"]')!, 'field-crm-value'))).to.equal('Oui');
    inCard(customer, 'history-toggle')!.click();
    await waitUntil(() => customer.querySelectorAll('.history-trigger').length === 4, 'no history');
    expect([...customer.querySelectorAll('.history-trigger')].map(text)).to.deep.equal(['Fiche modifiée', 'Manuelle · par Jane Cooper', 'API · par ERP bridge (API key …4f2a)', 'Planifiée']);
  });
});

/**
 * The page in a colour scheme: the run's media command (its older name first), else the test is
 * skipped where the engine cannot emulate it; checked with matchMedia, never assumed.
 */
async function colorScheme(test: Mocha.Context, scheme: 'light' | 'dark' | null): Promise<void> {
  try {
    await executeServerCommand('isc-media-features', scheme ? [{ name: 'prefers-color-scheme', value: scheme }] : []);
  } catch {
    await executeServerCommand('isc-media', scheme ? { colorScheme: scheme } : {}).catch(() => undefined);
  }
  if (scheme && !matchMedia(`(prefers-color-scheme: ${scheme})`).matches) test.skip();
}

describe('wire format 1.1: accessibility', () => {
  const WCAG = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };
  afterEach(function () {
    return colorScheme(this, null);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe with every 1.1 part open (${scheme})`, async function () {
      this.timeout(60_000);
      await colorScheme(this, scheme);
      const card = await worstDay();
      for (const section of parts(card, 'card')) {
        if (inCard(section, 'fields-toggle')) await openFields(section);
      }
      const customer = cardOf(card, 'netsuite:customer');
      inCard(customer, 'history-toggle')!.click();
      await waitUntil(() => customer.querySelector('.history-trigger'));
      inCard(cardOf(card, 'dynamics365:account'), 'status')!.focus();
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="tooltip"]:not([hidden])'));
      const results = await axe.run(card, WCAG);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
    });
  }
});
