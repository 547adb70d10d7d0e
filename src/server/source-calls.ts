// Deadlines and cancellation of a request's calls into the source: the `signal` a source gets
// aborts when the client goes away or the deadline passes, and a source that ignores its signal
// is raced, so a hanging source still ends the request (504).
// NOTE: this runs on every request: two small objects per request, one sweeping timer for all deadlines
// (a timer, an AbortSignal or a Promise.race per request cost more than the route in profiles);
// the AbortSignal is built only when a source reads it.
import type { Call } from './http.ts';

/** Why a request's source calls were ended by their deadline. */
export const SOURCE_TIMEOUT = Symbol('source timeout');

/** What a source call receives (`SyncDataProvider`'s options). */
export interface SourceOptions {
  readonly signal: AbortSignal;
}

/** One request's source calls, from `begin` to `finish`. */
export interface SourceCalls {
  readonly options: SourceOptions;
  /** `work`, or a rejection with the reason the calls ended (client gone, SOURCE_TIMEOUT) if that comes first. */
  settle<T>(work: T | PromiseLike<T>): Promise<T>;
  /**
   * Each of `works` as it settles; those still pending when the calls end (client gone,
   * deadline) become that reason's error, while the ones already answered are kept.
   */
  settleEach<T>(works: readonly (T | PromiseLike<T>)[]): Promise<Outcome<T>[]>;
  /** The request no longer waits on the source. */
  finish(): void;
}

export type Outcome<T> = { value: T } | { error: unknown };

/**
 * The options a source call gets. NOTE: `signal` is a getter of the class, not of an object
 * literal: a literal with an accessor is built the slow way and cost more than the whole status
 * route in profiles. So `options.signal` and `const { signal } = options` work, a spread
 * (`{ ...options }`) does not carry it (docs/server.md).
 */
class Options implements SourceOptions {
  readonly #calls: Calls;
  constructor(calls: Calls) {
    this.#calls = calls;
  }
  get signal(): AbortSignal {
    return this.#calls.signal();
  }
}

class Calls implements SourceCalls {
  readonly options: SourceOptions;
  /** When the deadline passes (clock milliseconds). */
  readonly deadline: number;
  #controller: AbortController | undefined;
  #ended = false;
  #reason: unknown;
  #waiting: ((reason: unknown) => void)[] | undefined;
  #stopListening: () => void;
  #done: (calls: Calls) => void;

  constructor(call: Call, deadline: number, done: (calls: Calls) => void) {
    this.deadline = deadline;
    this.#done = done;
    this.options = new Options(this);
    this.#stopListening = call.onClose(() => this.end(new Error('client disconnected')));
  }

  signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#ended) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  settle<T>(work: T | PromiseLike<T>): Promise<T> {
    if (this.#ended) return Promise.reject(this.#reason);
    return new Promise<T>((resolve, reject) => {
      (this.#waiting ??= []).push(reject);
      Promise.resolve(work).then(resolve, reject);
    });
  }

  settleEach<T>(works: readonly (T | PromiseLike<T>)[]): Promise<Outcome<T>[]> {
    const outcomes: (Outcome<T> | undefined)[] = new Array(works.length).fill(undefined);
    if (this.#ended) return Promise.resolve(outcomes.map(() => ({ error: this.#reason })));
    return new Promise((resolve) => {
      let left = works.length;
      const done = () => resolve(outcomes as Outcome<T>[]);
      const settle = (index: number, outcome: Outcome<T>) => {
        if (outcomes[index]) return;
        outcomes[index] = outcome;
        if (--left === 0) done();
      };
      (this.#waiting ??= []).push((reason) => {
        for (let index = 0; index < outcomes.length; index++) outcomes[index] ??= { error: reason };
        done();
      });
      if (left === 0) done();
      works.forEach((work, index) => {
        Promise.resolve(work).then(
          (value) => settle(index, { value }),
          (error: unknown) => settle(index, { error }),
        );
      });
    });
  }

  end(reason: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) for (const reject of waiting) reject(reason);
  }

  finish(): void {
    this.#done(this);
    this.#stopListening();
  }
}

/** `begin(call)` for each request that asks the source; every call gets `timeoutMs`. */
export function createSourceCalls(timeoutMs: number): (call: Call) => SourceCalls {
  const pending = new Set<Calls>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  const sweep = () => {
    const now = Date.now();
    for (const calls of pending) {
      if (calls.deadline > now) continue;
      pending.delete(calls);
      calls.end(SOURCE_TIMEOUT);
    }
    if (pending.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };
  const done = (calls: Calls) => pending.delete(calls);
  return (call) => {
    const calls = new Calls(call, Date.now() + timeoutMs, done);
    pending.add(calls);
    if (!sweeper) {
      sweeper = setInterval(sweep, Math.max(10, Math.min(1000, timeoutMs / 4)));
      (sweeper as { unref?: () => void }).unref?.();
    }
    return calls;
  };
}
