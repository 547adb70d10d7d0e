// Way 3 of embedding: dist/embed.html (the *built* page) in a real iframe, as a CRM card or
// modal loads it. Also the query-string rules on their own (embed-params.ts).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { endpointFor, readEmbedConfig, recordFromQuery } from '../../src/embed/embed-params.ts';
import {
  collectMessages,
  ensureBuilt,
  frameCard,
  frameDocument,
  frameRequests,
  loadFrame,
  part,
  parts,
  removeFrames,
  text,
} from '../frame-helpers.ts';

const EMBED = '/dist/embed.html';
const query = (search: string) => new URLSearchParams(search);

describe('embed page: reading the query string', () => {
  it('accepts the CRM card parameters, any case, with the portal', () => {
    expect(recordFromQuery(query('associatedObjectType=COMPANY&associatedObjectId=42&portalId=123'))).to.deep.equal({
      objectType: 'company',
      objectId: '42',
      portalId: '123',
    });
    expect(recordFromQuery(query('associatedObjectType=Deal&associatedObjectId=7'))).to.deep.equal({ objectType: 'deal', objectId: '7' });
  });

  it('maps object-type ids 0-1, 0-2, 0-3, 0-53 and passes other ids through', () => {
    const typeOf = (id: string) => recordFromQuery(query(`objectTypeId=${id}&objectId=9`))?.objectType;
    expect(['0-1', '0-2', '0-3', '0-53', '2-4471'].map(typeOf)).to.deep.equal(['contact', 'company', 'deal', 'invoice', '2-4471']);
  });

  it('accepts plain objectType/objectId, and names no record when one half is missing', () => {
    expect(recordFromQuery(query('objectType=invoice&objectId=9001'))).to.deep.equal({ objectType: 'invoice', objectId: '9001' });
    expect(recordFromQuery(query('objectType=invoice'))).to.be.undefined;
    expect(recordFromQuery(query('associatedObjectId=42'))).to.be.undefined;
    expect(recordFromQuery(query('objectTypeId=0-2&objectId='))).to.be.undefined;
  });

  it('uses the configured endpoint, resolved against the page', () => {
    expect(endpointFor('https://cdn.example.com/isc/embed.html', '/api/sync-status', query(''))).to.deep.equal({
      kind: 'ok',
      url: 'https://cdn.example.com/api/sync-status',
      source: 'configuration',
    });
    expect(endpointFor('https://cdn.example.com/isc/embed.html', 'https://erp-sync.example.net/status', query('')).kind).to.equal('ok');
    expect(endpointFor('https://cdn.example.com/isc/embed.html', '  ', query(''))).to.deep.equal({ kind: 'missing' });
    expect(endpointFor('https://cdn.example.com/isc/embed.html', null, query(''))).to.deep.equal({ kind: 'missing' });
  });

  it('honours a query-string endpoint only on the page origin', () => {
    const page = 'https://cdn.example.com/isc/embed.html';
    const configured = 'https://erp-sync.example.net/status';
    expect(endpointFor(page, configured, query('endpoint=/other/api'))).to.deep.equal({
      kind: 'ok',
      url: 'https://cdn.example.com/other/api',
      source: 'query',
    });
    for (const hostile of [
      'https://evil.example/api',
      '//evil.example/api',
      'http://cdn.example.com/api', // another origin: the scheme differs
      'https://cdn.example.com:8443/api',
      'javascript:alert(1)',
      'data:application/json,{}',
      'http://[::1',
    ]) {
      expect(endpointFor(page, configured, query(`endpoint=${encodeURIComponent(hostile)}`)), hostile).to.deep.equal({
        kind: 'refused',
        url: hostile,
      });
    }
  });

  it('reads lang, theme and modal', () => {
    const config = readEmbedConfig('https://x.example/embed.html?objectType=deal&objectId=1&lang=fr&theme=dark&modal=1', '/api');
    expect([config.lang, config.theme, config.modal]).to.deep.equal(['fr', 'dark', true]);
    const plain = readEmbedConfig('https://x.example/embed.html?theme=purple&modal=0', '/api');
    expect([plain.lang, plain.theme, plain.modal]).to.deep.equal([undefined, undefined, false]);
  });
});

