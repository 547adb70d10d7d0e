// src/i18n/dates.ts: Intl formatters built once per locale and shared by every card.
import { expect } from '@open-wc/testing';
import { parts } from '../helpers.ts';
import { mountList } from '../support/card-list.ts';

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
