// src/i18n/localize.ts: which locale and direction a card uses (its lang, ancestors through shadow
// hosts, <html lang>, navigator.language), registerTranslation(), live switching, right to left.
import { expect, fixture, html } from '@open-wc/testing';
import en from '../../src/i18n/en.ts';
import { createMemoryProvider, type IntegrationSyncCard, registerTranslation, type Translation } from '../../src/index.ts';
import { oneSync, part, renderCard, text } from '../helpers.ts';
import { waitUntil } from '../support/wait.ts';
import { allStatusesProvider, fieldLabels, STATUSES, statusLabels, waitForLabel } from '../support/all-statuses.ts';
import { EXPECTED } from './expected-labels.ts';

const provider = createMemoryProvider({ 'company:1': oneSync() });
const statusText = async (card: IntegrationSyncCard) => {
  await card.refresh();
  return text(part(card, 'status'));
};

describe('locale resolution', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('uses the element\'s own lang first', async () => {
    document.documentElement.lang = 'en';
    const root = await fixture(html`<div lang="en"><integration-sync-card lang="fr" object-type="company" object-id="1" .provider=${provider}></integration-sync-card></div>`);
    expect(await statusText(root.querySelector('integration-sync-card')!)).to.equal('À jour');
  });

  it('then the closest ancestor with lang, walking up through shadow hosts', async () => {
    const host = await fixture<HTMLElement>(html`<section lang="fr"><div></div></section>`);
    const shadow = host.querySelector('div')!.attachShadow({ mode: 'open' });
    const card = document.createElement('integration-sync-card');
    Object.assign(card, { objectType: 'company', objectId: '1', provider });
    shadow.append(card);
    expect(await statusText(card)).to.equal('À jour');
  });

  it('then <html lang>', async () => {
    document.documentElement.lang = 'fr-CA';
    const card = await fixture<IntegrationSyncCard>(html`<integration-sync-card object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(await statusText(card)).to.equal('À jour');
  });

  it('then navigator.language, then English for unknown locales', async () => {
    document.documentElement.removeAttribute('lang');
    const card = await fixture<IntegrationSyncCard>(html`<integration-sync-card object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const expected = navigator.language.toLowerCase().startsWith('fr') ? 'À jour' : 'Up to date';
    expect(await statusText(card)).to.equal(expected);
    card.lang = 'xx-unknown';
    await card.updateComplete;
    expect(text(part(card, 'status'))).to.equal('Up to date');
  });

  it('re-renders when lang changes on the element or on an ancestor', async () => {
    const root = await fixture<HTMLElement>(html`<div lang="en"><integration-sync-card object-type="company" object-id="1" .provider=${provider}></integration-sync-card></div>`);
    const card = root.querySelector('integration-sync-card')!;
    expect(await statusText(card)).to.equal('Up to date');
    root.lang = 'fr';
    // French may still be loading (a chunk of its own): wait for it rather than for one task.
    await waitUntil(() => text(part(card, 'status')) === 'À jour', 'the status never switched to French');
    card.lang = 'en';
    await card.updateComplete;
    expect(text(part(card, 'status'))).to.equal('Up to date');
    expect(card.getAttribute('lang'), 'lang stays a plain attribute').to.equal('en');
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
  // so the card shows English instead of following its ancestor again.
  it('follows the ancestor again when its own lang attribute is removed', async () => {
    const card = await renderCard(html`<div lang="fr"><integration-sync-card lang="ja" object-type="company" object-id="1" .provider=${allStatusesProvider()}></integration-sync-card></div>`);
    await waitForLabel(card, '最新', 'the ja translation never arrived');
    card.removeAttribute('lang');
    expect(card.getAttribute('lang'), 'no lang attribute is written back').to.equal(null);
    await waitForLabel(card, 'À jour', "back to the ancestor's lang");
  });
});

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
