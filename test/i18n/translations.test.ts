// The built-in translations (src/i18n/*.ts): each one's labels and Intl dates in that language, lazy
// loading and region fallbacks, and every translation keeping the parameters of English.
import { expect, html } from '@open-wc/testing';
import en from '../../src/i18n/en.ts';
import { type IntegrationSyncCard, type SyncStatus, type Translation } from '../../src/index.ts';
import { part, parts, renderCard, text } from '../helpers.ts';
import { allStatusesProvider, fieldLabels, STATUSES, statusLabels, SYNCED_AT, waitForLabel } from '../support/all-statuses.ts';
import { EXPECTED } from './expected-labels.ts';

/** Each built-in translation module, to check the help texts and function parameters. */
const MODULES: Record<string, () => Promise<{ default: Translation }>> = {
  de: () => import('../../src/i18n/de.ts'),
  es: () => import('../../src/i18n/es.ts'),
  ja: () => import('../../src/i18n/ja.ts'),
  'pt-BR': () => import('../../src/i18n/pt-BR.ts'),
  he: () => import('../../src/i18n/he.ts'),
};

/** A lang attribute to render with, and the built-in locale it must resolve to. */
const CASES: { lang: string; locale: keyof typeof EXPECTED }[] = [
  { lang: 'de', locale: 'de' },
  { lang: 'de-AT', locale: 'de' },
  { lang: 'es', locale: 'es' },
  { lang: 'es-MX', locale: 'es' },
  { lang: 'ja', locale: 'ja' },
  { lang: 'ja-JP', locale: 'ja' },
  { lang: 'pt-BR', locale: 'pt-BR' },
  // The only Portuguese is Brazilian: plain `pt` and `pt-PT` find it rather than English.
  { lang: 'pt', locale: 'pt-BR' },
  { lang: 'pt-PT', locale: 'pt-BR' },
  { lang: 'he', locale: 'he' },
  { lang: 'he-IL', locale: 'he' },
];

it('checks every status', () => {
  expect(STATUSES).to.have.lengthOf(8);
  for (const expected of Object.values(EXPECTED)) expect(Object.keys(expected.statusLabel)).to.have.members(STATUSES);
});

describe('built-in locales', () => {
  for (const { lang, locale } of CASES) {
    describe(`lang="${lang}"${lang === locale ? '' : ` (falls back to ${locale})`}`, () => {
      let card: IntegrationSyncCard;
      let translation: Translation;

      before(async () => {
        translation = (await MODULES[locale]()).default;
        card = await renderCard(html`<integration-sync-card lang=${lang} object-type="company" object-id="1" .provider=${allStatusesProvider()}></integration-sync-card>`);
        // The locale is a chunk loaded on demand: wait for it rather than for a fixed time.
        await waitForLabel(card, EXPECTED[locale].statusLabel.up_to_date, `the ${locale} translation never arrived`);
      });

      it('shows the status label of all seven statuses', () => {
        expect(parts(card, 'status').map((status) => status.dataset.status)).to.deep.equal(STATUSES);
        expect(statusLabels(card)).to.deep.equal(STATUSES.map((status) => EXPECTED[locale].statusLabel[status]));
      });

      it('shows the field labels', () => {
        expect(fieldLabels(card)).to.deep.equal(EXPECTED[locale].fields);
      });

      it('shows the status help in the language, with the integration name where it has one', () => {
        for (const [index, status] of STATUSES.entries()) {
          const pill = parts(card, 'status')[index];
          const tooltip = card.shadowRoot!.getElementById(pill.getAttribute('aria-describedby')!)!;
          // In a right-to-left card, provider text is wrapped in Unicode isolates (FSI … PDI).
          const name = translation.$dir === 'rtl' ? '\u2068NetSuite\u2069' : 'NetSuite';
          const help = status === 'record_excluded' ? translation.statusHelp.record_excluded(name, null) : translation.statusHelp[status](name);
          expect(text(tooltip), status).to.equal(help);
        }
        const disabled = card.shadowRoot!.getElementById(parts(card, 'status')[STATUSES.indexOf('sync_disabled')].getAttribute('aria-describedby')!)!;
        expect(text(disabled)).to.contain('NetSuite');
      });

      it('shows the relative time and the full date from Intl in the language', () => {
        const time = part<HTMLTimeElement>(card, 'last-updated')!;
        expect(text(time)).to.equal(new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-3, 'minute'));
        expect(time.title).to.equal(new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'long' }).format(SYNCED_AT));
        expect(time.getAttribute('datetime')).to.equal(SYNCED_AT.toISOString());
      });

      it('has the right $code and $dir', () => {
        expect(translation.$code).to.equal(locale);
        expect(translation.$dir).to.equal(locale === 'he' ? 'rtl' : 'ltr');
      });
    });
  }
});

describe('translation files', () => {
  // Sentinels for every parameter: a translation must keep each `${…}` that English uses.
  const samples: Record<string, unknown[]> = {
    setupText: ['⟦integration⟧'],
    nextSync: ['⟦relative⟧'],
    resyncFailed: ['⟦message⟧'],
    historyFailed: ['⟦message⟧'],
    showMore: [25, '⟦hidden⟧'],
    statusChanged: ['⟦sync⟧', '⟦status⟧'],
    statusesChanged: [7],
  };
  const sentinels = (args: unknown[]) => args.map(String);

  for (const [locale, load] of Object.entries(MODULES)) {
    it(`${locale} keeps the parameters of every function`, async () => {
      const translation = (await load()).default;
      const calls: [string, (...args: never[]) => string, (...args: never[]) => string, unknown[]][] = [];
      for (const [key, fn] of Object.entries(en)) {
        if (typeof fn === 'function') calls.push([key, fn, translation[key as keyof Translation] as never, samples[key] ?? ['⟦integration⟧']]);
      }
      for (const [status, fn] of Object.entries(en.statusHelp)) {
        const args = status === 'record_excluded' ? ['⟦integration⟧', '⟦group⟧'] : ['⟦integration⟧'];
        calls.push([`statusHelp.${status}`, fn, translation.statusHelp[status as SyncStatus] as never, args]);
      }
      for (const [key, english, translated, args] of calls) {
        expect(translated, `${locale}.${key} is a function`).to.be.a('function');
        const output = translated(...(args as never[]));
        for (const value of sentinels(args)) {
          if (english(...(args as never[])).includes(value)) expect(output, `${locale}.${key} uses ${value}`).to.contain(value);
        }
        // statusChanged is only punctuation around its parameters; everything else has words.
        if (key !== 'statusChanged') expect(output, `${locale}.${key} is translated`).to.not.equal(english(...(args as never[])));
      }
    });
  }

  it('ja has no spaces in its own strings', async () => {
    const ja = (await MODULES.ja()).default;
    const strings = [
      ...Object.values(ja.statusLabel),
      ...Object.values(ja.direction),
      ...Object.values(ja).filter((value): value is string => typeof value === 'string' && value !== ja.$code),
      ...Object.values(ja.statusHelp).map((fn) => fn('X', 'Y')),
    ];
    for (const value of strings) expect(value, value).to.not.match(/\s/);
  });
});
