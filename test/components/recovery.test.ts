import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createRestProvider, type IntegrationSyncCard, type IscErrorDetail, type SyncDataProvider } from '../../src/index.ts';
import { faultRun, sleep, type FaultPlan } from '../fault-helpers.ts';
import { part, renderCard, text } from '../helpers.ts';

// Automatic recovery in the element, against the fault-injecting API on real HTTP. The retry
// delays are scaled down through the REST provider's `retry` option (the defaults, 1 s up to 60 s,
// are the policy's own tests' business: test/retry-policy.test.ts).
const fast = { baseMs: 100, maxMs: 400 };

async function cardOn(provider: SyncDataProvider, objectId = 'rc-1', attrs: { retries?: number; refreshInterval?: number } = {}) {
  const errors: IscErrorDetail[] = [];
  /** What each failed attempt put on screen, read as soon as the card rendered it (a short jittered wait may end before any poll sees it). */
  const shown: { error: string; countdown: string }[] = [];
  const onError = async (event: CustomEvent<IscErrorDetail>) => {
    errors.push(event.detail);
    await (event.target as IntegrationSyncCard).updateComplete;
    const card = event.target as IntegrationSyncCard;
    shown.push({ error: text(part(card, 'error')), countdown: text(part(card, 'retry-countdown')) });
  };
  const container = await fixture<HTMLElement>(html`<div>
    <integration-sync-card
      lang="en"
      object-type="company"
      object-id=${objectId}
      .provider=${provider}
      .retries=${attrs.retries}
      refresh-interval=${attrs.refreshInterval ?? 0}
      @isc-error=${onError}
    ></integration-sync-card>
  </div>`);
  return { card: container.querySelector<IntegrationSyncCard>('integration-sync-card')!, errors, shown, container };
}

/** The n of "Record k-1 vn" on the card (0 when none). */
const versionShown = (card: Element) => Number(/Record \S+ v(\d+)/.exec(text(part(card, 'synced-with')))?.[1] ?? 0);

const requestsOf = async (api: ReturnType<typeof faultRun>) => (await api.stats()).requests.filter((request) => request.kind !== 'events');

