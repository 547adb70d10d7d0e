import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { sendKeys } from '@web/test-runner-commands';
import type { AxeResults } from 'axe-core';
import 'axe-core/axe.min.js';
import { createMemoryProvider, type IntegrationSyncCard, SYNC_STATUSES, type SyncDataProvider, type SyncStatusResponse } from '../../src/index.ts';
import { minutesAgo, oneSync, part, parts, renderCard, text } from '../helpers.ts';
import { emulateMedia, resetMedia } from '../support/media.ts';

declare const axe: { run(context: Element, options: object): Promise<AxeResults> };


const WCAG = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };

async function expectNoViolations(element: Element, label: string): Promise<void> {
  const results = await axe.run(element, WCAG);
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label}: axe violations`).to.deep.equal([]);
}

const allStatuses: SyncStatusResponse = {
  integrations: [
    { id: 'netsuite', name: 'NetSuite', state: 'extra_features_required', settingsUrl: 'https://app.example-crm.com/integrations/netsuite/settings' },
  ],
  syncs: SYNC_STATUSES.map((status, i) => ({
    id: `sync-${status}`,
    integrationId: 'netsuite',
    label: `NetSuite ${status.replace(/_/g, ' ')}`,
    status,
    syncedWith: { name: `Record ${i}`, url: `https://erp.example.com/records/${i}` },
    lastSyncedAt: minutesAgo(i * 30 + 3),
    nextSyncAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    detail: { message: 'Required field is missing.', code: 'E1', url: 'https://app.example-crm.com/sync-health', exclusionGroup: 'Test accounts' },
  })),
};

const fullProvider = (): SyncDataProvider => ({
  ...createMemoryProvider({ 'company:1': allStatuses }),
  resync: async () => {
    throw new Error('Refused');
  },
  getSyncHistory: async () => [
    { at: minutesAgo(5), status: 'record_not_synced', message: 'Missing field', direction: 'outbound' },
    { at: minutesAgo(60), status: 'up_to_date', direction: 'inbound' },
  ],
});

/** Every state a user can meet, rendered in one page. */
async function renderEveryState(): Promise<HTMLElement> {
  const never = { getSyncStatus: () => new Promise<never>(() => {}) };
  const failing = { getSyncStatus: () => Promise.reject(new Error('NetSuite is down')) };
  const root = await fixture<HTMLElement>(html`<div style="width: 360px">
    <integration-sync-card id="data" lang="en" object-type="company" object-id="1" .provider=${fullProvider()}></integration-sync-card>
    <integration-sync-card id="loading" lang="en" object-type="company" object-id="1" .provider=${never}></integration-sync-card>
    <integration-sync-card id="error" lang="en" object-type="company" object-id="1" .provider=${failing}></integration-sync-card>
    <integration-sync-card id="empty" lang="en"></integration-sync-card>
  </div>`);
  const data = root.querySelector<IntegrationSyncCard>('#data')!;
  await waitUntil(() => part(data, 'card') && part(root.querySelector('#error')!, 'error'), 'states did not render');
  // Open what opens: history, a resync error, and a tooltip.
  part(data, 'history-toggle')!.click();
  part(data, 'resync-button')!.click();
  await waitUntil(() => part(data, 'history-entry') && part(data, 'resync-error'), 'history and resync error');
  part(data, 'status')!.focus();
  await waitUntil(() => data.shadowRoot!.querySelector('[part~="tooltip"]:not([hidden])'), 'the tooltip did not open');
  return root;
}

