import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createRestProvider, type IntegrationSyncCard, type IscErrorDetail } from '../../src/index.ts';
import { faultRun, sleep, type LoggedRequest } from '../fault-helpers.ts';
import { part } from '../helpers.ts';

// An outage of the API under a list of 100 cards (and 20 more cards showing records the list
// shows too), on real HTTP: how many requests the cards make while it lasts and after it ends.
// The delays are scaled down 10× (first retry within 100 ms instead of 1 s) and the cards may
// retry 8 times, so none gives up during the 600 ms outage; the counts are what this is about.
const RECORDS = 100;
const ids = Array.from({ length: RECORDS }, (_, index) => `out-${index}`);
const cardsFor = [...ids, ...ids.slice(0, 20)];

const byRecord = (requests: LoggedRequest[]) => {
  const counts = new Map<string, number>();
  for (const request of requests) for (const id of request.objectIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};

describe('outage of 100 cards', function () {
  this.timeout(60_000);

  for (const batch of [false, true]) {
    it(`${batch ? 'through a batching provider' : 'one request per record'}: each record at most once per backoff step, once after; every card recovers`, async () => {
      const api = faultRun(batch ? 'cards-batch' : 'cards');
      const provider = createRestProvider({ endpoint: api.endpoint, batch, retry: { baseMs: 100, maxMs: 6000, retries: 8 } });
      await api.fail({ kind: 'status', status: 503 });
      const errors: IscErrorDetail[] = [];
      const container = await fixture<HTMLElement>(html`<div @isc-error=${(event: CustomEvent<IscErrorDetail>) => errors.push(event.detail)}>
        ${cardsFor.map((id) => html`<integration-sync-card lang="en" object-type="company" object-id=${id} .provider=${provider}></integration-sync-card>`)}
      </div>`);
      const cards = [...container.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
      await sleep(600);
      const ended = Date.now();
      await api.fail(null);
      await waitUntil(() => cards.every((card) => part(card, 'card')), 'every card shows its data again, without a click', { timeout: 20_000 });
      const { requests } = await api.stats();
      const during = requests.filter((request) => request.outcome !== 'ok');
      const after = requests.filter((request) => request.outcome === 'ok');
      const failed = byRecord(during);
      const recovered = after.map((request) => request.at - ended);
      const figures = {
        cards: cards.length,
        records: RECORDS,
        requestsDuringOutage: during.length,
        recordRequestsDuringOutage: [...failed.values()].reduce((sum, count) => sum + count, 0),
        mostRequestsOfOneRecordDuringOutage: Math.max(...failed.values()),
        requestsAfterOutage: after.length,
        recordRequestsAfterOutage: after.reduce((sum, request) => sum + request.objectIds.length, 0),
        firstRecoveryMs: Math.min(...recovered),
        lastRecoveryMs: Math.max(...recovered),
        iscErrorEvents: errors.length,
        gaveUp: errors.filter((error) => !error.willRetry).length,
      };
      console.log(`[outage of 100 cards] ${batch ? 'batching' : 'per record'}: ${JSON.stringify(figures)}`);
      expect(figures.gaveUp, 'no card gave up').to.equal(0);
      // The most a record can be asked during the outage: its first load and one per retry step.
      const steps = 1 + 8;
      for (const [id, count] of failed) expect(count, id).to.be.at.most(steps);
      // Once the API is back, one request per record, however many cards show it.
      expect(byRecord(after).size).to.equal(RECORDS);
      expect(Math.max(...byRecord(after).values())).to.equal(1);
      if (batch) {
        expect(during.length, 'one batch per step').to.be.at.most(steps);
        expect(after.length, 'recovery in one batch (two when a step straddles the end)').to.be.at.most(2);
      } else {
        expect(figures.lastRecoveryMs - figures.firstRecoveryMs, 'recovery spread, not one burst').to.be.above(20);
      }
      container.remove();
    });
  }
});