describe('recovery: transient failures retry by themselves', function () {
  this.timeout(60_000);

  it('a 503 burst: the error shows "Retrying in N s", isc-error says willRetry, then the data comes by itself', async () => {
    const api = faultRun('burst');
    await api.fail({ kind: 'status', status: 503, count: 2 });
    const { card, errors, shown } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: { baseMs: 1500, maxMs: 3000 } }));
    await waitUntil(() => shown.length >= 1, 'the first failure rendered');
    expect(shown[0].error).to.contain('HTTP 503');
    expect(shown[0].countdown, 'the first wait (under 1.5 s) counts down').to.match(/^(Retrying in [12] s|Retrying…)$/);
    expect(errors[0]).to.include({ willRetry: true });
    expect(errors[0].retryInMs).to.be.within(0, 1500);
    await waitUntil(() => part(card, 'card'), 'recovered without a click');
    expect(text(part(card, 'synced-with'))).to.contain('Record rc-1');
    expect(part(card, 'error')).to.equal(null);
    expect(errors.map((error) => error.willRetry)).to.deep.equal([true, true]);
    expect((await requestsOf(api)).map((request) => request.outcome)).to.deep.equal(['status 503', 'status 503', 'ok']);
  });

  for (const [name, fault] of [
    ['404', { kind: 'status', status: 404 }],
    ['401', { kind: 'status', status: 401 }],
    ['500', { kind: 'status', status: 500 }],
    ['invalid JSON', { kind: 'invalid' }],
    ['an HTML page', { kind: 'html' }],
  ] as [string, FaultPlan][]) {
    it(`${name} never retries by itself: willRetry false, retryInMs null, no countdown, no second request`, async () => {
      const api = faultRun('final');
      await api.fail(fault);
      const { card, errors } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: fast }));
      await waitUntil(() => errors.length === 1);
      await card.updateComplete;
      expect(errors[0]).to.include({ willRetry: false, retryInMs: null });
      expect(part(card, 'retry-countdown')).to.equal(null);
      await sleep(900);
      expect(await requestsOf(api)).to.have.length(1);
    });
  }

  it('at most 5 automatic retries; isc-error after each attempt; then Retry starts the count again', async () => {
    const api = faultRun('exhaust');
    await api.fail({ kind: 'status', status: 502 });
    const { card, errors } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: { baseMs: 20, maxMs: 60 } }));
    await waitUntil(() => errors.length === 6, 'six failed attempts');
    await sleep(400);
    expect(errors.map((error) => error.willRetry)).to.deep.equal([true, true, true, true, true, false]);
    expect(errors[5].retryInMs).to.equal(null);
    expect(await requestsOf(api)).to.have.length(6);
    await card.updateComplete;
    expect(part(card, 'retry-countdown'), 'no countdown when no retry comes').to.equal(null);
    part(card, 'retry-button')!.click();
    await waitUntil(() => errors.length === 12, 'Retry: again up to 5 automatic retries');
    expect(errors[6].willRetry).to.equal(true);
    expect(errors[11].willRetry).to.equal(false);
  });

  it('Retry during the countdown retries now, and a success ends the countdown', async () => {
    const api = faultRun('retry-now');
    await api.fail({ kind: 'status', status: 503, retryAfter: '30' });
    const { card, errors } = await cardOn(createRestProvider({ endpoint: api.endpoint }));
    await waitUntil(() => part(card, 'retry-countdown'));
    expect(errors[0].retryInMs).to.be.at.least(30_000);
    expect(text(part(card, 'retry-countdown'))).to.match(/Retrying in (29|30) s/);
    await api.fail(null);
    part(card, 'retry-button')!.click();
    await waitUntil(() => part(card, 'card'), 'data after Retry');
    expect(part(card, 'retry-countdown')).to.equal(null);
  });

  it('429 with Retry-After: the retry waits at least that long', async () => {
    const api = faultRun('429');
    await api.fail({ kind: 'status', status: 429, retryAfter: '1', count: 1 });
    const { card, errors } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: fast }));
    await waitUntil(() => part(card, 'card'), 'data after the wait');
    expect(errors[0].retryInMs).to.be.at.least(1000);
    const [first, second] = await requestsOf(api);
    expect(second.at - first.at).to.be.at.least(990);
  });

  it('a custom provider opts in with transient: true (and retryAfterMs); a plain Error does not retry', async () => {
    let calls = 0;
    const provider: SyncDataProvider = {
      getSyncStatus: async () => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('ERP busy'), { transient: true, retryAfterMs: 200 });
        if (calls === 2) throw new Error('ERP says no');
        return { integrations: [], syncs: [] };
      },
    };
    const { card, errors } = await cardOn(provider);
    // The default policy's first retry comes after up to 1 s (full jitter over baseMs), never less than the 200 ms asked.
    await waitUntil(() => errors.length === 2, 'the retry ran');
    expect(errors.map((error) => [error.willRetry, error.error.message])).to.deep.equal([
      [true, 'ERP busy'],
      [false, 'ERP says no'],
    ]);
    expect(errors[0].retryInMs).to.be.at.least(200);
    await sleep(1500);
    expect(calls).to.equal(2);
    expect(text(part(card, 'error'))).to.contain('ERP says no');
  });

  it('retries="0" turns automatic retries off; so does createRestProvider({ retry: false })', async () => {
    const apiA = faultRun('off-attr');
    await apiA.fail({ kind: 'status', status: 503 });
    const a = await cardOn(createRestProvider({ endpoint: apiA.endpoint, retry: fast }), 'off-1', { retries: 0 });
    const apiB = faultRun('off-opt');
    await apiB.fail({ kind: 'status', status: 503 });
    const b = await cardOn(createRestProvider({ endpoint: apiB.endpoint, retry: false }), 'off-2');
    await waitUntil(() => a.errors.length === 1 && b.errors.length === 1);
    expect([a.errors[0].willRetry, b.errors[0].willRetry]).to.deep.equal([false, false]);
    await sleep(800);
    expect([(await requestsOf(apiA)).length, (await requestsOf(apiB)).length]).to.deep.equal([1, 1]);
  });

  it('the countdown is hidden from screen readers (it changes every second); a retry is announced once', async () => {
    const api = faultRun('announce');
    await api.fail({ kind: 'status', status: 503, retryAfter: '4', count: 1 });
    const { card } = await cardOn(createRestProvider({ endpoint: api.endpoint }));
    const region = card.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    const said: string[] = [];
    new MutationObserver(() => said.push(text(region))).observe(region, { childList: true, characterData: true, subtree: true });
    await waitUntil(() => part(card, 'retry-countdown'));
    const shown = part(card, 'retry-countdown')!;
    expect(shown.getAttribute('aria-hidden'), 'not read out at every change').to.equal('true');
    const first = text(shown);
    await waitUntil(() => part(card, 'retry-countdown') && text(part(card, 'retry-countdown')) !== first, 'the visible countdown moves');
    // One failure, then the retry 4 s later succeeds: however many seconds ticked, said once.
    await waitUntil(() => part(card, 'card'), 'the retry brings the data');
    expect(said.filter((words) => words.includes('Retrying in'))).to.have.length(1);
  });

  it('data on screen stays on screen during a failing refresh, with the notice and countdown above it, for every fault', async () => {
    for (const fault of [{ kind: 'truncated' }, { kind: 'drop' }, { kind: 'status', status: 503 }, { kind: 'invalid' }, { kind: 'html' }] as FaultPlan[]) {
      const api = faultRun('keep');
      // Retries enough that a busy machine cannot use them all up before the fault ends below
      // (five jittered waits of under 300 ms can all pass during one slow control request).
      const provider = createRestProvider({ endpoint: api.endpoint, timeoutMs: 3000, retry: { baseMs: 300, maxMs: 300, retries: 50 } });
      const { card, errors, container } = await cardOn(provider, 'k-1');
      await waitUntil(() => part(card, 'card'));
      // Only the failures of the refresh below count (a first load may have timed out and retried).
      errors.length = 0;
      expect(text(part(card, 'synced-with'))).to.contain('Record k-1 v1');
      await api.fail(fault);
      void card.refresh();
      // WebKit tries a dropped request again by itself before it reports the failure: a few seconds.
      // At least one: with full jitter the first automatic retry can fail again within a poll.
      await waitUntil(() => errors.length >= 1, `${fault.kind}: the refresh failed`);
      await card.updateComplete;
      // Checked while the fault lasts, so a quick retry cannot have recovered already.
      expect(text(part(card, 'synced-with')), `${fault.kind}: the data stays`).to.contain('Record k-1 v1');
      expect(text(part(card, 'error')), `${fault.kind}: and says the refresh failed`).to.contain('could not be refreshed');
      if (errors[0].willRetry) {
        await waitUntil(() => part(card, 'retry-countdown'), `${fault.kind}: counting down`);
        await api.fail(null);
        // A newer version than v1 (each faulty answer may have counted as one: v10 and more after many retries).
        await waitUntil(() => versionShown(card) > 1, `${fault.kind}: recovers by itself`);
        expect(part(card, 'error')).to.equal(null);
      } else {
        expect(['invalid', 'html']).to.include(fault.kind);
        await api.fail(null);
        await card.refresh();
        expect(versionShown(card), 'a newer version than v1').to.be.above(1);
      }
      container.remove();
    }
  });

  it('while the card waits for its retry, refresh-interval makes no request of its own', async () => {
    const api = faultRun('poll');
    await api.fail({ kind: 'status', status: 503, retryAfter: '3', count: 1 });
    const { card } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: fast }), 'p-1', { refreshInterval: 1 });
    await waitUntil(() => part(card, 'retry-countdown'));
    await waitUntil(() => part(card, 'card'), 'the retry brings the data');
    // Read from the server's log, not after a fixed sleep (which a busy machine may stretch past
    // the retry): the request after the failed one is the retry, 3 s later; no poll came between.
    const [failed, retried] = await requestsOf(api);
    expect([failed.outcome, retried.outcome]).to.deep.equal(['status 503', 'ok']);
    expect(retried.at - failed.at, 'two polls skipped').to.be.at.least(2990);
  });

  it('a card removed while it waits makes no request afterwards', async () => {
    const api = faultRun('removed');
    // Retry-After: 2 makes each wait at least 2 s, so the card is surely waiting (no request in
    // flight) when it is removed; a jittered wait of a few ms could end before the test sees it.
    await api.fail({ kind: 'status', status: 503, retryAfter: '2' });
    const { card, errors, container } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: { baseMs: 300, maxMs: 300 } }));
    await waitUntil(() => errors.length >= 1, 'the first load failed');
    await card.updateComplete;
    expect(part(card, 'retry-countdown'), 'removed while it waits').to.not.equal(null);
    container.remove();
    const before = (await requestsOf(api)).length;
    // Past the retry it was waiting for.
    await sleep(3000);
    expect((await requestsOf(api)).length).to.equal(before);
  });

  it('a card moved while it waits keeps recovering', async () => {
    const api = faultRun('moved');
    // Retry-After sets the least wait: long enough that the move surely happens during it (a
    // jittered wait of a few ms could end before the test sees the failure).
    await api.fail({ kind: 'status', status: 503, retryAfter: '2', count: 1 });
    const { card, errors, container } = await cardOn(createRestProvider({ endpoint: api.endpoint, retry: { baseMs: 300, maxMs: 300 } }));
    await waitUntil(() => errors.length >= 1, 'the first load failed');
    const elsewhere = document.createElement('section');
    container.append(elsewhere);
    elsewhere.append(card);
    await card.updateComplete;
    expect(part(card, 'retry-countdown'), 'moved while it waits').to.not.equal(null);
    await waitUntil(() => part(card, 'card'), 'recovered after the move');
    container.remove();
  });

  it('cards of an endpoint= attribute retry too (the default policy: first retry within 1 s)', async () => {
    const api = faultRun('endpoint');
    await api.fail({ kind: 'status', status: 504, count: 1 });
    const card = await renderCard(html`<integration-sync-card lang="en" endpoint=${api.endpoint} object-type="company" object-id="e-1"></integration-sync-card>`, { waitFor: 'isc-error' });
    await waitUntil(() => part(card, 'card'), 'loaded by itself');
  });
});
