// The framework examples in examples/ rendered for real: React 19 (object props set as element
// properties, `onisc-navigate`) and Vue 3 (`.prop` bindings, `@isc-navigate`). Plain HTML is
// test/cdn-bundle.test.ts (the built bundle, no framework).
import '../support/vue-feature-flags.ts';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.ts';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createApp, h, type App } from 'vue';
import { SyncCard as ReactSyncCard } from '../../examples/react/SyncCard.tsx';
import { isCustomElement, SyncCard as VueSyncCard } from '../../examples/vue/sync-card.ts';
import { createMemoryProvider, type IntegrationSyncCard, type IscNavigateDetail } from '../../src/index.ts';
import { oneSync, part, text } from '../helpers.ts';

const record = { objectType: 'company', objectId: '42' };
const provider = createMemoryProvider({ 'company:42': oneSync() });

async function loadedCard(container: HTMLElement): Promise<IntegrationSyncCard> {
  await waitUntil(() => container.querySelector('integration-sync-card')?.shadowRoot?.querySelector('[part~="card"]'), 'the card never rendered');
  return container.querySelector('integration-sync-card')!;
}

/** Clicks the synced-record link; the example's handler cancels the navigation. */
function clickSyncedRecord(card: IntegrationSyncCard): boolean {
  const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  part(card, 'synced-with-link')!.dispatchEvent(click);
  return click.defaultPrevented;
}

describe('React 19 example (examples/react/SyncCard.tsx)', () => {
  let root: Root | undefined;
  let container: HTMLElement;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    root?.unmount();
    container.remove();
  });

  it('sets record and provider as properties and hears isc-navigate', async () => {
    const navigations: IscNavigateDetail[] = [];
    const onNavigate = (event: CustomEvent<IscNavigateDetail>) => {
      navigations.push(event.detail);
      event.preventDefault();
    };
    root = createRoot(container);
    flushSync(() => root!.render(createElement(ReactSyncCard, { record, provider, onNavigate })));
    const card = await loadedCard(container);
    expect(card.provider === provider, 'provider is the object itself').to.be.true;
    expect(card.record).to.deep.equal(record);
    expect(card.hasAttribute('record'), 'no "[object Object]" attribute').to.be.false;
    expect(card.getAttribute('theme')).to.equal('auto');
    expect(text(part(card, 'synced-with'))).to.contain('Acme Corp (CUS-1042)');

    expect(clickSyncedRecord(card), 'navigation cancelled by the handler').to.be.true;
    expect(navigations).to.deep.equal([
      { url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042', kind: 'synced-record', syncId: 'netsuite:customer' },
    ]);
  });

  it('re-fetches when a re-render passes another record', async () => {
    const two = createMemoryProvider({ 'company:42': oneSync(), 'company:43': oneSync({ syncedWith: { name: 'Globex' } }) });
    root = createRoot(container);
    flushSync(() => root!.render(createElement(ReactSyncCard, { record, provider: two })));
    const card = await loadedCard(container);
    flushSync(() => root!.render(createElement(ReactSyncCard, { record: { objectType: 'company', objectId: '43' }, provider: two })));
    await waitUntil(() => text(part(card, 'synced-with')) === 'Globex', 'the new record never rendered');
    expect(card.objectId).to.equal('43');
  });
});

describe('Vue 3 example (examples/vue/sync-card.ts)', () => {
  let app: App | undefined;
  let container: HTMLElement;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    app?.unmount();
    container.remove();
  });

  it('binds record and provider as properties and re-emits isc-navigate', async () => {
    const navigations: IscNavigateDetail[] = [];
    app = createApp({
      render: () =>
        h(VueSyncCard, {
          record,
          provider,
          onNavigate: (event: CustomEvent<IscNavigateDetail>) => {
            navigations.push(event.detail);
            event.preventDefault();
          },
        }),
    });
    app.config.compilerOptions.isCustomElement = isCustomElement;
    app.mount(container);
    const card = await loadedCard(container);
    expect(card.provider === provider, 'provider is the object itself').to.be.true;
    expect(card.record).to.deep.equal(record);
    expect(card.hasAttribute('record')).to.be.false;
    expect(clickSyncedRecord(card)).to.be.true;
    expect(navigations.map((detail) => detail.kind)).to.deep.equal(['synced-record']);
  });
});
