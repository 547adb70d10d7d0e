import type { ReactiveController } from 'lit';

// One copy of what the card's and the health page's load controllers do around their loads alike.
/**
 * A load controller's plumbing with its host: a settled load is reported (`options.onSettled`)
 * after the host rendered it, and a load cut short by a disconnect runs again on reconnect.
 */
export abstract class LoadLifecycle<Outcome> implements ReactiveController {
  protected abstract readonly options: { onSettled(outcome: Outcome): void };
  /** A load settled and the host has not reported it yet. */
  protected outcome?: Outcome;
  /** A load was cut short by a disconnect: run again on reconnect. */
  protected rerunOnConnect?: boolean;

  abstract run(): Promise<void>;

  hostUpdated(): void {
    const outcome = this.outcome;
    if (!outcome) return;
    this.outcome = undefined;
    this.options.onSettled(outcome);
  }

  hostConnected(): void {
    if (this.rerunOnConnect) void this.run();
  }
}
