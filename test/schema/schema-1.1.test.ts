// The JSON Schemas know wire format 1.1: the worst-day demo record passes, and each 1.1 mistake a
// backend could make is rejected (the card would repair it with a warning, the schema says no).
import { expect } from '@open-wc/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { demoHistory, demoRecords, WORST_DAY_RECORD } from '../../demo/demo-data.js';
import recordRef from '../../schema/record-ref.schema.json';
import syncEvent from '../../schema/sync-event.schema.json';
import syncHistory from '../../schema/sync-history.schema.json';
import syncStatusResponse from '../../schema/sync-status-response.schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
for (const schema of [recordRef, syncStatusResponse, syncEvent, syncHistory]) ajv.addSchema(schema);
const valid = (name: string, data: unknown) => ajv.getSchema(`urn:integration-sync-card:schema:${name}`)!(data) as boolean;

const worstDay = () => demoRecords()[`${WORST_DAY_RECORD.objectType}:${WORST_DAY_RECORD.objectId}`];
const withDetail = (detail: Record<string, unknown>, status = 'record_not_synced') => ({
  integrations: [{ id: 'netsuite' }],
  syncs: [{ id: 'netsuite:customer', integrationId: 'netsuite', status, detail }],
});
const field = (changes: Record<string, unknown> = {}) => ({ name: 'subsidiary', status: 'failed', crmValue: null, externalValue: 'Acme UK', ...changes });

describe('JSON Schemas of wire format 1.1', () => {
  it('accept the worst-day record, every part of 1.1 in it, and its history', () => {
    const record = worstDay();
    expect(valid('sync-status-response', record), ajv.errorsText(ajv.getSchema('urn:integration-sync-card:schema:sync-status-response')!.errors)).to.equal(true);
    const details = record.syncs.map((sync) => sync.detail ?? {});
    for (const key of ['category', 'fix', 'retry', 'exclusionReason', 'fields']) {
      expect(details.some((detail) => key in detail), key).to.equal(true);
    }
    expect(record.syncs.map((sync) => sync.status)).to.include('partially_synced');
    const history = demoHistory(record.syncs[0]);
    expect(valid('sync-history', history)).to.equal(true);
    expect(new Set(history.map((event) => event.trigger))).to.have.keys('schedule', 'record_change', 'manual', 'api');
  });

  it('accept each 1.1 field at its edges', () => {
    for (const detail of [
      { category: 'rate_limit', retryable: true, retry: { attempt: 1, maxAttempts: 1, nextAt: null } },
      { category: null, retryable: null, fix: null, retry: null, exclusionReason: null, fields: null },
      { fix: { text: 'Ask an admin.' } },
      { fix: { text: 'Open the mapping.', url: 'https://app.example-crm.com/m' } },
      { fields: [] },
      { fields: [field({ crmValue: 3.5, externalValue: true, direction: 'both', label: null, message: null }), { name: 'x', status: 'differs' }] },
    ]) {
      expect(valid('sync-status-response', withDetail(detail)), JSON.stringify(detail)).to.equal(true);
    }
    expect(valid('sync-event', { at: '2026-11-28T09:24:22Z', status: 'partially_synced', trigger: 'api', actor: 'ERP bridge' })).to.equal(true);
  });

  it('reject each 1.1 mistake', () => {
    for (const detail of [
      { category: 'cosmic_rays' },
      { retryable: 'yes' },
      { fix: 'Merge the duplicates.' },
      { fix: { url: 'https://app.example-crm.com/m' } },
      { fix: { text: '' } },
      { fix: { text: 'Open it.', url: 'javascript:alert(1)' } },
      { fix: { text: 'Open it.', url: '/relative' } },
      { retry: { attempt: 0, maxAttempts: 10 } },
      { retry: { attempt: 1.5, maxAttempts: 10 } },
      { retry: { maxAttempts: 10 } },
      { retry: { attempt: 1, maxAttempts: 10, nextAt: 'soon' } },
      { exclusionReason: { rule: 'x' } },
      { fields: {} },
      { fields: [field({ name: undefined })] },
      { fields: [field({ name: '' })] },
      { fields: [field({ status: 'broken' })] },
      { fields: [field({ status: undefined })] },
      { fields: [field({ crmValue: { nested: true } })] },
      { fields: [field({ externalValue: [1] })] },
      { fields: [field({ direction: 'sideways' })] },
    ]) {
      expect(valid('sync-status-response', withDetail(detail)), JSON.stringify(detail)).to.equal(false);
    }
    expect(valid('sync-event', { at: '2026-11-28T09:24:22Z', status: 'up_to_date', trigger: 'cron' })).to.equal(false);
    expect(valid('sync-event', { at: '2026-11-28T09:24:22Z', status: 'up_to_date', actor: 7 })).to.equal(false);
  });
});
