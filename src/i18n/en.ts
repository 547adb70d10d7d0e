import type { SyncStatus } from '../data/types.ts';
import type { DetailTranslation } from './en-detail.ts';

/** Every string the card shows. Other locales are typed against this, so a missing key fails the typecheck. */
export interface Translation {
  /** BCP 47 tag of this translation. */
  $code: string;
  /** Writing direction. */
  $dir: 'ltr' | 'rtl';
  statusLabel: Record<SyncStatus, string>;
  /** Explanation shown on hover/focus of the status. */
  statusHelp: {
    up_to_date: (integration: string) => string;
    sync_not_found: (integration: string) => string;
    sync_disabled: (integration: string) => string;
    record_not_synced: (integration: string) => string;
    sync_unknown: (integration: string) => string;
    record_excluded: (integration: string, group: string | null) => string;
    in_progress: (integration: string) => string;
    partially_synced: (integration: string) => string;
  };
  /** Added to the partially_synced help when the fields are given: "2 fields could not be synced." */
  failedFields: (count: number, formatted: string) => string;
  /** Added to the record_excluded help: the rule that excludes the record. */
  exclusionReason: (reason: string) => string;
  /**
   * The strings of the 1.1 parts (why, what next, fields, history triggers). Built-in locales
   * other than English carry them; English ones load with those parts (`./en-detail.ts`).
   */
  detail?: DetailTranslation;
  /** Appended to the record_not_synced help when the status links to the sync status page. */
  statusLinkHint: string;
  syncedWith: string;
  status: string;
  lastUpdated: string;
  notAvailable: string;
  openRecord: string;
  opensInNewTab: string;
  loading: string;
  empty: string;
  errorTitle: string;
  retry: string;
  /** The error state after a 401: the view's embed token expired; no retry, reopen it. */
  expiredTitle: string;
  expiredDetail: string;
  /** "Retrying in 8 s": the automatic retry's countdown; `seconds` is formatted for the locale. */
  retryingIn: (seconds: string) => string;
  /** Shown while an automatic retry runs (or is due). */
  retryingNow: string;
  /** Title of the notice above data kept on screen when a reload failed. */
  refreshFailed: string;
  setupTitle: string;
  setupText: (integration: string) => string;
  setupLink: string;
  /** Accessible name of the list of cards. */
  cardsLabel: string;
  /** "Next sync in 5 minutes": `relative` is an Intl relative time ("in 5 minutes"). */
  nextSync: (relative: string) => string;
  resync: string;
  resyncing: string;
  resyncFailed: (message: string) => string;
  history: string;
  historyLoading: string;
  historyEmpty: string;
  historyFailed: (message: string) => string;
  direction: { inbound: string; outbound: string };
  copyDetails: string;
  copied: string;
  copyFailed: string;
  /** "Show 25 more (9,975 hidden)". */
  showMore: (count: number, hidden: string) => string;
  /** Announced when a status changes after the first load: "NetSuite customer: Up to date". */
  statusChanged: (sync: string, status: string) => string;
  /** Announced instead when several cards changed at once. */
  statusesChanged: (count: number) => string;
}

const en: Translation = {
  $code: 'en',
  $dir: 'ltr',
  statusLabel: {
    up_to_date: 'Up to date',
    sync_not_found: 'Sync not found',
    sync_disabled: 'Sync disabled',
    record_not_synced: 'Record not synced',
    sync_unknown: 'Sync unknown',
    record_excluded: 'Record excluded',
    in_progress: 'Syncing',
    partially_synced: 'Partially synced',
  },
  statusHelp: {
    up_to_date: () => 'The record is synced correctly.',
    sync_not_found: (i) => `The integration is active, but this record is not synced with ${i}.`,
    sync_disabled: (i) => `Sync is turned off in the ${i} settings.`,
    record_not_synced: () => 'An error stopped this record from syncing.',
    sync_unknown: (i) => `The record is synced with ${i}, but sync status information is not available.`,
    record_excluded: (_i, group) =>
      group ? `The record is in the exclusion group “${group}”.` : 'The record is in an exclusion group.',
    in_progress: () => 'A sync of this record is running now.',
    partially_synced: (i) => `Some fields are synced with ${i}, others could not be.`,
  },
  failedFields: (count, formatted) => (count === 1 ? '1 field could not be synced.' : `${formatted} fields could not be synced.`),
  exclusionReason: (reason) => `Reason: ${reason}`,
  statusLinkHint: 'Select the status to open the sync status page.',
  syncedWith: 'Synced with',
  status: 'Status',
  lastUpdated: 'Last updated',
  notAvailable: '—',
  openRecord: 'Open record',
  opensInNewTab: '(opens in a new tab)',
  loading: 'Loading sync status…',
  empty: 'No sync information for this record.',
  errorTitle: 'The sync status could not be loaded.',
  retry: 'Try again',
  expiredTitle: 'This view has expired.',
  expiredDetail: 'Close it and open it again.',
  retryingIn: (s) => `Retrying in ${s} s`,
  retryingNow: 'Retrying…',
  refreshFailed: 'The sync status could not be refreshed; the last known status is shown.',
  setupTitle: 'Enable extra features',
  setupText: (i) => `${i} is connected, but its extra features are not enabled, so sync details may be missing.`,
  setupLink: 'Enable extra features',
  cardsLabel: 'Integration sync',
  nextSync: (relative) => `Next sync ${relative}`,
  resync: 'Resync',
  resyncing: 'Resyncing…',
  resyncFailed: (message) => `Resync failed: ${message}`,
  history: 'History',
  historyLoading: 'Loading history…',
  historyEmpty: 'No sync attempts yet.',
  historyFailed: (message) => `The history could not be loaded: ${message}`,
  direction: { inbound: 'Into the CRM', outbound: 'To the external system' },
  copyDetails: 'Copy details',
  copied: 'Copied',
  copyFailed: 'Could not copy',
  showMore: (count, hidden) => `Show ${count} more (${hidden} hidden)`,
  statusChanged: (sync, status) => `${sync}: ${status}`,
  statusesChanged: (count) => `Sync status changed on ${count} records.`,
};

export default en;
export type { DetailTranslation };
