import { fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.ts';
import '../src/define.ts';
import type { IntegrationSyncCard, SyncStatusResponse } from '../src/index.ts';

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A one-sync response with the given fields changed. */
export function oneSync(overrides: Record<string, unknown> = {}, integration: Record<string, unknown> = {}): SyncStatusResponse {
  return {
    integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active', ...integration }],
    syncs: [
      {
        id: 'netsuite:customer',
        integrationId: 'netsuite',
        label: 'NetSuite customer',
        status: 'up_to_date',
        syncedWith: { name: 'Acme Corp (CUS-1042)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042' },
        lastSyncedAt: minutesAgo(3),
        ...overrides,
      } as SyncStatusResponse['syncs'][number],
    ],
  };
}

/** Renders a card and waits for its first load to render (isc-load or isc-error). */
export async function renderCard(
  template: ReturnType<typeof html>,
  { waitFor = 'isc-load' }: { waitFor?: 'isc-load' | 'isc-error' | 'none' } = {},
): Promise<IntegrationSyncCard> {
  const container = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const card = container.querySelector('integration-sync-card')!;
  if (waitFor !== 'none') {
    const settled = card.shadowRoot?.querySelector(waitFor === 'isc-load' ? '[part~="card"],[part~="empty"],[part~="setup"]' : '[part~="error"]');
    if (!settled) await oneEvent(card, waitFor);
  }
  await card.updateComplete;
  return card;
}

export function part<T extends Element = HTMLElement>(card: Element, name: string): T | null {
  return card.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(card: Element, name: string): T[] {
  return [...card.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** The text a user reads (whitespace collapsed). */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function waitForPart(card: Element, name: string, message?: string): Promise<HTMLElement> {
  await waitUntil(() => part(card, name), message ?? `part "${name}" never appeared`);
  return part(card, name)!;
}

/** A provider whose calls you settle by hand; records every call and its signal. */
export function controllableProvider() {
  const calls: { record: { objectType: string; objectId: string }; signal: AbortSignal; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const provider = {
    getSyncStatus(record: { objectType: string; objectId: string }, { signal }: { signal: AbortSignal }) {
      return new Promise<SyncStatusResponse>((resolve, reject) => {
        calls.push({ record, signal, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
  return { provider, calls };
}

/** Unsafe in plain ways: scheme, relative, malformed, whitespace. hardening.test.ts adds obfuscated ones. */
export const UNSAFE_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\u0000script:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001https://erp.example.com/',
  ' https://erp.example.com/',
  'https://erp.example.com/ ',
  'https://erp.example.com/a b',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  '/relative/path',
  '//erp.example.com/protocol-relative',
  'erp.example.com/no-scheme',
  'https:erp.example.com',
  'https://',
  'http://[not-a-host',
  'ftp://erp.example.com/file',
  'file:///etc/passwd',
  '',
];
