// The card in an engine of the browserslist floor that has no light-dark() (Chrome/Edge < 123,
// Firefox < 120, Safari < 17.5). Every engine the suite runs has it, so the test makes one: the
// card's own stylesheet with light-dark( renamed to a function no engine knows, which is what an
// older engine sees (each token invalid when used, and `@supports not (color: light-dark(…))`
// true). That card must look like the card does with light-dark(): same surface, border, tones,
// text, link and tooltip colours, in both themes and under prefers-color-scheme.
import { expect, html } from '@open-wc/testing';
import { createMemoryProvider, IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part, renderCard } from '../helpers.ts';
import { emulateMedia, resetMedia } from '../support/media.ts';

const provider = createMemoryProvider({
  'company:1': oneSync({ status: 'record_not_synced', detail: { message: "Required field 'Subsidiary' is missing.", code: 'E1' } }),
});

/** The element's styles as an engine without light-dark() parses them. */
function withoutLightDark(): CSSStyleSheet {
  const text = IntegrationSyncCard.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
  expect(text, 'the styles use light-dark()').to.contain('light-dark(');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text.replaceAll('light-dark(', 'no-light-dark('));
  return sheet;
}

/** The colours a user sees, from one card. */
async function coloursOf(theme: string | undefined, oldEngine: boolean): Promise<Record<string, string>> {
  const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
  if (theme) card.setAttribute('theme', theme);
  if (oldEngine) card.shadowRoot!.adoptedStyleSheets = [withoutLightDark()];
  await card.updateComplete;
  const style = (name: string) => getComputedStyle(part(card, name)!);
  const tooltip = getComputedStyle(part(card, 'tooltip')!);
  return {
    surface: style('card').backgroundColor,
    border: style('card').borderTopColor,
    text: getComputedStyle(card).color,
    pill: style('status').backgroundColor,
    pillText: style('status').color,
    link: style('synced-with-link').color,
    tooltip: tooltip.backgroundColor,
    tooltipText: tooltip.color,
  };
}

const transparent = /^rgba\(\d+, \d+, \d+, 0\)$|^transparent$/;

describe('an engine without light-dark() (inside the browserslist floor)', () => {
  afterEach(resetMedia);

  for (const theme of ['light', 'dark']) {
    it(`theme="${theme}": the same opaque, bordered, toned card and readable tooltip`, async () => {
      const modern = await coloursOf(theme, false);
      const old = await coloursOf(theme, true);
      for (const [what, colour] of Object.entries(old)) expect(colour, what).to.not.match(transparent);
      expect(old).to.deep.equal(modern);
    });
  }

  it('no theme: follows prefers-color-scheme there too', async function () {
    await emulateMedia(this, { colorScheme: 'dark' });
    const modern = await coloursOf(undefined, false);
    expect(await coloursOf(undefined, true)).to.deep.equal(modern);
    expect(modern.surface).to.equal('rgb(28, 35, 43)'); // the dark surface, #1c232b
  });

  it('the --isc-* tokens still win', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" theme="dark" style="--isc-color-surface: #fafaf0" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    card.shadowRoot!.adoptedStyleSheets = [withoutLightDark()];
    expect(getComputedStyle(part(card, 'card')!).backgroundColor).to.equal('rgb(250, 250, 240)');
  });
});
