// src/components/sync-status-controller.ts: the card's load state machine as a user sees it: loading,
// errors and Retry, record and provider changes (latest wins, aborts), disconnects, timeouts,
// hostile providers and random interleavings.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import fc from 'fast-check';
import { createRestProvider, type IntegrationSyncCard, type RecordRef, type SyncDataProvider } from '../../src/index.ts';
import { controllableProvider, oneSync, part, parts, renderCard, text } from '../helpers.ts';

const response = (name: string) => oneSync({ syncedWith: { name, url: 'https://erp.example.com/r/1' } });

const seed = Number((globalThis as { ISC_SEED?: number }).ISC_SEED ?? Date.now() % 2 ** 31);

describe('SyncStatusController: loading, errors, retries and record changes', () => {
  it('shows a busy indicator while loading, then the data', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    expect(text(part(card, 'loading'))).to.equal('Loading sync status…');
    expect(card.getAttribute('aria-busy')).to.equal('true');
    calls[0].resolve(response('Acme'));
    await oneEvent(card, 'isc-load');
    expect(part(card, 'loading')).to.equal(null);
    expect(card.hasAttribute('aria-busy')).to.equal(false);
    expect(text(part(card, 'synced-with'))).to.contain('Acme');
  });

  it('shows the error with the cause, fires isc-error, and Retry loads the data (isc-load)', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    const failed = oneEvent(card, 'isc-error');
    calls[0].reject(new Error('NetSuite is down'));
    const event = await failed;
    expect(event.detail.error.message).to.equal('NetSuite is down');
    expect(event.detail.record).to.deep.equal({ objectType: 'company', objectId: '1' });
    expect(text(part(card, 'error'))).to.contain('The sync status could not be loaded.');
    expect(text(part(card, 'error'))).to.contain('NetSuite is down');
    const loaded = oneEvent(card, 'isc-load');
    part(card, 'retry-button')!.click();
    await waitUntil(() => calls.length === 2);
    calls[1].resolve(response('Acme'));
    await loaded;
    expect(part(card, 'error')).to.equal(null);
    expect(part(card, 'card')).to.not.equal(null);
  });

  it('treats a non-object response as an error, and a non-Error rejection as a clear message', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].resolve('<html>oops</html>');
    await oneEvent(card, 'isc-error');
    expect(text(part(card, 'error'))).to.contain('expected an object');
    part(card, 'retry-button')!.click();
    await waitUntil(() => calls.length === 2);
    calls[1].reject({ code: 42 });
    await oneEvent(card, 'isc-error');
    expect(text(part(card, 'error'))).to.contain('{"code":42}');
  });

  it('aborts the request in flight when the record changes, and never shows the old record', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="old" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    card.objectId = 'new';
    await waitUntil(() => calls.length === 2);
    expect(calls[0].signal.aborted, 'old request aborted').to.equal(true);
    expect(calls[1].record.objectId).to.equal('new');
    calls[0].resolve(response('OLD RECORD'));
    calls[1].resolve(response('New record'));
    await oneEvent(card, 'isc-load');
    expect(text(part(card, 'synced-with'))).to.contain('New record');
    // The old response arriving late changes nothing either.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(card.shadowRoot!.textContent).to.not.contain('OLD RECORD');
  });

  it('never shows a late response for the old record even when it arrives after the new one', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="old" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    card.record = { objectType: 'company', objectId: 'new' };
    await waitUntil(() => calls.length === 2);
    calls[1].resolve(response('New record'));
    await oneEvent(card, 'isc-load');
    calls[0].resolve(response('OLD RECORD'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await card.updateComplete;
    expect(card.shadowRoot!.textContent).to.not.contain('OLD RECORD');
    expect(text(part(card, 'synced-with'))).to.contain('New record');
  });

  it('aborts on provider change and on disconnect, and loads again when reconnected', async () => {
    const first = controllableProvider();
    const second = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${first.provider}></integration-sync-card>`, { waitFor: 'none' });
    card.provider = second.provider;
    await waitUntil(() => second.calls.length === 1);
    expect(first.calls[0].signal.aborted).to.equal(true);
    const parent = card.parentElement!;
    card.remove();
    expect(second.calls[0].signal.aborted, 'disconnect aborts').to.equal(true);
    parent.append(card);
    await waitUntil(() => second.calls.length === 2, 'reconnecting loads again');
    second.calls[1].resolve(response('Back'));
    await oneEvent(card, 'isc-load');
    expect(text(part(card, 'synced-with'))).to.contain('Back');
  });

  it('refresh() re-fetches and keeps the current data on screen meanwhile', async () => {
    const { provider, calls } = controllableProvider();
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].resolve(response('First'));
    await oneEvent(card, 'isc-load');
    const refreshed = card.refresh();
    await waitUntil(() => calls.length === 2);
    await card.updateComplete;
    expect(part(card, 'loading'), 'no flash back to loading').to.equal(null);
    expect(text(part(card, 'synced-with'))).to.contain('First');
    calls[1].resolve(response('Second'));
    await refreshed;
    expect(text(part(card, 'synced-with'))).to.contain('Second');
  });

  it('fires isc-error again when a retry fails with the very same Error object', async () => {
    const failure = new Error('always the same');
    let calls = 0;
    const provider = { getSyncStatus: () => (calls++, Promise.reject(failure)) };
    const errors: Event[] = [];
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider} @isc-error=${(event: Event) => errors.push(event)}></integration-sync-card>`, { waitFor: 'isc-error' });
    const again = oneEvent(card, 'isc-error');
    part(card, 'retry-button')!.click();
    await again;
    expect(calls).to.equal(2);
    expect(errors).to.have.length(2);
  });

  it('keeps the same alert on screen while a retry runs (no flash to loading, no second announcement)', async () => {
    const calls: { reject: (error: Error) => void }[] = [];
    const provider = { getSyncStatus: () => new Promise<never>((_, reject) => calls.push({ reject })) };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
    calls[0].reject(new Error('down'));
    await oneEvent(card, 'isc-error');
    const alert = part(card, 'error')!;
    part(card, 'retry-button')!.click();
    await waitUntil(() => calls.length === 2);
    await card.updateComplete;
    expect(part(card, 'loading')).to.equal(null);
    expect(part(card, 'error'), 'the same node').to.equal(alert);
    expect((part(card, 'retry-button') as HTMLButtonElement).disabled, 'retry disabled while it runs').to.equal(true);
    calls[1].reject(new Error('still down'));
    await oneEvent(card, 'isc-error');
    expect(text(part(card, 'error'))).to.contain('still down');
  });

  it('a response that is an array is an error, also for a second card on the same record (nothing cached)', async () => {
    const provider = createRestProvider({ endpoint: `${location.origin}/test-api/array` });
    const first = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="arr" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
    expect(text(part(first, 'error'))).to.contain('array');
    const second = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="arr" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
    expect(text(part(second, 'error'))).to.contain('array');
  });

  it('re-fetches when the record changes back, showing the cached answer meanwhile', async () => {
    const seen: string[] = [];
    const base = createRestProvider({ endpoint: `${location.origin}/test-api/echo` });
    const provider: SyncDataProvider = base;
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="back-a" .provider=${provider}
      @isc-load=${(event: CustomEvent<{ record: RecordRef }>) => seen.push(event.detail.record.objectId)}></integration-sync-card>`);
    card.objectId = 'back-b';
    await waitUntil(() => seen.includes('back-b'));
    const before = (await (await fetch('/test-api/count?objectId=back-a')).json()).count;
    card.objectId = 'back-a';
    await card.updateComplete;
    expect(text(part(card, 'synced-with')), 'cached answer at once').to.contain('Record back-a');
    await waitUntil(async () => (await (await fetch('/test-api/count?objectId=back-a')).json()).count === before + 1, 'record A fetched again');
  });
});

describe('SyncStatusController: hostile providers and races', () => {
  describe('provider failures end in a clear state, with no console error', () => {
    let consoleErrors: unknown[] = [];
    const originalError = console.error;
    beforeEach(() => {
      consoleErrors = [];
      console.error = (...args: unknown[]) => consoleErrors.push(args);
    });
    afterEach(() => {
      console.error = originalError;
    });

    const cases: [string, SyncDataProvider['getSyncStatus'], string][] = [
      [
        'throws synchronously',
        () => {
          throw new Error('sync boom');
        },
        'sync boom',
      ],
      ['rejects with a string', () => Promise.reject('plain string failure'), 'plain string failure'],
      ['rejects with an object', () => Promise.reject({ code: 'E42' }), 'E42'],
      ['rejects with undefined', () => Promise.reject(undefined), 'The provider failed'],
      ['resolves to a string', async () => 'not json' as never, 'expected an object'],
    ];
    for (const [name, getSyncStatus, message] of cases) {
      it(`${name}: error state naming the cause`, async () => {
        const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${{ getSyncStatus }}></integration-sync-card>`, { waitFor: 'isc-error' });
        expect(text(part(card, 'error'))).to.contain(message);
        expect(part(card, 'retry-button')).to.not.equal(null);
        expect(consoleErrors).to.deep.equal([]);
      });
    }

    it('returns a plain object instead of a promise: renders it', async () => {
      const provider = { getSyncStatus: () => oneSync() as never };
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
      expect(parts(card, 'card')).to.have.length(1);
    });

    it('never resolves: the card times out into the error state (timeout attribute)', async () => {
      let signal: AbortSignal | undefined;
      const provider = { getSyncStatus: (_: RecordRef, options: { signal: AbortSignal }) => ((signal = options.signal), new Promise<never>(() => {})) };
      const card = await renderCard(html`<integration-sync-card lang="en" timeout="0.2" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
      expect(text(part(card, 'error'))).to.contain('did not answer within 0.2 s');
      expect(signal?.aborted, 'the provider is told to stop').to.equal(true);
      expect(consoleErrors).to.deep.equal([]);
    });

    it('resolves after disconnect: nothing renders, nothing fires, nothing is logged', async () => {
      let resolve!: (value: unknown) => void;
      let signal!: AbortSignal;
      const provider = { getSyncStatus: (_: RecordRef, options: { signal: AbortSignal }) => ((signal = options.signal), new Promise((r) => (resolve = r))) as never };
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
      const events: string[] = [];
      for (const name of ['isc-load', 'isc-error'] as const) card.addEventListener(name, () => events.push(name));
      card.remove();
      expect(signal.aborted).to.equal(true);
      resolve(oneSync());
      await new Promise((r) => setTimeout(r, 50));
      expect(events).to.deep.equal([]);
      expect(parts(card, 'card')).to.have.length(0);
      expect(consoleErrors).to.deep.equal([]);
    });
  });

  describe('races (fast-check scheduler)', () => {
    it(`never renders a stale record; superseded and disconnected requests are aborted; nothing leaks (seed ${seed})`, async function () {
      this.timeout(60_000);
      const intervals = new Set<number>();
      const realSetInterval = window.setInterval;
      const realClearInterval = window.clearInterval;
      window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = realSetInterval(handler, ms, ...args) as unknown as number;
        intervals.add(id);
        return id;
      }) as typeof setInterval;
      window.clearInterval = ((id?: number) => {
        intervals.delete(id!);
        realClearInterval(id);
      }) as typeof clearInterval;
      let schedules = 0;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.scheduler(),
            fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), fails: fc.boolean(), disconnect: fc.boolean() }), { minLength: 1, maxLength: 6 }),
            async (s, steps) => {
              schedules++;
              const calls: { id: string; signal: AbortSignal; settled: boolean }[] = [];
              let subscriptions = 0;
              const failing = new Map<string, boolean>(steps.map((step) => [step.id, step.fails]));
              // A provider object of its own per run: nothing is shared with other runs (or cached).
              const provider: SyncDataProvider = {
                getSyncStatus(record, { signal }) {
                  const call = { id: record.objectId, signal, settled: false };
                  calls.push(call);
                  const body = oneSync({ syncedWith: { name: `Record ${record.objectId}` } });
                  const outcome = failing.get(record.objectId) ? Promise.reject(new Error(`fail ${record.objectId}`)) : Promise.resolve(body);
                  outcome.catch(() => {});
                  return s.schedule(outcome, `settle ${record.objectId}`).finally(() => (call.settled = true));
                },
                subscribe() {
                  subscriptions++;
                  return () => subscriptions--;
                },
              };
              const container = await fixture<HTMLElement>(html`<div></div>`);
              const card = document.createElement('integration-sync-card') as IntegrationSyncCard;
              Object.assign(card, { lang: 'en', provider, objectType: 'company', objectId: steps[0].id, refreshInterval: 30 });
              container.append(card);
              const sequence = s.scheduleSequence(
                steps.map((step) => async () => {
                  const before = calls.filter((call) => !call.settled && call.id !== step.id);
                  if (step.disconnect) {
                    card.remove();
                    await Promise.resolve();
                    for (const call of calls) if (!call.settled) expect(call.signal.aborted, 'disconnect aborts').to.equal(true);
                    container.append(card);
                  }
                  card.objectId = step.id;
                  await card.updateComplete;
                  for (const call of before) expect(call.settled || call.signal.aborted, `superseded request for ${call.id} aborted`).to.equal(true);
                }),
              );
              // The scheduler drives everything: record changes and provider answers interleave.
              await s.waitAll();
              await sequence.task;
              // Let the last answer travel through the card's promise chain, then render.
              await new Promise((resolve) => setTimeout(resolve, 0));
              await card.updateComplete;
              const current = steps[steps.length - 1].id;
              const shown = part(card, 'synced-with');
              if (shown) expect(text(shown), 'never a stale record').to.contain(`Record ${current}`);
              else expect(text(part(card, 'error'))).to.contain(`fail ${current}`);
              card.remove();
              expect(subscriptions, 'no subscription left').to.equal(0);
            },
          ),
          { numRuns: 150, seed, endOnFailure: true },
        );
        expect(intervals.size, 'no interval left running').to.equal(0);
        console.log(`race run (seed ${seed}): ${schedules} schedules`);
      } finally {
        window.setInterval = realSetInterval;
        window.clearInterval = realClearInterval;
      }
    });
  });
});
