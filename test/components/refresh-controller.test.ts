// src/components/refresh-controller.ts: refresh-interval polls while the page is visible, and only
// cards that poll listen to the document.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part, renderCard } from '../helpers.ts';

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

/** Counts the listeners currently registered on window and document, by event type. */
function trackListeners() {
  const active = new Map<string, Set<unknown>>();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const tracked = (target: EventTarget) => target === window || target === document;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (tracked(this) && listener) {
      if (!active.has(type)) active.set(type, new Set());
      active.get(type)!.add(listener);
    }
    return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof add;
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (tracked(this)) active.get(type)?.delete(listener);
    return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof remove;
  return {
    count: (...types: string[]) => types.reduce((sum, type) => sum + (active.get(type)?.size ?? 0), 0),
    restore() {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    },
  };
}

const response = (name: string) => oneSync({ syncedWith: { name, url: 'https://erp.example.com/r/1' } });

describe('RefreshController: refresh-interval', () => {
  it('refresh-interval re-fetches periodically and pauses while the page is hidden', async () => {
    let calls = 0;
    const provider = { getSyncStatus: async () => (calls++, response('Tick')) };
    const card = await renderCard(html`<integration-sync-card lang="en" refresh-interval="1" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    await waitUntil(() => calls >= 2, 'no periodic refresh', { timeout: 2500 });
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const before = calls;
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(calls, 'no request while hidden').to.equal(before);
    } finally {
      Object.defineProperty(document, 'visibilityState', visibility);
      delete (document as unknown as Record<string, unknown>).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    card.remove();
  });

  it('adds no window or document listener per card (without refresh-interval or an open tooltip)', async () => {
    const listeners = trackListeners();
    try {
      await mountList();
      expect(listeners.count('scroll', 'resize', 'keydown', 'visibilitychange', 'pointermove')).to.equal(0);
    } finally {
      listeners.restore();
    }
  });
});
