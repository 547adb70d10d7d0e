// theme="light|dark|auto" (auto, the default, follows prefers-color-scheme) and the --isc-* tokens
// winning over either palette (src/components/integration-sync-card.styles.ts).
import { expect, html } from '@open-wc/testing';
import { createMemoryProvider } from '../../src/index.ts';
import { oneSync, part, renderCard } from '../helpers.ts';
import { emulateMedia, resetMedia } from '../support/media.ts';

const LIGHT_SURFACE = 'rgb(255, 255, 255)'; // #ffffff
const DARK_SURFACE = 'rgb(28, 35, 43)'; // #1c232b
const provider = createMemoryProvider({ 'company:42': oneSync() });

async function surfaceOf(theme: string | undefined, style = ''): Promise<string> {
  const card = await renderCard(
    html`<integration-sync-card lang="en" style=${style} theme=${theme ?? ''} object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`,
  );
  if (theme === undefined) card.removeAttribute('theme');
  await card.updateComplete;
  return getComputedStyle(part(card, 'card')!).backgroundColor;
}

describe('theme', () => {
  afterEach(async () => {
    await resetMedia();
  });

  it('auto (no attribute) follows prefers-color-scheme', async function () {
    await emulateMedia(this, { colorScheme: 'light' });
    expect(await surfaceOf(undefined)).to.equal(LIGHT_SURFACE);
    await emulateMedia(this, { colorScheme: 'dark' });
    expect(await surfaceOf(undefined)).to.equal(DARK_SURFACE);
    expect(await surfaceOf('auto')).to.equal(DARK_SURFACE);
  });

  it('dark is dark even when the user prefers light', async function () {
    await emulateMedia(this, { colorScheme: 'light' });
    expect(await surfaceOf('dark')).to.equal(DARK_SURFACE);
  });

  it('light is light even when the user prefers dark', async function () {
    await emulateMedia(this, { colorScheme: 'dark' });
    expect(await surfaceOf('light')).to.equal(LIGHT_SURFACE);
  });

  it('is reflected from the property, so switching it re-themes the card', async function () {
    await emulateMedia(this, { colorScheme: 'light' });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    card.theme = 'dark';
    await card.updateComplete;
    expect(card.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(part(card, 'card')!).backgroundColor).to.equal(DARK_SURFACE);
    expect(getComputedStyle(card).colorScheme).to.equal('dark');
  });

  it('lets --isc-* tokens win over both palettes', async function () {
    for (const theme of ['light', 'dark']) {
      expect(await surfaceOf(theme, '--isc-color-surface: #fafaf0'), theme).to.equal('rgb(250, 250, 240)');
    }
  });
});
