// The sync health page (dist/health.html, contract §15) as built: the element full page,
// authenticated like embed.html (section 10) against the test API of the health routes.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { ensureBuilt, frameDocument, frameRequests, loadFrame, removeFrames } from '../frame-helpers.ts';
import { healthRun, part, parts, text } from '../components/health-helpers.ts';

async function frameHealth(frame: HTMLIFrameElement, name: string): Promise<HTMLElement> {
  let element: HTMLElement | null = null;
  await waitUntil(() => {
    element = frameDocument(frame).querySelector('integration-sync-health');
    return element?.shadowRoot && part(element, name);
  }, `the health page's ${name}`);
  return element!;
}

describe('dist/health.html', function () {
  this.timeout(60_000);
  before(ensureBuilt);
  afterEach(removeFrames);

  it('takes #token=, removes it before the first request and sends it as Bearer on every request', async () => {
    const run = await healthRun({ count: 30, token: 'health-abc.def' });
    const frame = await loadFrame(`/dist/health.html?endpoint=${run.endpoint}&portalId=7&code=E_DUPLICATE#token=health-abc.def`, { width: 900, height: 700 });
    const element = await frameHealth(frame, 'row');
    expect(frame.contentWindow!.location.hash).to.equal('');
    expect(frame.contentWindow!.location.href).not.to.contain('health-abc');
    // sync-url: the query string's filter, the rest of the URL kept.
    expect(parts(element, 'row').every((row) => text(row).includes('E_DUPLICATE'))).to.be.true;
    expect(new URL(frame.contentWindow!.location.href).searchParams.get('endpoint')).to.equal(run.endpoint);
    await waitUntil(async () => (await run.stats()).requests.some((r) => r.route === 'events'), 'the event stream');
    const { requests } = await run.stats();
    for (const request of requests.filter((r) => r.route !== 'events')) {
      expect(request.authorization, request.route).to.equal('Bearer health-abc.def');
      expect(request.query.portalId, request.route).to.equal('7');
    }
    // EventSource sends no header: the stream takes the token as its parameter.
    expect(requests.find((r) => r.route === 'events')!.query.token).to.equal('health-abc.def');
    expect(frameRequests(frame).filter((url) => url.includes('health-abc') && !url.includes('/health/events'))).to.deep.equal([]);
  });

  it('shows the expired state on 401', async () => {
    const run = await healthRun({ count: 3, token: 'right' });
    const frame = await loadFrame(`/dist/health.html?endpoint=${run.endpoint}#token=wrong`);
    const element = await frameHealth(frame, 'error');
    expect(part(element, 'expired')).to.exist;
    expect(text(part(element, 'error'))).to.contain('This view has expired.');
  });

  it('refuses an endpoint of another origin, with no request', async () => {
    const frame = await loadFrame('/dist/health.html?endpoint=https://evil.example.com/api');
    await waitUntil(() => frameDocument(frame).querySelector('.notice'), 'the notice');
    expect(frameDocument(frame).querySelector('integration-sync-health')).to.equal(null);
    expect(frameRequests(frame).filter((url) => url.includes('evil.example.com'))).to.deep.equal([]);
  });
});
