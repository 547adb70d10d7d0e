// Hostile provider data rendered by the card: generated payloads (property-based), huge strings and
// lists, HTML in strings. Unsafe URLs: data/safe-url.test.ts; repairs: data/normalize.test.ts.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryProvider, type IntegrationSyncCard, SYNC_STATUSES, type SyncDataProvider } from '../../src/index.ts';
import { part, parts, renderCard, text } from '../helpers.ts';

// Property-based tests: the card is fed thousands of generated payloads, most of them hostile.
// The seed is printed with any failure (fast-check's report); set ISC_SEED in the page to replay.
const seed = Number((globalThis as { ISC_SEED?: number }).ISC_SEED ?? Date.now() % 2 ** 31);

const HOSTILE_STRINGS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  "'; window.__pwned=1; //",
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  'שלום עולם',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '\u0000\u0001\u001f',
  '',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt().map((n) => Number(n)),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.anything({ maxDepth: 3 }),
);
const anyValue = fc.oneof({ weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
const url = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  fc.constantFrom(
    'javascript:window.__pwned=1',
    'JAVASCRIPT:window.__pwned=1',
    ' javascript:window.__pwned=1',
    'java\u0000script:window.__pwned=1',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example.com',
    '/relative',
    'https://',
    'http://[::1',
  ),
  anyValue,
);
const date = fc.oneof(
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00Z', '9999-99-99', '2026-02-30T25:61:61Z', 'yesterday', '1', 'NaN', '0000-00-00'),
  anyValue,
);
const sync = fc.record(
  {
    id: fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType }),
    integrationId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('netsuite', 'dynamics') }, { weight: 1, arbitrary: anyValue }),
    label: anyValue,
    status: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SYNC_STATUSES) }, { weight: 1, arbitrary: anyValue }),
    syncedWith: fc.oneof(fc.record({ name: anyValue, url }, { requiredKeys: [] }), wrongType),
    lastSyncedAt: date,
    nextSyncAt: date,
    detail: fc.oneof(fc.record({ message: anyValue, code: anyValue, url, exclusionGroup: anyValue }, { requiredKeys: [] }), wrongType),
  },
  { requiredKeys: [] },
);
const integration = fc.record(
  {
    id: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('netsuite', 'dynamics') }, { weight: 1, arbitrary: anyValue }),
    name: anyValue,
    state: fc.oneof(fc.constantFrom('active', 'extra_features_required', 'disconnected'), anyValue),
    settingsUrl: url,
  },
  { requiredKeys: [] },
);
// Keys a naive merge would turn into prototype pollution; JSON.parse makes them own properties.
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"},"integrations":[],"syncs":[{"id":"a","integrationId":"n","status":"up_to_date","__proto__":{"polluted":"yes"}}]}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"syncs":[{"id":"__proto__","integrationId":"constructor","status":"toString"}]}',
  '{"syncs":[{"id":"x","integrationId":"n","status":"up_to_date","detail":{"__proto__":{"polluted":"yes"},"message":"m"}}]}',
).map((json) => JSON.parse(json) as unknown);
const deep = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.array(tie('node'), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 2 })) })).node;
const payload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ integrations: fc.oneof(fc.array(integration, { maxLength: 4 }), anyValue), syncs: fc.oneof(fc.array(sync, { maxLength: 8 }), anyValue) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: fc.record({ syncs: fc.array(deep, { maxLength: 3 }), integrations: deep }) },
);

const ALLOWED_TAGS = new Set(['DIV', 'SECTION', 'HEADER', 'H3', 'SPAN', 'DL', 'DT', 'DD', 'A', 'TIME', 'P', 'BUTTON', 'OL', 'LI', 'svg', 'path', 'circle']);
const prototypeSnapshot = () => [Object.getOwnPropertyNames(Object.prototype).join(), Object.keys(Object.prototype).join()].join('|');

async function renderPayload(card: IntegrationSyncCard, value: unknown, index: number): Promise<void> {
  const provider: SyncDataProvider = { getSyncStatus: async () => value as never };
  const settled = Promise.race([oneEvent(card, 'isc-load'), oneEvent(card, 'isc-error')]);
  card.provider = provider;
  card.objectId = String(index);
  await settled;
}

const seen = { cards: 0, links: 0, errors: 0 };

function checkRendered(card: IntegrationSyncCard): void {
  const root = card.shadowRoot!;
  seen.cards += root.querySelectorAll('[part~="card"]').length;
  seen.errors += root.querySelectorAll('[part~="error"]').length;
  expect(card.isUpdatePending, 'rendering settles in one update').to.equal(false);
  for (const element of root.querySelectorAll('*')) {
    expect(ALLOWED_TAGS.has(element.tagName), `unexpected element <${element.tagName}>`).to.equal(true);
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `event-handler attribute ${attribute.name}`).to.equal(false);
      expect(attribute.name, 'style attribute').to.not.equal('style');
    }
  }
  for (const link of root.querySelectorAll('a')) {
    seen.links++;
    const protocol = new URL(link.getAttribute('href')!).protocol;
    expect(['http:', 'https:'].includes(protocol), `href protocol ${protocol}`).to.equal(true);
  }
}

