import type { NormalizedResponse, RecordRef } from './data/types.ts';

/** `isc-load`: data rendered. */
export interface IscLoadDetail {
  record: RecordRef;
  /** The response after validation and repair. */
  response: NormalizedResponse;
}
/** `isc-error`: a failed load rendered its error state. */
export interface IscErrorDetail {
  record: RecordRef;
  error: Error;
}
/** `isc-navigate`: a link is about to open. Cancelable. */
export interface IscNavigateDetail {
  url: string;
  kind: 'synced-record' | 'status-detail' | 'settings';
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

export interface IscEventDetails {
  'isc-load': IscLoadDetail;
  'isc-error': IscErrorDetail;
  'isc-navigate': IscNavigateDetail;
  'isc-resync': IscResyncDetail;
  'isc-data-warning': IscDataWarningDetail;
}

export type IscEventName = keyof IscEventDetails;

/** Every event is a bubbling, composed `CustomEvent`; `isc-navigate` is also cancelable. */
export function createIscEvent<K extends IscEventName>(name: K, detail: IscEventDetails[K]): CustomEvent<IscEventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: name === 'isc-navigate' });
}

declare global {
  interface HTMLElementEventMap {
    'isc-load': CustomEvent<IscLoadDetail>;
    'isc-error': CustomEvent<IscErrorDetail>;
    'isc-navigate': CustomEvent<IscNavigateDetail>;
    'isc-resync': CustomEvent<IscResyncDetail>;
    'isc-data-warning': CustomEvent<IscDataWarningDetail>;
  }
}
