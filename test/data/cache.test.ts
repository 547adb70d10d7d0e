import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { invalidate } from '../../src/data/cache.ts';
import { createRestProvider, type IntegrationSyncCard, type SyncDataProvider } from '../../src/index.ts';
import { part, text } from '../helpers.ts';

// The REST provider's response cache, through the element, against the counting routes of
// test/support/test-api.mjs (each answer names how often that record was served: "v1", "v2"…).
const newRun = () => `run-${Math.random().toString(36).slice(2)}`;
const endpointOf = (run: string) => `${location.origin}/test-api/batching/${run}`;
const gets = async (run: string): Promise<number> => (await (await fetch(`/test-api/batching-stats/${run}`)).json()).gets;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mounts a card and reports whether its very first render already showed the data. */
async function mount(provider: SyncDataProvider, objectId: string) {
  const card = document.createElement('integration-sync-card') as IntegrationSyncCard;
  Object.assign(card, { provider, objectType: 'company', objectId, lang: 'en' });
  const root = await fixture<HTMLElement>(html`<div></div>`);
  // Listening before it connects: a fresh cached answer fires isc-load within the first updates.
  const load = oneEvent(card, 'isc-load');
  load.catch(() => {});
  root.append(card);
  await card.updateComplete;
  const firstRender = { loading: !!part(card, 'loading'), shown: text(part(card, 'synced-with')) };
  return { card, firstRender, load };
}

const loaded = async (card: IntegrationSyncCard) => {
  if (!part(card, 'card')) await oneEvent(card, 'isc-load');
  return text(part(card, 'synced-with'));
};

describe('response cache (createRestProvider cache option)', () => {
  it('renders a card re-mounted within the TTL from the cache at once, with no request', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run) });
    const first = await mount(provider, 'c1');
    expect(first.firstRender.loading).to.equal(true);
    expect(await loaded(first.card)).to.contain('Record c1 v1');
    first.card.remove();

    const again = await mount(provider, 'c1');
    expect(again.firstRender.loading, 'no loading state').to.equal(false);
    expect(again.firstRender.shown).to.contain('Record c1 v1');
    await again.load; // a load from the cache is still a load
    expect(await gets(run)).to.equal(1);
  });

  it('renders a stale entry at once, then re-fetches and shows the new data', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), cache: { ttlMs: 50, staleMs: 60_000 } });
    const first = await mount(provider, 'c2');
    await loaded(first.card);
    first.card.remove();
    await delay(80);

    const again = await mount(provider, 'c2');
    expect(again.firstRender.loading).to.equal(false);
    expect(again.firstRender.shown).to.contain('Record c2 v1');
    await waitUntil(() => text(part(again.card, 'synced-with')).includes('v2'), 'the stale entry was never refreshed');
    expect(await gets(run)).to.equal(2);
  });

  it('drops entries older than ttlMs + staleMs: loading state and a request', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), cache: { ttlMs: 20, staleMs: 20 } });
    const first = await mount(provider, 'c3');
    await loaded(first.card);
    first.card.remove();
    await delay(60);
    const again = await mount(provider, 'c3');
    expect(again.firstRender.loading).to.equal(true);
    expect(await loaded(again.card)).to.contain('v2');
  });

  it('refresh() invalidates the record: it re-fetches, and later mounts use the new data', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run) });
    const { card } = await mount(provider, 'c4');
    await loaded(card);
    await card.refresh();
    expect(text(part(card, 'synced-with'))).to.contain('v2');
    const other = await mount(provider, 'c4');
    expect(other.firstRender.shown).to.contain('v2');
    expect(await gets(run)).to.equal(2);
  });

  it('invalidate(provider, record) makes the next mount request again', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run) });
    const { card } = await mount(provider, 'c5');
    await loaded(card);
    invalidate(provider, { objectType: 'company', objectId: 'c5' });
    const again = await mount(provider, 'c5');
    expect(again.firstRender.loading).to.equal(true);
    expect(await loaded(again.card)).to.contain('v2');
    expect(await gets(run)).to.equal(2);
  });

  it('cache: false requests every time', async () => {
    const run = newRun();
    const provider = createRestProvider({ endpoint: endpointOf(run), cache: false });
    const first = await mount(provider, 'c6');
    await loaded(first.card);
    const again = await mount(provider, 'c6');
    expect(again.firstRender.loading).to.equal(true);
    expect(await loaded(again.card)).to.contain('v2');
  });

  it('batching and cache together: 300 cards, 3 requests; mounted again, none', async function () {
    // Generous waits: this checks what loads, not how fast (npm run bench measures that), and
    // 300 cards take WebKitGTK seconds on a busy 2-core CI machine.
    this.timeout(40_000);
    const run = newRun();
    // A TTL longer than the test may take: the first 300 may need tens of seconds to load there,
    // and "mounted again, no request" is about entries still fresh, not about the default TTL.
    const provider = createRestProvider({ endpoint: endpointOf(run), batch: true, cache: { ttlMs: 600_000 } });
    const ids = Array.from({ length: 300 }, (_, i) => `list-${i}`);
    const list = () => html`<div>${ids.map((id) => html`<integration-sync-card lang="en" object-type="company" object-id=${id} .provider=${provider}></integration-sync-card>`)}</div>`;
    const first = await fixture<HTMLElement>(list());
    const cards = () => [...first.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
    await waitUntil(() => cards().every((card) => part(card, 'card')), 'not every card loaded', { timeout: 30_000 });
    first.replaceChildren();
    const second = await fixture<HTMLElement>(list());
    const again = [...second.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
    await Promise.all(again.map((card) => card.updateComplete));
    expect(again.every((card) => part(card, 'card') && !part(card, 'loading'))).to.equal(true);
    const stats = await (await fetch(`/test-api/batching-stats/${run}`)).json();
    expect(stats.batches.map((batch: string[]) => batch.length)).to.deep.equal([100, 100, 100]);
  });
});