/** WCAG relative luminance contrast of two computed colours (rgb()/rgba() strings). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('accessibility', () => {
  afterEach(async () => {
    await resetMedia();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every state passes axe (WCAG 2.2 A/AA) in the ${scheme} theme`, async function () {
      this.timeout(60_000); // axe on every state: seconds in WebKitGTK under Xvfb on a busy machine
      await emulateMedia(this, { colorScheme: scheme });
      const root = await renderEveryState();
      for (const card of root.querySelectorAll('integration-sync-card')) await expectNoViolations(card, `${scheme} #${card.id}`);
    });

    it(`status text ≥ 4.5:1 and status icons ≥ 3:1 against the pill, for every tone (${scheme})`, async function () {
      await emulateMedia(this, { colorScheme: scheme });
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${createMemoryProvider({ 'company:1': allStatuses })}></integration-sync-card>`);
      for (const status of parts(card, 'status')) {
        const style = getComputedStyle(status);
        const icon = getComputedStyle(status.querySelector('svg')!);
        const label = status.dataset.status!;
        expect(contrast(style.color, style.backgroundColor), `${label} text`).to.be.at.least(4.5);
        expect(contrast(icon.stroke, style.backgroundColor), `${label} icon`).to.be.at.least(3);
      }
    });
  }

  it('keyboard only: Tab reaches every link, status and button in reading order, each with a visible focus ring', async () => {
    const root = await fixture<HTMLElement>(html`<div><button id="start">start</button>
      <integration-sync-card lang="en" object-type="company" object-id="1"
        .provider=${{ ...createMemoryProvider({ 'company:1': { integrations: allStatuses.integrations, syncs: allStatuses.syncs.slice(2, 4) } }), resync: async () => {}, getSyncHistory: async () => [] }}>
      </integration-sync-card><button id="end">end</button></div>`);
    const card = root.querySelector<IntegrationSyncCard>('integration-sync-card')!;
    await waitUntil(() => parts(card, 'card').length === 2);
    const expected = [...card.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, [tabindex="0"]')];
    expect(expected.map((el) => el.getAttribute('part'))).to.deep.equal([
      'setup-link',
      'synced-with-link',
      'status',
      'resync-button',
      'history-toggle',
      'synced-with-link',
      'status status-link',
      'resync-button',
      'history-toggle',
      'copy-button',
    ]);
    root.querySelector<HTMLElement>('#start')!.focus();
    const reached: HTMLElement[] = [];
    for (let i = 0; i < expected.length; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = card.shadowRoot!.activeElement as HTMLElement;
      reached.push(focused);
      const outline = getComputedStyle(focused);
      expect(focused.matches(':focus-visible'), `${focused.getAttribute('part')} shows focus`).to.equal(true);
      expect(outline.outlineStyle, `${focused.getAttribute('part')} outline`).to.not.equal('none');
      expect(parseFloat(outline.outlineWidth)).to.be.at.least(2);
    }
    expect(reached.map((el) => el.getAttribute('part'))).to.deep.equal(expected.map((el) => el.getAttribute('part')));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id, 'Tab leaves the card').to.equal('end');
  });

  it('each card is a labelled region with a heading', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${createMemoryProvider({ 'company:1': oneSync() })}></integration-sync-card>`);
    const region = part(card, 'card')!;
    expect(region.tagName).to.equal('SECTION');
    const name = region.getAttribute('aria-labelledby')!.split(' ').map((id) => text(card.shadowRoot!.getElementById(id))).join(' ');
    expect(name).to.equal('NetSuite NetSuite customer');
    expect(region.querySelector('h3')).to.not.equal(null);
  });

  it('forced colors (Windows high contrast): the status pill keeps a visible border', async function () {
    await emulateMedia(this, { forcedColors: 'active' });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${createMemoryProvider({ 'company:1': oneSync() })}></integration-sync-card>`);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const style = getComputedStyle(part(card, 'status')!);
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.borderTopColor).to.not.equal('rgba(0, 0, 0, 0)');
  });

  it('reflows at 320 px and 200% zoom (a 160 px column): no horizontal scrolling', async () => {
    for (const width of [320, 160]) {
      const root = await fixture<HTMLElement>(html`<div style=${`width: ${width}px`}>
        <integration-sync-card lang="en" object-type="company" object-id="1" .provider=${fullProvider()}></integration-sync-card>
      </div>`);
      const card = root.querySelector<IntegrationSyncCard>('integration-sync-card')!;
      await waitUntil(() => part(card, 'card'));
      expect(card.scrollWidth, `${width}px host`).to.be.at.most(width);
      for (const section of parts(card, 'card')) expect(section.scrollWidth, `${width}px card`).to.be.at.most(section.clientWidth + 1);
    }
  });

  it('respects prefers-reduced-motion: no spinning icons', async function () {
    const provider = createMemoryProvider({ 'company:1': oneSync({ status: 'in_progress' }) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const icon = part(card, 'status')!.querySelector('svg')!;
    expect(getComputedStyle(icon).animationName).to.equal('spin');
    await emulateMedia(this, { reducedMotion: 'reduce' });
    expect(getComputedStyle(icon).animationName).to.equal('none');
  });

  it('mirrors for right-to-left pages', async () => {
    const root = await fixture<HTMLElement>(html`<div dir="rtl">
      <integration-sync-card lang="en" object-type="company" object-id="1" .provider=${createMemoryProvider({ 'company:1': oneSync() })}></integration-sync-card>
    </div>`);
    const card = root.querySelector<IntegrationSyncCard>('integration-sync-card')!;
    await waitUntil(() => part(card, 'card'));
    const label = card.shadowRoot!.querySelector('dt')!.getBoundingClientRect();
    const section = part(card, 'card')!.getBoundingClientRect();
    expect(getComputedStyle(part(card, 'card')!).direction).to.equal('rtl');
    expect(section.right - label.right, 'labels start on the right').to.be.below(section.width / 4);
  });
});
