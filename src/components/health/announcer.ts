import type { ReactiveControllerHost } from 'lit';

/** The health page's polite live region: `text` is what it says now. */
export class PoliteAnnouncer {
  text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Says `text`, after the update under way (this may run in a controller's hostUpdated). The
   * same words twice in a row would not be read again: they are varied invisibly, as the card's
   * StatusAnnouncer does.
   */
  say(text: string): void {
    void this.host.updateComplete.then(() => {
      this.text = text === this.text ? `${text}\u00a0` : text;
      this.host.requestUpdate();
    });
  }
}
