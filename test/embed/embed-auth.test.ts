// The iframe page authenticated with an embed token (contract §10), end to end against the
// package's server half (test/support/server-api.ts: createSyncStatusHandler with
// auth: { tokenSecret }), in the built dist/embed.html: the token from the fragment only, a
// Bearer header on every request, the expired state on 401, and the security properties.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createRestProvider } from '../../src/index.ts';
import { ensureBuilt, frameCard, frameDocument, frameRequests, loadFrame, removeFrames } from '../frame-helpers.ts';

const SECURE = '/server-api/secure';
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shadow = (card: Element) => card.shadowRoot!;

async function mint(objectId: string, ttlSeconds = 900): Promise<string> {
  return ((await (await fetch(`/server-api/mint?objectType=company&objectId=${objectId}&ttlSeconds=${ttlSeconds}`)).json()) as { token: string }).token;
}
async function secureRequests(): Promise<{ url: string; authorization: string | null }[]> {
  return ((await (await fetch('/server-api/requests')).json()) as { requests: { url: string; authorization: string | null }[] }).requests;
}
async function sourceCalls(): Promise<{ objectId: string; route: string }[]> {
  return ((await (await fetch('/server-api/stats')).json()) as { calls: { objectId: string; route: string }[] }).calls;
}
const page = (objectId: string, token?: string, extra = '') => `/dist/embed.html?objectType=company&objectId=${objectId}&endpoint=${SECURE}${extra}${token ? `#token=${token}` : ''}`;

