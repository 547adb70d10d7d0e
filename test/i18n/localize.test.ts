import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part, text } from '../helpers.ts';

const provider = createMemoryProvider({ 'company:1': oneSync() });
const statusText = async (card: IntegrationSyncCard) => {
  await card.refresh();
  return text(part(card, 'status'));
};

describe('locale resolution (contract §5)', () => {
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
    await new Promise((resolve) => setTimeout(resolve, 0));
    await card.updateComplete;
    expect(text(part(card, 'status'))).to.equal('À jour');
    card.lang = 'en';
    await card.updateComplete;
    expect(text(part(card, 'status'))).to.equal('Up to date');
    expect(card.getAttribute('lang'), 'lang stays a plain attribute').to.equal('en');
  });
});
