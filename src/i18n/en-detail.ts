import type { ErrorCategory, FieldStatus, SyncTrigger } from '../data/types.ts';

// NOTE: the strings of the 1.1 parts are not in the first load: they come with the template
// modules that render those parts. The other built-in locales carry theirs as `detail`.

/** The strings of the 1.1 parts; every built-in locale has them as its `detail`. */
export interface DetailTranslation {
  /** The why of a failure: whether retrying may help, and what kind of failure it is. */
  category: { retryable: string; needsFix: string; name: Record<ErrorCategory, string> };
  /** "What to do", before the provider's fix text. */
  fixLabel: string;
  /** The integration's own retry plan: "Attempt 4 of 10" (numbers already formatted). */
  retryAttempt: (attempt: string, maxAttempts: string) => string;
  /** "next retry in 12 minutes": `relative` is an Intl relative time ("in 12 minutes"). */
  nextRetry: (relative: string) => string;
  /** When the planned retry time has passed. */
  nextRetryDue: string;
  noMoreRetries: string;
  /** "Fields (12)", the toggle of the fields view (count already formatted). */
  fieldsToggle: (count: string) => string;
  /** Accessible name of one sync's list of fields. */
  fieldsLabel: (sync: string) => string;
  /** The CRM side of a field's two values (the other side is named by the integration). */
  crmValue: string;
  fieldStatus: Record<FieldStatus, string>;
  /** How boolean field values read. */
  yes: string;
  no: string;
  /** What started a sync attempt, in the history. */
  trigger: Record<SyncTrigger, string>;
  /** Who asked for a sync attempt: "by Jane Cooper". */
  actor: (actor: string) => string;
  /** Which way a field syncs, in the fields view. */
  fieldDirection: { inbound: string; outbound: string; both: string };
}

const enDetail: DetailTranslation = {
  category: {
    retryable: 'Retrying may help',
    needsFix: 'Needs a fix',
    name: {
      validation: 'Validation rule',
      missing_data: 'Missing data',
      duplicate: 'Duplicate',
      permission: 'Permission',
      connection: 'Connection',
      rate_limit: 'Rate limit',
      conflict: 'Conflict',
      configuration: 'Configuration',
      unknown: 'Other error',
    },
  },
  fixLabel: 'What to do',
  retryAttempt: (attempt, max) => `Attempt ${attempt} of ${max}`,
  nextRetry: (relative) => `next retry ${relative}`,
  nextRetryDue: 'next retry due now',
  noMoreRetries: 'No more automatic retries',
  fieldsToggle: (count) => `Fields (${count})`,
  fieldsLabel: (sync) => `Fields of ${sync}`,
  crmValue: 'CRM',
  fieldStatus: { synced: 'Synced', failed: 'Failed', pending: 'Pending', differs: 'Differs' },
  yes: 'Yes',
  no: 'No',
  trigger: { schedule: 'Scheduled', record_change: 'Record changed', manual: 'Manual', api: 'API' },
  actor: (actor) => `by ${actor}`,
  fieldDirection: { inbound: 'Into the CRM', outbound: 'To the external system', both: 'Both ways' },
};

export default enDetail;

/** The 1.1 strings of a translation: its own, else English (a registered translation may lack them). */
export function detailOf(translation: { detail?: DetailTranslation }): DetailTranslation {
  return translation.detail ?? enDetail;
}
