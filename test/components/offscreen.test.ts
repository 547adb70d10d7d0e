// Cards off screen skip their rendering (content-visibility: auto on the host); nothing a user
// does may notice: tooltips are never clipped and sit above everything (top layer), find-in-page
// and anchor links reach the text, focus and screen readers reach every card, and the scroll
// position does not jump while cards render as they come near the viewport.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import '../../src/define.ts';
import { part, parts } from '../helpers.ts';

const COUNT = 60;
// The card skips off-screen rendering only where the engine keeps the scroll position while
// guessed sizes are corrected (see the stylesheet): Chromium for now. Every test below holds in
// every engine either way.
const skipsOffscreen = CSS.supports('(overflow-anchor: auto) and (interpolate-size: allow-keywords)');
const frames = async (count = 3) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};
const center = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
};

/** Two syncs per record; record n is "Company n" in NetSuite and "Account n" in Dynamics. */
const provider = createMemoryProvider(
  Object.fromEntries(
    Array.from({ length: COUNT }, (_, i) => [
      `company:${i + 1}`,
      {
        integrations: [
          { id: 'netsuite', name: 'NetSuite', state: 'active' },
          { id: 'dynamics', name: 'Microsoft Dynamics 365', state: 'active' },
        ],
        syncs: [
          {
            id: 'netsuite:customer',
            integrationId: 'netsuite',
            label: 'NetSuite customer',
            status: i % 2 ? 'up_to_date' : 'record_not_synced',
            syncedWith: { name: `Company ${i + 1} (CUS-${1000 + i + 1})`, url: `https://1234567.app.netsuite.com/c?id=${i + 1}` },
            detail: i % 2 ? {} : { message: `Subsidiary of record ${i + 1} is missing.` },
          },
          {
            id: 'dynamics:account',
            integrationId: 'dynamics',
            label: 'Dynamics account',
            status: 'sync_disabled',
            syncedWith: { name: `Account ${i + 1} (ACC-${2000 + i + 1})`, url: `https://contoso.crm.dynamics.com/a?id=${i + 1}` },
          },
        ],
      },
    ]),
  ),
);

/** A list of COUNT cards, each host with an id (`record-n`), all loaded; most are off screen. */
async function list({ scroller = false } = {}): Promise<{ root: HTMLElement; cards: IntegrationSyncCard[] }> {
  const style = scroller ? 'width: 360px; padding: 8px; height: 600px; overflow: auto' : 'width: 360px; padding: 8px';
  const root = await fixture<HTMLElement>(html`<div style=${style}>
    ${Array.from(
      { length: COUNT },
      (_, i) => html`<integration-sync-card id="record-${i + 1}" lang="en" object-type="company" object-id=${String(i + 1)} .provider=${provider}></integration-sync-card>`,
    )}
  </div>`);
  const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
  await waitUntil(() => cards.every((card) => part(card, 'card')), 'not every card loaded');
  await frames();
  return { root, cards };
}

const farCard = (cards: IntegrationSyncCard[]) => cards[COUNT - 10];

