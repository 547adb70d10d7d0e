// examples/themed: a host page styling the built bundle with tokens and ::part, CSS only.
import { expect } from '@open-wc/testing';
import { ensureBuilt, frameCard, loadFrame, part as framePart, removeFrames } from '../frame-helpers.ts';
import { emulateMedia, resetMedia } from '../support/media.ts';

const LIGHT_SURFACE = 'rgb(255, 255, 255)'; // #ffffff

describe('themed example (examples/themed, built bundle)', function () {
  this.timeout(120_000);
  before(ensureBuilt);

  afterEach(async () => {
    await resetMedia();
    removeFrames();
  });

  it("wears the host's brand colours through tokens and ::part, and stays light on a dark OS", async function () {
    await emulateMedia(this, { colorScheme: 'dark' });
    const frame = await loadFrame('/examples/themed/index.html', { width: 400, height: 500 });
    const card = await frameCard(frame, ['card']);
    const style = (element: Element) => frame.contentWindow!.getComputedStyle(element);
    expect(style(framePart(card, 'synced-with-link')!).color).to.equal('rgb(109, 40, 217)'); // --isc-color-link #6d28d9
    expect(style(framePart(card, 'card')!).backgroundColor).to.equal(LIGHT_SURFACE);
    expect(style(framePart(card, 'card')!).borderLeftWidth).to.equal('4px'); // ::part(card)
    expect(style(framePart(card, 'integration-name')!).textTransform).to.equal('uppercase');
    expect(style(framePart(card, 'status')!).backgroundColor).to.equal('rgb(204, 251, 241)'); // --isc-color-success-bg #ccfbf1
  });
});
