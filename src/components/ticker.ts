// NOTE: one timer for every card on the page keeps relative times ("3 minutes ago") fresh;
// a timer per element would cost hundreds of wake-ups on a list view.
const TICK_MS = 30_000;
const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Calls `tick` every 30 s while subscribed; returns the unsubscribe function. */
export function subscribeToTicker(tick: () => void): () => void {
  subscribers.add(tick);
  timer ??= setInterval(() => {
    for (const subscriber of subscribers) subscriber();
  }, TICK_MS);
  return () => {
    subscribers.delete(tick);
    if (subscribers.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
