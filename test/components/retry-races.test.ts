import { expect, fixture, html } from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import fc from 'fast-check';
import { pendingRetryCount } from '../../src/data/shared-wait.ts';
import '../../src/define.ts';
import type { IntegrationSyncCard, IscErrorDetail, SyncDataProvider } from '../../src/index.ts';
import { oneSync, part, text } from '../helpers.ts';
import { advance, drain } from './soak-helpers.ts';

// Races with the retry timers: record changes, disconnections, clicks on Retry, answers and the
// clock (automatic retries, refresh-interval) interleaved by fast-check's scheduler, the page's
// timers faked so that a backoff of 16 s takes no time. The seed is in the test name; set
// ISC_SEED in the page to replay one.
const seed = Number((globalThis as { ISC_SEED?: number }).ISC_SEED ?? Date.now() % 2 ** 31);
// 1,000 schedules take about a minute in Chromium on 2 cores, three minutes in WebKitGTK: the
// other engines run 300, so that the three-engine suite stays within CI's time.
const RUNS = /Chrome\//.test(navigator.userAgent) ? 1000 : 300;

type Step =
  | { kind: 'record'; id: string }
  | { kind: 'disconnect' }
  | { kind: 'retry' }
  | { kind: 'tick'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), id: fc.constantFrom('a', 'b', 'c') }),
  fc.constant({ kind: 'disconnect' as const }),
  fc.constant({ kind: 'retry' as const }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2000, max: 70_000 })) }),
);

describe('races with automatic retries (fast-check scheduler, fake timers)', () => {
  it(`never a stale record, at most 5 automatic retries in a row, one wait per card, nothing left after removal (${RUNS} schedules, seed ${seed})`, async function () {
    this.timeout(600_000);
    const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const started = performance.now();
    let schedules = 0;
    let retriesSeen = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), fc.array(step, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (s, steps, failures) => {
          schedules++;
          let calls = 0;
          let callsAfterRemoval = 0;
          let removed = false;
          let subscriptions = 0;
          const provider: SyncDataProvider = {
            getSyncStatus(record, { signal }) {
              if (removed) callsAfterRemoval++;
              const fails = failures[calls++ % failures.length];
              const outcome = fails
                ? Promise.reject(Object.assign(new Error(`fail ${record.objectId}`), { transient: true }))
                : Promise.resolve(oneSync({ syncedWith: { name: `Record ${record.objectId}` } }));
              outcome.catch(() => {});
              // An answer the card no longer waits for may still arrive: the signal is only advice.
              void signal;
              return s.schedule(outcome, `answer ${record.objectId}`);
            },
            subscribe() {
              subscriptions++;
              return () => subscriptions--;
            },
          };
          const container = await fixture<HTMLElement>(html`<div></div>`);
          const card = document.createElement('integration-sync-card') as IntegrationSyncCard;
          Object.assign(card, { lang: 'en', provider, objectType: 'company', objectId: 'a', refreshInterval: 30 });
          let streak = 0;
          card.addEventListener('isc-error', (event) => {
            const { willRetry } = (event as CustomEvent<IscErrorDetail>).detail;
            if (!willRetry) return;
            retriesSeen++;
            streak++;
            expect(streak, 'at most 5 automatic retries in a row').to.be.at.most(5);
          });
          card.addEventListener('isc-load', () => (streak = 0));
          container.append(card);
          const sequence = s.scheduleSequence(
            steps.map((one) => async () => {
              // NOTE: the count starts again once a record change or a Retry took effect: an attempt
              // of before, reported in the same update, belongs to the count that ended.
              if (one.kind === 'record') {
                const changed = card.objectId !== one.id;
                card.objectId = one.id;
                await card.updateComplete;
                if (changed) streak = 0;
              } else if (one.kind === 'disconnect') {
                card.remove();
                await drain();
                container.append(card);
              } else if (one.kind === 'retry') {
                const button = part<HTMLButtonElement>(card, 'retry-button');
                if (button && !button.disabled) {
                  button.click();
                  await card.updateComplete;
                  streak = 0;
                }
              } else {
                await advance(clock, one.ms);
              }
              expect(pendingRetryCount(), 'one wait per card at most').to.be.at.most(1);
            }),
          );
          await s.waitAll();
          await sequence.task;
          // Let every retry and answer run out: 5 retries wait at most 31 s; then polls every 30 s.
          for (let round = 0; round < 4; round++) {
            await advance(clock, 40_000);
            await s.waitAll();
            await drain();
          }
          await card.updateComplete;
          const current = card.objectId!;
          const shown = part(card, 'synced-with');
          if (shown) expect(text(shown), 'never a stale record').to.contain(`Record ${current}`);
          // An answer the scheduler held back while the clock ran 20 s is the card's own timeout.
          else expect(text(part(card, 'error')), 'an error of the current record').to.match(new RegExp(`fail ${current}|did not answer within 20 s`));

          removed = true;
          card.remove();
          await drain();
          await advance(clock, 10 * 60_000);
          await s.waitAll();
          expect(callsAfterRemoval, 'no request after removal').to.equal(0);
          expect(pendingRetryCount(), 'no wait after removal').to.equal(0);
          expect(subscriptions, 'no subscription after removal').to.equal(0);
          expect(clock.countTimers(), 'no timer after removal').to.equal(0);
          container.remove();
        }),
        { numRuns: RUNS, seed, endOnFailure: true, includeErrorInReport: true },
      );
    } finally {
      clock.uninstall();
    }
    console.log(`retry races (seed ${seed}): ${schedules} schedules, ${retriesSeen} automatic retries, ${Math.round(performance.now() - started)} ms`);
  });
});
