import { expect, html } from '@open-wc/testing';
import { createMemoryProvider, safeUrl, type IntegrationSyncCard } from '../../src/index.ts';
import { part, parts, renderCard, text } from '../helpers.ts';

describe('hostile data', () => {
  it('keeps absolute http(s) URLs, normalised (safeUrl); unsafe ones are in hardening.test.ts', () => {
    expect(safeUrl('https://erp.example.com/x?id=1')).to.equal('https://erp.example.com/x?id=1');
    expect(safeUrl('HTTP://ERP.example.com')).to.equal('http://erp.example.com/');
  });

  it('keeps HTML in provider strings as text: nothing becomes an element or runs', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>';
    (window as unknown as Record<string, unknown>).__pwned = 0;
    const provider = createMemoryProvider({
      'company:1': {
        integrations: [{ id: 'netsuite', name: payload, state: 'extra_features_required', settingsUrl: 'https://app.example-crm.com/s' }],
        syncs: [
          {
            id: payload,
            integrationId: 'netsuite',
            label: payload,
            status: 'record_excluded',
            syncedWith: { name: payload, url: 'https://erp.example.com/"><script>alert(1)</script>' },
            detail: { message: payload, exclusionGroup: payload },
          },
        ],
      },
    });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const root = card.shadowRoot!;
    expect(root.querySelectorAll('img, script, b')).to.have.length(0);
    expect(text(part(card, 'integration-name'))).to.equal(payload);
    expect(text(part(card, 'sync-label'))).to.equal(payload);
    expect(text(part(card, 'synced-with'))).to.contain(payload);
    expect(part(card, 'card')!.dataset.syncId).to.equal(payload);
    const attributes = [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name));
    expect(attributes.filter((name) => name.startsWith('on'))).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(0);
  });

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
