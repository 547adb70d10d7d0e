import { expect } from '@open-wc/testing';
import { planRetry, resolveRetryPolicy, type RetryPolicy } from '../../src/data/backoff.ts';
import { loadSyncStatus } from '../../src/data/cache.ts';
import { joinRetry, pendingRetryCount, releaseRetry, retryInBatches, waitForRetry, type RetryClock } from '../../src/data/shared-wait.ts';
import { createRestProvider, type RecordRef, type SyncDataProvider } from '../../src/index.ts';
import { faultRun, record, sleep, type LoggedRequest } from '../fault-helpers.ts';

/** A clock whose time moves only when told; counts the timers it holds. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let ids = 0;
  const clock: RetryClock = {
    now: () => now,
    setTimeout: (run, ms) => (timers.set(++ids, { at: now + ms, run }), ids),
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      timers.delete(id);
      timer.run();
    }
    await sleep(0);
  };
  return { clock, advance, timers };
}

const provider = (): SyncDataProvider => ({ getSyncStatus: () => Promise.reject(new Error('unused')) });
const settled = (promise: Promise<unknown>) => {
  const state = { done: false, failed: false };
  promise.then(() => (state.done = true), () => (state.failed = true));
  return state;
};

describe('shared wait: one wait per record and provider', () => {
  it('cards showing the same record share one wait and one timer', async () => {
    const { clock, advance, timers } = manualClock();
    const p = provider();
    const a = waitForRetry(p, record('1'), { retry: 1, retryInMs: 800 }, new AbortController().signal, clock);
    await advance(300);
    const b = waitForRetry(p, record('1'), { retry: 1, retryInMs: 100 }, new AbortController().signal, clock);
    expect(timers.size).to.equal(1);
    expect([a.retryInMs, b.retryInMs, b.dueAt]).to.deep.equal([800, 500, a.dueAt]);
    const [sa, sb] = [settled(a.done), settled(b.done)];
    await advance(499);
    expect(sa.done || sb.done).to.equal(false);
    await advance(1);
    expect(sa.done && sb.done).to.equal(true);
    expect(joinRetry(p, record('1'), new AbortController().signal, clock), 'no wait left').to.equal(undefined);
  });

  it('a load triggered while the record waits joins the wait (joinRetry); other records and providers are not held', async () => {
    const { clock } = manualClock();
    const p = provider();
    waitForRetry(p, record('1'), { retry: 2, retryInMs: 2000 }, new AbortController().signal, clock);
    expect(joinRetry(p, record('1'), new AbortController().signal, clock)?.retry).to.equal(2);
    expect(joinRetry(p, record('2'), new AbortController().signal, clock)).to.equal(undefined);
    expect(joinRetry(provider(), record('1'), new AbortController().signal, clock)).to.equal(undefined);
  });

  it('when every card waiting for a record goes away, its timer is cleared', async () => {
    const { clock, timers } = manualClock();
    const p = provider();
    const before = pendingRetryCount();
    const [one, two] = [new AbortController(), new AbortController()];
    const a = settled(waitForRetry(p, record('1'), { retry: 1, retryInMs: 800 }, one.signal, clock).done);
    const b = settled(waitForRetry(p, record('1'), { retry: 1, retryInMs: 800 }, two.signal, clock).done);
    expect(pendingRetryCount()).to.equal(before + 1);
    one.abort();
    await sleep(0);
    expect(a.failed).to.equal(true);
    expect(timers.size, 'the second card still waits').to.equal(1);
    two.abort();
    await sleep(0);
    expect(b.failed).to.equal(true);
    expect(timers.size).to.equal(0);
    expect(pendingRetryCount()).to.equal(before);
  });

  it('Retry (releaseRetry) ends the wait at once for every card on the record', async () => {
    const { clock, timers } = manualClock();
    const p = provider();
    const waiting = [1, 2, 3].map(() => settled(waitForRetry(p, record('1'), { retry: 3, retryInMs: 4000 }, new AbortController().signal, clock).done));
    releaseRetry(p, record('1'));
    await sleep(0);
    expect(waiting.every((state) => state.done)).to.equal(true);
    expect(timers.size).to.equal(0);
  });

  it('through a batching provider, the records of one retry step wake together (one timer), honouring each Retry-After', async () => {
    const { clock, advance, timers } = manualClock();
    const p = provider();
    retryInBatches(p);
    const signal = new AbortController().signal;
    const first = waitForRetry(p, record('1'), { retry: 1, retryInMs: 300 }, signal, clock);
    const others = ['2', '3', '4'].map((id, index) => waitForRetry(p, record(id), { retry: 1, retryInMs: 100 * index + 50 }, signal, clock));
    expect(new Set(others.map((wait) => wait.dueAt))).to.deep.equal(new Set([first.dueAt]));
    const throttled = waitForRetry(p, record('5'), { retry: 1, retryInMs: 900, minimumMs: 900 }, signal, clock);
    expect(throttled.dueAt).to.equal(900);
    expect(timers.size).to.equal(2);
    const states = [first, ...others].map((wait) => settled(wait.done));
    await advance(300);
    expect(states.every((state) => state.done)).to.equal(true);
  });
});

/** What a card does with a failed load (the element's controller does the same): plan, wait, retry. */
async function loadLikeACard(p: SyncDataProvider, rec: RecordRef, policy: RetryPolicy, signal: AbortSignal, random = Math.random): Promise<number> {
  let retries = 0;
  for (;;) {
    const pending = joinRetry(p, rec, signal);
    if (pending) await pending.done;
    try {
      await loadSyncStatus(p, rec, signal, { useFresh: false });
      return retries;
    } catch (error) {
      const plan = planRetry(error, retries, policy, random);
      if (!plan.willRetry) throw error;
      retries = plan.retry;
      await waitForRetry(p, rec, plan, signal).done;
    }
  }
}

