// examples/hubspot-app-card end to end as far as this machine allows: its backend route
// (backend/card-route.mjs) gets a call signed the way HubSpot signs hubspot.fetch, answers the
// summary and the iframe URL; the browser opens that URL, as openIframeModal would, and the
// page shows the record's card through the token-protected API. (HubSpot itself is not here.)
import { expect } from '@open-wc/testing';
import { ensureBuilt, frameCard, frameDocument, loadFrame, removeFrames } from '../frame-helpers.ts';

type CardAnswer = { summary: { id: string; label: string; status: string }[]; iframeUrl: string };
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

  it('a call with a bad signature gets no iframe URL', async () => {
    const response = await fetch('/server-api/hubspot/card?portalId=99', { method: 'POST', body: '{"objectTypeId":"0-2","objectId":"hs-42"}' });
    expect(response.status).to.equal(401);
    expect(await response.text()).to.not.include('iframeUrl');
  });
});
