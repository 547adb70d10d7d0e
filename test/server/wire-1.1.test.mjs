// Wire format 1.1 through the server half: the new fields come out of its normalisation as they
// went in (status, batch and history routes), and a bad one is repaired as the card would.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoHistory, demoRecords, WORST_DAY_RECORD } from '../../demo/demo-data.js';
import { getJson, post, serve } from './helpers.mjs';

const worstDay = demoRecords()[`${WORST_DAY_RECORD.objectType}:${WORST_DAY_RECORD.objectId}`];

describe('wire format 1.1 through the server', () => {
  let api;
  before(async () => {
    api = await serve({
      basePath: '/api',
      source: {
        async getSyncStatus(record) {
          if (record.objectId === 'bad') {
            return { integrations: [], syncs: [{ id: 's', integrationId: 'n', status: 'partially_synced', detail: { category: 'cosmic', fields: [7, { name: 'ok', status: 'synced' }] } }] };
          }
          return structuredClone(worstDay);
        },
        async getSyncHistory() {
          return demoHistory(worstDay.syncs[0]);
        },
      },
    });
  });
  after(() => api.close());

  /** What the normalisation adds to a detail: the fields the demo record leaves out, as null. */
  const expected = (sync) => ({
    ...sync.detail,
    category: sync.detail.category ?? null,
    retryable: sync.detail.category ? ['connection', 'rate_limit'].includes(sync.detail.category) : null,
    fix: sync.detail.fix ? { url: null, ...sync.detail.fix } : null,
    retry: sync.detail.retry ? { nextAt: null, ...sync.detail.retry } : null,
    exclusionReason: sync.detail.exclusionReason ?? null,
    fields: (sync.detail.fields ?? []).map((field) => ({ label: null, crmValue: null, externalValue: null, direction: null, message: null, ...field })),
  });

  test('GET status passes every 1.1 field through unchanged', async () => {
    const { status, body } = await getJson(`${api.base}?objectType=company&objectId=46`);
    assert.equal(status, 200);
    assert.deepEqual(body.syncs.map((sync) => sync.status), worstDay.syncs.map((sync) => sync.status));
    for (const [index, sync] of worstDay.syncs.entries()) assert.deepEqual(body.syncs[index].detail, expected(sync), sync.id);
  });

  test('POST batch passes them through too', async () => {
    const { status, body } = await post(`${api.base}/batch`, { records: [WORST_DAY_RECORD] });
    assert.equal(status, 200);
    assert.deepEqual(body.results[0].response.syncs[2].detail, expected(worstDay.syncs[2]));
  });

  test('GET history keeps trigger and actor', async () => {
    const { status, body } = await getJson(`${api.base}/history?objectType=company&objectId=46&syncId=netsuite:customer`);
    assert.equal(status, 200);
    assert.deepEqual(
      body.map(({ trigger, actor }) => [trigger, actor]),
      demoHistory(worstDay.syncs[0]).map(({ trigger, actor }) => [trigger, actor]),
    );
  });

  test('a bad 1.1 value is repaired before it is sent, the good entries kept', async () => {
    const { body } = await getJson(`${api.base}?objectType=company&objectId=bad`);
    assert.equal(body.syncs[0].status, 'partially_synced');
    assert.equal(body.syncs[0].detail.category, 'unknown');
    assert.deepEqual(body.syncs[0].detail.fields.map((field) => field.name), ['ok']);
  });
});