/** Requests per record, and the most requests any record got within one backoff step. */
function perRecord(requests: LoggedRequest[]) {
  const byRecord = new Map<string, number>();
  for (const request of requests) for (const id of request.objectIds) byRecord.set(id, (byRecord.get(id) ?? 0) + 1);
  return byRecord;
}

describe('shared wait: an outage of 100 cards on real HTTP', function () {
  this.timeout(60_000);
  // Delays scaled down 25× (1 s → 40 ms) so the test runs in about a second; the counts are what
  // matter. 8 retries and draws of at least a quarter of each ceiling: no card gives up before the
  // 600 ms outage ends (at least 2.5 s of waits), so every record's recovery is counted.
  const policy = resolveRetryPolicy({ baseMs: 40, maxMs: 2400, retries: 8 });
  const jitter = () => 0.25 + 0.75 * Math.random();
  const ids = Array.from({ length: 100 }, (_, index) => `o-${index}`);
  // 100 records, and 20 more cards showing records that other cards show too (a list and a detail view).
  const cards = [...ids, ...ids.slice(0, 20)];

  for (const batch of [false, true]) {
    it(`${batch ? 'batching' : 'one request per record'}: no record requested more than once per step; recovery ${batch ? 'in one batch' : 'spread out'}`, async () => {
      const api = faultRun(batch ? 'outage-batch' : 'outage');
      // The default 10 s timeout: a request queued on a busy machine must not time out and count twice.
      const rest = createRestProvider({ endpoint: api.endpoint, batch, retry: policy });
      await api.fail({ kind: 'status', status: 503 });
      const controller = new AbortController();
      const loads = cards.map((id) => loadLikeACard(rest, record(id), policy, controller.signal, jitter));
      await sleep(600);
      const outageEnded = Date.now();
      await api.fail(null);
      const retries = await Promise.all(loads);
      const { requests } = await api.stats();
      const during = requests.filter((request) => request.outcome !== 'ok');
      const after = requests.filter((request) => request.outcome === 'ok');
      const failuresPerRecord = perRecord(during);
      const maxFailures = Math.max(...failuresPerRecord.values());
      const recoveries = after.map((request) => request.at - outageEnded);
      const figures = {
        cards: cards.length,
        records: ids.length,
        requestsDuringOutage: during.length,
        recordsRequestedDuringOutage: [...failuresPerRecord.values()].reduce((sum, count) => sum + count, 0),
        mostRequestsOfOneRecordDuringOutage: maxFailures,
        requestsAfterOutage: after.length,
        recordsRequestedAfterOutage: after.reduce((sum, request) => sum + request.objectIds.length, 0),
        recoverySpreadMs: Math.max(...recoveries) - Math.min(...recoveries),
        mostRetriesOfOneCard: Math.max(...retries),
      };
      console.log(`[outage] ${batch ? 'batching' : 'per record'}: ${JSON.stringify(figures)}`);
      // Each record once per step: its first load, then one request per retry it made.
      expect(maxFailures).to.be.at.most(1 + Math.max(...retries));
      for (const [id, count] of failuresPerRecord) expect(count, id).to.be.at.most(9);
      // After the outage, each record is fetched exactly once, whatever the number of cards showing it.
      expect(perRecord(after).size).to.equal(100);
      expect(Math.max(...perRecord(after).values())).to.equal(1);
      if (batch) {
        // Every step is one batch for all the records waiting in it (up to maxSize 100).
        expect(during.length).to.be.at.most(9);
        expect(during[0].objectIds.length).to.equal(100);
        expect(after.length).to.be.at.most(2);
      } else {
        // Spread, not one burst: the records come back over the last step's jitter window.
        expect(figures.recoverySpreadMs).to.be.above(20);
        expect(during.length).to.be.at.most(900);
      }
    });
  }

  it('429 with Retry-After: no record is requested again before the server said', async () => {
    const api = faultRun('throttled');
    const rest = createRestProvider({ endpoint: api.endpoint, retry: policy });
    await api.fail({ kind: 'status', status: 429, retryAfter: '1', count: 20 });
    await Promise.all(ids.slice(0, 20).map((id) => loadLikeACard(rest, record(id), policy, new AbortController().signal)));
    const { requests } = await api.stats();
    for (const id of ids.slice(0, 20)) {
      const [failed, next] = requests.filter((request) => request.objectIds.includes(id));
      expect(failed.outcome).to.equal('status 429');
      expect(next.at - failed.at, id).to.be.at.least(990);
    }
  });
});