describe('the iframe page with an embed token', () => {
  before(ensureBuilt);
  beforeEach(() => fetch('/server-api/reset'));
  afterEach(removeFrames);

  it("shows the token's record, with the token as a Bearer header on every request and the fragment gone", async () => {
    const token = await mint('tok-1');
    const frame = await loadFrame(page('tok-1', token));
    const card = await frameCard(frame, ['card', 'error']);
    expect(text(shadow(card).querySelector('[part~="synced-with"]'))).to.match(/^Record tok-1 v1/);
    // The fragment is gone from the address (and so from history and from any copied link).
    expect(frame.contentWindow!.location.hash).to.equal('');
    expect(frame.contentWindow!.location.href).to.not.include(token);
    const requests = await secureRequests();
    expect(requests.length).to.be.at.least(1);
    for (const request of requests) {
      expect(request.authorization).to.equal(`Bearer ${token}`);
      expect(request.url).to.not.include(token);
    }
    // Nothing the page fetched had the token in its URL either.
    expect(frameRequests(frame).filter((url) => url.includes(token))).to.deep.equal([]);
  });

  it('a token for record A never shows record B: the API refuses, the page shows an error, the source is never asked', async () => {
    const token = await mint('tok-A');
    const frame = await loadFrame(page('tok-B', token));
    const card = await frameCard(frame, ['card', 'error']);
    expect(shadow(card).querySelector('[part~="card"]')).to.equal(null);
    expect(shadow(card).querySelector('[part~="error"]')).to.not.equal(null);
    expect(shadow(card).textContent).to.not.include('Record tok-B');
    expect((await sourceCalls()).filter((call) => call.objectId === 'tok-B')).to.deep.equal([]);
    // The API itself, asked directly with A's token for B.
    const answer = await fetch(`${SECURE}?objectType=company&objectId=tok-B`, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).to.equal(403);
    expect(await answer.text()).to.not.include('Record tok-B');
  });

  it('an expired token shows "this view has expired" with no Retry, and nothing retries by itself', async () => {
    const token = await mint('tok-old', -60);
    const frame = await loadFrame(page('tok-old', token));
    const card = await frameCard(frame, ['card', 'error']);
    const expired = shadow(card).querySelector('[part~="expired"]');
    expect(expired, 'the expired state').to.not.equal(null);
    expect(text(expired!.querySelector('.error-title'))).to.equal('This view has expired.');
    expect(text(expired!.querySelector('.error-detail'))).to.equal('Close it and open it again.');
    expect(shadow(card).querySelector('[part~="retry-button"]')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await secureRequests()).length, 'one request, no retry loop').to.equal(1);
  });

  it('says so in the page language (French)', async () => {
    const frame = await loadFrame(page('tok-fr', await mint('tok-fr', -60), '&lang=fr'));
    const card = await frameCard(frame, ['card', 'error']);
    expect(text(shadow(card).querySelector('[part~="expired"] .error-title'))).to.equal('Cette vue a expiré.');
  });

  it('without a token sends no Authorization header at all (and a protected API answers with the expired state)', async () => {
    const frame = await loadFrame(page('tok-none'));
    const card = await frameCard(frame, ['card', 'error']);
    expect(shadow(card).querySelector('[part~="expired"]')).to.not.equal(null);
    const requests = await secureRequests();
    expect(requests.length).to.equal(1);
    expect(requests[0].authorization).to.equal(null);
  });

  it('takes the token from the fragment only, never from the query string', async () => {
    const token = await mint('tok-q');
    const frame = await loadFrame(`${page('tok-q')}&token=${token}`);
    await frameCard(frame, ['card', 'error']);
    expect((await secureRequests()).every((request) => request.authorization === null)).to.be.true;
  });

  it("keeps the token out of the referrer of the links the card opens", async () => {
    const token = await mint('ref-1');
    const frame = await loadFrame(page('ref-1', token));
    const card = await frameCard(frame, ['card', 'error']);
    const link = shadow(card).querySelector<HTMLAnchorElement>('[part~="synced-with-link"]')!;
    expect(link.rel).to.include('noreferrer');
    link.click();
    let reports: { referrer: string; header: string | null }[] = [];
    await waitUntil(
      async () => {
        reports = ((await (await fetch('/server-api/referrer-reports')).json()) as { reports: typeof reports }).reports;
        return reports.length > 0 && reports[0].referrer !== '(page not run)';
      },
      'the opened page reported its referrer',
    );
    expect(reports[0].header ?? '').to.not.include(token);
    expect(reports[0].referrer).to.not.include(token);
    expect(reports[0].referrer, 'no referrer at all').to.equal('');
  });

  it('never writes the token to the console, whether the load succeeds or fails', async () => {
    const token = await mint('tok-log');
    const frames = [
      await loadFrame(`/server-api/embed-variant/embed.html?consoleSpy&objectType=company&objectId=tok-log&endpoint=${SECURE}#token=${token}`),
      await loadFrame(`/server-api/embed-variant/embed.html?consoleSpy&objectType=company&objectId=other&endpoint=${SECURE}#token=${token}`),
      await loadFrame(`/server-api/embed-variant/embed.html?consoleSpy&objectType=company&objectId=odd-1&endpoint=${SECURE}#token=${await mint('odd-1')}`),
    ];
    for (const frame of frames) await frameCard(frame, ['card', 'error']);
    // The spy wraps the console the page's code logs to (before any module ran).
    for (const frame of frames) (frame.contentWindow as Window & typeof globalThis).console.warn('probe');
    const logs = frames.flatMap((frame) => (frame.contentWindow as Window & { __consoleLog?: string[] }).__consoleLog ?? []);
    expect(logs.filter((line) => line === 'probe')).to.have.length(3);
    expect(logs.filter((line) => line.includes(token) || line.includes(token.split('.')[2]))).to.deep.equal([]);
  });
});

