// <integration-sync-health> against the package's own server half on a real sync ledger (PGlite):
// the §15 routes answered from the ledger's tables (test/support/health-ledger-api.ts), not the
// test API. Error states are tested against the test API (integration-sync-health.test.ts).
import { expect, html, oneEvent } from '@open-wc/testing';
import type { IscHealthResyncDetail } from '../../src/events.ts';
import { waitUntil } from '../support/wait.ts';
import { part, parts, renderHealth, rowKeys, text } from './health-helpers.ts';

const COUNT = 130;
const portalId = `ledger-${Date.now().toString(36)}`;
// Outcome i: every 4th up to date, i % 4 === 1 partially synced, else not synced.
const expected = { up_to_date: 0, partially_synced: 0, record_not_synced: 0 };
for (let i = 0; i < COUNT; i += 1) expected[i % 4 === 0 ? 'up_to_date' : i % 4 === 1 ? 'partially_synced' : 'record_not_synced'] += 1;
const failing = expected.partially_synced + expected.record_not_synced;

describe('<integration-sync-health> on the sync ledger', function () {
  this.timeout(60_000);

  before(async function () {
    // The first request opens the ledger (PGlite's initdb: seconds on a busy machine).
    this.timeout(120_000);
    const answer = await fetch(`/health-ledger/seed?portalId=${portalId}`, { method: 'POST', body: JSON.stringify({ count: COUNT }) });
    expect(answer.status, await answer.clone().text()).to.equal(200);
  });

  it('renders every part from the ledger: counts, groups, rows, keyset pages with the total', async () => {
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint="/health-ledger/api" portal-id=${portalId} page-size="50"></integration-sync-health>`);
    const counts = Object.fromEntries(parts(element, 'count').map((count) => [count.dataset.status, text(count).split(' ')[0]]));
    expect(counts).to.deep.equal({ up_to_date: String(expected.up_to_date), record_not_synced: String(expected.record_not_synced), partially_synced: String(expected.partially_synced) });
    const groups = parts(element, 'group');
    expect(groups.map((group) => `${group.dataset.category}/${group.dataset.code}`).sort()).to.deep.equal(['duplicate/E2', 'missing_data/E1', 'validation/E0']);
    expect(rowKeys(element)).to.have.length(50);
    expect(text(element.shadowRoot!.querySelector('.shown'))).to.equal(`50 of ${failing} shown`);
    // Newest attempt first: outcome 1 (partially synced) happened a minute after outcome 2, and so on.
    expect(rowKeys(element)[0]).to.equal('company:c0001/netsuite:customer');
    expect(parts(element, 'row')[1].querySelector('[part~="select"]')!.getAttribute('aria-label')).to.equal('Select Acme Corp');
    while (part(element, 'load-more')) {
      const before = rowKeys(element).length;
      part(element, 'load-more')!.click();
      await waitUntil(() => rowKeys(element).length > before, 'the next page');
    }
    expect(rowKeys(element)).to.have.length(failing);
    expect(new Set(rowKeys(element)).size).to.equal(failing);
    expect(text(element.shadowRoot!.querySelector('.shown'))).to.equal(`${failing} of ${failing} shown`);
  });

  it('sorts, filters by a group, resyncs the whole filter in one request and exports it', async () => {
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint="/health-ledger/api" portal-id=${portalId}></integration-sync-health>`);
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('thead button.sort')].find((b) => text(b) === 'Record')!.click();
    await waitUntil(() => rowKeys(element)[0] === 'company:c0001/netsuite:customer' && element.shadowRoot!.querySelector('th[aria-sort="ascending"]'), 'sorted by record');
    parts(element, 'group').find((group) => group.dataset.code === 'E2')!.querySelector('button')!.click();
    await waitUntil(() => parts(element, 'row').every((row) => text(row).includes('E2')), 'the group');
    const total = Number(text(element.shadowRoot!.querySelector('.shown')).split(' of ')[1].split(' ')[0]);
    const csv = await (await fetch((part(element, 'export-link') as HTMLAnchorElement).href)).text();
    expect(csv.trim().split('\r\n')).to.have.length(total + 1);
    (part(element, 'select-all') as HTMLInputElement).click();
    await element.updateComplete;
    if (part(element, 'select-all-matching')) part(element, 'select-all-matching')!.click();
    await element.updateComplete;
    const resynced = oneEvent(element, 'isc-resync');
    part(element, 'resync-selected')!.click();
    const { detail } = (await resynced) as CustomEvent<IscHealthResyncDetail>;
    expect(detail.ok, String(detail.error)).to.be.true;
    expect(detail.requested).to.equal(total);
    await waitUntil(() => text(element.shadowRoot!.querySelector('[role="status"]')) === `${total} records queued for resync.`, 'the live region');
  });

  it('follows /health/events: a failure reported later waits in "updates", rows stay in place', async () => {
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint="/health-ledger/api" portal-id=${portalId}></integration-sync-health>`);
    const before = rowKeys(element);
    // Outcome 127 is far down the list; failing again now, a reload would put it first.
    await waitUntil(async () => {
      await fetch(`/health-ledger/fail?portalId=${portalId}`, { method: 'POST', body: JSON.stringify({ index: 127 }) });
      return part(element, 'updates');
    }, 'the updates part', { interval: 1500 });
    expect(text(part(element, 'updates'))).to.match(/^\d+ records? changed — Show$/);
    expect(rowKeys(element)).to.deep.equal(before);
    part(element, 'updates')!.click();
    await waitUntil(() => rowKeys(element)[0] === 'company:c0127/netsuite:customer', 'the change applied');
  });
});
