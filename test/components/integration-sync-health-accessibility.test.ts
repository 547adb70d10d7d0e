import { expect, html } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import 'axe-core/axe.min.js';
import type { IntegrationSyncHealth } from '../../src/index.ts';
import { waitUntil } from '../support/wait.ts';
import { healthRun, part, renderHealth } from './health-helpers.ts';

declare const axe: { run(context: Element, options: object): Promise<AxeResults> };

const WCAG = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };

async function expectNoViolations(element: Element, label: string): Promise<void> {
  const results = await axe.run(element, WCAG);
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label}: axe violations`).to.deep.equal([]);
}

/** Every part of the data state on screen at once: updates pending, a filter chip, a selected page with "Select all", an open tooltip. */
async function renderEveryPart(theme: 'light' | 'dark'): Promise<IntegrationSyncHealth> {
  const run = await healthRun({ count: 60 });
  const element = await renderHealth(
    html`<integration-sync-health lang="en" theme=${theme} endpoint=${run.endpoint} page-size="20" object-type="company,contact,deal" record-url="https://crm.example.com/{objectType}/{objectId}"></integration-sync-health>`,
  );
  await waitUntil(async () => (await run.change(4)) > 0, 'the event stream');
  await waitUntil(() => part(element, 'updates'), 'the updates part');
  (part(element, 'select-all') as HTMLInputElement).click();
  await waitUntil(() => part(element, 'select-all-matching'), 'Select all');
  part(element, 'status')!.focus();
  await waitUntil(() => element.shadowRoot!.querySelector('[part~="tooltip"]:not([hidden])'), 'the tooltip');
  for (const name of ['summary', 'count', 'groups', 'group', 'filters', 'search', 'table', 'row', 'record-link', 'synced-with-link', 'status', 'select', 'select-all', 'select-all-matching', 'resync-selected', 'export-link', 'load-more', 'updates']) {
    expect(part(element, name), name).to.exist;
  }
  return element;
}

describe('<integration-sync-health> accessibility', function () {
  this.timeout(30_000);

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe with every part shown, theme ${theme}`, async () => {
      const element = await renderEveryPart(theme);
      await expectNoViolations(element, `data, ${theme}`);
    });

    it(`passes axe in the loading, error, expired and empty states, theme ${theme}`, async () => {
      const slow = await healthRun({ count: 3, delayMs: 5000 });
      const loading = await renderHealth(html`<integration-sync-health lang="en" theme=${theme} endpoint=${slow.endpoint}></integration-sync-health>`, 'loading');
      await expectNoViolations(loading, `loading, ${theme}`);
      const failing = await healthRun({ count: 3, fail: { route: 'summary', status: 503, times: 5, retryAfter: 30 } });
      const error = await renderHealth(html`<integration-sync-health lang="en" theme=${theme} endpoint=${failing.endpoint}></integration-sync-health>`, 'error');
      expect(part(error, 'retry-countdown')).to.exist;
      await expectNoViolations(error, `error, ${theme}`);
      const empty = await healthRun({ count: 0 });
      const none = await renderHealth(html`<integration-sync-health lang="en" theme=${theme} endpoint=${empty.endpoint}></integration-sync-health>`, 'empty');
      await expectNoViolations(none, `empty, ${theme}`);
    });
  }

  it('names every control: checkboxes by their record, sortable headers by their column, the table by its caption', async () => {
    const element = await renderEveryPart('light');
    const root = element.shadowRoot!;
    expect(root.querySelector('table')!.querySelector('caption')!.textContent).to.equal('Records that need attention');
    const region = root.querySelector('.table-box')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    const sortable = [...root.querySelectorAll('thead th')].filter((th) => th.querySelector('button'));
    expect(sortable.map((th) => th.textContent!.trim())).to.deep.equal(['Record', 'First failed', 'Last attempt']);
    expect(root.querySelectorAll('th[aria-sort]')).to.have.length(1);
    // Each group's button says which group it shows.
    const groupButtons = [...root.querySelectorAll('[part~="group"] button')].map((button) => button.getAttribute('aria-label'));
    expect(new Set(groupButtons).size).to.equal(groupButtons.length);
    expect(groupButtons[0]).to.match(/^Show these records, /);
    for (const box of root.querySelectorAll('[part~="select"]')) expect(box.getAttribute('aria-label')).to.match(/^Select \S/);
  });
});
