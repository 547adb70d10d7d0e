// docs/providers.md's "write your own provider" example (examples/custom-provider) against its
// fixture, served as a static file like the API it stands for.
import { expect, html } from '@open-wc/testing';
import { createErpLinksProvider } from '../../examples/custom-provider/erp-links-provider.ts';
import { part, parts, renderCard, text } from '../helpers.ts';

describe('a provider of your own (examples/custom-provider)', () => {
  it('maps a foreign API to cards', async () => {
    const provider = createErpLinksProvider('/examples/custom-provider/data');
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    expect(parts(card, 'card').map((c) => c.dataset.syncId)).to.deep.equal(['NetSuite:customer', 'NetSuite:project']);
    expect(parts(card, 'status').map((status) => status.dataset.status)).to.deep.equal(['up_to_date', 'record_not_synced']);
    expect(text(parts(card, 'sync-label')[1])).to.equal('NetSuite project');
    expect(text(parts(card, 'tooltip')[1])).to.contain("Required field 'Subsidiary' is missing.");
    expect(part(card, 'last-updated')!.getAttribute('datetime')).to.equal('2026-11-28T09:24:22.000Z');
  });

  it('turns a failing request into the error state', async () => {
    const provider = createErpLinksProvider('/examples/custom-provider/data');
    const card = await renderCard(
      html`<integration-sync-card lang="en" object-type="company" object-id="404" .provider=${provider}></integration-sync-card>`,
      { waitFor: 'isc-error' },
    );
    expect(text(part(card, 'error'))).to.contain('ERP bridge answered HTTP 404');
  });
});
