import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { openStreamCount } from '../../src/data/live-events.ts';
import { createRestProvider } from '../../src/index.ts';
import { faultRun, record, sleep } from '../fault-helpers.ts';

// The live stream (Server-Sent Events over real HTTP) through drops and outages: reconnects use
// the load retries' backoff with jitter, and cards on one record keep sharing one stream.
describe('live stream reconnects', function () {
  this.timeout(60_000);

  it('many subscribers on one record share one stream, through a drop and a reconnect', async () => {
    const api = faultRun('live-share');
    const provider = createRestProvider({ endpoint: api.endpoint, live: true, retry: { baseMs: 100, maxMs: 400 } });
    const changes = [0, 0, 0, 0, 0];
    const unsubscribe = changes.map((_, index) => provider.subscribe!(record('s-1'), () => changes[index]++));
    await waitUntil(async () => (await api.stats()).streams.open === 1, 'one stream open');
    await api.control({ push: ['s-1'] });
    await waitUntil(() => changes.every((count) => count === 1), 'a push reaches every subscriber');

    await api.control({ dropStreams: true });
    // Back within the first step's ceiling (plus the connection time), still one stream for all.
    await waitUntil(async () => (await api.stats()).streams.open === 1, 'reconnected');
    const { streams } = await api.stats();
    expect(streams.opened).to.equal(2);
    // A reconnection may have missed changes: every subscriber hears of one.
    await waitUntil(() => changes.every((count) => count === 2), 'the reconnect counts as a change');
    await api.control({ push: ['s-1'] });
    await waitUntil(() => changes.every((count) => count === 3), 'pushes still reach everyone');

    for (const stop of unsubscribe) stop();
    await waitUntil(async () => (await api.stats()).streams.open === 0, 'closed when the last subscriber leaves');
    expect(openStreamCount()).to.equal(0);
  });

  it('while the stream endpoint fails, reconnects back off exponentially with jitter instead of a fixed interval', async () => {
    const api = faultRun('live-backoff');
    const provider = createRestProvider({ endpoint: api.endpoint, live: true, retry: { baseMs: 100, maxMs: 800 } });
    await api.fail({ kind: 'status', status: 503 });
    const stop = provider.subscribe!(record('s-2'), () => {});
    await sleep(2500);
    const { requests } = await api.stats();
    const attempts = requests.filter((request) => request.kind === 'events');
    const gaps = attempts.slice(1).map((request, index) => request.at - attempts[index].at);
    console.log(`[live] attempts in 2.5 s of outage: ${attempts.length}; gaps (ms): ${gaps.join(', ')}`);
    // Ceilings 100, 200, 400, 800, 800…: at most ~2.5 s / mean gap; a fixed 3 s browser retry gives 1,
    // a reconnect loop without backoff hundreds. Full jitter: the gaps are not all equal.
    expect(attempts.length).to.be.within(3, 20);
    // A gap is the wait (at most 800 ms) plus a failed request's round trip and its error event,
    // which a busy 2-core machine can stretch well past 300 ms; still shorter than a browser's own
    // fixed reconnection time (3 s and more).
    for (const gap of gaps) expect(gap).to.be.below(800 + 1200);
    expect(new Set(gaps.map((gap) => Math.round(gap / 20))).size).to.be.above(1);
    await api.fail(null);
    await waitUntil(async () => (await api.stats()).streams.open === 1, 'back once the endpoint is');
    stop();
    await waitUntil(async () => (await api.stats()).streams.open === 0);
    const after = (await api.stats()).requests.length;
    await sleep(1200);
    expect((await api.stats()).requests.length, 'no reconnect after the unsubscribe').to.equal(after);
  });
});