describe('off-screen cards', () => {
  afterEach(async () => {
    window.scrollTo(0, 0);
    await resetMouse();
  });

  it(`${skipsOffscreen ? 'skip' : 'do not skip (the scroll position could move here)'} their rendering far below the viewport, and render once near`, async () => {
    const { cards } = await list();
    const far = farCard(cards);
    expect(far.getBoundingClientRect().top, 'the card is far below the viewport').to.be.greaterThan(window.innerHeight * 3);
    // checkVisibility with contentVisibilityAuto: false for content that content-visibility skips.
    const skipped = () => !part(far, 'status')!.checkVisibility({ contentVisibilityAuto: true });
    expect(skipped(), skipsOffscreen ? 'off screen, its content is skipped' : 'laid out like any other').to.equal(skipsOffscreen);
    far.scrollIntoView({ block: 'center' });
    await waitUntil(() => !skipped(), 'the card never rendered once in view');
  });

  it('show a tooltip in the top layer: not clipped by the card or a clipping ancestor, above any z-index', async () => {
    // A host page that clips the card (a short box, overflow hidden, the card pulled up so its
    // status sits near the box's top edge) and covers the space above the status with a fixed
    // layer of the highest z-index.
    const host = await fixture<HTMLElement>(html`<div style="padding: 160px 40px 0">
      <div style="position: relative; z-index: 0; overflow: hidden; width: 360px; height: 120px">
        <integration-sync-card style="margin-top: -60px" lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>
      </div>
      <div class="cover" style="position: fixed; inset: 0 0 auto 0; height: 160px; z-index: 2147483647; background: rgb(255 0 0 / 0.2)"></div>
    </div>`);
    const card = host.querySelector<IntegrationSyncCard>('integration-sync-card')!;
    await waitUntil(() => part(card, 'status'));
    const status = part(card, 'status')!;
    const tooltip = card.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
    const clip = card.parentElement!.getBoundingClientRect();
    expect(status.getBoundingClientRect().top, 'the status shows, near the top of the clipping box').to.be.within(clip.top, clip.top + 40);
    host.querySelector<HTMLElement>('.cover')!.style.height = `${Math.floor(status.getBoundingClientRect().top) - 2}px`;
    await sendMouse({ type: 'move', position: center(status) });
    await waitUntil(() => !tooltip.hidden && tooltip.style.visibility !== 'hidden' && tooltip.style.left !== '', 'the tooltip did not open');
    expect(tooltip.matches(':popover-open'), 'in the top layer').to.equal(true);
    const tip = tooltip.getBoundingClientRect();
    expect(tip.top, 'the tooltip reaches above the clipping box').to.be.below(clip.top - 10);
    // What is painted where the tooltip is, inside the box and outside it, is the tooltip: not
    // clipped away, not under the cover.
    const x = Math.round(tip.left + tip.width / 2);
    for (const y of [Math.round(tip.top + 4), Math.round(tip.bottom - 4)]) {
      expect(card.shadowRoot!.elementFromPoint(x, y)?.closest('[part~="tooltip"]'), `the tooltip shows at y=${y}`).to.equal(tooltip);
    }
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => tooltip.hidden && !tooltip.matches(':popover-open'), 'Escape did not close it');
    expect(tip.top, 'and it reached under the cover').to.be.below(host.querySelector<HTMLElement>('.cover')!.getBoundingClientRect().bottom);
  });

  it('open a tooltip on hover in a card that was off screen, with the pointer', async () => {
    const { cards } = await list();
    const far = farCard(cards);
    far.scrollIntoView({ block: 'center' });
    await frames();
    const status = part(far, 'status')!;
    const tooltip = far.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
    await sendMouse({ type: 'move', position: center(status) });
    await waitUntil(() => !tooltip.hidden && tooltip.style.visibility !== 'hidden' && tooltip.style.left !== '', 'the tooltip did not open on hover');
    const [x, y] = center(tooltip);
    expect(far.shadowRoot!.elementFromPoint(x, y)?.closest('[part~="tooltip"]')).to.equal(tooltip);
  });

  it('let find-in-page reach the text of a card off screen', async function () {
    // window.find is what the browser's own find bar does: search the rendered text, select and
    // reveal it. An engine whose window.find never enters a shadow root cannot tell anything here.
    const control = await fixture<HTMLElement>(html`<div></div>`);
    control.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow text for the find probe</p>';
    const find = (window as unknown as { find: (text: string, caseSensitive?: boolean) => boolean }).find;
    getSelection()?.removeAllRanges();
    if (!find('Shadow text for the find probe', true)) {
      await executeServerCommand('isc-skip', { test: this.test?.fullTitle(), reason: "window.find does not search shadow roots in this engine, on screen or not" });
      this.skip();
    }
    const { cards } = await list();
    const far = farCard(cards);
    const name = `Account ${COUNT - 9} (ACC-${2000 + COUNT - 9})`;
    getSelection()?.removeAllRanges();
    const found = find(name, true);
    expect(found, `"${name}" found`).to.equal(true);
    await frames();
    const link = parts(far, 'synced-with-link')[1];
    const box = link.getBoundingClientRect();
    expect(box.height, 'the found text is laid out').to.be.greaterThan(0);
    expect(box.top >= 0 && box.bottom <= window.innerHeight, 'and scrolled into view').to.equal(true);
  });

  it('let an anchor link scroll to a card off screen and show it', async () => {
    const { cards } = await list();
    const far = farCard(cards);
    const link = document.createElement('a');
    link.href = `#${far.id}`;
    link.textContent = 'Go to the record';
    document.body.prepend(link);
    try {
      link.click();
      // At (or, where cards above it were still a size guess while the page scrolled, near) the top.
      const name = () => part(far, 'integration-name')!.getBoundingClientRect();
      await waitUntil(() => location.hash === `#${far.id}` && name().top >= 0 && name().bottom <= window.innerHeight / 3, 'the page did not scroll to the card');
      await waitUntil(() => part(far, 'status')!.checkVisibility({ contentVisibilityAuto: true }), 'the card did not render');
      const status = part(far, 'status')!.getBoundingClientRect();
      expect(status.height).to.be.greaterThan(0);
      expect(status.top).to.be.within(0, window.innerHeight);
      // Once there, it stays put while the cards around it render.
      const top = far.getBoundingClientRect().top;
      await frames(4);
      expect(far.getBoundingClientRect().top).to.be.closeTo(top, 1);
    } finally {
      link.remove();
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('let the keyboard reach every card: Tab moves from card to card through the skipped ones', async () => {
    const { cards } = await list();
    // Start on the last focusable of card 30 (its second status), then Tab on into card 31.
    const start = parts(cards[29], 'status')[1];
    start.focus();
    await sendKeys({ press: 'Tab' });
    const next = cards[30];
    expect(document.activeElement, 'focus moved into the next card').to.equal(next);
    const focused = next.shadowRoot!.activeElement!;
    expect(focused.matches('[part~="synced-with-link"]'), 'its first link').to.equal(true);
    await frames();
    const box = focused.getBoundingClientRect();
    expect(box.height, 'the focused link is laid out').to.be.greaterThan(0);
    expect(box.top >= 0 && box.bottom <= window.innerHeight, 'and on screen').to.equal(true);
    // And programmatic focus of a card's status far below works the same way.
    const far = part(farCard(cards), 'status')!;
    far.focus();
    expect(farCard(cards).shadowRoot!.activeElement).to.equal(far);
  });

  it('keep every card in the accessibility tree: names, roles and references of off-screen cards hold', async () => {
    const { cards } = await list();
    const far = farCard(cards);
    expect(part(far, 'status')!.checkVisibility({ contentVisibilityAuto: true }), 'the far card is skipped (where cards skip)').to.equal(!skipsOffscreen);
    for (const card of [cards[0], far]) {
      const section = part(card, 'card')!;
      expect(section.closest('[aria-hidden="true"], [inert]'), 'nothing hides it from assistive technology').to.equal(null);
      // checkVisibility() without options counts skipped content as visible, as screen readers do.
      expect(part(card, 'status')!.checkVisibility(), 'its content counts as visible').to.equal(true);
      const labelledBy = section.getAttribute('aria-labelledby')!.split(' ').map((id) => card.shadowRoot!.getElementById(id)?.textContent);
      expect(labelledBy[0]).to.equal('NetSuite');
      const status = part(card, 'status')!;
      expect(card.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)?.getAttribute('role')).to.equal('tooltip');
    }
  });

  it('keep the scroll position: cards rendering above and below the viewport do not move what is on screen', async () => {
    // A list in a scrolling panel, as a CRM list view has it.
    const { root, cards } = await list({ scroller: true });
    const target = cards[40];
    const offset = () => target.getBoundingClientRect().top - root.getBoundingClientRect().top;
    // Jump into the middle of the list: the cards around have never rendered (their size a guess).
    root.scrollTop = target.offsetTop - root.offsetTop;
    await frames(2);
    const top = offset();
    await frames(4);
    expect(offset(), 'the card stays put while its neighbours render').to.be.closeTo(top, 1);
    // Scroll up a step at a time through cards that render as they come near.
    for (let step = 1; step <= 6; step++) {
      root.scrollTop -= 150;
      await frames(2);
      expect(offset(), `after ${step} steps of 150 px up`).to.be.closeTo(top + 150 * step, 1);
    }
  });
});
