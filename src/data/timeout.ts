/**
 * Runs `run` with a signal that aborts when `signal` does or after `ms`; on timeout the
 * promise rejects with an Error carrying `message` and `transient: true` (a provider that never
 * settles still ends).
 */
export async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number, signal: AbortSignal, message: string): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return run(signal);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // A timeout may pass: the card retries it by itself (src/data/transient.ts reads the flag).
      const error = Object.assign(new Error(message), { transient: true });
      reject(error);
      controller.abort(error);
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
