// src/data/default-provider.ts: setDefaultProvider() for every card without provider or endpoint.
import { expect, oneEvent } from '@open-wc/testing';
import { createMemoryProvider, type IntegrationSyncCard, setDefaultProvider } from '../../src/index.ts';
import { oneSync, part, text } from '../helpers.ts';

const response = (name: string) => oneSync({ syncedWith: { name, url: 'https://erp.example.com/r/1' } });

describe('setDefaultProvider', () => {
  it('uses the page default provider set with setDefaultProvider, and follows its changes', async () => {
    const card = document.createElement('integration-sync-card') as IntegrationSyncCard;
    card.lang = 'en';
    card.objectType = 'company';
    card.objectId = '42';
    document.body.append(card);
    try {
      await card.updateComplete;
      expect(part(card, 'empty')).to.not.equal(null);
      const loaded = oneEvent(card, 'isc-load');
      setDefaultProvider(createMemoryProvider({ 'company:42': response('From default') }));
      await loaded;
      expect(text(part(card, 'synced-with'))).to.contain('From default');
    } finally {
      setDefaultProvider(undefined);
      card.remove();
    }
  });
});
