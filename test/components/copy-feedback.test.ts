// src/components/copy-feedback.ts: "Copy details" writes to the real clipboard and says whether it worked.
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createMemoryProvider } from '../../src/index.ts';
import { oneSync, part, renderCard, text } from '../helpers.ts';
import { userClick } from '../support/pointer.ts';

const failing = () =>
  oneSync({ status: 'record_not_synced', detail: { message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD' } });

describe('copy details (for a support ticket)', () => {
  it('copies the error details (message, code, record) to the clipboard', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" portal-id="777" .provider=${createMemoryProvider({ 'company:1': failing() })}></integration-sync-card>`);
    const button = part<HTMLButtonElement>(card, 'copy-button')!;
    expect(text(button)).to.equal('Copy details');
    // A real click: Firefox and WebKit write the clipboard only on a user gesture.
    await userClick(button);
    await waitUntil(() => text(part(card, 'copy-button')) !== 'Copy details');
    expect(text(part(card, 'copy-button'))).to.equal('Copied');
    const copied = await navigator.clipboard.readText();
    expect(copied).to.contain("Required field 'Subsidiary' is missing.");
    expect(copied).to.contain('MISSING_REQUIRED_FIELD');
    expect(copied).to.contain('company 1 (portal 777)');
  });

  it('copies the load error from the error state', async () => {
    const provider = { getSyncStatus: () => Promise.reject(new Error('Gateway timeout from NetSuite')) };
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="deal" object-id="9" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
    await userClick(part(card, 'copy-button')!);
    await waitUntil(() => text(part(card, 'copy-button')) === 'Copied');
    const copied = await navigator.clipboard.readText();
    expect(copied).to.contain('Gateway timeout from NetSuite');
    expect(copied).to.contain('deal 9');
  });
});