describe('isc-parent-origin', () => {
  before(ensureBuilt);
  afterEach(removeFrames);

  /** What the frame posted to this page; `until` (when messages are expected) is waited for instead of a fixed time. */
  async function messagesFrom(src: string, act?: (frame: HTMLIFrameElement) => Promise<void>, until?: (received: unknown[]) => boolean): Promise<unknown[]> {
    const received: unknown[] = [];
    const listener = (event: MessageEvent) => {
      if (event.source && event.source !== window) received.push(event.data);
    };
    window.addEventListener('message', listener);
    try {
      const frame = await loadFrame(src);
      await frameCard(frame, ['card', 'error', 'empty']);
      await act?.(frame);
      // Where nothing may arrive, a wrong message is given the time to come.
      if (until) await waitUntil(() => until(received), 'the expected messages never arrived');
      else await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      window.removeEventListener('message', listener);
    }
    return received;
  }
  const variant = (parents: string) => `/server-api/embed-variant/embed.html?parentOrigin=${encodeURIComponent(parents)}&objectType=company&objectId=42&modal=1`;
  const clickDone = async (frame: HTMLIFrameElement) => frameDocument(frame).querySelector<HTMLButtonElement>('button.done')!.click();

  it('posts resize and DONE only to the listed origins: none reach an unlisted parent', async () => {
    const messages = await messagesFrom(variant('https://app.hubspot.com https://app-eu1.hubspot.com'), clickDone);
    expect(messages).to.deep.equal([]);
  });

  it('reaches a listed parent, one message per origin', async () => {
    const resized = (data: unknown) => (data as { type?: string }).type === 'isc:resize';
    const done = JSON.stringify({ action: 'DONE' });
    const messages = await messagesFrom(variant(`https://app.hubspot.com ${location.origin}`), clickDone, (received) => received.some(resized) && received.includes(done));
    expect(messages.some(resized)).to.be.true;
    expect(messages).to.include(done);
  });

  it('a meta with no valid origin posts nothing (never widened to *)', async () => {
    expect(await messagesFrom(variant('*  javascript:alert(1)'), clickDone)).to.deep.equal([]);
  });
});

describe('createRestProvider({ token })', () => {
  beforeEach(() => fetch('/server-api/reset'));

  it('calls a token function per request (async too) and sends its current value', async () => {
    const issued: string[] = [];
    const provider = createRestProvider({
      endpoint: SECURE,
      cache: false,
      retry: false,
      token: async () => {
        const token = await mint('tok-fn');
        issued.push(token);
        return token;
      },
    });
    const signal = new AbortController().signal;
    const first = await provider.getSyncStatus({ objectType: 'company', objectId: 'tok-fn' }, { signal });
    await provider.getSyncHistory!({ objectType: 'company', objectId: 'tok-fn' }, 'netsuite:customer', { signal });
    await provider.resync!({ objectType: 'company', objectId: 'tok-fn' }, 'netsuite:customer', { signal });
    expect(first.syncs[0].syncedWith?.name).to.equal('Record tok-fn v1');
    expect(issued.length).to.equal(3);
    expect((await secureRequests()).map((request) => request.authorization)).to.deep.equal(issued.map((token) => `Bearer ${token}`));
  });

  it('a 401 rejects with status 401, and the message never carries the token', async () => {
    const token = await mint('tok-x', -60);
    const provider = createRestProvider({ endpoint: SECURE, cache: false, retry: false, token });
    const error = await provider.getSyncStatus({ objectType: 'company', objectId: 'tok-x' }, { signal: new AbortController().signal }).then(
      () => { throw new Error('expected a rejection'); },
      (caught: unknown) => caught as Error & { status: number },
    );
    expect(error.status).to.equal(401);
    expect(error.message).to.not.include(token);
  });

  it('puts the token on the live event stream as its token parameter', async () => {
    const token = await mint('tok-live');
    const provider = createRestProvider({ endpoint: SECURE, cache: false, live: true, token });
    const changes: number[] = [];
    const unsubscribe = provider.subscribe!({ objectType: 'company', objectId: 'tok-live' }, () => changes.push(Date.now()));
    try {
      await waitUntil(async () => (await secureRequests()).some((request) => request.url.includes('/events?')), 'the stream opened');
      const events = (await secureRequests()).filter((request) => request.url.includes('/events?'));
      expect(events[0].url).to.include(`token=${token}`);
      await fetch('/server-api/change?objectType=company&objectId=tok-live', { method: 'POST' });
      await waitUntil(() => changes.length > 0, 'the change arrived');
      // Every other request carried it in the header, not the URL.
      for (const request of (await secureRequests()).filter((each) => !each.url.includes('/events?'))) expect(request.url).to.not.include(token);
    } finally {
      unsubscribe();
    }
  });
});
