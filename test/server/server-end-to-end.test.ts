// The card against the package's own server half (createSyncStatusHandler + toNodeListener, on
// the test runner's real HTTP server): batching, repaired data, failures, history and live events.
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createRestProvider } from '../../src/index.ts';
import { part, parts, renderCard, text } from '../helpers.ts';

const API = '/server-api/open';
/** The external record's name as the card shows it (its link also says it opens a new tab). */
const syncedWith = (card: Element) => text(part(card, 'synced-with')).replace(/ \(opens in a new tab\)$/, '');
type Call = { objectType: string; objectId: string; route: string };

async function calls(): Promise<Call[]> {
  return ((await (await fetch('/server-api/stats')).json()) as { calls: Call[] }).calls;
}

describe('the card end to end against createSyncStatusHandler', () => {
  beforeEach(() => fetch('/server-api/reset'));

  it('loads a page of cards in one batch; the server repairs bad data and hides a failing record', async () => {
    const provider = createRestProvider({ endpoint: API, batch: true, cache: false });
    const ids = ['e2e-1', 'e2e-2', 'odd-3', 'fail-4'];
    const container = document.createElement('div');
    document.body.append(container);
    const cards = ids.map((id) => {
      const card = document.createElement('integration-sync-card');
      card.lang = 'en';
      card.provider = provider;
      card.record = { objectType: 'company', objectId: id };
      container.append(card);
      return card;
    });
    try {
      await waitUntil(() => cards.every((card) => part(card, 'card') || part(card, 'error')), 'every card settled');
      expect(syncedWith(cards[0])).to.equal('Record e2e-1 v1');
      expect(syncedWith(cards[1])).to.equal('Record e2e-2 v1');
      // "green" is no status: the server answered the repaired "sync_unknown".
      expect(part(cards[2], 'status')!.dataset.status).to.equal('sync_unknown');
      // The failing record shows its error state; the source's secret text never reached the page.
      expect(part(cards[3], 'error')).to.not.equal(null);
      expect(cards[3].shadowRoot!.textContent).to.not.include('hunter2');
      const batches = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(`${API}/batch`));
      expect(batches.length, 'one POST /batch for four cards').to.be.at.least(1);
      const statusCalls = (await calls()).filter((call) => call.route === 'status');
      expect(statusCalls.map((call) => call.objectId).sort()).to.deep.equal([...ids].sort());
    } finally {
      container.remove();
    }
  });

  it('shows the history and follows live events from the server', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" live endpoint=${API} object-type="company" object-id="live-1"></integration-sync-card>`);
    expect(syncedWith(card)).to.equal('Record live-1 v1');
    part(card, 'history-toggle')!.click();
    await waitUntil(() => parts(card, 'history-entry').length === 1, 'the history');
    // Wait for the stream to be open on the server, then change the record there.
    await waitUntil(async () => ((await (await fetch('/server-api/stats')).json()) as { listening: Record<string, number> }).listening['company:live-1'] === 1, 'the event stream');
    await fetch('/server-api/change?objectType=company&objectId=live-1', { method: 'POST' });
    await waitUntil(() => syncedWith(card) === 'Record live-1 v2', 'the pushed change');
  });
});
