// A card renders whole (contract §6: isc-load fires "after data renders"): when a response carries
// wire-format-1.1 detail, its first data render already holds every 1.1 part, read as a host
// reads them: the *built* CDN bundle in a fresh page (none of its lazy chunks loaded yet), the
// parts read inside the isc-load listener, the card's height measured then and a few frames later.
import { expect } from '@open-wc/testing';
import { ensureBuilt, part, parts, text } from '../frame-helpers.ts';

const BUNDLE = '/dist/cdn/integration-sync-card.js';

/** What a host reads of the card in its isc-load listener. */
interface AtLoad {
  card: HTMLElement;
  height: number;
  category: string;
  categoryKey: string | undefined;
  fix: string;
  fixLink: string | null | undefined;
  retryPlan: string;
  fieldsToggle: string;
  fieldsExpanded: string | null | undefined;
}

type HostWindow = Window & { onIscLoad?: (event: Event) => void };

let frame: HTMLIFrameElement | undefined;

/**
 * A page of its own with one card of the demo API's wire-1.1 record (company 46) and the bundle's
 * one module script; resolves with what its first isc-load listener read.
 */
function loadHostPage(): Promise<AtLoad> {
  return new Promise((resolve) => {
    (window as HostWindow).onIscLoad = (event) => {
      const card = event.target as HTMLElement;
      const sync = card.shadowRoot!.querySelector<HTMLElement>('[data-sync-id="netsuite:customer"]')!;
      const within = (name: string) => sync.querySelector<HTMLElement>(`[part~="${name}"]`);
      resolve({
        card,
        height: card.getBoundingClientRect().height,
        category: text(within('category')?.parentElement),
        categoryKey: within('category')?.dataset.category,
        fix: text(within('fix')),
        fixLink: within('fix-link')?.getAttribute('href'),
        retryPlan: text(within('retry-plan')),
        fieldsToggle: text(within('fields-toggle')),
        fieldsExpanded: within('fields-toggle')?.getAttribute('aria-expanded'),
      });
    };
    frame = document.createElement('iframe');
    Object.assign(frame.style, { width: '360px', height: '2000px', border: '0' });
    // The listener is the page's first script, so it is there before the bundle runs.
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
      <script>document.addEventListener('isc-load', (event) => parent.onIscLoad(event), { once: true });</script>
      <script type="module" src="${BUNDLE}"></script></head>
      <body><integration-sync-card lang="en" object-type="company" object-id="46" endpoint="/api/sync-status"></integration-sync-card></body></html>`;
    document.body.append(frame);
  });
}

/** Waits `count` animation frames of the host page, then a timer. */
async function settle(win: Window, count = 5): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => win.requestAnimationFrame(resolve));
  await new Promise((resolve) => win.setTimeout(resolve, 300));
}

describe('a card renders whole: the wire-1.1 parts are there at isc-load', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  afterEach(() => {
    frame?.remove();
    frame = undefined;
    delete (window as HostWindow).onIscLoad;
  });

  it('reads category, fix, fix-link, retry-plan and fields-toggle in the isc-load listener of the built bundle', async () => {
    const atLoad = await loadHostPage();
    expect(atLoad.categoryKey).to.equal('missing_data');
    expect(atLoad.category).to.equal('Needs a fix Missing data');
    expect(atLoad.fix).to.contain("Set the company's Subsidiary");
    expect(atLoad.fixLink).to.match(/^https:\/\/.+\/integrations\/netsuite\/field-mappings#subsidiary$/);
    expect(atLoad.retryPlan).to.match(/^Attempt 4 of 10 · next retry in \d+ minutes$/);
    expect(atLoad.fieldsToggle).to.match(/^Fields \(\d+\)$/);
    expect(atLoad.fieldsExpanded).to.equal('false');
    // Every card of the response that has 1.1 detail has its parts, not only the first.
    expect(parts(atLoad.card, 'category').map((element) => element.dataset.category)).to.deep.equal(['missing_data', 'rate_limit', 'validation']);
    expect(part(atLoad.card, 'loading')).to.equal(null);
  });

  it('keeps the height it had at isc-load: nothing arrives after it to move the page', async () => {
    const atLoad = await loadHostPage();
    expect(atLoad.height).to.be.greaterThan(0);
    await settle(frame!.contentWindow!);
    expect(atLoad.card.getBoundingClientRect().height).to.equal(atLoad.height);
  });
});
