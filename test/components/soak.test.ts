import { expect, fixture, html } from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import { cachedEntryCount } from '../../src/data/cache.ts';
import { inFlightCount } from '../../src/data/dedupe.ts';
import { openStreamCount } from '../../src/data/live-events.ts';
import { pendingRetryCount } from '../../src/data/shared-wait.ts';
import '../../src/define.ts';
import type { IntegrationSyncCard } from '../../src/index.ts';
import { advance, countPageListeners, prng, simulatedApi } from './soak-helpers.ts';
import { part, text } from '../helpers.ts';

// A page left open for 24 hours, in a few seconds: the page's timers and clock are faked
// (@sinonjs/fake-timers) and moved a minute at a time. 100 cards on 50 records, each polling
// every 30 minutes and following live updates, against an API that fails in bursts (503 outages,
// 429 with Retry-After, network blips; see soak-helpers.ts). What a page left open must not do:
// grow. Printed at the start and the end, asserted bounded; after the cards are removed nothing
// is left running and no request is made.
const CARDS = 100;
const RECORDS = 50;
const HOUR = 3_600_000;

describe('soak: a page left open for 24 hours (controlled clock)', function () {
  // About 90 s in Chromium, over 3 minutes in WebKitGTK on a busy 2-core machine.
  this.timeout(480_000);

  it('100 cards, refresh-interval, live updates, bursts of failures: bounded, and nothing left after removal', async () => {
    const listeners = countPageListeners();
    const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: Date.parse('2026-12-01T08:00:00Z') });
    try {
      // NOTE: no lastSyncedAt, so no <time>: the 30-second relative-time tick would re-render every card
      // 2,880 times a day and make this a render benchmark (npm run bench measures that), not a soak.
      const api = simulatedApi({ startedAt: Date.now(), withTime: false });
      const listenersBefore = listeners.count();
      const random = prng(17);
      const root = await fixture<HTMLElement>(html`<div>
        ${Array.from({ length: CARDS }, (_, index) => html`<integration-sync-card lang="en" object-type="company" object-id=${`r-${index % RECORDS}`} refresh-interval="1800" .provider=${api.provider}></integration-sync-card>`)}
      </div>`);
      const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
      await advance(clock, 1000);
      const showing = () => cards.filter((card) => part(card, 'card')).length;
      const erroring = () => cards.filter((card) => part(card, 'error')).length;
      const figures = () => ({
        timers: clock.countTimers(),
        pageListeners: listeners.count(),
        subscriptions: api.stats.subscriptions,
        streams: api.openStreams() + openStreamCount(),
        cacheEntries: cachedEntryCount(api.provider),
        inFlight: inFlightCount(api.provider),
        pendingRetries: pendingRetryCount(),
        cardsShowingData: showing(),
        cardsShowingAnError: erroring(),
        requests: api.stats.requests,
      });
      const start = figures();
      console.log(`[soak 24 h] start: ${JSON.stringify(start)}`);
      expect(start.cardsShowingData).to.equal(CARDS);

      const peak = { ...start };
      const perHour: number[] = [];
      let requestsBefore = start.requests;
      for (let minute = 1; minute <= 24 * 60; minute++) {
        // Live: every 7 minutes the server pushes a change of 5 records.
        if (minute % 7 === 0) api.push(Array.from({ length: 5 }, () => `r-${Math.floor(random() * RECORDS)}`));
        await advance(clock, 60_000);
        const now = figures();
        for (const key of ['timers', 'pageListeners', 'subscriptions', 'streams', 'cacheEntries', 'inFlight', 'pendingRetries'] as const) peak[key] = Math.max(peak[key], now[key]);
        if (minute % 60 === 0) {
          perHour.push(now.requests - requestsBefore);
          requestsBefore = now.requests;
        }
      }
      const end = figures();
      console.log(`[soak 24 h] end:   ${JSON.stringify(end)}`);
      console.log(`[soak 24 h] peak:  ${JSON.stringify(peak)}; requests per hour ${Math.min(...perHour)}–${Math.max(...perHour)}; failed ${api.stats.failed}, aborted ${api.stats.aborted}, pushes ${api.stats.pushes}`);

      // Bounded: no growth from start to end beyond what 100 cards hold at any moment.
      expect(end.subscriptions, 'one live subscription per card').to.equal(CARDS);
      expect(end.streams, 'one stream per record').to.be.at.most(RECORDS);
      expect(end.cacheEntries).to.be.at.most(RECORDS);
      expect(end.pageListeners).to.be.at.most(start.pageListeners + 2);
      expect(peak.timers, 'timers: a poll per card, at most a retry or a request timer per card, a few shared').to.be.at.most(CARDS * 3 + 10);
      expect(end.timers).to.be.at.most(start.timers + 5);
      expect(peak.pendingRetries).to.be.at.most(RECORDS);
      // Polling every 30 minutes: 100 cards × 4 an hour at most, plus retries during bursts.
      expect(Math.max(...perHour)).to.be.below(CARDS * 4 * 2);
      // Still the same page: every card shows its data (the day ends outside a burst).
      expect(end.cardsShowingData).to.equal(CARDS);
      expect(text(part(cards[0], 'synced-with'))).to.match(/Record r-0 v\d+/);

      // Removed: nothing left running, no request made afterwards.
      root.remove();
      await advance(clock, 1000);
      const requestsAtRemoval = api.stats.requests;
      await advance(clock, 2 * HOUR);
      const removed = figures();
      console.log(`[soak 24 h] after removal: ${JSON.stringify(removed)}`);
      expect(removed.timers, 'no timer left').to.equal(0);
      expect(removed.subscriptions).to.equal(0);
      expect(removed.streams).to.equal(0);
      expect(removed.pendingRetries).to.equal(0);
      expect(removed.inFlight).to.equal(0);
      expect(removed.pageListeners, 'page listeners back to before the cards').to.be.at.most(listenersBefore);
      expect(api.stats.requests, 'no request after removal').to.equal(requestsAtRemoval);
    } finally {
      clock.uninstall();
      listeners.stop();
    }
  });
});
