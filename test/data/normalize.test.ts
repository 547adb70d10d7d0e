// src/data/normalize.ts: bad entries repaired or skipped, each repair reported once, good entries kept.
import { expect, html } from '@open-wc/testing';
import { createMemoryProvider, type IntegrationSyncCard } from '../../src/index.ts';
import { part, parts, renderCard, text } from '../helpers.ts';

describe('normalizeResponse: bad data repaired, reported once, good entries kept', () => {
  it('repairs bad entries, keeps the good ones, and reports each repair once (console.warn + isc-data-warning)', async () => {
    const warned: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    try {
      const provider = createMemoryProvider({
        'company:1': {
          integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
          syncs: [
            { id: 'good', integrationId: 'netsuite', label: 'Good one', status: 'up_to_date', lastSyncedAt: 'yesterday-ish' },
            { integrationId: 'netsuite', status: 'up_to_date' },
            { id: 'no-integration', status: 'up_to_date' },
            'not an object',
            null,
            { id: 'weird', integrationId: 'netsuite', status: 'exploded', lastSyncedAt: 42, label: { x: 1 } },
            { id: 'weird-2', integrationId: 'netsuite', status: 'exploded' },
          ] as never,
        },
      });
      const events: string[] = [];
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}
        @isc-data-warning=${(event: CustomEvent) => events.push(event.detail.message)}></integration-sync-card>`);
      expect(parts(card, 'card').map((c) => c.dataset.syncId)).to.deep.equal(['good', 'weird', 'weird-2']);
      expect(parts(card, 'status').map((s) => s.dataset.status)).to.deep.equal(['up_to_date', 'sync_unknown', 'sync_unknown']);
      expect(part(card, 'last-updated')).to.equal(null);
      expect(text(card.shadowRoot!.querySelectorAll('dd')[2])).to.equal('—');
      expect(events.length).to.equal(new Set(events).size);
      expect(events.some((m) => m.includes('without a string "id"'))).to.equal(true);
      expect(events.some((m) => m.includes('"exploded"'))).to.equal(true);
      expect(events.some((m) => m.includes('not a valid ISO 8601 date'))).to.equal(true);
      expect(warned.filter((line) => line.startsWith('[integration-sync-card]'))).to.have.length(events.length);
    } finally {
      console.warn = originalWarn;
    }
  });

  it('treats a response whose syncs is not an array as empty, with a warning', async () => {
    const provider = createMemoryProvider({ 'company:1': { integrations: 'nope', syncs: { id: 'x' } } as never });
    const warnings: string[] = [];
    const card: IntegrationSyncCard = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}
      @isc-data-warning=${(event: CustomEvent) => warnings.push(event.detail.message)}></integration-sync-card>`);
    expect(part(card, 'empty')).to.not.equal(null);
    expect(warnings).to.have.length(2);
  });
});
