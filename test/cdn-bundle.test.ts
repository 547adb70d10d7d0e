// Way 1 of embedding: a page with one <script type="module"> pointing at the *built* CDN bundle
// (dist/cdn/integration-sync-card.js) and the element in its HTML, no other JavaScript.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.ts';
import { executeServerCommand } from '@web/test-runner-commands';
import { ensureBuilt, frameCard, frameRequests, loadFrame, part, parts, removeFrames, text } from './frame-helpers.ts';

const PAGE = '/examples/plain-html/index.html';
const BUNDLE = '/dist/cdn/integration-sync-card.js';

describe('the CDN bundle in a page with no JavaScript of its own', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  afterEach(removeFrames);

  it('is one module script and an element: nothing else to write', async () => {
    const html = await (await fetch(PAGE)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((script) => script.outerHTML)).to.have.length(1);
    expect(scripts[0].type).to.equal('module');
    expect(new URL(scripts[0].src, new URL(PAGE, location.href)).pathname).to.equal(BUNDLE);
    expect(scripts[0].textContent).to.equal('');
    expect(doc.querySelectorAll('[onload],[onclick],[onerror]')).to.have.length(0);
    const card = doc.querySelector('integration-sync-card')!;
    expect([...card.attributes].map((a) => `${a.name}=${a.value}`)).to.deep.equal([
      'object-type=company',
      'object-id=42',
      'endpoint=/api/sync-status',
    ]);
  });

  it('renders the record from the endpoint, with the built files only', async () => {
    const frame = await loadFrame(PAGE);
    const card = await frameCard(frame, ['card']);
    expect(card.constructor === frame.contentWindow!.customElements.get('integration-sync-card'), 'upgraded by the bundle').to.be.true;
    expect(parts(card, 'card').map((c) => c.dataset.syncId)).to.deep.equal(['netsuite:customer', 'dynamics365:account']);
    expect(text(part(card, 'synced-with'))).to.equal('Acme Corp (CUS-1042)');
    expect(text(part(card, 'status'))).to.equal('Up to date');
    expect(part(card, 'last-updated')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);

    const requests = frameRequests(frame).map((url) => new URL(url));
    const scripts = requests.filter((url) => url.pathname.endsWith('.js'));
    expect(scripts.map((url) => url.pathname)).to.deep.equal([BUNDLE]);
    expect(requests.some((url) => url.pathname === '/api/sync-status' && url.search === '?objectType=company&objectId=42')).to.be.true;
  });

  it('loads its lazy tooltip chunk from beside the bundle when a tooltip opens', async () => {
    const frame = await loadFrame(PAGE);
    const card = await frameCard(frame, ['card']);
    part(card, 'status')!.focus();
    const tooltip = part(card, 'tooltip')!;
    await waitUntil(() => !tooltip.hidden && tooltip.style.left !== '', 'the tooltip never opened and positioned itself');
    expect(text(tooltip)).to.equal('The record is synced correctly.');
    const chunks = frameRequests(frame)
      .map((url) => new URL(url).pathname)
      .filter((path) => path.endsWith('.js') && path !== BUNDLE);
    expect(chunks).to.have.length(1);
    expect(chunks[0], 'tooltip behaviour and positioning, in one lazy chunk').to.match(/^\/dist\/cdn\/tooltip-controller-[\w-]+\.js$/);
  });

  it('exports the public API from the same file', async () => {
    const bundle: Record<string, unknown> = await import(/* @vite-ignore */ BUNDLE);
    for (const name of ['IntegrationSyncCard', 'createRestProvider', 'createMemoryProvider', 'setDefaultProvider']) {
      expect(bundle[name], name).to.be.a('function');
    }
    expect(customElements.get('integration-sync-card') === bundle.IntegrationSyncCard, 'registered by the bundle').to.be.true;
  });
});

describe('the CDN bundle under a strict Content-Security-Policy', () => {
  describe('with Trusted Types', () => {
    before(async function () {
      this.timeout(120_000);
      const built = (await executeServerCommand('isc-ensure-built')) as { ok: boolean; message: string } | undefined;
      if (!built?.ok) throw new Error(`build failed: ${built?.message}`);
    });

    it('renders, opens a tooltip and loads over REST with 0 securitypolicyviolation events', async function () {
      this.timeout(60_000);
      const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/test-api/csp/page.html" style="width: 420px; height: 500px"></iframe>`);
      await waitUntil(() => (frame.contentWindow as unknown as { __loaded?: boolean })?.__loaded, 'the bundle did not load');
      const win = frame.contentWindow as unknown as Window & { __violations: string[] };
      const card = win.document.querySelector('integration-sync-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('[part~="card"]'), 'no data over REST');
      const status = card.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
      status.focus();
      const tooltip = card.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
      await waitUntil(() => !tooltip.hidden && tooltip.style.visibility !== 'hidden' && tooltip.style.left !== '', 'tooltip not positioned');
      expect(win.__violations).to.deep.equal([]);
      expect(card.shadowRoot!.querySelectorAll('[part~="card"]').length).to.be.greaterThan(0);
    });
  });
});
