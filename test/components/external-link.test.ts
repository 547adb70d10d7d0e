// src/components/templates/external-link.ts: the external-link icon ends the label's last line;
// it never wraps onto a line of its own, at any width (WebKit breaks before an inline <svg>
// where Chromium and Firefox do not).
import { expect, html } from '@open-wc/testing';
import { createMemoryProvider } from '../../src/index.ts';
import { oneSync, part, renderCard } from '../helpers.ts';

const url = 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1187';

/** Whether the icon shares a line with the label's last character. */
function iconOnLastLine(link: Element): boolean {
  const icon = link.querySelector('svg')!.getBoundingClientRect();
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.parentElement?.closest('.visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
  let last: Text | undefined;
  while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) last = walker.currentNode as Text;
  const range = document.createRange();
  const end = last!.data.trimEnd().length;
  range.setStart(last!, end - 1);
  range.setEnd(last!, end);
  const char = range.getBoundingClientRect();
  // On the same line when the icon's middle is within the character's line box.
  const middle = icon.top + icon.height / 2;
  return middle > char.top && middle < char.bottom;
}

describe('the external-link icon', () => {
  for (const name of ['Globex Corporation (CUS-1187)', 'Umbrella Pharmaceuticals International (CUS-4)', 'Initech']) {
    it(`stays on the line of the label's last word at every card width: "${name}"`, async () => {
      const provider = createMemoryProvider({ 'company:1': oneSync({ syncedWith: { name, url } }) });
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
      const link = part(card, 'synced-with-link')!;
      const alone: number[] = [];
      for (let width = 150; width <= 420; width += 2) {
        card.style.width = `${width}px`;
        if (!iconOnLastLine(link)) alone.push(width);
      }
      expect(alone, 'card widths where the icon wrapped alone').to.deep.equal([]);
    });
  }

  it('lets a very long last word wrap inside the card rather than overflow it', async () => {
    const name = `Record ${'X'.repeat(300)}`;
    const provider = createMemoryProvider({ 'company:1': oneSync({ syncedWith: { name, url } }) });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" style="width: 240px" .provider=${provider}></integration-sync-card>`);
    const link = part(card, 'synced-with-link')!;
    const cardBox = part(card, 'card')!.getBoundingClientRect();
    for (const box of link.getClientRects()) expect(box.right).to.be.at.most(cardBox.right + 0.5);
  });
});
