// NOTE: one timer per period for every card on the page: relative times ("3 minutes ago") every
// 30 s, retry countdowns every second; a timer per element would cost hundreds of wake-ups on a
// list view. A timer runs only while someone is subscribed.
interface Ticker {
  readonly subscribers: Set<() => void>;
  readonly timer: ReturnType<typeof setInterval>;
}
const tickers = new Map<number, Ticker>();

/** Calls `tick` every `ms` (default 30 s) while subscribed; returns the unsubscribe function. */
export function subscribeToTicker(tick: () => void, ms = 30_000): () => void {
  const ticker = tickers.get(ms) ?? start(ms);
  ticker.subscribers.add(tick);
  return () => {
    ticker.subscribers.delete(tick);
    if (ticker.subscribers.size === 0 && tickers.get(ms) === ticker) {
      clearInterval(ticker.timer);
      tickers.delete(ms);
    }
  };
}

/** The timer of period `ms`, with no subscribers yet. */
function start(ms: number): Ticker {
  const subscribers = new Set<() => void>();
  const timer = setInterval(() => {
    for (const subscriber of [...subscribers]) subscriber();
  }, ms);
  const ticker = { subscribers, timer };
  tickers.set(ms, ticker);
  return ticker;
}
