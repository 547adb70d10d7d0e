// src/data/dedupe.ts: identical concurrent requests through one provider are made once.
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { controllableProvider, oneSync, part, renderCard } from '../helpers.ts';

const response = (name: string) => oneSync({ syncedWith: { name, url: 'https://erp.example.com/r/1' } });

describe('deduplication of identical concurrent requests', () => {
  it('makes one request for identical concurrent requests through one provider', async () => {
    const { provider, calls } = controllableProvider();
    const cards = await Promise.all(
      [1, 2, 3].map(() => renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="7" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' })),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).to.have.length(1);
    calls[0].resolve(response('Shared'));
    await Promise.all(cards.map((card) => waitUntil(() => part(card, 'card'))));
    // One of three cards leaving does not abort the request the other two still wait for.
    const more = await Promise.all(
      [1, 2].map(() => renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="8" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' })),
    );
    await waitUntil(() => calls.length === 2);
    more[0].remove();
    expect(calls[1].signal.aborted).to.equal(false);
    calls[1].resolve(response('Still there'));
    await waitUntil(() => part(more[1], 'card'));
  });
});
