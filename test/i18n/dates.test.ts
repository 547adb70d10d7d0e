// src/i18n/dates.ts: Intl formatters built once per locale and shared by every card.
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

describe('dates: Intl formatters shared by every card', () => {
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
});
