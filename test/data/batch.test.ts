import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createRestProvider, type IntegrationSyncCard, type SyncStatusResponse } from '../../src/index.ts';
import { part, text } from '../helpers.ts';

// Batching (createRestProvider `batch`) against a real HTTP server: the /test-api/batching/<run> routes
// in test/support/test-api.mjs count every request and answer batches in reverse order.
interface Stats {
  gets: number;
  batches: string[][];
  aborted: number;
}
const newRun = () => `run-${Math.random().toString(36).slice(2)}`;
const endpointOf = (run: string) => `${location.origin}/test-api/batching/${run}`;
const stats = async (run: string): Promise<Stats> => (await fetch(`/test-api/batching-stats/${run}`)).json();
const record = (objectId: string) => ({ objectType: 'company', objectId });
const nameOf = (response: SyncStatusResponse) => response.syncs[0].syncedWith?.name;
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value, error: undefined as Error | undefined }),
    (error: Error) => ({ value: undefined as T | undefined, error }),
  );

describe('REST provider batching (POST {endpoint}/batch)', () => {
  it('coalesces 250 requests made in one task into 3 batches of at most 100, matched by record', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: { maxSize: 100 }, cache: false });
    const ids = Array.from({ length: 250 }, (_, i) => `r${i}`);
    const responses = await Promise.all(ids.map((id) => provider.getSyncStatus(record(id), { signal: new AbortController().signal })));
    // The server answers in reverse order: each caller still gets its own record.
    expect(responses.map(nameOf)).to.deep.equal(ids.map((id) => `Record ${id} v1`));
    const { gets, batches } = await stats(run);
    expect(gets).to.equal(0);
    // The three POSTs go out at once, so the server may see them in any order.
    expect(batches.map((batch) => batch.length).sort((a, b) => b - a)).to.deep.equal([100, 100, 50]);
    expect(batches.flat().sort()).to.deep.equal([...ids].sort());
  });

  it('loads 120 cards mounted at once with 2 requests, each card showing its own record', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: true });
    const ids = Array.from({ length: 120 }, (_, i) => `card-${i}`);
    const root = await fixture<HTMLElement>(html`<div>
      ${ids.map((id) => html`<integration-sync-card lang="en" object-type="company" object-id=${id} .provider=${provider}></integration-sync-card>`)}
    </div>`);
    const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
    await waitUntil(() => cards.every((card) => part(card, 'synced-with')), 'not every card loaded');
    expect(cards.map((card) => text(part(card, 'synced-with')))).to.deep.equal(ids.map((id) => `Record ${id} v1 (opens in a new tab)`));
    const { gets, batches } = await stats(run);
    expect(gets).to.equal(0);
    // Both POSTs go out at once; the server may finish reading the short one first.
    expect(batches.map((batch) => batch.length).sort((a, b) => b - a)).to.deep.equal([100, 20]);
    expect(batches.flat().sort()).to.deep.equal([...ids].sort());
  });

  it('requests identical records once per batch, and waits waitMs for more', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: { waitMs: 50 }, cache: false });
    const signal = new AbortController().signal;
    const first = provider.getSyncStatus(record('same'), { signal });
    const second = provider.getSyncStatus(record('same'), { signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const third = provider.getSyncStatus(record('other'), { signal });
    const [a, b, c] = await Promise.all([first, second, third]);
    expect([nameOf(a), nameOf(b), nameOf(c)]).to.deep.equal(['Record same v1', 'Record same v1', 'Record other v1']);
    expect((await stats(run)).batches).to.deep.equal([['same', 'other']]);
  });

  it('a per-record error fails that card only', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: true });
    const root = await fixture<HTMLElement>(html`<div>
      <integration-sync-card lang="en" object-type="company" object-id="fail-1" .provider=${provider}></integration-sync-card>
      <integration-sync-card lang="en" object-type="company" object-id="ok-1" .provider=${provider}></integration-sync-card>
    </div>`);
    const [failing, fine] = root.querySelectorAll<IntegrationSyncCard>('integration-sync-card');
    await waitUntil(() => part(failing, 'error') && part(fine, 'card'), 'cards never settled');
    expect(text(part(failing, 'error'))).to.contain('no ERP record for fail-1');
    expect(text(part(fine, 'synced-with'))).to.contain('Record ok-1 v1');
    expect((await stats(run)).batches).to.have.length(1);
  });

  it('a failed batch fails only its own records', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: { maxSize: 2 }, cache: false });
    const signal = new AbortController().signal;
    const results = await Promise.all(['boom-1', 'a', 'b', 'c'].map((id) => settle(provider.getSyncStatus(record(id), { signal }))));
    expect(results[0].error?.message).to.contain('/batch').and.to.contain('HTTP 500');
    expect(results[1].error?.message).to.contain('HTTP 500');
    expect(results.slice(2).map((result) => result.value && nameOf(result.value))).to.deep.equal(['Record b v1', 'Record c v1']);
    // Both POSTs go out at once: the server may finish reading either first.
    expect((await stats(run)).batches.sort()).to.deep.equal([['b', 'c'], ['boom-1', 'a']]);
  });

  it('drops a caller that aborts before the batch is sent', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: true, cache: false });
    const leaving = new AbortController();
    const gone = settle(provider.getSyncStatus(record('leaves'), { signal: leaving.signal }));
    const stays = provider.getSyncStatus(record('stays'), { signal: new AbortController().signal });
    leaving.abort();
    expect((await gone).error?.name).to.equal('AbortError');
    expect(nameOf(await stays)).to.equal('Record stays v1');
    expect((await stats(run)).batches).to.deep.equal([['stays']]);
  });

  it('aborts a batch in flight once all its callers aborted, but not before', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: true, cache: false });
    const one = new AbortController();
    const two = new AbortController();
    // A batch the server holds until it is aborted: one that answers after a while (slow-…) may
    // answer on a busy machine before this test got to abort the second caller.
    const first = settle(provider.getSyncStatus(record('held-1'), { signal: one.signal }));
    const second = settle(provider.getSyncStatus(record('held-1'), { signal: two.signal }));
    await waitUntil(async () => (await stats(run)).batches.length === 1, 'the batch was never sent');
    one.abort();
    expect((await first).error?.name).to.equal('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stats(run)).aborted, 'one caller is still waiting').to.equal(0);
    two.abort();
    expect((await second).error?.name).to.equal('AbortError');
    await waitUntil(async () => (await stats(run)).aborted === 1, 'the server never saw the batch aborted');
  });

  it('keeps working when an element is removed while its batch is in flight', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: true });
    const root = await fixture<HTMLElement>(html`<div>
      <integration-sync-card lang="en" object-type="company" object-id="slow-a" .provider=${provider}></integration-sync-card>
      <integration-sync-card lang="en" object-type="company" object-id="slow-b" .provider=${provider}></integration-sync-card>
    </div>`);
    const [leaving, staying] = root.querySelectorAll<IntegrationSyncCard>('integration-sync-card');
    await waitUntil(async () => (await stats(run)).batches.length === 1, 'the batch was never sent');
    leaving.remove();
    await waitUntil(() => part(staying, 'card'), 'the remaining card never loaded');
    expect(text(part(staying, 'synced-with'))).to.contain('Record slow-b v1');
    expect((await stats(run)).aborted).to.equal(0);
  });
});
