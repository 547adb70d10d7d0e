import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { subscribeToTicker } from './ticker.ts';

/**
 * Re-renders the host every second while a countdown ("Retrying in 12 s") is on screen, and only
 * then: the page-wide one-second tick of ticker.ts, subscribed after an update that shows one.
 */
export class CountdownController implements ReactiveController {
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    /** Whether the host shows a countdown now. */
    private readonly counting: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const counting = this.host.isConnected && this.counting();
    if (counting && !this.stop) this.stop = subscribeToTicker(() => this.host.requestUpdate(), 1000);
    else if (!counting) this.hostDisconnected();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }
}
