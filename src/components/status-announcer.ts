import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NormalizedSync } from '../data/types.ts';

// NOTE: status changes are announced page-wide at most once per window: when a list view's
// cards refresh together, a screen reader hears one summary, not a flood of messages.
const WINDOW_MS = 400;

export interface StatusAnnouncerOptions {
  /** "NetSuite customer: Up to date", in the card's language. */
  describe(sync: NormalizedSync): string;
  /** The summary said instead when `count` cards changed at once. */
  summarize(count: number): string;
}

/**
 * Tells screen reader users when a status changed after the first load ("NetSuite customer: Up to
 * date"), through the card's polite live region; `text` is what that region says now.
 */
export class StatusAnnouncer implements ReactiveController {
  /** What each card would say, gathered over one window, page-wide. */
  private static readonly pending = new Map<StatusAnnouncer, string>();
  private static timer?: ReturnType<typeof setTimeout>;
  /** The one notice of this window ("Retrying in 8 s"): many cards queue one, one card says it. */
  private static notice?: { announcer: StatusAnnouncer; message: string };

  /** Speaks through the first card that has something to say: its message, or a summary. */
  private static flush(): void {
    StatusAnnouncer.timer = undefined;
    const entries = [...StatusAnnouncer.pending];
    StatusAnnouncer.pending.clear();
    const notice = StatusAnnouncer.notice;
    StatusAnnouncer.notice = undefined;
    if (entries.length === 0) {
      notice?.announcer.say(notice.message, 1);
      return;
    }
    const [announcer, message] = entries[0];
    announcer.say(message, entries.length);
  }

  /** The live region's text. */
  text = '';
  /** Statuses of the last load, to tell what changed in the next one. */
  private last?: { key: string; statuses: Map<string, string> };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StatusAnnouncerOptions,
  ) {
    host.addController(this);
  }

  /** Call with each loaded response of the record `key`: queues what changed since the last one. */
  loaded(key: string, syncs: readonly NormalizedSync[]): void {
    const statuses = new Map(syncs.map((sync) => [sync.id, sync.status]));
    const previous = this.last?.key === key ? this.last.statuses : undefined;
    this.last = { key, statuses };
    if (!previous) return;
    const changes = syncs.filter((sync) => previous.has(sync.id) && previous.get(sync.id) !== sync.status).map((sync) => this.options.describe(sync));
    if (changes.length === 0) return;
    StatusAnnouncer.pending.set(this, changes.join('. '));
    StatusAnnouncer.timer ??= setTimeout(StatusAnnouncer.flush, WINDOW_MS);
  }

  /**
   * Queues a one-off notice. Page-wide, one notice per window is said (a list of cards failing
   * together says it once), and status changes of the same window take precedence.
   */
  notify(message: string): void {
    StatusAnnouncer.notice ??= { announcer: this, message };
    StatusAnnouncer.timer ??= setTimeout(StatusAnnouncer.flush, WINDOW_MS);
  }

  hostDisconnected(): void {
    StatusAnnouncer.pending.delete(this);
    if (StatusAnnouncer.notice?.announcer === this) StatusAnnouncer.notice = undefined;
  }

  /** Shows `message` (or the summary, when `count` cards changed at once) in the live region. */
  private say(message: string, count: number): void {
    const text = count > 1 ? this.options.summarize(count) : message;
    // The same words twice in a row would not be read again: vary them invisibly.
    this.text = text === this.text ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }
}
