import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { recordKey, type RecordRef, type SyncDataProvider } from '../data/types.ts';

/**
 * Keeps one `provider.subscribe()` open for the host's current record while the host is
 * connected; unsubscribes on record or provider change and on disconnect.
 */
export class LiveController implements ReactiveController {
  private unsubscribe?: () => void;
  private provider?: SyncDataProvider;
  private key?: string;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  /** Call after each update with what the host shows now. */
  follow(provider: SyncDataProvider | undefined, record: RecordRef | undefined): void {
    // A card updated after it left the page (an aborted load settling) must not subscribe again.
    if (!this.host.isConnected) return;
    const key = record && recordKey(record);
    if (provider === this.provider && key === this.key) return;
    this.stop();
    this.provider = provider;
    this.key = key;
    if (!provider?.subscribe || !record) return;
    try {
      const unsubscribe = provider.subscribe({ ...record }, () => this.onChange());
      this.unsubscribe = typeof unsubscribe === 'function' ? unsubscribe : undefined;
    } catch (error) {
      console.warn('[integration-sync-card] provider.subscribe() failed; live updates are off.', error);
    }
  }

  hostDisconnected(): void {
    this.stop();
    this.provider = this.key = undefined;
  }

  private stop(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    try {
      unsubscribe?.();
    } catch {
      // A provider's broken unsubscribe must not break the card.
    }
  }
}
