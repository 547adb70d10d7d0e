// The built-in locales (contract §5): each one's labels, Intl dates in that language, lazy
// loading, region fallbacks, registerTranslation(), live switching and right-to-left Hebrew.
import { expect, html, waitUntil } from '@open-wc/testing';
import en from '../../src/i18n/en.ts';
import { createMemoryProvider, registerTranslation, SYNC_STATUSES, type IntegrationSyncCard, type SyncStatus, type Translation } from '../../src/index.ts';
import { oneSync, part, parts, renderCard, text } from '../helpers.ts';

/** What a CRM user of each built-in locale reads: the seven status labels and the three field labels. */
const EXPECTED: Record<string, { statusLabel: Record<SyncStatus, string>; fields: [string, string, string] }> = {
  de: {
    statusLabel: {
      up_to_date: 'Aktuell',
      sync_not_found: 'Synchronisierung nicht gefunden',
      sync_disabled: 'Synchronisierung deaktiviert',
      record_not_synced: 'Datensatz nicht synchronisiert',
      sync_unknown: 'Synchronisierung unbekannt',
      record_excluded: 'Datensatz ausgeschlossen',
      in_progress: 'Wird synchronisiert',
      partially_synced: 'Teilweise synchronisiert',
    },
    fields: ['Synchronisiert mit', 'Status', 'Zuletzt aktualisiert'],
  },
  es: {
    statusLabel: {
      up_to_date: 'Actualizado',
      sync_not_found: 'Sincronización no encontrada',
      sync_disabled: 'Sincronización desactivada',
      record_not_synced: 'Registro no sincronizado',
      sync_unknown: 'Sincronización desconocida',
      record_excluded: 'Registro excluido',
      in_progress: 'Sincronizando',
      partially_synced: 'Sincronizado parcialmente',
    },
    fields: ['Sincronizado con', 'Estado', 'Última actualización'],
  },
  ja: {
    statusLabel: {
      up_to_date: '最新',
      sync_not_found: '同期が見つかりません',
      sync_disabled: '同期無効',
      record_not_synced: 'レコード未同期',
      sync_unknown: '同期ステータス不明',
      record_excluded: 'レコード除外済み',
      in_progress: '同期中',
      partially_synced: '一部同期済み',
    },
    fields: ['同期先', 'ステータス', '最終更新'],
  },
  'pt-BR': {
    statusLabel: {
      up_to_date: 'Atualizado',
      sync_not_found: 'Sincronização não encontrada',
      sync_disabled: 'Sincronização desativada',
      record_not_synced: 'Registro não sincronizado',
      sync_unknown: 'Sincronização desconhecida',
      record_excluded: 'Excluído da sincronização',
      in_progress: 'Sincronizando',
      partially_synced: 'Sincronizado parcialmente',
    },
    fields: ['Sincronizado com', 'Status', 'Última atualização'],
  },
  he: {
    statusLabel: {
      up_to_date: 'מעודכן',
      sync_not_found: 'לא נמצא סנכרון',
      sync_disabled: 'הסנכרון מושבת',
      record_not_synced: 'הרשומה לא סונכרנה',
      sync_unknown: 'מצב הסנכרון לא ידוע',
      record_excluded: 'הרשומה הוחרגה',
      in_progress: 'בתהליך סנכרון',
      partially_synced: 'סונכרן חלקית',
    },
    fields: ['מסונכרן עם', 'סטטוס', 'עדכון אחרון'],
  },
};

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

const STATUSES = [...SYNC_STATUSES] as SyncStatus[];
const SYNCED_AT = new Date(Date.now() - 3 * 60_000);

/** One record with a sync in each of the eight statuses, all synced 3 minutes ago. */
function allStatusesProvider() {
  const base = oneSync();
  return createMemoryProvider({
    'company:1': {
      integrations: base.integrations,
      syncs: STATUSES.map((status) => ({
        ...base.syncs[0],
        id: `netsuite:${status}`,
        label: `NetSuite ${status}`,
        status,
        lastSyncedAt: SYNCED_AT.toISOString(),
      })),
    },
  });
}

const statusLabels = (card: Element) => parts(card, 'status').map(text);
const fieldLabels = (card: Element) => [...part(card, 'card')!.querySelectorAll('dt')].map(text);

async function waitForLabel(card: IntegrationSyncCard, label: string, message: string): Promise<void> {
  await waitUntil(() => text(part(card, 'status')) === label, `${message} (shows "${text(part(card, 'status'))}")`, { timeout: 5000 });
  await card.updateComplete;
}

