import { createIscHealthEvent } from '../../events.ts';
import type { HealthOutcome } from '../health-load-controller.ts';
import type { HealthContext } from './context.ts';

/**
 * What a settled load tells the page (`isc-load` or `isc-error`, on the host) and screen reader
 * users ("Retrying in 8 s" when a retry waits; never the countdown itself).
 */
export function reportLoad(host: EventTarget, outcome: HealthOutcome, { t, number }: HealthContext, announce: (text: string) => void): void {
  if (outcome.ok) {
    host.dispatchEvent(createIscHealthEvent('isc-load', { query: outcome.query, total: outcome.total }));
    return;
  }
  const { error, willRetry, retryInMs } = outcome;
  if (willRetry && retryInMs !== null) announce(t.retryingIn(number(Math.max(1, Math.ceil(retryInMs / 1000)))));
  host.dispatchEvent(createIscHealthEvent('isc-error', { error, willRetry, retryInMs }));
}
