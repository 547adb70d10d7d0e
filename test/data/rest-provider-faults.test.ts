import { expect, html } from '@open-wc/testing';
import { createRestProvider } from '../../src/index.ts';
import { faultRun, record, rejectionOf, type FaultPlan } from '../fault-helpers.ts';
import { part, renderCard, text } from '../helpers.ts';

// Faults injected by a real HTTP server (test/support/fault-api.mjs) into real fetches: what the
// REST provider reports (so the card can decide without parsing messages), and where the card
// ends up. No automatic retries here (retry: false): each fault is seen as one attempt.
const signal = () => new AbortController().signal;

describe('fault injection: what the REST provider reports', () => {
  const cases: { name: string; fault: FaultPlan; status: number | null; transient: boolean; retryAfterMs?: number; message: RegExp }[] = [
    { name: 'a dropped connection', fault: { kind: 'drop' }, status: null, transient: true, message: /network error/ },
    { name: 'a hanging server (timeout)', fault: { kind: 'hang' }, status: null, transient: true, message: /timeout/ },
    { name: '429 with Retry-After in seconds', fault: { kind: 'status', status: 429, retryAfter: '7' }, status: 429, transient: true, retryAfterMs: 7000, message: /HTTP 429/ },
    { name: '503 (a deploy)', fault: { kind: 'status', status: 503 }, status: 503, transient: true, message: /HTTP 503/ },
    { name: '502 and 504 (a gateway)', fault: { kind: 'status', status: 502 }, status: 502, transient: true, message: /HTTP 502/ },
    { name: '408', fault: { kind: 'status', status: 408 }, status: 408, transient: true, message: /HTTP 408/ },
    { name: 'a body cut off mid-way (connection lost)', fault: { kind: 'truncated' }, status: 200, transient: true, message: /connection lost|network/ },
    { name: 'truncated JSON, properly ended', fault: { kind: 'invalid' }, status: 200, transient: false, message: /not valid JSON/ },
    { name: 'an HTML login page instead of JSON', fault: { kind: 'html' }, status: 200, transient: false, message: /not valid JSON \(text\/html\)/ },
    { name: '500', fault: { kind: 'status', status: 500 }, status: 500, transient: false, message: /HTTP 500/ },
    { name: '401', fault: { kind: 'status', status: 401 }, status: 401, transient: false, message: /HTTP 401/ },
    { name: '404', fault: { kind: 'status', status: 404 }, status: 404, transient: false, message: /HTTP 404/ },
  ];
  for (const { name, fault, status, transient, retryAfterMs = null, message } of cases) {
    it(`${name}: status ${status}, transient ${transient}, retryAfterMs ${retryAfterMs}`, async () => {
      const api = faultRun('provider');
      await api.fail(fault);
      // A short timeout for the hang only: on a busy machine another fault's answer may take longer
      // than 500 ms to arrive, and would then be reported as a timeout.
      const provider = createRestProvider({ endpoint: api.endpoint, timeoutMs: fault.kind === 'hang' ? 500 : 10_000, cache: false });
      const error = await rejectionOf(provider.getSyncStatus(record('f-1'), { signal: signal() }));
      expect(error.name).to.equal('SyncRequestError');
      expect(error.message).to.match(message);
      expect(error.message).to.contain(api.endpoint);
      expect(error.status).to.equal(status);
      expect(error.transient).to.equal(transient);
      expect(error.retryAfterMs).to.equal(retryAfterMs);
    });
  }

  it('Retry-After as an HTTP date becomes milliseconds from now', async () => {
    const api = faultRun('date');
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000);
    await api.fail({ kind: 'status', status: 503, retryAfter: at.toUTCString() });
    const error = await rejectionOf(createRestProvider({ endpoint: api.endpoint, cache: false }).getSyncStatus(record('f-2'), { signal: signal() }));
    expect(error.retryAfterMs).to.be.within(25_000, 31_000);
  });

  it('valid JSON with a wrong content type (text/plain) is accepted', async () => {
    const api = faultRun('text-json');
    await api.fail({ kind: 'text-json' });
    const response = await createRestProvider({ endpoint: api.endpoint, cache: false }).getSyncStatus(record('f-3'), { signal: signal() });
    expect(response.syncs[0].syncedWith?.name).to.equal('Record f-3 v1');
  });

  it('a slow answer within timeoutMs is data', async () => {
    const api = faultRun('slow');
    await api.fail({ kind: 'slow', delayMs: 300 });
    const response = await createRestProvider({ endpoint: api.endpoint, timeoutMs: 3000, cache: false }).getSyncStatus(record('f-4'), { signal: signal() });
    expect(response.syncs[0].syncedWith?.name).to.equal('Record f-4 v1');
  });

  it('a failed batch rejects every record in it with the batch\'s status and Retry-After', async () => {
    const api = faultRun('batch');
    await api.fail({ kind: 'status', status: 429, retryAfter: '3' });
    const provider = createRestProvider({ endpoint: api.endpoint, batch: true, cache: false });
    const errors = await Promise.all(['b-1', 'b-2', 'b-3'].map((id) => rejectionOf(provider.getSyncStatus(record(id), { signal: signal() }))));
    expect(errors.map((error) => [error.status, error.transient, error.retryAfterMs])).to.deep.equal([
      [429, true, 3000],
      [429, true, 3000],
      [429, true, 3000],
    ]);
    expect((await api.stats()).requests.map((request) => request.kind)).to.deep.equal(['batch']);
  });
});

