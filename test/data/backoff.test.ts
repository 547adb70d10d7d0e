import { expect } from '@open-wc/testing';
import { backoffDelay, DEFAULT_RETRY_POLICY, planRetry, resolveRetryPolicy } from '../../src/data/backoff.ts';
import { classifyFailure, parseRetryAfter } from '../../src/data/transient.ts';
import { SyncRequestError } from '../../src/index.ts';

// The retry policy alone: which failures retry, after how long. Pure functions, no timers.
const policy = DEFAULT_RETRY_POLICY;
const always = (value: number) => () => value;

describe('retry policy: which failures are transient', () => {
  it('REST errors: network and timeout (status null) and 408/429/502/503/504 are transient; other statuses are not', () => {
    expect(classifyFailure(new SyncRequestError('x', { transient: true })).transient).to.equal(true);
    for (const status of [408, 429, 502, 503, 504]) expect(classifyFailure(new SyncRequestError('x', { status })).transient, `HTTP ${status}`).to.equal(true);
    for (const status of [400, 401, 403, 404, 409, 422, 500, 501, 505]) expect(classifyFailure(new SyncRequestError('x', { status })).transient, `HTTP ${status}`).to.equal(false);
  });

  it('a custom provider opts in with transient: true (and optionally retryAfterMs); a plain Error never retries', () => {
    expect(classifyFailure(Object.assign(new Error('ERP busy'), { transient: true, retryAfterMs: 1500 }))).to.deep.equal({ transient: true, retryAfterMs: 1500 });
    expect(classifyFailure(new Error('Failed to fetch')).transient).to.equal(false);
    expect(classifyFailure(new TypeError('Failed to fetch')).transient).to.equal(false);
    expect(classifyFailure('a string').transient).to.equal(false);
    expect(classifyFailure(null).transient).to.equal(false);
  });

  it('transient: false wins over a transient status; aborts are never transient; a bad retryAfterMs is ignored', () => {
    expect(classifyFailure(Object.assign(new Error('x'), { status: 503, transient: false })).transient).to.equal(false);
    expect(classifyFailure(new DOMException('gone', 'AbortError')).transient).to.equal(false);
    expect(classifyFailure(Object.assign(new Error('x'), { transient: true, retryAfterMs: -5 })).retryAfterMs).to.equal(null);
    expect(classifyFailure(Object.assign(new Error('x'), { transient: true, retryAfterMs: Number.NaN })).retryAfterMs).to.equal(null);
  });
});

describe('retry policy: Retry-After', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('reads delay-seconds and HTTP dates (a past date is 0); anything else is as if absent', () => {
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('2026', now), 'digits are seconds, never a year').to.equal(2_026_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 12:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Tuesday, 01-Dec-26 12:01:00 GMT', now)).to.equal(60_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:00:00 GMT', now)).to.equal(0);
    for (const bad of [null, undefined, '', 'soon', '-1', '1.5', '12:00:30', 'Tue, 99 Foo 2026']) expect(parseRetryAfter(bad, now), String(bad)).to.equal(null);
  });
});

describe('retry policy: backoff', () => {
  it('grows exponentially from 1 s by 2 up to 60 s (the ceilings of the jitter draw)', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((retry) => backoffDelay(retry, policy, always(0.999999)) + 1);
    expect(ceilings).to.deep.equal([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('full jitter: a uniform draw in [0, ceiling); many clients failing together come back spread out', () => {
    expect(backoffDelay(3, policy, always(0))).to.equal(0);
    expect(backoffDelay(3, policy, always(0.5))).to.equal(2000);
    const delays = Array.from({ length: 2000 }, () => backoffDelay(4, policy, Math.random));
    expect(Math.min(...delays)).to.be.at.least(0);
    expect(Math.max(...delays)).to.be.below(8000);
    // Spread: every eighth of [0, 8 s) gets some of 2,000 draws (a burst would fill one bucket).
    const buckets = new Set(delays.map((delay) => Math.floor(delay / 1000)));
    expect(buckets.size).to.equal(8);
  });

  it('Retry-After is the minimum, also beyond the 60 s ceiling', () => {
    expect(backoffDelay(1, policy, always(0.1), 5000)).to.equal(5000);
    expect(backoffDelay(6, policy, always(0.9), 5000)).to.equal(28800);
    expect(backoffDelay(1, policy, always(0.5), 120_000)).to.equal(120_000);
  });

  it('plans at most 5 automatic retries of transient failures, none of the others', () => {
    const transient = new SyncRequestError('x', { status: 503 });
    const plans = [0, 1, 2, 3, 4, 5, 6].map((done) => planRetry(transient, done, policy, always(0.5)));
    expect(plans.map((plan) => plan.willRetry)).to.deep.equal([true, true, true, true, true, false, false]);
    expect(plans.map((plan) => plan.retryInMs)).to.deep.equal([500, 1000, 2000, 4000, 8000, null, null]);
    expect(plans.map((plan) => plan.retry)).to.deep.equal([1, 2, 3, 4, 5, 0, 0]);
    for (const error of [new SyncRequestError('x', { status: 401 }), new SyncRequestError('x', { status: 200, transient: false }), new Error('x')]) {
      expect(planRetry(error, 0, policy)).to.deep.equal({ willRetry: false, retryInMs: null, retry: 0, minimumMs: 0 });
    }
  });

  it('honours a 429 Retry-After, but a wait of more than a day is left to the Retry button', () => {
    expect(planRetry(new SyncRequestError('x', { status: 429, retryAfterMs: 7000 }), 0, policy, always(0.5))).to.deep.equal({ willRetry: true, retryInMs: 7000, retry: 1, minimumMs: 7000 });
    expect(planRetry(new SyncRequestError('x', { status: 503, retryAfterMs: 2 * 86_400_000 }), 0, policy).willRetry).to.equal(false);
  });

  it('options: retries 0 or false turn automatic retries off; nonsense values fall back to the defaults', () => {
    expect(planRetry(new SyncRequestError('x', { status: 503 }), 0, resolveRetryPolicy({ retries: 0 })).willRetry).to.equal(false);
    expect(resolveRetryPolicy(false).retries).to.equal(0);
    expect(resolveRetryPolicy({ retries: -1, baseMs: 0, factor: 0.5, maxMs: Number.NaN })).to.deep.equal(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy({ retries: 2.7, baseMs: 200, maxMs: 100 })).to.deep.equal({ retries: 2, baseMs: 200, factor: 2, maxMs: 200 });
  });
});
