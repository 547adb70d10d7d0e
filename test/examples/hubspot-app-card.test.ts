// examples/hubspot-app-card end to end as far as this machine allows: its backend route
// (backend/card-route.mjs) gets a call signed the way HubSpot signs hubspot.fetch, answers the
// summary and the iframe URL; the browser opens that URL, as openIframeModal would, and the
// page shows the record's card through the token-protected API. (HubSpot itself is not here.)
import { expect } from '@open-wc/testing';
import { ensureBuilt, frameCard, frameDocument, loadFrame, removeFrames } from '../frame-helpers.ts';
import { part, parts } from '../components/health-helpers.ts';
import { waitUntil } from '../support/wait.ts';

type CardAnswer = { summary: { id: string; label: string; status: string }[]; iframeUrl: string; healthUrl?: string };
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the HubSpot app card path', () => {
  before(ensureBuilt);
  afterEach(removeFrames);

  it('signed call → summary and iframe URL → the iframe page shows that record, and the modal can close', async () => {
    const answer = await fetch('/server-api/hubspot-signed?objectTypeId=0-2&objectId=hs-42&portalId=99');
    expect(answer.status).to.equal(200);
    const { summary, iframeUrl } = (await answer.json()) as CardAnswer;
    expect(summary).to.deep.equal([{ id: 'netsuite:customer', label: 'NetSuite customer', status: 'up_to_date' }]);
    const url = new URL(iframeUrl);
    expect(url.searchParams.get('objectId')).to.equal('hs-42');
    expect(url.hash).to.match(/^#token=[\w-]+\.[\w-]+\.[\w-]+$/);

    const frame = await loadFrame(iframeUrl, { width: 720, height: 500 });
    const card = await frameCard(frame, ['card', 'error']);
    expect(text(card.shadowRoot!.querySelector('[part~="synced-with"]'))).to.match(/^Record hs-42 v1/);
    expect(frame.contentWindow!.location.hash).to.equal('');
    // The modal's Done button posts what HubSpot's iframe modal closes on.
    const done = new Promise<unknown>((resolve) => window.addEventListener('message', (event) => typeof event.data === 'string' && resolve(event.data)));
    frameDocument(frame).querySelector<HTMLButtonElement>('button.done')!.click();
    expect(await done).to.equal('{"action":"DONE"}');
  });

  it("the iframe URL's token opens only its record: another objectId in the URL shows no data", async () => {
    const { iframeUrl } = (await (await fetch('/server-api/hubspot-signed?objectTypeId=0-2&objectId=hs-42&portalId=99')).json()) as CardAnswer;
    const edited = new URL(iframeUrl);
    edited.searchParams.set('objectId', 'hs-43');
    const frame = await loadFrame(edited.href);
    const card = await frameCard(frame, ['card', 'error']);
    expect(card.shadowRoot!.querySelector('[part~="card"]')).to.equal(null);
    expect(card.shadowRoot!.textContent).to.not.include('hs-43');
  });

  it("'Sync health': the healthUrl opens the portal's health page, with a health token of that portal only", async () => {
    // The portal's records in the ledger behind the health API (test/support/health-ledger-api.ts).
    expect((await fetch('/health-ledger/seed?portalId=99', { method: 'POST', body: JSON.stringify({ count: 6 }) })).status).to.equal(200);
    const { healthUrl } = (await (await fetch('/server-api/hubspot-signed?objectTypeId=0-2&objectId=hs-42&portalId=99')).json()) as CardAnswer;
    expect(healthUrl, 'the backend answers a health page URL').to.be.a('string');
    const url = new URL(healthUrl!);
    expect(url.pathname).to.equal('/dist/health.html');
    expect(url.searchParams.get('portalId')).to.equal('99');
    expect(url.hash).to.match(/^#token=[\w-]+\.[\w-]+\.[\w-]+$/);

    const open = async (href: string, want: string) => {
      const frame = await loadFrame(href, { width: 900, height: 700 });
      let element: HTMLElement | null = null;
      await waitUntil(() => (element = frameDocument(frame).querySelector('integration-sync-health'))?.shadowRoot && part(element, want), `the health page's ${want}`);
      return { frame, element: element! };
    };
    const { frame, element } = await open(healthUrl!, 'row');
    expect(frame.contentWindow!.location.hash, 'the token leaves the URL').to.equal('');
    // The page opens on what needs attention: the 4 of the 6 outcomes not up to date (every 4th is).
    expect(parts(element, 'row')).to.have.length(4);

    // The same token with another portal in the URL reads nothing of it.
    const other = new URL(healthUrl!);
    other.searchParams.set('portalId', '7');
    const refused = await open(other.href, 'error');
    expect(parts(refused.element, 'row')).to.deep.equal([]);

    // The card's embed token is not a health token.
    const { iframeUrl } = (await (await fetch('/server-api/hubspot-signed?objectTypeId=0-2&objectId=hs-42&portalId=99')).json()) as CardAnswer;
    const withCardToken = new URL(healthUrl!);
    withCardToken.hash = new URL(iframeUrl).hash;
    const denied = await open(withCardToken.href, 'error');
    expect(parts(denied.element, 'row')).to.deep.equal([]);
  });

  it('a call with a bad signature gets no iframe URL', async () => {
    const response = await fetch('/server-api/hubspot/card?portalId=99', { method: 'POST', body: '{"objectTypeId":"0-2","objectId":"hs-42"}' });
    expect(response.status).to.equal(401);
    expect(await response.text()).to.not.include('iframeUrl');
  });
});