describe('fault injection: where the card ends up', () => {
  // Each fault ends in a clear state within a bound: data, or the error state naming the cause;
  // a hang ends with the 1 s timeout. The bound is loose (a busy 2-core machine, WebKitGTK under
  // Xvfb): it tells a hang from an answer, and speed is npm run bench's business.
  const bound = 8000;
  const cases: { name: string; fault: FaultPlan; expect: 'data' | RegExp }[] = [
    { name: 'dropped connection', fault: { kind: 'drop' }, expect: /network error/ },
    { name: 'hang', fault: { kind: 'hang' }, expect: /timeout/ },
    { name: 'slow answer', fault: { kind: 'slow', delayMs: 400 }, expect: 'data' },
    { name: '429 with Retry-After', fault: { kind: 'status', status: 429, retryAfter: '2' }, expect: /HTTP 429/ },
    { name: '503', fault: { kind: 'status', status: 503 }, expect: /HTTP 503/ },
    { name: 'truncated body', fault: { kind: 'truncated' }, expect: /connection lost|network/ },
    { name: 'truncated JSON', fault: { kind: 'invalid' }, expect: /not valid JSON/ },
    { name: 'wrong content type (HTML)', fault: { kind: 'html' }, expect: /text\/html/ },
    { name: 'wrong content type (valid JSON as text/plain)', fault: { kind: 'text-json' }, expect: 'data' },
  ];
  for (const { name, fault, expect: outcome } of cases) {
    it(`${name}: ${outcome === 'data' ? 'data' : 'the error state with the reason'} within ${bound} ms`, async () => {
      const api = faultRun('card');
      await api.fail(fault);
      // 1 s for the hang; the other answers (a slow one after 400 ms) may take longer than that to
      // arrive on a busy machine, and must not turn into timeouts.
      const provider = createRestProvider({ endpoint: api.endpoint, timeoutMs: fault.kind === 'hang' ? 1000 : 5000, retry: false, cache: false });
      const started = performance.now();
      const card = await renderCard(html`<integration-sync-card lang="en" object-type="company" object-id="c-1" .provider=${provider}></integration-sync-card>`, {
        waitFor: outcome === 'data' ? 'isc-load' : 'isc-error',
      });
      expect(performance.now() - started).to.be.below(bound);
      if (outcome === 'data') expect(text(part(card, 'synced-with'))).to.contain('Record c-1');
      else expect(text(part(card, 'error'))).to.match(outcome);
    });
  }
});
