// @open-wc's waitUntil gives up after 1 s by default: on a busy 2-core CI machine, with WebKitGTK
// under Xvfb or a list of 300 cards, a request and a render can take longer than that without any
// bug. Tests wait for conditions through this one, which only fails on a hang (10 s unless a test
// asks otherwise); how fast things are is measured by `npm run bench`, not here.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

export const WAIT_TIMEOUT_MS = 10_000;

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: WAIT_TIMEOUT_MS, ...options });
}
