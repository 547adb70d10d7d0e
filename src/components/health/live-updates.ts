import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncHealthProvider } from '../../data/health-types.ts';

/**
 * The health page's live changes: while the host shows data, it follows the provider's change
 * stream for its portal, and the changes add up in `changed` ("12 records changed — Show") until
 * the page applies them. One subscription at a time, ended when the host leaves the page.
 */
export class LiveUpdatesController implements ReactiveController {
  /** Records changed since the rows were loaded, not applied yet. */
  changed = 0;
  private subscription?: { provider: SyncHealthProvider; portalId?: string; stop: () => void };

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The provider to follow now (undefined: none), and its portal. */
    private readonly source: () => { provider: SyncHealthProvider | undefined; portalId: string | undefined },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { provider, portalId } = this.source();
    const current = this.subscription;
    if (current && current.provider === provider && current.portalId === portalId) return;
    current?.stop();
    this.subscription = undefined;
    if (!provider?.subscribe) return;
    const stop = provider.subscribe(
      (count) => {
        this.changed += count;
        this.host.requestUpdate();
      },
      { portalId: portalId || undefined },
    );
    this.subscription = { provider, portalId, stop };
  }

  hostDisconnected(): void {
    this.subscription?.stop();
    this.subscription = undefined;
  }
}
