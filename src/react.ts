'use client';
// `integration-sync-card/react`: the elements as React components, made with @lit/react's
// createComponent. Object values (`record`, `provider`) are set as properties and events are typed
// `onX` props, on every render, in a layout effect: so a page that Next.js rendered on the server
// has them set once React hydrates it, also when later renders change only some props (plain JSX
// leaves them unset there). 'use client' lets a Server Component render these directly.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { IntegrationSyncCard as IntegrationSyncCardElement } from './components/integration-sync-card.ts';
import { IntegrationSyncHealth as IntegrationSyncHealthElement } from './components/integration-sync-health.ts';
import './define.ts';
import type { IscEventMap, IscHealthEventMap } from './events.ts';

/** An event of each element's event map as the typed name @lit/react listens to. */
const event = <K extends keyof IscEventMap>(name: K) => name as EventName<IscEventMap[K]>;
const healthEvent = <K extends keyof IscHealthEventMap>(name: K) => name as EventName<IscHealthEventMap[K]>;

/** One element as a React component; its React name is the element's class name. */
const wrap = <I extends HTMLElement, E extends Record<string, EventName>>(tagName: string, elementClass: new () => I, events: E) =>
  createComponent({ react: React, tagName, elementClass, events, displayName: tagName.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) });

/** `<integration-sync-card>`: `<IntegrationSyncCard record={…} provider={…} onIscNavigate={…} />`. */
export const IntegrationSyncCard = wrap('integration-sync-card', IntegrationSyncCardElement, {
  onIscLoad: event('isc-load'),
  onIscError: event('isc-error'),
  onIscNavigate: event('isc-navigate'),
  onIscResync: event('isc-resync'),
  onIscDataWarning: event('isc-data-warning'),
});

/** `<integration-sync-health>`: `<IntegrationSyncHealth endpoint="/api/sync-status" onIscNavigate={…} />`. */
export const IntegrationSyncHealth = wrap('integration-sync-health', IntegrationSyncHealthElement, {
  onIscLoad: healthEvent('isc-load'),
  onIscError: healthEvent('isc-error'),
  onIscNavigate: healthEvent('isc-navigate'),
  onIscResync: healthEvent('isc-resync'),
});

export type * from './events.ts';
