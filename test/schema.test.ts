/// <reference types="vite/client" />
// The JSON Schemas in schema/ (shipped as integration-sync-card/schema/…) describe what a backend
// serves. Checked here against the demo API's real answers and every JSON example in
// docs/wire-format.md, and shown to reject the mistakes they exist to catch.
import { expect } from '@open-wc/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { demoRecords, FAILING_RECORD } from '../demo/demo-data.js';
import wireFormatPage from '../docs/wire-format.md?raw';
import batchRequest from '../schema/batch-request.schema.json';
import batchResponse from '../schema/batch-response.schema.json';
import recordRef from '../schema/record-ref.schema.json';
import syncEvent from '../schema/sync-event.schema.json';
import syncHistory from '../schema/sync-history.schema.json';
import syncStatusResponse from '../schema/sync-status-response.schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
for (const schema of [recordRef, syncStatusResponse, batchRequest, batchResponse, syncEvent, syncHistory]) ajv.addSchema(schema);

type SchemaName = 'sync-status-response' | 'batch-request' | 'batch-response' | 'sync-event' | 'sync-history' | 'record-ref';

/** The validation errors, as readable lines (empty when valid). */
function errors(name: SchemaName, data: unknown): string[] {
  const validate = ajv.getSchema(`urn:integration-sync-card:schema:${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}

const API = '/api/sync-status';
const keys = Object.keys(demoRecords());
const recordOf = (key: string) => {
  const [objectType, objectId] = key.split(':');
  return { objectType, objectId };
};

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  expect(response.ok, `${url} answered ${response.status}`).to.be.true;
  return response.json();
}

describe('JSON Schemas of the wire format', () => {
  it('are valid draft 2020-12 schemas', () => {
    for (const schema of [recordRef, syncStatusResponse, batchRequest, batchResponse, syncEvent, syncHistory]) {
      expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
      expect(ajv.validateSchema(schema), schema.$id).to.be.true;
    }
  });

  it('accept every response of the demo API', async () => {
    expect(keys.length).to.be.greaterThan(5);
    for (const key of keys) {
      const { objectType, objectId } = recordOf(key);
      const body = await getJson(`${API}?objectType=${objectType}&objectId=${objectId}`);
      expect(errors('sync-status-response', body), key).to.deep.equal([]);
    }
    // A record without data is the empty response.
    expect(errors('sync-status-response', await getJson(`${API}?objectType=company&objectId=nope`))).to.deep.equal([]);
  });

  it('accept the demo API batch envelope, answers and errors alike', async () => {
    const body = { records: [...keys.map(recordOf), FAILING_RECORD, { objectType: 'contact', objectId: 'unknown', portalId: '123' }] };
    expect(errors('batch-request', body)).to.deep.equal([]);
    const answer = (await getJson(`${API}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })) as { results: { error?: unknown }[] };
    expect(answer.results).to.have.length(body.records.length);
    expect(answer.results.filter((result) => result.error)).to.have.length(1);
    expect(errors('batch-response', answer)).to.deep.equal([]);
  });

  it('accept the demo API sync histories', async () => {
    let checked = 0;
    for (const key of keys) {
      const { objectType, objectId } = recordOf(key);
      for (const sync of demoRecords()[key].syncs) {
        const history = await getJson(`${API}/history?objectType=${objectType}&objectId=${objectId}&syncId=${encodeURIComponent(sync.id)}`);
        expect(errors('sync-history', history), `${key} ${sync.id}`).to.deep.equal([]);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(5);
  });

  it('accept every JSON example in docs/wire-format.md', () => {
    const blocks = [...wireFormatPage.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks.length, 'JSON examples in docs/wire-format.md').to.be.greaterThan(0);
    for (const block of blocks) {
      const data = JSON.parse(block) as Record<string, unknown> | unknown[];
      const name: SchemaName = Array.isArray(data)
        ? 'sync-history'
        : 'results' in data
          ? 'batch-response'
          : 'records' in data
            ? 'batch-request'
            : 'at' in data
              ? 'sync-event'
              : 'sync-status-response';
      expect(errors(name, data), `docs/wire-format.md example validated as ${name}:\n${block}`).to.deep.equal([]);
    }
  });

  it('reject what a backend must not serve', () => {
    const sync = { id: 'netsuite:customer', integrationId: 'netsuite', status: 'up_to_date' };
    const response = (changes: Record<string, unknown>) => ({ integrations: [{ id: 'netsuite' }], syncs: [{ ...sync, ...changes }] });
    expect(errors('sync-status-response', response({}))).to.deep.equal([]);
    expect(errors('sync-status-response', response({ status: 'green' }))).to.not.be.empty;
    expect(errors('sync-status-response', response({ id: undefined }))).to.not.be.empty;
    expect(errors('sync-status-response', response({ lastSyncedAt: 'yesterday' }))).to.not.be.empty;
    expect(errors('sync-status-response', response({ syncedWith: { url: 'javascript:alert(1)' } }))).to.not.be.empty;
    expect(errors('sync-status-response', response({ detail: { url: '/relative/path' } }))).to.not.be.empty;
    expect(errors('sync-status-response', { syncs: [] })).to.not.be.empty;
    expect(errors('sync-status-response', [])).to.not.be.empty;
    expect(errors('sync-event', { at: '2026-11-28T09:24:22Z', status: 'up_to_date', direction: 'sideways' })).to.not.be.empty;
    expect(errors('batch-response', { results: [{ record: { objectType: 'company', objectId: '1' } }] })).to.not.be.empty;
    expect(errors('batch-request', { records: [{ objectType: 'company' }] })).to.not.be.empty;
  });
});
