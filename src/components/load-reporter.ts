import { recordKey, type RecordRef } from '../data/types.ts';
import { createIscEvent } from '../events.ts';
import type { StatusAnnouncer } from './status-announcer.ts';
import type { LoadOutcome } from './sync-status-controller.ts';

/**
 * What a settled load tells the page (`isc-data-warning`, then `isc-load` or `isc-error`, on the
 * host) and screen reader users (the statuses that changed; "Retrying in 8 s" once per run of
 * failures, never the countdown itself).
 */
export class LoadReporter {
  /** A retry was announced since the last success or manual run: the next ones are not. */
  private retryAnnounced = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly announcer: StatusAnnouncer,
    /** "Retrying in 8 s" in the host's language, for a retry due in `ms` milliseconds. */
    private readonly retryingIn: (ms: number) => string,
  ) {}

  /** Reports a load the host has rendered. */
  settled(outcome: LoadOutcome): void {
    if (!outcome.ok) {
      const { record, error, willRetry, retryInMs } = outcome;
      if (willRetry && retryInMs !== null && !this.retryAnnounced) {
        this.retryAnnounced = true;
        this.announcer.notify(this.retryingIn(retryInMs));
      }
      this.host.dispatchEvent(createIscEvent('isc-error', { record, error, willRetry, retryInMs }));
      return;
    }
    this.retryAnnounced = false;
    for (const message of outcome.warnings) this.warn(outcome.record, message);
    this.announcer.loaded(recordKey(outcome.record), outcome.response.syncs);
    this.host.dispatchEvent(createIscEvent('isc-load', { record: outcome.record, response: outcome.response }));
  }

  /** A person asked for a new load (Retry, `refresh()`): its automatic retries are announced again. */
  manualRun(): void {
    this.retryAnnounced = false;
  }

  /** Bad provider data was repaired: said in the console and with `isc-data-warning`. */
  warn(record: RecordRef, message: string): void {
    console.warn(`[integration-sync-card] ${message}`);
    this.host.dispatchEvent(createIscEvent('isc-data-warning', { record, message }));
  }
}
