// src/data/endpoint-provider.ts: the endpoint attribute's REST provider, shared per endpoint.
// These talk to real routes served by the test run (test/support/test-api.mjs and the demo API).
import { expect, html } from '@open-wc/testing';
import { part, renderCard, text } from '../helpers.ts';

describe('the endpoint attribute (one REST provider per endpoint)', () => {
  it('serves the demo data through the element with endpoint= (relative URL)', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" endpoint="/api/sync-status" object-type="company" object-id="42"></integration-sync-card>`);
    expect(text(part(card, 'integration-name'))).to.equal('NetSuite');
    expect(part(card, 'card')).to.not.equal(null);
  });

  it('requests once for several cards showing the same record through one endpoint', async () => {
    const id = `dedupe-${Math.random().toString(36).slice(2)}`;
    await Promise.all(
      [1, 2, 3, 4].map(() => renderCard(html`<integration-sync-card lang="en" endpoint="/test-api/echo?delayMs=50" object-type="company" object-id=${id}></integration-sync-card>`)),
    );
    const { count } = await (await fetch(`/test-api/count?objectId=${id}`)).json();
    expect(count).to.equal(1);
  });

  it('an endpoint that is not a URL shows the error state once (no request loop)', async () => {
    const errors: Event[] = [];
    const card = await renderCard(html`<integration-sync-card lang="en" endpoint="http://[bad" object-type="company" object-id="1"
      @isc-error=${(event: Event) => errors.push(event)}></integration-sync-card>`, { waitFor: 'isc-error' });
    expect(text(part(card, 'error'))).to.contain('Invalid endpoint');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).to.have.length(1);
    expect(card.isUpdatePending).to.equal(false);
  });
});
