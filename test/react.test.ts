// integration-sync-card/react (src/react.ts): what a Next.js page gets. The markup comes from
// react-dom/server, as the server sends it, and React hydrates it: the properties and listeners
// must be set on the element already in the page, and again when a later render changes only some
// props. A client-only render is checked too. examples/frameworks/next runs the same in a real
// `next build` + `next start` (npm run check:frameworks).
import { expect } from '@open-wc/testing';
import { createElement, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { createMemoryProvider, type IntegrationSyncCard as CardElement, type IscLoadDetail, type IscNavigateDetail } from '../src/index.ts';
import { IntegrationSyncCard, IntegrationSyncHealth } from '../src/react.ts';
import { oneSync, part, text } from './helpers.ts';
import { waitUntil } from './support/wait.ts';

const provider = createMemoryProvider({ 'company:42': oneSync(), 'company:43': oneSync({ syncedWith: { name: 'Globex' } }) });

function card(container: HTMLElement): CardElement {
  return container.querySelector('integration-sync-card')!;
}

describe('integration-sync-card/react', () => {
  let root: Root | undefined;
  let container: HTMLElement;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
  });

  it('sets record, provider and the listeners on the server-rendered element when React hydrates it', async () => {
    const loads: IscLoadDetail[] = [];
    const navigations: IscNavigateDetail[] = [];
    const page = () =>
      createElement(IntegrationSyncCard, {
        record: { objectType: 'company', objectId: '42' },
        provider,
        theme: 'dark',
        onIscLoad: (event) => loads.push(event.detail),
        onIscNavigate: (event) => {
          navigations.push(event.detail);
          event.preventDefault();
        },
      });
    container.innerHTML = renderToString(page());
    const element = card(container);
    expect(element, 'the server sends the element').to.exist;
    expect(element.provider, 'nothing set before hydration').to.be.undefined;

    root = hydrateRoot(container, page());
    await waitUntil(() => text(part(element, 'synced-with')).includes('Acme Corp (CUS-1042)'), 'the hydrated card never showed the data');
    expect(card(container), 'React kept the server’s element').to.equal(element);
    expect(element.provider === provider, 'provider is the object itself').to.be.true;
    expect(element.getAttribute('theme')).to.equal('dark');
    expect(loads.map((detail) => detail.record.objectId)).to.deep.equal(['42']);

    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    part(element, 'synced-with-link')!.dispatchEvent(click);
    expect(click.defaultPrevented, 'the onIscNavigate handler cancelled it').to.be.true;
    expect(navigations.map((detail) => detail.kind)).to.deep.equal(['synced-record']);
  });

  it('after hydration, a render that changes only the record keeps the same provider and loads the new record', async () => {
    let show43: () => void = () => undefined;
    function Panel(): ReactElement {
      const [objectId, setObjectId] = useState('42');
      show43 = () => setObjectId('43');
      return createElement(IntegrationSyncCard, { record: { objectType: 'company', objectId }, provider });
    }
    container.innerHTML = renderToString(createElement(Panel));
    root = hydrateRoot(container, createElement(Panel));
    const element = card(container);
    await waitUntil(() => text(part(element, 'synced-with')).includes('Acme Corp'), 'the hydrated card never showed the data');
    flushSync(() => show43());
    await waitUntil(() => text(part(element, 'synced-with')) === 'Globex', 'the new record never rendered');
    expect(element.objectId).to.equal('43');
    expect(element.provider === provider).to.be.true;
  });

  it('renders on the client alone too, and IntegrationSyncHealth is the health element', async () => {
    root = createRoot(container);
    flushSync(() => root!.render(createElement('div', null, createElement(IntegrationSyncCard, { record: { objectType: 'company', objectId: '42' }, provider }), createElement(IntegrationSyncHealth))));
    await waitUntil(() => text(part(card(container), 'synced-with')).includes('Acme Corp'), 'the card never showed the data');
    const health = container.querySelector('integration-sync-health');
    expect(health?.constructor, 'a registered <integration-sync-health>').to.equal(customElements.get('integration-sync-health'));
    expect(IntegrationSyncCard.displayName).to.equal('IntegrationSyncCard');
    expect(IntegrationSyncHealth.displayName).to.equal('IntegrationSyncHealth');
  });
});
