/** A card that can speak through its own polite live region. */
export interface Announcer {
  /** Show `message` for one card, or a summary when `count` cards changed at once. */
  announce(message: string, count: number): void;
}

// NOTE: status changes are announced page-wide at most once per window: when a list view's
// cards refresh together, a screen reader hears one summary, not a flood of messages.
const WINDOW_MS = 400;
const pending = new Map<Announcer, string>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function queueAnnouncement(announcer: Announcer, message: string): void {
  pending.set(announcer, message);
  timer ??= setTimeout(flush, WINDOW_MS);
}

export function cancelAnnouncement(announcer: Announcer): void {
  pending.delete(announcer);
}

function flush(): void {
  timer = undefined;
  const entries = [...pending];
  pending.clear();
  if (entries.length === 0) return;
  const [announcer, message] = entries[0];
  announcer.announce(message, entries.length);
}
