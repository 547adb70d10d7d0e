import type { HealthFilter, HealthQuery } from './data/health-types.ts';
import type { NormalizedResponse, RecordRef } from './data/types.ts';

/** `isc-load`: data rendered. */
export interface IscLoadDetail {
  record: RecordRef;
  /** The response after validation and repair. */
  response: NormalizedResponse;
}
/** `isc-error`: a load failed and rendered (after each failed attempt, automatic retries included). */
export interface IscErrorDetail {
  record: RecordRef;
  error: Error;
  /** Whether the card retries by itself (a transient failure, retries left). */
  willRetry: boolean;
  /** Milliseconds until that retry; `null` when `willRetry` is false. */
  retryInMs: number | null;
}
/** `isc-navigate`: a link is about to open. Cancelable. */
export interface IscNavigateDetail {
  url: string;
  /** `fix`: the link of a failure's "What to do" (wire format 1.1). */
  kind: 'synced-record' | 'status-detail' | 'settings' | 'fix';
  /** `null` for `settings`. */
  syncId: string | null;
}
/** `isc-resync`: a resync attempt ended. */
export interface IscResyncDetail {
  record: RecordRef;
  syncId: string;
  ok: boolean;
  error?: Error;
}
/** `isc-data-warning`: bad provider data was repaired. */
export interface IscDataWarningDetail {
  record: RecordRef;
  message: string;
}

/**
 * Every event of the card, by name: the one declaration. The global event maps below extend it,
 * so `addEventListener('isc-load', …)` is typed on the element, on `document` and on `window`.
 */
export interface IscEventMap {
  'isc-load': CustomEvent<IscLoadDetail>;
  'isc-error': CustomEvent<IscErrorDetail>;
  'isc-navigate': CustomEvent<IscNavigateDetail>;
  'isc-resync': CustomEvent<IscResyncDetail>;
  'isc-data-warning': CustomEvent<IscDataWarningDetail>;
}

export type IscEventName = keyof IscEventMap;

/** The detail of each event, by name. */
export type IscEventDetails = { [K in IscEventName]: IscEventMap[K]['detail'] };

/** Every event is a bubbling, composed `CustomEvent`; `isc-navigate` is also cancelable. */
export function createIscEvent<K extends IscEventName>(name: K, detail: IscEventDetails[K]): IscEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: name === 'isc-navigate' }) as IscEventMap[K];
}

/** `<integration-sync-health>`'s `isc-load`: a page of records rendered. */
export interface IscHealthLoadDetail {
  /** The query of the first page (filters, sort, portal). */
  query: HealthQuery;
  /** Every record matching it. */
  total: number;
}
/** `<integration-sync-health>`'s `isc-error`: a load failed and rendered. */
export interface IscHealthErrorDetail {
  error: Error;
  willRetry: boolean;
  retryInMs: number | null;
}
/** `<integration-sync-health>`'s `isc-navigate`: a link is about to open. Cancelable. */
export interface IscHealthNavigateDetail {
  url: string;
  /** `record`: the CRM record (same tab); the others as the card's. */
  kind: 'record' | 'synced-record' | 'status-detail' | 'fix';
  syncId: string | null;
  /** The row's record; `null` for a group's fix link. */
  record: RecordRef | null;
}
/** `<integration-sync-health>`'s `isc-resync`: a bulk resync ended (one request). */
export interface IscHealthResyncDetail {
  /** The rows asked for; `[]` when the whole filter was (see `filter`). */
  items: { record: RecordRef; syncId: string }[];
  /** Set when every record matching the filter was asked for. */
  filter?: HealthFilter;
  /** How many resyncs this request queued (already pending ones are not counted). */
  requested: number;
  ok: boolean;
  error?: Error;
}

/**
 * Every event of `<integration-sync-health>`, by name: the same names as the card's, with the
 * health page's details. The element's own `addEventListener` is typed with it; the global maps
 * keep the card's (one name cannot carry two detail types there).
 */
export interface IscHealthEventMap {
  'isc-load': CustomEvent<IscHealthLoadDetail>;
  'isc-error': CustomEvent<IscHealthErrorDetail>;
  'isc-navigate': CustomEvent<IscHealthNavigateDetail>;
  'isc-resync': CustomEvent<IscHealthResyncDetail>;
}

export type IscHealthEventDetails = { [K in keyof IscHealthEventMap]: IscHealthEventMap[K]['detail'] };

/** The health page's events: bubbling, composed; `isc-navigate` cancelable. */
export function createIscHealthEvent<K extends keyof IscHealthEventMap>(name: K, detail: IscHealthEventDetails[K]): IscHealthEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: name === 'isc-navigate' }) as IscHealthEventMap[K];
}

declare global {
  // HTMLElementEventMap, DocumentEventMap and WindowEventMap all extend this one.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends IscEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends IscEventMap {}
}
