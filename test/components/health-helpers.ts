// Helpers of the <integration-sync-health> tests: a run of the test API of the §15 routes
// (test/support/health-api.mjs) and the element's parts.
import { fixture, html } from '@open-wc/testing';
import '../../src/define.ts';
import type { IntegrationSyncHealth } from '../../src/index.ts';
import { waitUntil } from '../support/wait.ts';

let runs = 0;

export interface HealthRun {
  /** The endpoint to give the element (`{endpoint}/health/…` are the routes). */
  endpoint: string;
  stats(): Promise<{ requests: { route: string; query: Record<string, string>; authorization: string | null; accept: string | null }[]; resyncs: unknown[] }>;
  /** Sends `event: change` with `{changed}` to the open streams; `touch` records get a new last attempt first. */
  change(changed: number, touch?: number): Promise<number>;
}

/** A fresh run of the test API: `count` generated records (60 by default), or the options given. */
export async function healthRun(setup: { count?: number; records?: unknown[]; token?: string; fail?: { route: string; status: number; times: number; retryAfter?: number }; delayMs?: number } = {}): Promise<HealthRun> {
  const base = `/health-api/run-${Date.now().toString(36)}-${(runs += 1)}`;
  const response = await fetch(`${base}/setup`, { method: 'POST', body: JSON.stringify(setup) });
  if (!response.ok) throw new Error('setup failed');
  return {
    endpoint: base,
    stats: async () => (await fetch(`${base}/stats`)).json(),
    change: async (changed, touch = 0) => (await (await fetch(`${base}/change`, { method: 'POST', body: JSON.stringify({ changed, touch }) })).json()).streams,
  };
}

export const part = (element: Element, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (element: Element, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const rowKeys = (element: Element) => parts(element, 'row').map((row) => `${row.dataset.record}/${row.dataset.syncId}`);
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Renders the element and waits until its table, empty or error state shows. */
export async function renderHealth(template: ReturnType<typeof html>, waitFor: 'table' | 'empty' | 'error' | 'loading' | 'none' = 'table'): Promise<IntegrationSyncHealth> {
  const container = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const element = container.querySelector('integration-sync-health')!;
  if (waitFor !== 'none') await waitUntil(() => part(element, waitFor === 'table' ? 'row' : waitFor), `the ${waitFor} did not render`);
  await element.updateComplete;
  return element;
}
