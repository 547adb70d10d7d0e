// src/components/ticker.ts: one 30-second timer keeps every relative time on the page fresh.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part } from '../helpers.ts';

// What hundreds of cards on one page share instead of paying per card: one relative-time timer,
// cached Intl formatters, no per-card document/window listeners, positioning listeners only
// while a tooltip is open.
const ids = Array.from({ length: 60 }, (_, i) => `${i}`);
const provider = createMemoryProvider(Object.fromEntries(ids.map((id) => [`company:${id}`, oneSync()])));

async function mountList(lang = 'en'): Promise<IntegrationSyncCard[]> {
  const root = await fixture<HTMLElement>(html`<div>
    ${ids.map((id) => html`<integration-sync-card lang=${lang} object-type="company" object-id=${id} .provider=${provider}></integration-sync-card>`)}
  </div>`);
  const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
  await waitUntil(() => cards.every((card) => part(card, 'card')), 'not every card loaded');
  return cards;
}

describe('one relative-time ticker for every card', () => {
  it('keeps relative times fresh with one timer for all cards, stopped when the last one leaves', async () => {
    const created: number[] = [];
    const cleared: unknown[] = [];
    const { setInterval: set, clearInterval: clear } = window;
    window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
      const id = set(handler, timeout, ...args);
      if (timeout === 30_000) created.push(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      cleared.push(id);
      clear(id);
    }) as typeof window.clearInterval;
    try {
      const cards = await mountList();
      expect(created, 'one 30 s timer for 60 cards').to.have.length(1);
      for (const card of cards) card.remove();
      expect(cleared).to.include(created[0]);
    } finally {
      window.setInterval = set;
      window.clearInterval = clear;
    }
  });
});