describe('embed page (dist/embed.html) in an iframe', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  afterEach(removeFrames);

  it('renders the record named by the CRM card parameters, from the configured endpoint', async () => {
    const frame = await loadFrame(`${EMBED}?associatedObjectType=COMPANY&associatedObjectId=42&portalId=123`);
    const card = await frameCard(frame, ['card']);
    expect(frameDocument(frame).querySelector('meta[name="isc-endpoint"]')?.getAttribute('content')).to.equal('/api/sync-status');
    expect((card as HTMLElement & { endpoint?: string }).endpoint).to.equal(new URL('/api/sync-status', location.href).href);
    expect(parts(card, 'card').map((c) => c.dataset.syncId)).to.deep.equal(['netsuite:customer', 'dynamics365:account']);
    expect(text(part(card, 'synced-with'))).to.equal('Acme Corp (CUS-1042)');
    const api = frameRequests(frame)
      .map((url) => new URL(url))
      .filter((url) => url.pathname === '/api/sync-status');
    expect(api.map((url) => url.search)).to.deep.equal(['?objectType=company&objectId=42&portalId=123']);
  });

  it('maps objectTypeId 0-1 to a contact, and takes lang from the query string', async () => {
    const frame = await loadFrame(`${EMBED}?objectTypeId=0-1&objectId=7&lang=fr`);
    const card = await frameCard(frame, ['card']);
    expect(frameDocument(frame).documentElement.lang).to.equal('fr');
    expect(text(part(card, 'synced-with'))).to.equal('Jane Cooper (CON-2207)');
    expect(text(card.shadowRoot!.querySelector('dt'))).to.equal('Synchronisation avec');
  });

  it('accepts plain objectType/objectId and a theme', async () => {
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=43&theme=dark`);
    const card = await frameCard(frame, ['card']);
    expect(card.getAttribute('theme')).to.equal('dark');
    expect(part(card, 'status')!.dataset.status).to.equal('record_not_synced');
  });

  it('uses a same-origin endpoint from the query string', async () => {
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=77&endpoint=${encodeURIComponent('/test-api/echo')}`);
    const card = await frameCard(frame, ['card']);
    expect(text(part(card, 'synced-with'))).to.equal('Record 77');
    expect(frameRequests(frame).some((url) => url.includes('/api/sync-status'))).to.be.false;
  });

  it('refuses a cross-origin endpoint from the query string, visibly and without a request', async () => {
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=42&endpoint=${encodeURIComponent('https://evil.example/api')}`);
    const doc = frameDocument(frame);
    await waitUntil(() => doc.querySelector('[data-notice]'), 'no notice shown');
    const notice = doc.querySelector<HTMLElement>('[data-notice]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('https://evil.example');
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(20);
    expect(doc.querySelector('integration-sync-card')).to.be.null;
    // Give a (wrong) request the time to start, then check none was made anywhere.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(frameRequests(frame).filter((url) => url.includes('evil.example') || url.includes('/api/'))).to.deep.equal([]);
  });

  it('names only the origin of a refused endpoint, as text', async () => {
    const hostile = 'https://evil.example/<img src=x onerror=alert(1)> Call +1-555 to fix this';
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=42&endpoint=${encodeURIComponent(hostile)}`);
    const doc = frameDocument(frame);
    await waitUntil(() => doc.querySelector('[data-notice]'), 'no notice shown');
    const shown = doc.querySelector('[data-notice]')!.textContent!;
    expect(shown).to.contain('https://evil.example');
    expect(shown).to.not.contain('Call +1-555');
    expect(shown).to.not.contain('<img');
    expect(doc.querySelector('img')).to.be.null;
  });

  it('tells the parent its height, and again when it changes', async () => {
    const frame = await loadFrame('about:blank', { width: 360, height: 600 });
    const messages = collectMessages(frame);
    try {
      frame.src = `${EMBED}?objectType=company&objectId=42`;
      const card = await frameCard(frame, ['card']);
      const doc = frameDocument(frame);
      const heightNow = () => Math.ceil(doc.documentElement.getBoundingClientRect().height);
      const resizes = () => messages.data.filter((m): m is { type: string; height: number } => (m as { type?: string })?.type === 'isc:resize');
      await waitUntil(() => resizes().at(-1)?.height === heightNow(), 'no isc:resize with the loaded height');
      expect(Object.keys(resizes().at(-1)!).sort()).to.deep.equal(['height', 'type']);
      expect(heightNow()).to.be.greaterThan(200); // two cards

      // Narrower: the rows stack (container query), the page grows, the parent hears of it.
      const before = heightNow();
      frame.style.width = '240px';
      await waitUntil(() => heightNow() > before && resizes().at(-1)?.height === heightNow(), 'no isc:resize after the content grew');
      expect(card.isConnected).to.be.true;
    } finally {
      messages.stop();
    }
  });

  it('with modal=1, shows a Done button that posts {"action":"DONE"} to the parent', async () => {
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=42&modal=1`);
    await frameCard(frame, ['card']);
    const done = [...frameDocument(frame).querySelectorAll('button')].find((button) => button.textContent === 'Done');
    expect(done, 'a Done button').to.exist;
    const messages = collectMessages(frame);
    try {
      done!.click();
      await waitUntil(() => messages.data.includes('{"action":"DONE"}'), 'no DONE message');
      expect(JSON.parse(messages.data.find((m) => typeof m === 'string') as string)).to.deep.equal({ action: 'DONE' });
    } finally {
      messages.stop();
    }
  });

  it('has no Done button without modal=1', async () => {
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=42`);
    await frameCard(frame, ['card']);
    expect(frameDocument(frame).querySelectorAll('button')).to.have.length(0);
  });

  it("renders styled under the page's strict Content-Security-Policy", async () => {
    const frame = await loadFrame(`${EMBED}?objectType=company&objectId=42`);
    const card = await frameCard(frame, ['card']);
    const csp = frameDocument(frame).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).to.contain("script-src 'self'").and.contain("style-src 'self'").and.not.contain('unsafe-inline');
    const status = part(card, 'status')!;
    const style = frame.contentWindow!.getComputedStyle(status);
    expect(style.borderRadius, "the card's own stylesheet applies").to.equal('10px');
    expect(style.display).to.equal('inline-flex');
  });
});
