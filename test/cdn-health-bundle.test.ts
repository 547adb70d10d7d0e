// dist/cdn/integration-sync-health.js as shipped: a page with the card and the health page
// loads Lit and the shared code once (from the card's entry), and the health entry exports its API.
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.ts';
import { ensureBuilt, frameRequests, removeFrames } from './frame-helpers.ts';

const CARD = '/dist/cdn/integration-sync-card.js';
const HEALTH = '/dist/cdn/integration-sync-health.js';

describe('the health page CDN entry', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  afterEach(removeFrames);

  it('shares one Lit with the card on a page with both, and renders from the endpoint', async () => {
    // A run of the health routes' test API (test/support/health-api.mjs); no source module is
    // imported here, so the bundle's element is the only one.
    const run = { endpoint: `/health-api/cdn-${Date.now().toString(36)}` };
    await fetch(`${run.endpoint}/setup`, { method: 'POST', body: JSON.stringify({ count: 5 }) });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 600px; border: 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <script type="module" src="${location.origin}${CARD}"></script>
      <script type="module" src="${location.origin}${HEALTH}"></script></head><body>
      <integration-sync-card object-type="company" object-id="42" endpoint="${location.origin}/api/sync-status"></integration-sync-card>
      <integration-sync-health endpoint="${location.origin}${run.endpoint}"></integration-sync-health></body></html>`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { litHtmlVersions?: string[]; litElementVersions?: string[] };
    const health = () => win.document.querySelector('integration-sync-health')?.shadowRoot?.querySelector('[part~="row"]');
    const card = () => win.document.querySelector('integration-sync-card')?.shadowRoot?.querySelector('[part~="card"]');
    await waitUntil(() => health() && card(), 'both elements rendered from the built files');
    expect(win.litHtmlVersions, 'one lit-html on the page').to.have.length(1);
    expect(win.litElementVersions ?? ['one'], 'one LitElement on the page').to.have.length(1);
    const scripts = frameRequests(frame).map((url) => new URL(url).pathname).filter((path) => path.endsWith('.js'));
    expect(scripts.filter((path) => path === CARD || path === HEALTH).sort()).to.deep.equal([CARD, HEALTH]);
    frame.remove();
  });

  it('exports IntegrationSyncHealth and createRestHealthProvider, and registers the element', async () => {
    const bundle: Record<string, unknown> = await import(/* @vite-ignore */ HEALTH);
    expect(bundle.createRestHealthProvider).to.be.a('function');
    expect(bundle.IntegrationSyncHealth).to.be.a('function');
    expect(customElements.get('integration-sync-health')).to.exist;
    const card: Record<string, unknown> = await import(/* @vite-ignore */ CARD);
    expect(card.loadHealthPage).to.be.a('function');
  });
});
