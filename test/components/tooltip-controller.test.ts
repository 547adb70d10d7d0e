// src/components/tooltip-controller.ts (opened by tooltip-trigger.ts): hover, focus, Escape, one open
// tooltip per page, positioning listeners only while open.
import { expect, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createMemoryProvider } from '../../src/index.ts';
import { oneSync, part, parts, renderCard } from '../helpers.ts';
import { mountList, trackListeners } from '../support/card-list.ts';

const center = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
};
const tooltipOf = (card: Element, status: Element) => card.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
const isShown = (tooltip: HTMLElement) => !tooltip.hidden && getComputedStyle(tooltip).display !== 'none' && getComputedStyle(tooltip).visibility !== 'hidden';

async function twoCards() {
  const provider = createMemoryProvider({
    'company:1': {
      integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
      syncs: [
        { id: 'a', integrationId: 'netsuite', status: 'record_not_synced', detail: { message: 'Subsidiary is missing.', url: 'https://app.example-crm.com/sync-health' } },
        { id: 'b', integrationId: 'netsuite', status: 'record_excluded', detail: { exclusionGroup: 'Test accounts' } },
      ],
    },
  });
  return renderCard(html`<div style="padding: 120px 40px; width: 360px">
    <integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>
  </div>`);
}

describe('status tooltips', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('opens on hover, above or below the status and inside the viewport, and closes on leave', async () => {
    const card = await twoCards();
    const [status] = parts(card, 'status');
    const tooltip = tooltipOf(card, status);
    expect(isShown(tooltip)).to.equal(false);
    await sendMouse({ type: 'move', position: center(status) });
    await waitUntil(() => isShown(tooltip), 'tooltip did not open on hover');
    expect(tooltip.textContent).to.contain('Subsidiary is missing.');
    const tip = tooltip.getBoundingClientRect();
    const anchor = status.getBoundingClientRect();
    expect(tip.bottom <= anchor.top + 1 || tip.top >= anchor.bottom - 1, 'does not cover the status').to.equal(true);
    expect(tip.left).to.be.at.least(0);
    expect(tip.right).to.be.at.most(window.innerWidth);
    await sendMouse({ type: 'move', position: [5, 5] });
    await waitUntil(() => !isShown(tooltip), 'tooltip did not close on leave');
  });

  it('stays open while the pointer travels onto the tooltip (WCAG 1.4.13)', async () => {
    const card = await twoCards();
    const [status] = parts(card, 'status');
    const tooltip = tooltipOf(card, status);
    await sendMouse({ type: 'move', position: center(status) });
    await waitUntil(() => isShown(tooltip));
    await sendMouse({ type: 'move', position: center(tooltip) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isShown(tooltip), 'still open over the tooltip').to.equal(true);
    await sendMouse({ type: 'move', position: [5, 5] });
    await waitUntil(() => !isShown(tooltip));
  });

  it('opens on keyboard focus, and Escape pressed anywhere closes it', async () => {
    const provider = createMemoryProvider({ 'company:2': oneSync({ status: 'record_excluded', syncedWith: null, detail: { exclusionGroup: 'Test accounts' } }) });
    const root = await renderCard(html`<div><button id="before">before</button>
      <integration-sync-card lang="en" object-type="company" object-id="2" .provider=${provider}></integration-sync-card></div>`);
    const card = root.tagName === 'INTEGRATION-SYNC-CARD' ? root : root.querySelector('integration-sync-card')!;
    const status = part(card, 'status')!;
    const tooltip = tooltipOf(card, status);
    document.getElementById('before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(card.shadowRoot!.activeElement === status, 'Tab reaches the status').to.equal(true);
    await waitUntil(() => isShown(tooltip), 'tooltip did not open on focus');
    expect(tooltip.textContent).to.contain('Test accounts');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isShown(tooltip), 'Escape did not close it');
    expect(card.shadowRoot!.activeElement === status, 'focus stays on the status').to.equal(true);
  });

  it('keeps one tooltip open per page', async () => {
    const first = await twoCards();
    const second = await twoCards();
    const a = parts(first, 'status')[0];
    const b = parts(second, 'status')[1];
    a.focus();
    await waitUntil(() => isShown(tooltipOf(first, a)));
    b.focus();
    await waitUntil(() => isShown(tooltipOf(second, b)));
    expect(isShown(tooltipOf(first, a))).to.equal(false);
    b.blur();
  });

  it('describes the status for assistive technology', async () => {
    const provider = createMemoryProvider({ 'company:1': oneSync({ status: 'sync_disabled' }) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const status = part(card, 'status')!;
    expect(status.tabIndex).to.equal(0);
    expect(tooltipOf(card, status).textContent).to.contain('Sync is turned off in the NetSuite settings.');
  });

  it('listens to scrolling only while a tooltip is open', async () => {
    const cards = await mountList();
    const listeners = trackListeners();
    try {
      const status = part(cards[0], 'status')!;
      status.focus();
      const tooltip = cards[0].shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
      await waitUntil(() => !tooltip.hidden && tooltip.style.visibility !== 'hidden', 'the tooltip was never positioned');
      expect(listeners.count('scroll', 'resize'), 'autoUpdate while open').to.be.greaterThan(0);
      status.blur();
      await waitUntil(() => tooltip.hidden, 'the tooltip did not close');
      expect(listeners.count('scroll', 'resize', 'keydown')).to.equal(0);
    } finally {
      listeners.restore();
    }
  });
});
