// src/components/tooltip-controller.ts (opened by tooltip-trigger.ts): hover, focus, Escape, one open
// tooltip per page, positioning listeners only while open.
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
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

// Where the tooltip goes (Floating UI in src/components/tooltip-controller.ts), whatever the page
// around the card.
describe('status tooltip placement', () => {
  const syncs = createMemoryProvider({ 'company:1': oneSync({ status: 'record_excluded', detail: { exclusionGroup: 'Test accounts used by the sales team for demos and training' } }) });
  // Fixed, so the box is where the test says in the viewport whatever the page holds; inside a
  // transformed wrapper, the wrapper is its containing block.
  async function openAt(style: string, wrapper = '', dir = 'ltr') {
    const card = await renderCard(html`<div style=${wrapper}><div dir=${dir} style=${`position: fixed; ${style}`}>
      <integration-sync-card lang="en" object-type="company" object-id="1" .provider=${syncs}></integration-sync-card></div></div>`);
    const status = part(card, 'status')!;
    const tooltip = tooltipOf(card, status);
    status.focus();
    await waitUntil(() => isShown(tooltip), 'tooltip did not open');
    return { card, status, tooltip };
  }
  const gap = (tooltip: Element, status: Element) => {
    const tip = tooltip.getBoundingClientRect();
    const anchor = status.getBoundingClientRect();
    return tip.bottom <= anchor.top + 1 ? anchor.top - tip.bottom : tip.top - anchor.bottom;
  };

  afterEach(() => (document.activeElement as HTMLElement | null)?.blur());

  it('goes above the status when there is room, 6 px away, centred on it', async () => {
    const { status, tooltip } = await openAt('top: 200px; left: 100px; width: 320px');
    expect(tooltip.dataset.placement).to.equal('top');
    expect(tooltip.getBoundingClientRect().bottom).to.be.at.most(status.getBoundingClientRect().top);
    expect(gap(tooltip, status)).to.be.closeTo(6, 1);
    const [tipX] = center(tooltip);
    const [statusX] = center(status);
    expect(Math.abs(tipX - statusX), 'centred on the status').to.be.at.most(1);
  });

  it('goes below the status when there is no room above', async () => {
    const { card, status, tooltip } = await openAt('top: 0; left: 100px; width: 320px');
    // The status 10 px from the top of the viewport, whatever the card shows above it.
    status.blur();
    await waitUntil(() => !isShown(tooltip));
    (card.parentElement as HTMLElement).style.top = `${10 - status.getBoundingClientRect().top}px`;
    status.focus();
    await waitUntil(() => isShown(tooltip));
    expect(tooltip.dataset.placement).to.equal('bottom');
    expect(tooltip.getBoundingClientRect().top).to.be.at.least(status.getBoundingClientRect().bottom);
    expect(gap(tooltip, status)).to.be.closeTo(6, 1);
  });

  it('stays 8 px inside the viewport next to its right edge', async () => {
    const { status, tooltip } = await openAt('top: 200px; right: 0; width: 120px');
    const tip = tooltip.getBoundingClientRect();
    expect(tip.right).to.be.closeTo(document.documentElement.clientWidth - 8, 1);
    expect(tip.left).to.be.at.least(8);
    expect(gap(tooltip, status)).to.be.closeTo(6, 1);
  });

  it('in a right-to-left card too: beside its status and 8 px inside the viewport', async () => {
    // The status starts the line in RTL, at the card's right edge here, flush with the viewport's:
    // a tooltip centred on it would stick out on the right.
    const { card, status, tooltip } = await openAt('top: 200px; right: 0; width: 200px', '', 'rtl');
    expect(getComputedStyle(part(card, 'card')!).direction).to.equal('rtl');
    const tip = tooltip.getBoundingClientRect();
    const anchor = status.getBoundingClientRect();
    expect(anchor.right, 'the status is on the right').to.be.greaterThan(document.documentElement.clientWidth - 120);
    // Moved left as a whole, not squeezed into what is left on the status's right: as wide as the
    // stylesheet lets its long text be.
    expect(tip.width, 'its full width').to.be.closeTo(280, 1);
    expect(tip.right).to.be.closeTo(document.documentElement.clientWidth - 8, 1);
    expect(tip.left).to.be.at.least(8);
    expect(gap(tooltip, status)).to.be.closeTo(6, 1);
    expect(tip.left < anchor.right && tip.right > anchor.left, 'above or below the status, not beside the page').to.equal(true);
  });

  it('wider than a 320 px viewport: as wide as the viewport allows, 8 px inside it, beside its status', async () => {
    // A page of its own, 320 px wide (a phone), running the same modules as this one, whose
    // design widens the tooltips to 480 px.
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 320px; height: 480px; border: 0';
    frame.srcdoc = `<!doctype html><style>integration-sync-card::part(tooltip) { max-width: 480px }</style>
      <body style="margin: 0"><script type="module">import '/src/define.ts';</script></body>`;
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentWindow?.customElements?.get('integration-sync-card'), 'the frame never defined the element');
      const doc = frame.contentDocument!;
      const card = doc.createElement('integration-sync-card') as HTMLElement & { provider: unknown };
      const message = `${'The subsidiary, currency and tax nexus are missing from this customer. '.repeat(3)}https://app.example-crm.com/integrations/netsuite/field-mappings/subsidiary-currency-and-tax-nexus`;
      card.provider = createMemoryProvider({ 'company:1': oneSync({ status: 'record_not_synced', detail: { message } }) });
      card.setAttribute('lang', 'en');
      card.setAttribute('object-type', 'company');
      card.setAttribute('object-id', '1');
      card.style.cssText = 'display: block; margin: 200px 0 0 12px; width: 296px';
      doc.body.append(card);
      await waitUntil(() => part(card, 'status'), 'the card never rendered its status');
      const status = part(card, 'status')!;
      const tooltip = tooltipOf(card, status);
      status.focus();
      const shown = () => !tooltip.hidden && tooltip.style.visibility !== 'hidden' && tooltip.style.left !== '';
      await waitUntil(shown, 'tooltip did not open');
      const viewport = doc.documentElement.clientWidth;
      expect(viewport).to.equal(320);
      // Its text and the page's style would make it 480 px wide: it takes all the room there is.
      const tip = tooltip.getBoundingClientRect();
      expect(tip.width).to.be.closeTo(viewport - 16, 1);
      expect(tip.left).to.be.closeTo(8, 1);
      expect(tip.right).to.be.closeTo(viewport - 8, 1);
      expect(tooltip.scrollWidth, 'no text sticks out of it').to.be.at.most(tooltip.clientWidth);
      expect(gap(tooltip, status)).to.be.closeTo(6, 1);
    } finally {
      frame.remove();
    }
  });

  it('sits next to its status inside a transformed ancestor too', async () => {
    const { status, tooltip } = await openAt('top: 150px; left: 60px; width: 320px', 'transform: translate(40px, 30px); position: fixed; inset: 0');
    expect(gap(tooltip, status)).to.be.closeTo(6, 1);
    const [tipX] = center(tooltip);
    const [statusX] = center(status);
    expect(Math.abs(tipX - statusX)).to.be.at.most(1);
  });

  it('without popover (Safari < 17, Firefox < 125): still next to its status inside a transformed ancestor', async () => {
    // The engine as the floor's oldest see it: no showPopover, so the tooltip stays a fixed box
    // in the card, whose containing block is the transformed wrapper.
    const showPopover = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'showPopover')!;
    delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
    try {
      const { status, tooltip } = await openAt('top: 150px; left: 60px; width: 320px', 'transform: translate(40px, 30px); position: fixed; inset: 0');
      expect(tooltip.matches(':popover-open'), 'not in the top layer').to.equal(false);
      expect(gap(tooltip, status)).to.be.closeTo(6, 1);
      const [tipX] = center(tooltip);
      const [statusX] = center(status);
      expect(Math.abs(tipX - statusX)).to.be.at.most(1);
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'showPopover', showPopover);
    }
  });

  it('follows its status when a container scrolls', async () => {
    const card = await renderCard(html`<div id="scroller" style="height: 300px; overflow: auto; margin-top: 150px">
      <div style="height: 100px"></div>
      <integration-sync-card lang="en" object-type="company" object-id="1" .provider=${syncs}></integration-sync-card>
      <div style="height: 800px"></div></div>`);
    const scroller = document.getElementById('scroller')!;
    const status = part(card, 'status')!;
    const tooltip = tooltipOf(card, status);
    status.focus({ preventScroll: true });
    await waitUntil(() => isShown(tooltip));
    const before = tooltip.getBoundingClientRect().top;
    scroller.scrollTop = 40;
    await waitUntil(() => Math.abs(tooltip.getBoundingClientRect().top - (before - 40)) <= 1, 'the tooltip did not move with its status');
    expect(gap(tooltip, status)).to.be.closeTo(6, 1);
  });
});
