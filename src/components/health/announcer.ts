import type { ReactiveControllerHost } from 'lit';

/** The health page's polite live region: `text` is what it says now. */
export class PoliteAnnouncer {
  text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Says `text`, after the update under way (this may run in a controller's hostUpdated); the
   * region is emptied first, so the same words twice in a row are read twice.
   */
  say(text: string): void {
    void this.host.updateComplete.then(async () => {
      this.text = '';
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.text = text;
      this.host.requestUpdate();
    });
  }
}
