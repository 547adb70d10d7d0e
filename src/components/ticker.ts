// NOTE: one timer per period for every card on the page: relative times ("3 minutes ago") every
// 30 s, retry countdowns every second; a timer per element would cost hundreds of wake-ups on a
// list view. A timer runs only while someone is subscribed.
const tickers = new Map<number, { subscribers: Set<() => void>; timer: ReturnType<typeof setInterval> }>();

/** Calls `tick` every `ms` (default 30 s) while subscribed; returns the unsubscribe function. */
export function subscribeToTicker(tick: () => void, ms = 30_000): () => void {
  let ticker = tickers.get(ms);
  if (!ticker) {
    const subscribers = new Set<() => void>();
    const timer = setInterval(() => {
      for (const subscriber of [...subscribers]) subscriber();
    }, ms);
    tickers.set(ms, (ticker = { subscribers, timer }));
  }
  const current = ticker;
  current.subscribers.add(tick);
  return () => {
    current.subscribers.delete(tick);
    if (current.subscribers.size === 0 && tickers.get(ms) === current) {
      clearInterval(current.timer);
      tickers.delete(ms);
    }
  };
}
