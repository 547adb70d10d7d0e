// src/components/ticker.ts: one 30-second timer keeps every relative time on the page fresh.
import { expect } from '@open-wc/testing';
import { mountList } from '../support/card-list.ts';

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
