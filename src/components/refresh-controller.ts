import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `refresh` every `seconds` while the host is connected and the page is visible.
 * Hidden pages do not poll; when the page shows again after a longer absence than the interval,
 * it refreshes at once.
 */
export class RefreshController implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;
  private seconds = 0;
  private connected = false;
  private hiddenAt = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly refresh: () => void,
  ) {
    host.addController(this);
  }

  /** Sets the interval in seconds; 0, negative or not a number turns periodic refresh off. */
  setInterval(seconds: number): void {
    const next = Number.isFinite(seconds) && seconds > 0 ? Math.max(seconds, 1) : 0;
    if (next === this.seconds) return;
    this.seconds = next;
    this.restart();
  }

  hostConnected(): void {
    this.connected = true;
    this.restart();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.restart();
  }

  private restart(): void {
    this.stop();
    // NOTE: only cards that poll listen to the page's visibility: a list of hundreds of cards
    // without refresh-interval adds no document listener at all.
    const polling = this.connected && this.seconds > 0;
    if (polling) document.addEventListener('visibilitychange', this.handleVisibilityChange);
    else document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    if (!polling) return;
    if (document.visibilityState === 'hidden') return;
    this.timer = setInterval(this.refresh, this.seconds * 1000);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private readonly handleVisibilityChange = () => {
    if (document.visibilityState === 'hidden') {
      this.stop();
      this.hiddenAt = Date.now();
      return;
    }
    if (this.seconds > 0 && Date.now() - this.hiddenAt >= this.seconds * 1000) this.refresh();
    this.restart();
  };
}
