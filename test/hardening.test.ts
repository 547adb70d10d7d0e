import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { createMemoryProvider, safeUrl, type IntegrationSyncCard, type RecordRef, type SyncDataProvider } from '../src/index.ts';
import { oneSync, part, parts, renderCard, text, UNSAFE_URLS } from './helpers.ts';

const seed = Number((globalThis as { ISC_SEED?: number }).ISC_SEED ?? Date.now() % 2 ** 31);

/** Obfuscated script URLs: case, whitespace and control characters, entities, encodings. */
function scriptUrlVariants(): string[] {
  const payload = 'alert(1)';
  const schemes = ['javascript', 'JavaScript', 'JAVASCRIPT', 'jAvAsCrIpT', 'vbscript', 'VBScript', 'data', 'DaTa'];
  const variants = new Set<string>();
  for (const scheme of schemes) {
    const body = scheme.toLowerCase() === 'data' ? 'text/html,<script>alert(1)</script>' : payload;
    variants.add(`${scheme}:${body}`);
    variants.add(` ${scheme}:${body}`);
    variants.add(`\t${scheme}:${body}`);
    variants.add(`\n${scheme}:${body}`);
    variants.add(`\u0000${scheme}:${body}`);
    variants.add(`\u001f${scheme}:${body}`);
    variants.add(`\u00a0${scheme}:${body}`);
    variants.add(`\ufeff${scheme}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\t${scheme.slice(4)}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\n${scheme.slice(4)}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\r${scheme.slice(4)}:${body}`);
    variants.add(`${scheme.slice(0, 4)}\u0000${scheme.slice(4)}:${body}`);
    variants.add(`${scheme}&colon;${body}`);
    variants.add(`${scheme}&#58;${body}`);
    variants.add(`${scheme}&#x3A;${body}`);
    variants.add(`${scheme}%3A${body}`);
    variants.add(`${[...scheme].map((c) => `&#${c.charCodeAt(0)};`).join('')}:${body}`);
    variants.add(`${[...scheme].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}:${body}`);
    variants.add(`${scheme}:${encodeURIComponent(body)}`);
  }
  variants.add('https://erp.example.com/\u0000');
  variants.add('https://erp.example.com/\u2028');
  variants.add('http:\\\\evil.example.com');
  variants.add('\\\\evil.example.com\\share');
  return [...variants];
}

describe('hardening', () => {
  describe('URL policy', () => {
    const obfuscated = scriptUrlVariants();
    const variants = [...UNSAFE_URLS, ...obfuscated];

    it(`rejects ${obfuscated.length} obfuscated javascript:/data:/vbscript: variants and ${UNSAFE_URLS.length} plain unsafe URLs (safeUrl)`, () => {
      expect(obfuscated.length).to.be.at.least(40);
      for (const url of variants) expect(safeUrl(url), JSON.stringify(url)).to.equal(null);
    });

    it('renders none of them as a link, anywhere in the card', async () => {
      const records: Record<string, ReturnType<typeof oneSync>> = {};
      variants.forEach((url, i) => {
        records[`company:${i}`] = oneSync(
          { status: 'record_not_synced', syncedWith: { name: 'Acme', url }, detail: { message: 'x', url } },
          { state: 'extra_features_required', settingsUrl: url },
        );
      });
      const provider = createMemoryProvider(records);
      const warnings: string[] = [];
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="0" .provider=${provider}
        @isc-data-warning=${(event: CustomEvent) => warnings.push(event.detail.message)}></integration-sync-card>`);
      for (let i = 0; i < variants.length; i++) {
        if (i > 0) {
          const loaded = oneEvent(card, 'isc-load');
          card.objectId = String(i);
          await loaded;
        }
        const label = JSON.stringify(variants[i]);
        expect(card.shadowRoot!.querySelectorAll('a').length, label).to.equal(0);
        expect(text(part(card, 'synced-with')), `${label}: the name stays, as text`).to.equal('Acme');
        expect(part(card, 'status')!.tagName, label).to.equal('SPAN');
        expect(part(card, 'setup-link'), label).to.equal(null);
      }
      // The host is told, not only the user shielded.
      expect(warnings.some((message) => message.includes('not an absolute http(s) URL'))).to.equal(true);
    });
  });

  describe('provider failures end in a clear state, with no console error', () => {
    let consoleErrors: unknown[] = [];
    const originalError = console.error;
    beforeEach(() => {
      consoleErrors = [];
      console.error = (...args: unknown[]) => consoleErrors.push(args);
    });
    afterEach(() => {
      console.error = originalError;
    });

    const cases: [string, SyncDataProvider['getSyncStatus'], string][] = [
      [
        'throws synchronously',
        () => {
          throw new Error('sync boom');
        },
        'sync boom',
      ],
      ['rejects with a string', () => Promise.reject('plain string failure'), 'plain string failure'],
      ['rejects with an object', () => Promise.reject({ code: 'E42' }), 'E42'],
      ['rejects with undefined', () => Promise.reject(undefined), 'The provider failed'],
      ['resolves to a string', async () => 'not json' as never, 'expected an object'],
    ];
    for (const [name, getSyncStatus, message] of cases) {
      it(`${name}: error state naming the cause`, async () => {
        const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${{ getSyncStatus }}></integration-sync-card>`, { waitFor: 'isc-error' });
        expect(text(part(card, 'error'))).to.contain(message);
        expect(part(card, 'retry-button')).to.not.equal(null);
        expect(consoleErrors).to.deep.equal([]);
      });
    }

    it('returns a plain object instead of a promise: renders it', async () => {
      const provider = { getSyncStatus: () => oneSync() as never };
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
      expect(parts(card, 'card')).to.have.length(1);
    });

    it('never resolves: the card times out into the error state (timeout attribute)', async () => {
      let signal: AbortSignal | undefined;
      const provider = { getSyncStatus: (_: RecordRef, options: { signal: AbortSignal }) => ((signal = options.signal), new Promise<never>(() => {})) };
      const card = await renderCard(html`<integration-sync-card lang="en" timeout="0.2" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'isc-error' });
      expect(text(part(card, 'error'))).to.contain('did not answer within 0.2 s');
      expect(signal?.aborted, 'the provider is told to stop').to.equal(true);
      expect(consoleErrors).to.deep.equal([]);
    });

    it('resolves after disconnect: nothing renders, nothing fires, nothing is logged', async () => {
      let resolve!: (value: unknown) => void;
      let signal!: AbortSignal;
      const provider = { getSyncStatus: (_: RecordRef, options: { signal: AbortSignal }) => ((signal = options.signal), new Promise((r) => (resolve = r))) as never };
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`, { waitFor: 'none' });
      const events: string[] = [];
      for (const name of ['isc-load', 'isc-error'] as const) card.addEventListener(name, () => events.push(name));
      card.remove();
      expect(signal.aborted).to.equal(true);
      resolve(oneSync());
      await new Promise((r) => setTimeout(r, 50));
      expect(events).to.deep.equal([]);
      expect(parts(card, 'card')).to.have.length(0);
      expect(consoleErrors).to.deep.equal([]);
    });
  });

  describe('races (fast-check scheduler)', () => {
    it(`never renders a stale record; superseded and disconnected requests are aborted; nothing leaks (seed ${seed})`, async function () {
      this.timeout(60_000);
      const intervals = new Set<number>();
      const realSetInterval = window.setInterval;
      const realClearInterval = window.clearInterval;
      window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = realSetInterval(handler, ms, ...args) as unknown as number;
        intervals.add(id);
        return id;
      }) as typeof setInterval;
      window.clearInterval = ((id?: number) => {
        intervals.delete(id!);
        realClearInterval(id);
      }) as typeof clearInterval;
      let schedules = 0;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.scheduler(),
            fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), fails: fc.boolean(), disconnect: fc.boolean() }), { minLength: 1, maxLength: 6 }),
            async (s, steps) => {
              schedules++;
              const calls: { id: string; signal: AbortSignal; settled: boolean }[] = [];
              let subscriptions = 0;
              const failing = new Map<string, boolean>(steps.map((step) => [step.id, step.fails]));
              // A provider object of its own per run: nothing is shared with other runs (or cached).
              const provider: SyncDataProvider = {
                getSyncStatus(record, { signal }) {
                  const call = { id: record.objectId, signal, settled: false };
                  calls.push(call);
                  const body = oneSync({ syncedWith: { name: `Record ${record.objectId}` } });
                  const outcome = failing.get(record.objectId) ? Promise.reject(new Error(`fail ${record.objectId}`)) : Promise.resolve(body);
                  outcome.catch(() => {});
                  return s.schedule(outcome, `settle ${record.objectId}`).finally(() => (call.settled = true));
                },
                subscribe() {
                  subscriptions++;
                  return () => subscriptions--;
                },
              };
              const container = await fixture<HTMLElement>(html`<div></div>`);
              const card = document.createElement('integration-sync-card') as IntegrationSyncCard;
              Object.assign(card, { lang: 'en', provider, objectType: 'company', objectId: steps[0].id, refreshInterval: 30 });
              container.append(card);
              const sequence = s.scheduleSequence(
                steps.map((step) => async () => {
                  const before = calls.filter((call) => !call.settled && call.id !== step.id);
                  if (step.disconnect) {
                    card.remove();
                    await Promise.resolve();
                    for (const call of calls) if (!call.settled) expect(call.signal.aborted, 'disconnect aborts').to.equal(true);
                    container.append(card);
                  }
                  card.objectId = step.id;
                  await card.updateComplete;
                  for (const call of before) expect(call.settled || call.signal.aborted, `superseded request for ${call.id} aborted`).to.equal(true);
                }),
              );
              // The scheduler drives everything: record changes and provider answers interleave.
              await s.waitAll();
              await sequence.task;
              // Let the last answer travel through the card's promise chain, then render.
              await new Promise((resolve) => setTimeout(resolve, 0));
              await card.updateComplete;
              const current = steps[steps.length - 1].id;
              const shown = part(card, 'synced-with');
              if (shown) expect(text(shown), 'never a stale record').to.contain(`Record ${current}`);
              else expect(text(part(card, 'error'))).to.contain(`fail ${current}`);
              card.remove();
              expect(subscriptions, 'no subscription left').to.equal(0);
            },
          ),
          { numRuns: 150, seed, endOnFailure: true },
        );
        expect(intervals.size, 'no interval left running').to.equal(0);
        console.log(`race run (seed ${seed}): ${schedules} schedules`);
      } finally {
        window.setInterval = realSetInterval;
        window.clearInterval = realClearInterval;
      }
    });
  });

  describe('strict page: CSP with Trusted Types', () => {
    before(async function () {
      this.timeout(120_000);
      const built = (await executeServerCommand('isc-ensure-built')) as { ok: boolean; message: string } | undefined;
      if (!built?.ok) throw new Error(`build failed: ${built?.message}`);
    });

    it('renders, opens a tooltip and loads over REST with 0 securitypolicyviolation events', async function () {
      this.timeout(20_000);
      const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/test-api/csp/page.html" style="width: 420px; height: 500px"></iframe>`);
      await waitUntil(() => (frame.contentWindow as unknown as { __loaded?: boolean })?.__loaded, 'the bundle did not load', { timeout: 10_000 });
      const win = frame.contentWindow as unknown as Window & { __violations: string[] };
      const card = win.document.querySelector('integration-sync-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('[part~="card"]'), 'no data over REST', { timeout: 10_000 });
      const status = card.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
      status.focus();
      const tooltip = card.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
      await waitUntil(() => !tooltip.hidden && tooltip.style.visibility !== 'hidden' && tooltip.style.left !== '', 'tooltip not positioned', { timeout: 5000 });
      expect(win.__violations).to.deep.equal([]);
      expect(card.shadowRoot!.querySelectorAll('[part~="card"]').length).to.be.greaterThan(0);
    });
  });
});
