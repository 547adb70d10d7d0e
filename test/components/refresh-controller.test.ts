// src/components/refresh-controller.ts: refresh-interval polls while the page is visible, and only
// cards that poll listen to the document.
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { oneSync, renderCard } from '../helpers.ts';
import { mountList, trackListeners } from '../support/card-list.ts';

const response = (name: string) => oneSync({ syncedWith: { name, url: 'https://erp.example.com/r/1' } });

describe('RefreshController: refresh-interval', () => {
  it('refresh-interval re-fetches periodically and pauses while the page is hidden', async () => {
    let calls = 0;
    const provider = { getSyncStatus: async () => (calls++, response('Tick')) };
    const card = await renderCard(html`<integration-sync-card lang="en" refresh-interval="1" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    await waitUntil(() => calls >= 2, 'no periodic refresh');
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const before = calls;
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(calls, 'no request while hidden').to.equal(before);
    } finally {
      Object.defineProperty(document, 'visibilityState', visibility);
      delete (document as unknown as Record<string, unknown>).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    card.remove();
  });

  it('adds no window or document listener per card (without refresh-interval or an open tooltip)', async () => {
    const listeners = trackListeners();
    try {
      await mountList();
      expect(listeners.count('scroll', 'resize', 'keydown', 'visibilitychange', 'pointermove')).to.equal(0);
    } finally {
      listeners.restore();
    }
  });
});
