// The health page's stories: a SyncHealthProvider over records in memory, with the same filter,
// sort and summary as the browser tests' API of the §15 routes (test/support/health-api.mjs).
// Not a story file (the glob is *.stories.ts).
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/define.ts';
import type { HealthQuery, HealthRecord, HealthRecordsPage, IntegrationSyncHealth, SyncHealthProvider } from '../src/index.ts';
import { generatedRecord, matches, sorted, summaryOf } from '../test/support/health-api.mjs';
import { delay } from './story-helpers.ts';

export interface HealthArgs {
  lang: string;
  theme?: 'light' | 'dark' | 'auto';
  pageSize?: number;
  width?: string;
  onIscNavigate?: (event: CustomEvent) => void;
  onIscResync?: (event: CustomEvent) => void;
  onIscLoad?: (event: CustomEvent) => void;
}

/** A memory provider over `count` generated records (see health-api.mjs), with `change(n)` to push live changes. */
export function memoryHealthProvider(count: number): SyncHealthProvider & { change(changed: number): void; resyncs: unknown[] } {
  const rows: HealthRecord[] = Array.from({ length: count }, (_, i) => generatedRecord(i)) as HealthRecord[];
  const listeners = new Set<(changed: number) => void>();
  const pending = new Set<string>();
  const resyncs: unknown[] = [];
  const keyOf = (row: HealthRecord) => `${row.record.objectType}:${row.record.objectId}:${row.syncId}`;
  const filtered = (query: HealthQuery) => sorted(rows.filter((row) => matches(row, query)), query.sort ?? 'lastAttemptAt', query.order);
  return {
    resyncs,
    async getSummary(_query, { signal }) {
      await delay(50, signal);
      return summaryOf(rows);
    },
    async getRecords(query, { signal }): Promise<HealthRecordsPage> {
      await delay(50, signal);
      const all = filtered(query);
      const start = query.cursor ? all.findIndex((row) => keyOf(row) === query.cursor) + 1 : 0;
      const page = all.slice(start, start + (query.limit ?? 50));
      return { records: page, total: all.length, nextCursor: start + page.length < all.length ? keyOf(page[page.length - 1]) : null };
    },
    async resync(selection, { signal }) {
      await delay(100, signal);
      resyncs.push(selection);
      const chosen = 'filter' in selection ? filtered(selection.filter) : rows.filter((row) => selection.items.some((item) => item.syncId === row.syncId && item.record.objectId === row.record.objectId));
      let requested = 0;
      for (const row of chosen) if (!pending.has(keyOf(row)) && pending.add(keyOf(row))) requested += 1;
      return { requested };
    },
    exportUrl: () => 'data:text/csv;charset=utf-8,objectType%2CobjectId%0D%0A',
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    change(changed) {
      for (const listener of listeners) listener(changed);
    },
  };
}

/** A provider that never answers (the loading state), or always fails (the error state: not transient, no countdown). */
export function stuckHealthProvider(failWith?: string): SyncHealthProvider {
  const never = (signal: AbortSignal) =>
    new Promise<never>((_resolve, reject) => {
      if (failWith) reject(Object.assign(new Error(failWith), { transient: false }));
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return {
    getSummary: (_query, { signal }) => never(signal),
    getRecords: (_query, { signal }) => never(signal),
    resync: (_selection, { signal }) => never(signal),
    exportUrl: () => 'data:text/csv,',
  };
}

/** The element with a provider; every navigation is cancelled (the story's links point at made-up hosts). */
export function healthPage(args: HealthArgs, provider: SyncHealthProvider): TemplateResult {
  return html`<div style=${styleMap({ width: args.width ?? '100%', maxWidth: '100%' })}>
    <integration-sync-health
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      page-size=${ifDefined(args.pageSize)}
      record-url="https://app.example-crm.com/{portalId}/record/{objectType}/{objectId}"
      .provider=${provider}
      @isc-navigate=${(event: CustomEvent) => {
        event.preventDefault();
        args.onIscNavigate?.(event);
      }}
      @isc-resync=${(event: CustomEvent) => args.onIscResync?.(event)}
      @isc-load=${(event: CustomEvent) => args.onIscLoad?.(event)}
    ></integration-sync-health>
  </div>`;
}

export const healthElement = (canvas: HTMLElement) => canvas.querySelector('integration-sync-health') as IntegrationSyncHealth;
export const hpart = (element: Element, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const hparts = (element: Element, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const htext = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
