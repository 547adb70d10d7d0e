// src/components/tooltip-controller.ts (opened by tooltip-trigger.ts): hover, focus, Escape, one open
// tooltip per page, positioning listeners only while open.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part, parts, renderCard } from '../helpers.ts';

// What hundreds of cards on one page share instead of paying per card: one relative-time timer,
// cached Intl formatters, no per-card document/window listeners, positioning listeners only
// while a tooltip is open.
const ids = Array.from({ length: 60 }, (_, i) => `${i}`);
const provider = createMemoryProvider(Object.fromEntries(ids.map((id) => [`company:${id}`, oneSync()])));

async function mountList(lang = 'en'): Promise<IntegrationSyncCard[]> {
  const root = await fixture<HTMLElement>(html`<div>
    ${ids.map((id) => html`<integration-sync-card lang=${lang} object-type="company" object-id=${id} .provider=${provider}></integration-sync-card>`)}
  </div>`);
  const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
  await waitUntil(() => cards.every((card) => part(card, 'card')), 'not every card loaded');
  return cards;
}

/** Counts the listeners currently registered on window and document, by event type. */
function trackListeners() {
  const active = new Map<string, Set<unknown>>();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const tracked = (target: EventTarget) => target === window || target === document;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (tracked(this) && listener) {
      if (!active.has(type)) active.set(type, new Set());
      active.get(type)!.add(listener);
    }
    return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof add;
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (tracked(this)) active.get(type)?.delete(listener);
    return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof remove;
  return {
    count: (...types: string[]) => types.reduce((sum, type) => sum + (active.get(type)?.size ?? 0), 0),
    restore() {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    },
  };
}

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
