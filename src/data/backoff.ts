// When a failed load retries by itself: exponential backoff with full jitter, Retry-After as
// the minimum, a bounded number of retries. Pure functions: the random source is a parameter.
import { classifyFailure } from './transient.ts';
import type { SyncDataProvider } from './types.ts';

/** How automatic retries space out. Every field is optional; `retries: 0` turns them off. */
export interface RetryOptions {
  /** Most automatic retries after a failed load (default 5; 0 turns automatic retries off). */
  retries?: number;
  /** The first retry waits up to this many milliseconds (default 1000). */
  baseMs?: number;
  /** Each further retry may wait this many times longer (default 2). */
  factor?: number;
  /** No retry waits longer than this, unless the server's Retry-After asks for more (default 60000). */
  maxMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

/** What happens after a failed attempt. */
export type RetryPlan =
  | {
      willRetry: true;
      /** Milliseconds until the retry. */
      retryInMs: number;
      /** Which automatic retry this is (1 for the first). */
      retry: number;
      /** The least wait the server asked for (Retry-After), in milliseconds; 0 when none. */
      minimumMs: number;
    }
  | { willRetry: false; retryInMs: null; retry: 0; minimumMs: 0 };

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ retries: 5, baseMs: 1000, factor: 2, maxMs: 60_000 });

/**
 * A Retry-After longer than this means "not soon" (a planned maintenance): no automatic retry,
 * the card offers its Retry button instead of holding a timer for days.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const atLeast = (value: number | undefined, min: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;

/** Fills in defaults; values out of range fall back to them. `false` means no automatic retry. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY_POLICY, retries: 0 };
  const baseMs = atLeast(options?.baseMs, 1, DEFAULT_RETRY_POLICY.baseMs);
  return {
    retries: Math.floor(atLeast(options?.retries, 0, DEFAULT_RETRY_POLICY.retries)),
    baseMs,
    factor: atLeast(options?.factor, 1, DEFAULT_RETRY_POLICY.factor),
    maxMs: Math.max(baseMs, atLeast(options?.maxMs, 1, DEFAULT_RETRY_POLICY.maxMs)),
  };
}

/**
 * The delay before automatic retry number `retry` (1-based): "full jitter", a uniform draw in
 * [0, min(maxMs, baseMs × factor^(retry−1))), so many clients failing together do not come back
 * together; never less than `retryAfterMs`.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.max(0, retry - 1));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.max(Math.floor(draw * ceiling), retryAfterMs ?? 0);
}

/**
 * Decides whether a load that failed with `error`, after `retriesDone` automatic retries, retries
 * by itself and when. Only transient failures do, at most `policy.retries` times.
 */
export function planRetry(error: unknown, retriesDone: number, policy: RetryPolicy, random: () => number = Math.random): RetryPlan {
  const { transient, retryAfterMs } = classifyFailure(error);
  const retry = retriesDone + 1;
  if (!transient || retry > policy.retries || (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) return { willRetry: false, retryInMs: null, retry: 0, minimumMs: 0 };
  return { willRetry: true, retryInMs: backoffDelay(retry, policy, random, retryAfterMs), retry, minimumMs: retryAfterMs ?? 0 };
}

const policies = new WeakMap<SyncDataProvider, RetryPolicy>();

/** Gives a provider its retry policy (the REST provider's `retry` option); cards using it follow it. */
export function setRetryPolicy(provider: SyncDataProvider, policy: RetryPolicy): void {
  policies.set(provider, policy);
}

/** The provider's retry policy; the defaults for providers that set none. */
export function retryPolicyOf(provider: SyncDataProvider): RetryPolicy {
  return policies.get(provider) ?? DEFAULT_RETRY_POLICY;
}
