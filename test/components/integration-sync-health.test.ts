import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRestHealthProvider } from '../../src/index.ts';
import type { IscHealthErrorDetail, IscHealthNavigateDetail, IscHealthResyncDetail } from '../../src/events.ts';
import { waitUntil } from '../support/wait.ts';
import { healthRun, part, parts, renderHealth, rowKeys, text } from './health-helpers.ts';

const recordsRequests = async (run: Awaited<ReturnType<typeof healthRun>>) => (await run.stats()).requests.filter((r) => r.route === 'records');

describe('<integration-sync-health>', function () {
  this.timeout(30_000);

  it('shows the counts per status summed over integrations, the groups and the rows needing attention', async () => {
    const run = await healthRun({ count: 60 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} portal-id="7"></integration-sync-health>`);
    // 60 generated records: 6 up to date (i % 10 === 9), 6 partial (the other i % 5 === 4), 48 not synced.
    const counts = Object.fromEntries(parts(element, 'count').map((count) => [count.dataset.status, text(count)]));
    expect(Object.keys(counts).sort()).to.deep.equal(['partially_synced', 'record_not_synced', 'up_to_date']);
    expect(counts.record_not_synced).to.equal('48 Record not synced');
    expect(counts.partially_synced).to.equal('6 Partially synced');
    expect(counts.up_to_date).to.equal('6 Up to date');
    const groups = parts(element, 'group');
    expect(groups.length).to.be.greaterThan(1);
    expect(groups[0].dataset.category).to.match(/^(validation|duplicate|rate_limit|missing_data)$/);
    expect(groups[0].dataset.code).to.match(/^E_/);
    expect(text(groups[0])).to.contain('Fill in the field in the CRM, then resync.');
    // The default filter (needs attention), the portal and the default sort on the wire.
    const [first] = await recordsRequests(run);
    expect(first.query).to.include({ status: 'record_not_synced,partially_synced', portalId: '7', sort: 'lastAttemptAt', order: 'desc', limit: '50' });
    expect(parts(element, 'row')).to.have.length(50);
    const table = part(element, 'table')!;
    expect(table.tagName).to.equal('TABLE');
    expect([...table.querySelectorAll('thead th')].map((th) => text(th)).slice(1)).to.deep.equal([
      'Record', 'Sync type', 'Synced with', 'Status', 'Category', 'Message', 'First failed', 'Last attempt', 'Attempts',
    ]);
    const row = parts(element, 'row')[0];
    expect(row.dataset.record).to.equal('company:1000');
    expect(row.dataset.syncId).to.equal('netsuite:customer');
    expect(row.querySelector('[part~="status"]')!.getAttribute('data-status')).to.equal('record_not_synced');
    expect(row.querySelector('[part~="synced-with-link"]')!.getAttribute('href')).to.equal('https://erp.example.com/records/1000');
    expect(row.querySelector('[part~="select"]')!.getAttribute('aria-label')).to.equal('Select Acme Corp');
    expect(text(element.shadowRoot!.querySelector('.shown'))).to.equal('50 of 54 shown');
  });

  it('filters by a count, by a group and by search, and clears them', async () => {
    const run = await healthRun({ count: 60 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} portal-id="7"></integration-sync-health>`);
    parts(element, 'count').find((count) => count.dataset.status === 'up_to_date')!.click();
    await waitUntil(() => parts(element, 'row').length === 6, 'the up-to-date rows');
    expect(parts(element, 'row').every((row) => row.querySelector('[part~="status"]')!.getAttribute('data-status') === 'up_to_date')).to.be.true;
    expect(part(element, 'count')!.closest('ul')!.querySelector('[data-status="up_to_date"]')!.getAttribute('aria-pressed')).to.equal('true');

    const group = parts(element, 'group').find((g) => g.dataset.code === 'E_DUPLICATE')!;
    group.querySelector('button')!.click();
    await waitUntil(async () => (await recordsRequests(run)).some((r) => r.query.code === 'E_DUPLICATE'), 'the group filter');
    await waitUntil(() => parts(element, 'row').length > 0 && parts(element, 'row').every((row) => text(row).includes('E_DUPLICATE')), 'the group rows');
    const last = (await recordsRequests(run)).at(-1)!;
    expect(last.query).to.include({ code: 'E_DUPLICATE', category: 'duplicate', status: 'record_not_synced,partially_synced' });
    expect(text(part(element, 'filters'))).to.contain('Code: E_DUPLICATE');

    const search = part(element, 'search') as HTMLInputElement;
    search.focus();
    // Record 1013 is a NetSuite duplicate: inside the group's filter.
    await sendKeys({ type: 'customer 1013' });
    await waitUntil(() => rowKeys(element).length === 1, 'one row for the search');
    expect(rowKeys(element)).to.deep.equal(['contact:1013/netsuite:customer']);
    expect((await recordsRequests(run)).at(-1)!.query.q).to.equal('customer 1013');

    element.shadowRoot!.querySelector<HTMLButtonElement>('.clear-filters')!.click();
    await waitUntil(() => parts(element, 'row').length === 50, 'the default filter again');
    expect((part(element, 'search') as HTMLInputElement).value).to.equal('');
  });

  it('sorts like the APG sortable table: "Last attempt" newest first, a header chosen again reverses', async () => {
    const run = await healthRun({ count: 30 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint}></integration-sync-health>`);
    const sorted = () => [...element.shadowRoot!.querySelectorAll('th[aria-sort]')].map((th) => `${text(th)}=${th.getAttribute('aria-sort')}`);
    expect(sorted()).to.deep.equal(['Last attempt=descending']);
    expect(element.shadowRoot!.querySelectorAll('thead button.sort')).to.have.length(3);
    const header = (label: string) => [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('thead button.sort')].find((b) => text(b) === label)!;
    const firstBefore = rowKeys(element)[0];
    header('Last attempt').click();
    await waitUntil(() => sorted()[0] === 'Last attempt=ascending' && rowKeys(element)[0] !== firstBefore, 'reversed');
    header('Record').click();
    await waitUntil(() => sorted()[0] === 'Record=ascending', 'record ascending');
    await waitUntil(() => rowKeys(element)[0] === 'company:1000/netsuite:customer', 'sorted by record');
    expect(sorted()).to.have.length(1);
    header('Record').click();
    await waitUntil(() => sorted()[0] === 'Record=descending' && rowKeys(element)[0].startsWith('deal:'), 'record descending');
    const last = (await recordsRequests(run)).at(-1)!;
    expect(last.query).to.include({ sort: 'record', order: 'desc' });
  });

  it('loads more by cursor, keeps the rows shown in place and the total on screen', async () => {
    const run = await healthRun({ count: 60 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} page-size="20"></integration-sync-health>`);
    const firstPage = rowKeys(element);
    expect(firstPage).to.have.length(20);
    expect(text(element.shadowRoot!.querySelector('.shown'))).to.equal('20 of 54 shown');
    part(element, 'load-more')!.click();
    await waitUntil(() => rowKeys(element).length === 40, 'the second page');
    expect(rowKeys(element).slice(0, 20)).to.deep.equal(firstPage);
    expect(new Set(rowKeys(element)).size).to.equal(40);
    part(element, 'load-more')!.click();
    await waitUntil(() => rowKeys(element).length === 54, 'the last page');
    expect(part(element, 'load-more')).to.equal(null);
    expect(text(element.shadowRoot!.querySelector('.shown'))).to.equal('54 of 54 shown');
    const requests = await recordsRequests(run);
    expect(requests.map((r) => !!r.query.cursor)).to.deep.equal([false, true, true]);
    expect(requests.every((r) => r.query.limit === '20')).to.be.true;
  });

  it('caps page-size at 200', async () => {
    const run = await healthRun({ count: 5 });
    await renderHealth(html`<integration-sync-health endpoint=${run.endpoint} page-size="5000"></integration-sync-health>`);
    expect((await recordsRequests(run))[0].query.limit).to.equal('200');
  });

  it('resyncs the selected rows in one request and says how many were queued', async () => {
    const run = await healthRun({ count: 20 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} portal-id="7"></integration-sync-health>`);
    const [a, b] = parts(element, 'select') as HTMLInputElement[];
    a.click();
    b.click();
    await element.updateComplete;
    expect(text(element.shadowRoot!.querySelector('.selection-count'))).to.equal('2 selected');
    const resynced = oneEvent(element, 'isc-resync');
    part(element, 'resync-selected')!.click();
    const { detail } = (await resynced) as CustomEvent<IscHealthResyncDetail>;
    expect(detail).to.deep.include({ requested: 2, ok: true });
    expect(detail.items.map((item) => item.record.objectId)).to.deep.equal(['1000', '1001']);
    await waitUntil(() => text(element.shadowRoot!.querySelector('[role="status"]')) === '2 records queued for resync.', 'the live region');
    const stats = await run.stats();
    expect(stats.resyncs).to.have.length(1);
    expect(stats.requests.find((r) => r.route === 'resync')!.query).to.deep.equal({ portalId: '7' });
    expect((stats.resyncs[0] as { items: unknown[] }).items).to.have.length(2);
    // The selection is done with; the same rows again are not queued twice (pending on the server).
    expect((parts(element, 'select') as HTMLInputElement[]).some((box) => box.checked)).to.be.false;
  });

  it('selects every record matching the filter ("Select all 54") and resyncs it as {filter}', async () => {
    const run = await healthRun({ count: 60 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} page-size="20"></integration-sync-health>`);
    expect(part(element, 'select-all-matching')).to.equal(null);
    (part(element, 'select-all') as HTMLInputElement).click();
    await element.updateComplete;
    expect(text(part(element, 'select-all-matching'))).to.equal('Select all 54');
    part(element, 'select-all-matching')!.click();
    await element.updateComplete;
    expect(text(element.shadowRoot!.querySelector('.selection-count'))).to.equal('All 54 matching records selected');
    const resynced = oneEvent(element, 'isc-resync');
    part(element, 'resync-selected')!.click();
    const { detail } = (await resynced) as CustomEvent<IscHealthResyncDetail>;
    expect(detail.items).to.deep.equal([]);
    expect(detail.filter).to.deep.equal({ status: ['record_not_synced', 'partially_synced'] });
    expect(detail.requested).to.equal(54);
    const { resyncs } = await run.stats();
    expect(resyncs).to.deep.equal([{ filter: { status: ['record_not_synced', 'partially_synced'] } }]);
    await waitUntil(() => text(element.shadowRoot!.querySelector('[role="status"]')) === '54 records queued for resync.', 'the live region');
  });

  it('formats "Select all" through Intl.NumberFormat', async () => {
    const run = await healthRun({ count: 1300 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} status=""></integration-sync-health>`);
    (part(element, 'select-all') as HTMLInputElement).click();
    await element.updateComplete;
    expect(text(part(element, 'select-all-matching'))).to.equal('Select all 1,300');
    element.lang = 'de';
    await waitUntil(() => text(part(element, 'select-all-matching')) === 'Alle 1.300 auswählen', 'German numbers');
  });

  it('links the CSV export of the current filter, without a token in its URL', async () => {
    const run = await healthRun({ count: 20 });
    const element = await renderHealth(html`<integration-sync-health endpoint=${run.endpoint} portal-id="7" code="E_DUPLICATE"></integration-sync-health>`);
    const link = part(element, 'export-link') as HTMLAnchorElement;
    const url = new URL(link.href);
    expect(url.pathname).to.equal(`${run.endpoint}/health/export.csv`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ portalId: '7', status: 'record_not_synced,partially_synced', code: 'E_DUPLICATE', sort: 'lastAttemptAt', order: 'desc' });
    const csv = await (await fetch(link.href)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.match(/^objectType,objectId,/);
    expect(lines.length - 1).to.equal(Number(text(element.shadowRoot!.querySelector('.shown')).split(' of ')[1].split(' ')[0]));
  });

  it('with a token, fetches the export with Authorization and saves it as a file', async () => {
    const run = await healthRun({ count: 10, token: 'health-token-1' });
    const provider = createRestHealthProvider({ endpoint: run.endpoint, token: 'health-token-1' });
    const element = await renderHealth(html`<integration-sync-health .provider=${provider}></integration-sync-health>`);
    expect((part(element, 'export-link') as HTMLAnchorElement).href).not.to.contain('token');
    // The saved file is a blob: URL clicked as a download; the browser's download itself is not observable here.
    const clicked = new Promise<string>((resolve) => {
      element.shadowRoot!.addEventListener('click', (event) => {
        const target = event.target as HTMLAnchorElement;
        if (target.download && target.href.startsWith('blob:')) {
          event.preventDefault();
          resolve(target.href);
        }
      });
    });
    part(element, 'export-link')!.click();
    const blobUrl = await clicked;
    expect(await (await fetch(blobUrl)).text()).to.match(/^objectType,objectId,/);
    const exports = (await run.stats()).requests.filter((r) => r.route === 'export.csv');
    expect(exports.map((r) => r.authorization)).to.deep.equal(['Bearer health-token-1']);
    expect(exports[0].query).not.to.have.property('token');
  });

  it('asks for the export as any type (Accept: */*) unless the provider\'s headers name one, and for JSON elsewhere', async () => {
    const run = await healthRun({ count: 3, token: 'health-token-2' });
    const signal = new AbortController().signal;
    const provider = createRestHealthProvider({ endpoint: run.endpoint, token: 'health-token-2' });
    const file = await provider.exportFile!({}, { signal });
    expect(file).to.be.instanceOf(Blob);
    expect(await file.text()).to.match(/^objectType,objectId,/);
    await provider.getSummary({}, { signal });
    await createRestHealthProvider({ endpoint: run.endpoint, token: 'health-token-2', headers: { Accept: 'text/csv' } }).exportFile!({}, { signal });
    const seen = (await run.stats()).requests.map((r) => [r.route, r.accept, r.authorization]);
    expect(seen).to.deep.equal([
      ['export.csv', '*/*', 'Bearer health-token-2'],
      ['summary', 'application/json', 'Bearer health-token-2'],
      ['export.csv', 'text/csv', 'Bearer health-token-2'],
    ]);
  });

  it('adds up live changes in "updates" without moving a row, and applies them when chosen', async () => {
    const run = await healthRun({ count: 30 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint}></integration-sync-health>`);
    const before = rowKeys(element);
    await waitUntil(async () => (await run.stats()).requests.some((r) => r.route === 'events'), 'the event stream');
    // The last rows get a new attempt: a reload would put them first.
    await waitUntil(async () => (await run.change(2, 3)) > 0, 'a stream to send to');
    await waitUntil(() => part(element, 'updates'), 'the updates part');
    await run.change(3);
    await waitUntil(() => text(part(element, 'updates')) === '5 records changed — Show', 'the changes add up');
    expect(rowKeys(element)).to.deep.equal(before);
    part(element, 'updates')!.click();
    await waitUntil(() => rowKeys(element)[0] !== before[0], 'the reload');
    expect(part(element, 'updates')).to.equal(null);
  });

  it('shows loading, then the rows; the host is busy meanwhile', async () => {
    const run = await healthRun({ count: 5, delayMs: 600 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint}></integration-sync-health>`, 'none');
    await waitUntil(() => part(element, 'loading'), 'loading');
    expect(element.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(element, 'loading'))).to.equal('Loading sync health…');
    await waitUntil(() => part(element, 'row'), 'rows');
    expect(element.hasAttribute('aria-busy')).to.be.false;
  });

  it('recovers from a transient failure by itself (Retry-After), counting down meanwhile', async () => {
    const run = await healthRun({ count: 5, fail: { route: 'summary', status: 503, times: 1, retryAfter: 1 } });
    const errors: CustomEvent<IscHealthErrorDetail>[] = [];
    const element = await renderHealth(
      html`<integration-sync-health lang="en" endpoint=${run.endpoint} @isc-error=${(event: CustomEvent<IscHealthErrorDetail>) => errors.push(event)}></integration-sync-health>`,
      'error',
    );
    expect(errors).to.have.length(1);
    expect(errors[0].detail).to.include({ willRetry: true });
    expect(errors[0].detail.retryInMs).to.be.at.least(1000);
    expect(text(part(element, 'error'))).to.contain('The sync health could not be loaded.');
    expect(part(element, 'retry-countdown')).to.exist;
    await waitUntil(() => part(element, 'row'), 'the rows after the automatic retry');
  });

  it('does not retry a 500 by itself; Retry loads again', async () => {
    const run = await healthRun({ count: 5, fail: { route: 'records', status: 500, times: 1 } });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint}></integration-sync-health>`, 'error');
    expect(part(element, 'retry-countdown')).to.equal(null);
    const loaded = oneEvent(element, 'isc-load');
    part(element, 'retry-button')!.click();
    expect((await loaded).detail.total).to.equal(5);
    expect(part(element, 'row')).to.exist;
  });

  it('shows the expired state on 401, with no retry', async () => {
    const run = await healthRun({ count: 5, token: 'right' });
    const provider = createRestHealthProvider({ endpoint: run.endpoint, token: 'wrong' });
    const element = await renderHealth(html`<integration-sync-health lang="en" .provider=${provider}></integration-sync-health>`, 'error');
    expect(part(element, 'expired')).to.exist;
    expect(part(element, 'retry-button')).to.equal(null);
  });

  it('says no record needs attention when none does', async () => {
    const run = await healthRun({ count: 0 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint}></integration-sync-health>`, 'empty');
    expect(text(part(element, 'empty'))).to.equal('No record needs attention.');
    expect(part(element, 'table')).to.equal(null);
  });

  it('sync-url: reads the filters and sort from the query string and writes them back with replaceState, keeping other parameters', async () => {
    const start = location.href;
    const historyLength = history.length;
    history.replaceState(null, '', `${location.pathname}?keep=1&status=up_to_date&sort=record#frag`);
    try {
      const run = await healthRun({ count: 30 });
      const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} sync-url></integration-sync-health>`);
      expect((await recordsRequests(run))[0].query).to.include({ status: 'up_to_date', sort: 'record', order: 'asc' });
      parts(element, 'count').find((count) => count.dataset.status === 'partially_synced')!.click();
      await waitUntil(() => new URLSearchParams(location.search).get('status') === 'partially_synced', 'the URL follows');
      const params = new URLSearchParams(location.search);
      expect(params.get('keep')).to.equal('1');
      expect(params.get('sort')).to.equal('record');
      expect(location.hash).to.equal('#frag');
      expect(history.length).to.equal(historyLength);
      element.shadowRoot!.querySelector<HTMLButtonElement>('.clear-filters')!.click();
      await waitUntil(() => !new URLSearchParams(location.search).has('status'), 'the default status leaves the URL');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('record-url: substitutions URL-encoded, the link in the same tab, an unsafe result as plain text', async () => {
    const run = await healthRun({
      records: [
        { record: { objectType: 'company', objectId: 'a/b?c', portalId: '7' }, syncId: 's1', label: 'NetSuite customer', integrationId: 'netsuite', status: 'record_not_synced', syncedWith: null, detail: { message: 'x' }, lastSyncedAt: null, lastAttemptAt: new Date().toISOString(), firstFailedAt: null, attempts: 1 },
      ],
    });
    const element = await renderHealth(html`<integration-sync-health endpoint=${run.endpoint} portal-id="7" record-url="https://crm.example.com/{portalId}/record/{objectType}/{objectId}"></integration-sync-health>`);
    const link = part(element, 'record-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('https://crm.example.com/7/record/company/a%2Fb%3Fc');
    expect(link.hasAttribute('target')).to.be.false;
    const navigating = oneEvent(element, 'isc-navigate');
    element.addEventListener('isc-navigate', (event) => event.preventDefault(), { once: true });
    link.click();
    const { detail } = (await navigating) as CustomEvent<IscHealthNavigateDetail>;
    expect(detail).to.deep.include({ kind: 'record', url: link.href, syncId: 's1' });
    expect(detail.record).to.deep.equal({ objectType: 'company', objectId: 'a/b?c', portalId: '7' });

    element.recordUrl = 'javascript:alert({objectId})';
    await element.updateComplete;
    expect(part(element, 'record-link')).to.equal(null);
    expect(text(element.shadowRoot!.querySelector('tbody th'))).to.equal('company a/b?c');
  });

  it('renders in French', async () => {
    const run = await healthRun({ count: 10 });
    const element = await renderHealth(html`<integration-sync-health lang="fr" endpoint=${run.endpoint}></integration-sync-health>`);
    await waitUntil(() => text(part(element, 'load-more') ?? element.shadowRoot!.querySelector('thead')).includes("Fiche d'informations"), 'French headers');
    expect(text(part(element, 'resync-selected'))).to.equal('Resynchroniser la sélection');
    expect(text(element.shadowRoot!.querySelector('[part~="count"][data-status="record_not_synced"]'))).to.contain("Fiche d'informations non synchronisée");
  });

  it('works from the keyboard alone: filter, sort, select, resync, load more', async () => {
    const run = await healthRun({ count: 60 });
    const element = await renderHealth(html`<integration-sync-health lang="en" endpoint=${run.endpoint} page-size="10"></integration-sync-health>`);
    const active = () => element.shadowRoot!.activeElement as HTMLElement | null;
    /** Tabs forward until `predicate` holds for the focused element (at most 200 presses). */
    const tabTo = async (predicate: (el: HTMLElement) => boolean, what: string) => {
      for (let i = 0; i < 200; i += 1) {
        const el = active();
        if (el && predicate(el)) return el;
        await sendKeys({ press: 'Tab' });
      }
      throw new Error(`never reached ${what}`);
    };
    // Into the element from the page before it.
    const before = document.createElement('button');
    before.textContent = 'before';
    element.before(before);
    before.focus();
    await tabTo((el) => el.matches('[part~="count"][data-status="record_not_synced"]'), 'the not-synced count');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'row').every((row) => row.querySelector('[data-status="record_not_synced"]')), 'filtered by keyboard');
    await tabTo((el) => el.matches('button.sort') && text(el) === 'Record', 'the Record header');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.querySelector('th[aria-sort="ascending"]'), 'sorted by keyboard');
    await tabTo((el) => el.matches('[part~="select"]'), 'a row checkbox');
    await sendKeys({ press: ' ' });
    await element.updateComplete;
    expect((parts(element, 'select')[0] as HTMLInputElement).checked).to.be.true;
    await tabTo((el) => el.matches('[part~="load-more"]'), 'Load more');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'row').length === 20, 'the next page by keyboard');
    // Focus went to the first new row, where reading goes on.
    expect(active()).to.equal(parts(element, 'select')[10]);
    await sendKeys({ press: ' ' });
    // Back to the bulk bar above the table, from the top of the page again (WebKit's WebDriver
    // cannot hold Shift for Shift+Tab): Tab alone reaches it.
    before.focus();
    await tabTo((el) => el.matches('[part~="resync-selected"]'), 'Resync selected');
    const resynced = oneEvent(element, 'isc-resync');
    await sendKeys({ press: 'Enter' });
    expect(((await resynced) as CustomEvent<IscHealthResyncDetail>).detail.items).to.have.length(2);
    expect(active()).to.equal(part(element, 'resync-selected'));
    before.remove();
  });

  it('at 360 px the table scrolls inside its own box and nothing leaves the page', async () => {
    const run = await healthRun({ count: 20 });
    const element = await renderHealth(html`<div style="width: 360px"><integration-sync-health lang="en" endpoint=${run.endpoint}></integration-sync-health></div>`);
    const box = element.shadowRoot!.querySelector<HTMLElement>('.table-box')!;
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
    expect(element.getBoundingClientRect().width).to.be.at.most(360);
    for (const node of element.shadowRoot!.querySelectorAll<HTMLElement>('.summary, .groups, .filters, .bulk-bar, .more')) {
      expect(node.getBoundingClientRect().right, node.className).to.be.at.most(element.getBoundingClientRect().right + 0.5);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
  });
});
