import { expect, html } from '@open-wc/testing';
import { createMemoryProvider } from '../src/index.ts';
import { oneSync, part, parts, renderCard, text } from './helpers.ts';

describe('integration-sync-card: what a user sees', () => {
  it('shows one card per sync entry, in order, with name, label, link, status and time', async () => {
    const provider = createMemoryProvider({ 'company:42': oneSync() });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="42" .provider=${provider}></integration-sync-card>`);
    const cards = parts(card, 'card');
    expect(cards).to.have.length(1);
    expect(cards[0].dataset.syncId).to.equal('netsuite:customer');
    expect(text(part(card, 'integration-name'))).to.equal('NetSuite');
    expect(text(part(card, 'sync-label'))).to.equal('NetSuite customer');
    const link = part<HTMLAnchorElement>(card, 'synced-with-link')!;
    expect(link.getAttribute('href')).to.equal('https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(text(part(card, 'status'))).to.equal('Up to date');
    expect(text(part(card, 'last-updated'))).to.equal('3 minutes ago');
  });
});
