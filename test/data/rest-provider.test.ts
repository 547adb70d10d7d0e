import { expect, html, oneEvent } from '@open-wc/testing';
import { createRestProvider } from '../../src/index.ts';
import { part, renderCard, text } from '../helpers.ts';

// These talk to real routes served by the test run (test/support/test-api.mjs and the demo API).
const record = (objectId: string) => ({ objectType: 'company', objectId });
const signal = () => new AbortController().signal;
const failureOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

describe('createRestProvider against a real HTTP server', () => {
  it('GETs {endpoint}?objectType&objectId[&portalId] and resolves to the JSON body (200)', async () => {
    const provider = createRestProvider({ endpoint: `${location.origin}/test-api/echo` });
    const response = await provider.getSyncStatus({ objectType: 'company', objectId: 'rest-200', portalId: '99' }, { signal: signal() });
    expect(response.syncs[0].syncedWith?.name).to.equal('Record rest-200');
  });

  for (const status of [404, 500]) {
    it(`rejects on HTTP ${status} with a message naming the endpoint and the cause`, async () => {
      const endpoint = `${location.origin}/test-api/status/${status}`;
      const error = await failureOf(createRestProvider({ endpoint }).getSyncStatus(record('x'), { signal: signal() }));
      expect(error).to.be.instanceOf(Error);
      expect(error.message).to.contain(endpoint);
      expect(error.message).to.contain(`HTTP ${status}`);
    });
  }

  it('rejects on invalid JSON, naming the endpoint', async () => {
    const endpoint = `${location.origin}/test-api/invalid-json`;
    const error = await failureOf(createRestProvider({ endpoint }).getSyncStatus(record('x'), { signal: signal() }));
    expect(error.message).to.contain(endpoint);
    expect(error.message).to.contain('not valid JSON');
  });

  it('rejects after timeoutMs when the server never answers', async () => {
    const endpoint = `${location.origin}/test-api/hang`;
    const started = performance.now();
    const error = await failureOf(createRestProvider({ endpoint, timeoutMs: 300 }).getSyncStatus(record('x'), { signal: signal() }));
    expect(error.message).to.contain(endpoint);
    expect(error.message).to.contain('timeout');
    expect(performance.now() - started).to.be.below(5000);
  });

  it('rejects on a network failure, naming the endpoint', async () => {
    const endpoint = 'http://127.0.0.1:9/unreachable';
    const error = await failureOf(createRestProvider({ endpoint, timeoutMs: 3000 }).getSyncStatus(record('x'), { signal: signal() }));
    expect(error.message).to.contain(endpoint);
  });

  it('honours the caller\'s AbortSignal', async () => {
    const controller = new AbortController();
    const pending = createRestProvider({ endpoint: `${location.origin}/test-api/hang` }).getSyncStatus(record('x'), { signal: controller.signal });
    controller.abort();
    const error = await failureOf(pending);
    expect(error.name).to.equal('AbortError');
  });

  it('never puts request headers (auth tokens) into error messages', async () => {
    const endpoint = `${location.origin}/test-api/status/401`;
    const error = await failureOf(
      createRestProvider({ endpoint, headers: { Authorization: 'Bearer SECRET-TOKEN-123' } }).getSyncStatus(record('x'), { signal: signal() }),
    );
    expect(error.message).to.not.contain('SECRET-TOKEN-123');
  });

  it('shows the error state in the element when the endpoint fails, then recovers on retry', async () => {
    const card = await renderCard(html`<integration-sync-card lang="en" endpoint="/test-api/status/500" object-type="company" object-id="1"></integration-sync-card>`, { waitFor: 'isc-error' });
    expect(text(part(card, 'error'))).to.contain('HTTP 500');
    const loaded = oneEvent(card, 'isc-load');
    card.endpoint = '/test-api/echo';
    await loaded;
    expect(text(part(card, 'synced-with'))).to.contain('Record 1');
  });
});
