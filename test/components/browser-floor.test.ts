// The palette in every engine of the browserslist floor (Chrome/Edge 109, Firefox 115, Safari
// 16.4): it picks light or dark values with a switch of custom properties, not light-dark(),
// which is newer than the floor (an engine without it would find every token invalid: no
// background, no border, no tones, a transparent tooltip). The card must show the right colours
// in both themes and under prefers-color-scheme, and the --isc-* tokens must win.
import { expect, html } from '@open-wc/testing';
import { createMemoryProvider, IntegrationSyncCard } from '../../src/index.ts';
import { oneSync, part, renderCard } from '../helpers.ts';
import { emulateMedia, resetMedia } from '../support/media.ts';

const provider = createMemoryProvider({
  'company:1': oneSync({ status: 'record_not_synced', detail: { message: "Required field 'Subsidiary' is missing.", code: 'E1' } }),
});

/** The colours a user sees, from one card. */
async function coloursOf(theme: string | undefined): Promise<Record<string, string>> {
  const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
  if (theme) card.setAttribute('theme', theme);
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

// What the stylesheet says (#rrggbb as computed): surface, border, text, the danger pill, link, tooltip.
const LIGHT = {
  surface: 'rgb(255, 255, 255)',
  border: 'rgb(217, 222, 228)',
  text: 'rgb(31, 41, 51)',
  pill: 'rgb(253, 232, 232)',
  pillText: 'rgb(166, 27, 27)',
  link: 'rgb(11, 92, 173)',
  tooltip: 'rgb(31, 41, 51)',
  tooltipText: 'rgb(255, 255, 255)',
};
const DARK = {
  surface: 'rgb(28, 35, 43)',
  border: 'rgb(58, 69, 80)',
  text: 'rgb(230, 234, 238)',
  pill: 'rgb(69, 28, 28)',
  pillText: 'rgb(255, 157, 157)',
  link: 'rgb(140, 194, 255)',
  tooltip: 'rgb(241, 244, 247)',
  tooltipText: 'rgb(31, 41, 51)',
};

describe('the palette in every engine of the browserslist floor', () => {
  afterEach(resetMedia);

  it('uses no light-dark(), which the floor lacks', () => {
    const text = IntegrationSyncCard.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
    expect(text).to.not.contain('light-dark(');
  });

  it('theme="light" and theme="dark": an opaque, bordered, toned card and a readable tooltip', async () => {
    expect(await coloursOf('light')).to.deep.equal(LIGHT);
    expect(await coloursOf('dark')).to.deep.equal(DARK);
  });

  it('no theme: follows prefers-color-scheme', async function () {
    await emulateMedia(this, { colorScheme: 'dark' });
    expect(await coloursOf(undefined)).to.deep.equal(DARK);
    expect(await coloursOf('light'), 'theme="light" pins light under a dark preference').to.deep.equal(LIGHT);
    await emulateMedia(this, { colorScheme: 'light' });
    expect(await coloursOf(undefined)).to.deep.equal(LIGHT);
  });

  it('the --isc-* tokens still win', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" theme="dark" style="--isc-color-surface: #fafaf0" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    expect(getComputedStyle(part(card, 'card')!).backgroundColor).to.equal('rgb(250, 250, 240)');
  });
});
