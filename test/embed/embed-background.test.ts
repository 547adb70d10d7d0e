// The iframe page stays transparent in dark mode inside a light CRM page: its root has no colour
// scheme of its own (a root scheme unlike the one the parent gives the <iframe> element makes
// browsers paint an opaque canvas in their own dark colour), while the card inside is dark.
import { expect } from '@open-wc/testing';
import { ensureBuilt, frameCard, frameDocument, loadFrame, part, removeFrames } from '../frame-helpers.ts';
import { emulateMedia, resetMedia } from '../support/media.ts';

const EMBED = '/dist/embed.html?objectType=company&objectId=42';
const DARK_SURFACE = 'rgb(28, 35, 43)';

describe('embed page background (dist/embed.html in a light page)', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  afterEach(async () => {
    await resetMedia();
    removeFrames();
  });

  async function expectTransparentAroundDarkCard(src: string) {
    const frame = await loadFrame(src);
    const card = await frameCard(frame, ['card']);
    const doc = frameDocument(frame);
    const style = (element: Element) => frame.contentWindow!.getComputedStyle(element);
    expect(style(part(card, 'card')!).backgroundColor, 'the card is dark').to.equal(DARK_SURFACE);
    expect(style(doc.documentElement).colorScheme, 'root scheme (the parent gives the iframe none)').to.equal('normal');
    for (const element of [doc.documentElement, doc.body]) expect(style(element).backgroundColor, element.localName).to.equal('rgba(0, 0, 0, 0)');
  }

  it('theme=dark', () => expectTransparentAroundDarkCard(`${EMBED}&theme=dark`));

  it('no theme, the user prefers dark', async function () {
    await emulateMedia(this, { colorScheme: 'dark' });
    await expectTransparentAroundDarkCard(EMBED);
  });
});
