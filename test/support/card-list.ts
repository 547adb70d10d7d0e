// A page of 60 cards, one per company record, and a count of window/document listeners: what the
// tests of page-wide sharing (timers, Intl caches, listeners) mount and measure.
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.ts';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part } from '../helpers.ts';

// What hundreds of cards on one page share instead of paying per card: one relative-time timer,
// cached Intl formatters, no per-card document/window listeners, positioning listeners only
// while a tooltip is open.
export const ids = Array.from({ length: 60 }, (_, i) => `${i}`);
export const provider = createMemoryProvider(Object.fromEntries(ids.map((id) => [`company:${id}`, oneSync()])));

export async function mountList(lang = 'en'): Promise<IntegrationSyncCard[]> {
  const root = await fixture<HTMLElement>(html`<div>
    ${ids.map((id) => html`<integration-sync-card lang=${lang} object-type="company" object-id=${id} .provider=${provider}></integration-sync-card>`)}
  </div>`);
  const cards = [...root.querySelectorAll<IntegrationSyncCard>('integration-sync-card')];
  await waitUntil(() => cards.every((card) => part(card, 'card')), 'not every card loaded');
  return cards;
}

/** Counts the listeners currently registered on window and document, by event type. */
export function trackListeners() {
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