it('checks every status of the contract', () => {
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

describe('registerTranslation()', () => {
  const nl: Translation = {
    ...en,
    $code: 'nl',
    statusLabel: { ...en.statusLabel, up_to_date: 'Bijgewerkt', in_progress: 'Synchroniseren' },
    syncedWith: 'Gesynchroniseerd met',
    lastUpdated: 'Laatst bijgewerkt',
  };

  it('adds a locale: a card already showing English for it switches, and region tags fall back to it', async () => {
    const provider = createMemoryProvider({ 'company:1': oneSync() });
    const card = await renderCard(html`<integration-sync-card lang="nl-BE" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(text(part(card, 'status')), 'no Dutch yet: English').to.equal('Up to date');
    registerTranslation(nl);
    await waitForLabel(card, 'Bijgewerkt', 'the card did not re-render with the registered translation');
    expect(fieldLabels(card)).to.deep.equal(['Gesynchroniseerd met', 'Status', 'Laatst bijgewerkt']);
    expect(text(part(card, 'last-updated'))).to.equal(new Intl.RelativeTimeFormat('nl-BE', { numeric: 'auto' }).format(-3, 'minute'));
  });
});

describe('switching language live', () => {
  it('follows lang changes on an ancestor, loading each locale on demand', async () => {
    const card = await renderCard(html`<integration-sync-card object-type="company" object-id="1" .provider=${allStatusesProvider()}></integration-sync-card>`);
    const ancestor = card.parentElement!;
    ancestor.lang = 'en';
    await waitForLabel(card, 'Up to date', 'English first');
    for (const locale of ['ja', 'pt-BR', 'es', 'he', 'de'] as const) {
      ancestor.lang = locale;
      await waitForLabel(card, EXPECTED[locale].statusLabel.up_to_date, `switching to ${locale}`);
      expect(statusLabels(card), locale).to.deep.equal(STATUSES.map((status) => EXPECTED[locale].statusLabel[status]));
      expect(fieldLabels(card), locale).to.deep.equal(EXPECTED[locale].fields);
      expect(text(part(card, 'last-updated')), locale).to.equal(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-3, 'minute'));
    }
    ancestor.lang = 'fr';
    await waitForLabel(card, 'À jour', 'switching to fr');
    card.lang = 'ja';
    await waitForLabel(card, '最新', "the card's own lang wins over the ancestor's");
  });

  // KNOWN ELEMENT BUG (fails until fixed in src/): removing the card's `lang` attribute makes Lit
  // write `null` to the native `lang` property, which sets the attribute to the string "null",
  // so the card shows English instead of following its ancestor again (contract §5).
  it('follows the ancestor again when its own lang attribute is removed', async () => {
    const card = await renderCard(html`<div lang="fr"><integration-sync-card lang="ja" object-type="company" object-id="1" .provider=${allStatusesProvider()}></integration-sync-card></div>`);
    await waitForLabel(card, '最新', 'the ja translation never arrived');
    card.removeAttribute('lang');
    expect(card.getAttribute('lang'), 'no lang attribute is written back').to.equal(null);
    await waitForLabel(card, 'À jour', "back to the ancestor's lang");
  });
});

// Right to left: when no `dir` is set up the tree, the card's content takes its direction from
// the translation's `$dir`. The host element itself is left as the page made it (the card does
// not write attributes on its host), so the assertions look at what renders inside.
describe('right to left (Hebrew)', () => {
  const provider = createMemoryProvider({ 'company:1': oneSync() });

  it('lang="he" makes the card right to left', async () => {
    const card = await renderCard(html`<integration-sync-card lang="he" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    await waitForLabel(card, 'מעודכן', 'the he translation never arrived');
    expect(getComputedStyle(part(card, 'card')!).direction, 'the rendered card').to.equal('rtl');
  });

  it('a dir set up the tree wins over the translation', async () => {
    // renderCard returns the card inside the template.
    const card = await renderCard(
      html`<div dir="ltr"><integration-sync-card lang="he" object-type="company" object-id="1" .provider=${provider}></integration-sync-card></div>`,
    );
    await waitForLabel(card, 'מעודכן', 'the he translation never arrived');
    expect(getComputedStyle(part(card, 'card')!).direction).to.equal('ltr');
  });

  it('switching from he to en goes back to left to right', async () => {
    const card = await renderCard(html`<integration-sync-card lang="he" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    await waitForLabel(card, 'מעודכן', 'the he translation never arrived');
    card.lang = 'en';
    await waitForLabel(card, 'Up to date', 'back to English');
    expect(getComputedStyle(part(card, 'card')!).direction).to.equal('ltr');
  });
});