describe('property-based: hostile payloads', function () {
  this.timeout(120_000);
  let errors: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in event ? event.reason : event.error);
  let card: IntegrationSyncCard;
  const originalWarn = console.warn;

  beforeEach(async () => {
    errors = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    console.warn = () => {};
    (window as unknown as { __pwned?: number }).__pwned = 0;
    card = await fixture<IntegrationSyncCard>(html`<integration-sync-card lang="en" object-type="company" object-id="start"></integration-sync-card>`);
  });

  afterEach(() => {
    console.warn = originalWarn;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it(`renders 1,000 generated payloads safely (seed ${seed})`, async () => {
    const before = prototypeSnapshot();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (value) => {
        runs++;
        await renderPayload(card, value, runs);
        checkRendered(card);
        expect(prototypeSnapshot(), 'Object.prototype untouched').to.equal(before);
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        expect(errors, 'no uncaught error or unhandled rejection').to.deep.equal([]);
      }),
      { numRuns: 1000, seed, endOnFailure: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { __pwned?: number }).__pwned, 'no injected code ran').to.equal(0);
    expect(errors).to.deep.equal([]);
    expect(runs).to.equal(1000);
    // The generators must reach the interesting paths, or the property proves little.
    console.log(`property run (seed ${seed}): 1000 payloads, ${seen.cards} cards, ${seen.links} links, ${seen.errors} error states`);
    expect(seen.cards, 'cards rendered').to.be.above(400);
    expect(seen.links, 'links checked').to.be.above(50);
    expect(seen.errors, 'error states rendered').to.be.above(20);
  });

  it('renders 1 MB strings, shortened, without freezing', async () => {
    const huge = 'A'.repeat(1024 * 1024);
    await renderPayload(card, { integrations: [{ id: 'n', name: huge }], syncs: [{ id: huge, integrationId: 'n', status: 'record_not_synced', label: huge, syncedWith: { name: huge }, detail: { message: huge } }] }, 1);
    checkRendered(card);
    expect(parts(card, 'card')).to.have.length(1);
    expect(text(part(card, 'sync-label')).length).to.be.below(5000);
    expect(errors).to.deep.equal([]);
  });

  it('renders a bounded number of cards for 10,000 entries, with "Show N more"', async () => {
    const syncs = Array.from({ length: 10_000 }, (_, i) => ({ id: `sync-${i}`, integrationId: 'n', status: SYNC_STATUSES[i % SYNC_STATUSES.length] }));
    await renderPayload(card, { integrations: [{ id: 'n', name: 'NetSuite' }], syncs }, 1);
    checkRendered(card);
    expect(parts(card, 'card')).to.have.length(25);
    const more = part<HTMLButtonElement>(card, 'show-more')!;
    expect(text(more)).to.equal('Show 25 more (9,975 hidden)');
    more.click();
    await card.updateComplete;
    expect(parts(card, 'card')).to.have.length(50);
    expect(text(part(card, 'show-more'))).to.equal('Show 25 more (9,950 hidden)');
    expect(parts(card, 'card')[49].dataset.syncId).to.equal('sync-49');
  });

});

describe('hostile strings', () => {
  it('keeps HTML in provider strings as text: nothing becomes an element or runs', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>';
    (window as unknown as Record<string, unknown>).__pwned = 0;
    const provider = createMemoryProvider({
      'company:1': {
        integrations: [{ id: 'netsuite', name: payload, state: 'extra_features_required', settingsUrl: 'https://app.example-crm.com/s' }],
        syncs: [
          {
            id: payload,
            integrationId: 'netsuite',
            label: payload,
            status: 'record_excluded',
            syncedWith: { name: payload, url: 'https://erp.example.com/"><script>alert(1)</script>' },
            detail: { message: payload, exclusionGroup: payload },
          },
        ],
      },
    });
    const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="1" .provider=${provider}></integration-sync-card>`);
    const root = card.shadowRoot!;
    expect(root.querySelectorAll('img, script, b')).to.have.length(0);
    expect(text(part(card, 'integration-name'))).to.equal(payload);
    expect(text(part(card, 'sync-label'))).to.equal(payload);
    expect(text(part(card, 'synced-with'))).to.contain(payload);
    expect(part(card, 'card')!.dataset.syncId).to.equal(payload);
    const attributes = [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name));
    expect(attributes.filter((name) => name.startsWith('on'))).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(0);
  });
});
