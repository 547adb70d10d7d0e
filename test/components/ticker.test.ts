import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part, parts } from '../helpers.ts';

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

describe('shared resources for many cards', () => {
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

  it('builds each Intl formatter once per locale, not once per card', async () => {
    const made = { relative: 0, date: 0 };
    const { RelativeTimeFormat, DateTimeFormat } = Intl;
    const locale = 'de-CH';
    // Intl's constructors are writable properties; Object.assign sidesteps their readonly typing.
    Object.assign(Intl, {
      RelativeTimeFormat: class extends RelativeTimeFormat {
        constructor(...args: ConstructorParameters<typeof RelativeTimeFormat>) {
          super(...args);
          if (String(args[0]) === locale) made.relative += 1;
        }
      },
      DateTimeFormat: new Proxy(DateTimeFormat, {
        construct(target, args: ConstructorParameters<typeof DateTimeFormat>) {
          if (String(args[0]) === locale) made.date += 1;
          return new target(...args);
        },
      }),
    });
    try {
      const cards = await mountList(locale);
      expect(parts(cards[0], 'last-updated')).to.have.length(1);
      expect(made).to.deep.equal({ relative: 1, date: 1 });
    } finally {
      Object.assign(Intl, { RelativeTimeFormat, DateTimeFormat });
    }
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

  it('listens to scrolling only while a tooltip is open', async () => {
    const cards = await mountList();
    const listeners = trackListeners();
    try {
      const status = part(cards[0], 'status')!;
      status.focus();
      const tooltip = cards[0].shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
      await waitUntil(() => !tooltip.hidden && tooltip.style.visibility !== 'hidden', 'the tooltip was never positioned');
      expect(listeners.count('scroll', 'resize'), 'autoUpdate while open').to.be.greaterThan(0);
      status.blur();
      await waitUntil(() => tooltip.hidden, 'the tooltip did not close');
      expect(listeners.count('scroll', 'resize', 'keydown')).to.equal(0);
    } finally {
      listeners.restore();
    }
  });
});
