// Wire format 1.1 in the data layer: partially_synced, the why (category, retryable), the what
// next (fix, retry plan), the exclusion reason, the fields, and the history's trigger and actor.
// Each bad value is repaired on its own with a warning; a version-1 response is unchanged.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { demoRecords, WORST_DAY_RECORD } from '../../demo/demo-data.js';
import { normalizeHistory } from '../../src/data/history.ts';
import { MAX_FIELDS } from '../../src/data/normalize-detail.ts';
import { ERROR_CATEGORIES, normalizeResponse, type NormalizedDetail } from '../../src/index.ts';

const sync = (detail: unknown, status = 'record_not_synced') => ({
  integrations: [{ id: 'netsuite', name: 'NetSuite' }],
  syncs: [{ id: 'netsuite:customer', integrationId: 'netsuite', status, detail }],
});
/** The repaired detail of a one-sync response, and the warnings. */
function detailOf(detail: unknown, status?: string): { detail: NormalizedDetail; warnings: string[] } {
  const { response, warnings } = normalizeResponse(sync(detail, status));
  return { detail: response.syncs[0].detail, warnings };
}

const EMPTY_1_1 = { category: null, retryable: null, fix: null, retry: null, exclusionReason: null, fields: [] };
const long = (length: number) => 'x'.repeat(length);

describe('wire format 1.1: normalisation', () => {
  it('leaves a version-1 response as it was, with the 1.1 fields empty and no warning', () => {
    const { response, warnings } = normalizeResponse(
      sync({ message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD', url: 'https://app.example-crm.com/h', exclusionGroup: null }),
    );
    expect(warnings).to.deep.equal([]);
    expect(response.syncs[0].status).to.equal('record_not_synced');
    expect(response.syncs[0].detail).to.deep.equal({
      message: "Required field 'Subsidiary' is missing.",
      code: 'MISSING_REQUIRED_FIELD',
      url: 'https://app.example-crm.com/h',
      exclusionGroup: null,
      ...EMPTY_1_1,
    });
  });

  it('keeps every 1.1 field of the worst-day demo record exactly, with no warning', () => {
    const raw = demoRecords()[`${WORST_DAY_RECORD.objectType}:${WORST_DAY_RECORD.objectId}`];
    const { response, warnings } = normalizeResponse(raw);
    expect(warnings).to.deep.equal([]);
    expect(response.syncs.map((s) => s.status)).to.include.members(['record_not_synced', 'partially_synced', 'record_excluded']);
    for (const [index, given] of raw.syncs.entries()) {
      const detail = response.syncs[index].detail;
      const expected = given.detail ?? {};
      for (const key of ['category', 'fix', 'retry', 'exclusionReason'] as const) {
        if (key in expected) expect(detail[key], `${given.id} ${key}`).to.deep.equal(expected[key as keyof typeof expected]);
      }
      const fields = (expected as { fields?: object[] }).fields ?? [];
      expect(detail.fields, `${given.id} fields`).to.deep.equal(
        fields.map((field) => ({ label: null, crmValue: null, externalValue: null, direction: null, message: null, ...field })),
      );
    }
  });

  it('knows partially_synced as a status', () => {
    const { response, warnings } = normalizeResponse(sync(null, 'partially_synced'));
    expect(response.syncs[0].status).to.equal('partially_synced');
    expect(warnings).to.deep.equal([]);
  });

  describe('category and retryable', () => {
    it('keeps each known category and judges retryable from it when absent', () => {
      for (const category of ERROR_CATEGORIES) {
        const { detail, warnings } = detailOf({ category });
        expect(detail.category).to.equal(category);
        expect(detail.retryable, category).to.equal(category === 'connection' || category === 'rate_limit');
        expect(warnings).to.deep.equal([]);
      }
    });

    it('lets an explicit retryable win over the category', () => {
      expect(detailOf({ category: 'validation', retryable: true }).detail.retryable).to.equal(true);
      expect(detailOf({ category: 'rate_limit', retryable: false }).detail.retryable).to.equal(false);
      expect(detailOf({ retryable: true }).detail).to.include({ category: null, retryable: true });
    });

    it('repairs an unknown category to "unknown" (not retryable) with a warning', () => {
      const { detail, warnings } = detailOf({ category: 'cosmic_rays' });
      expect(detail).to.include({ category: 'unknown', retryable: false });
      expect(warnings).to.deep.equal(['Sync "netsuite:customer" detail.category "cosmic_rays" is not one of validation, missing_data, duplicate, permission, connection, rate_limit, conflict, configuration, unknown; treated as "unknown".']);
      expect(detailOf({ category: 42 }).detail.category).to.equal('unknown');
    });

    it('ignores a retryable that is not a boolean, with a warning, and judges from the category', () => {
      const { detail, warnings } = detailOf({ category: 'connection', retryable: 'no' });
      expect(detail.retryable).to.equal(true);
      expect(warnings).to.deep.equal(['Sync "netsuite:customer" detail.retryable should be a boolean, got "no"; ignored.']);
      expect(detailOf({ retryable: 1 }).detail.retryable).to.equal(null);
    });
  });

  describe('fix', () => {
    it('keeps the text and a safe URL', () => {
      const fix = { text: 'Set the Subsidiary in NetSuite, then resync.', url: 'https://1234567.app.netsuite.com/app/setup/subsidiaries.nl' };
      expect(detailOf({ fix })).to.deep.equal({ detail: { ...detailOf(null).detail, fix }, warnings: [] });
      expect(detailOf({ fix: { text: 'Ask an admin.' } }).detail.fix).to.deep.equal({ text: 'Ask an admin.', url: null });
    });

    it('puts fix.url through the URL policy: the text stays, the link goes', () => {
      for (const url of ['javascript:alert(1)', 'data:text/html,x', '/relative/help', ' https://example.com/', 'https://exa mple.com/', 'https://example.com/\n', 'vbscript:x', 'http://']) {
        const { detail, warnings } = detailOf({ fix: { text: 'Fix it', url } });
        expect(detail.fix, JSON.stringify(url)).to.deep.equal({ text: 'Fix it', url: null });
        expect(warnings).to.deep.equal(['Sync "netsuite:customer" detail.fix.url is not an absolute http(s) URL; shown without a link.']);
      }
    });

    it('takes a bare string as the text, and ignores a fix without text, each with a warning', () => {
      let result = detailOf({ fix: 'Merge the duplicate customers.' });
      expect(result.detail.fix).to.deep.equal({ text: 'Merge the duplicate customers.', url: null });
      expect(result.warnings).to.have.length(1);
      for (const fix of [{ url: 'https://example.com/' }, { text: '' }, { text: 3 }, ['x'], 7]) {
        result = detailOf({ fix });
        expect(result.detail.fix, JSON.stringify(fix)).to.equal(null);
        expect(result.warnings, JSON.stringify(fix)).to.not.be.empty;
      }
    });
  });

  describe('retry plan', () => {
    it('keeps attempt, maxAttempts and nextAt, including a plan that ran out', () => {
      const nextAt = '2026-12-01T21:40:00Z';
      expect(detailOf({ retry: { attempt: 4, maxAttempts: 10, nextAt } }).detail.retry).to.deep.equal({ attempt: 4, maxAttempts: 10, nextAt });
      expect(detailOf({ retry: { attempt: 10, maxAttempts: 10 } }).detail.retry).to.deep.equal({ attempt: 10, maxAttempts: 10, nextAt: null });
      expect(detailOf({ retry: { attempt: 11, maxAttempts: 10, nextAt: null } }).warnings).to.deep.equal([]);
    });

    it('ignores a plan without whole positive numbers, with a warning', () => {
      for (const retry of [{ attempt: 0, maxAttempts: 10 }, { attempt: 1.5, maxAttempts: 10 }, { attempt: '4', maxAttempts: 10 }, { maxAttempts: 10 }, { attempt: 4, maxAttempts: -1 }, { attempt: 4, maxAttempts: Infinity }, 'soon', [1, 10]]) {
        const { detail, warnings } = detailOf({ retry });
        expect(detail.retry, JSON.stringify(retry)).to.equal(null);
        expect(warnings, JSON.stringify(retry)).to.have.length(1);
      }
    });

    it('keeps the plan but drops an unparseable nextAt, with a warning', () => {
      const { detail, warnings } = detailOf({ retry: { attempt: 2, maxAttempts: 5, nextAt: 'in a bit' } });
      expect(detail.retry).to.deep.equal({ attempt: 2, maxAttempts: 5, nextAt: null });
      expect(warnings).to.deep.equal(['Sync "netsuite:customer" detail.retry.nextAt is not a valid ISO 8601 date ("in a bit"); shown as "—".']);
    });
  });

  it('keeps the exclusion reason as text, and ignores one that is not a string', () => {
    expect(detailOf({ exclusionGroup: 'Test contacts', exclusionReason: 'Email ends with @example.com' }, 'record_excluded').detail.exclusionReason).to.equal(
      'Email ends with @example.com',
    );
    const { detail, warnings } = detailOf({ exclusionReason: { rule: 1 } }, 'record_excluded');
    expect(detail.exclusionReason).to.equal(null);
    expect(warnings).to.have.length(1);
  });

  describe('fields', () => {
    const good = (name: string, extra: Record<string, unknown> = {}) => ({ name, status: 'synced', crmValue: name, externalValue: name, ...extra });

    it('keeps every field in the order given, with scalar values of each type', () => {
      const fields = [
        { name: 'subsidiary', label: 'Subsidiary', status: 'failed', crmValue: null, externalValue: 'Acme UK', direction: 'outbound', message: 'Required.' },
        { name: 'credit_limit', status: 'differs', crmValue: 50000, externalValue: 45000.5, direction: 'both' },
        { name: 'taxable', status: 'pending', crmValue: true, externalValue: false, direction: 'inbound' },
        { name: 'email', status: 'synced' },
      ];
      const { detail, warnings } = detailOf({ fields }, 'partially_synced');
      expect(warnings).to.deep.equal([]);
      expect(detail.fields).to.deep.equal([
        fields[0],
        { ...fields[1], label: null, message: null },
        { ...fields[2], label: null, message: null },
        { name: 'email', label: null, status: 'synced', crmValue: null, externalValue: null, direction: null, message: null },
      ]);
    });

    it('repairs each bad entry on its own: the good ones around it all stay', () => {
      const { detail, warnings } = detailOf(
        {
          fields: [
            good('a'),
            'not an object',
            { status: 'failed', crmValue: 'no name' },
            { name: '', status: 'failed' },
            good('b', { status: 'broken' }),
            good('c', { direction: 'sideways' }),
            good('d', { crmValue: { nested: true }, externalValue: [1, 2] }),
            good('e', { label: 42, message: ['x'] }),
            good('a', { crmValue: 'duplicate' }),
            null,
            good('f', { crmValue: Number.NaN }),
            { name: 'g', crmValue: 'no status' },
          ],
        },
        'partially_synced',
      );
      expect(detail.fields.map((field) => field.name)).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      expect(detail.fields.find((field) => field.name === 'a')!.crmValue).to.equal('a');
      expect(detail.fields.find((field) => field.name === 'b')!.status).to.equal('pending');
      expect(detail.fields.find((field) => field.name === 'c')!.direction).to.equal(null);
      expect(detail.fields.find((field) => field.name === "d")).to.include({ crmValue: null, externalValue: null });
      expect(detail.fields.find((field) => field.name === 'e')).to.include({ label: null, message: null, crmValue: 'e' });
      expect(detail.fields.find((field) => field.name === 'f')!.crmValue).to.equal(null);
      expect(detail.fields.find((field) => field.name === 'g')).to.include({ status: 'pending', crmValue: 'no status' });
      const where = 'Sync "netsuite:customer" detail';
      expect(warnings).to.have.members([
        `${where}.fields: skipped an entry without a string "name", or with a name already seen.`,
        `${where} field "b" status "broken" is not one of synced, failed, pending, differs; shown as "pending".`,
        `${where} field "c" direction "sideways" is not one of inbound, outbound, both; ignored.`,
        `${where} field "d" crmValue should be a string, number or boolean, got an object; ignored.`,
        `${where} field "d" externalValue should be a string, number or boolean, got an array; ignored.`,
        `${where} field "e" label should be a string, got number 42; ignored.`,
        `${where} field "e" message should be a string, got an array; ignored.`,
        `${where} field "f" crmValue should be a string, number or boolean, got number NaN; ignored.`,
        `${where} field "g" status "(none)" is not one of synced, failed, pending, differs; shown as "pending".`,
      ]);
    });

    it(`keeps the first ${MAX_FIELDS} fields of a longer list, with a warning`, () => {
      const fields = Array.from({ length: 250 }, (_, i) => good(`field_${i}`));
      const { detail, warnings } = detailOf({ fields }, 'partially_synced');
      expect(MAX_FIELDS).to.equal(200);
      expect(detail.fields).to.have.length(200);
      expect(detail.fields[199].name).to.equal('field_199');
      expect(warnings).to.deep.equal([`Sync "netsuite:customer" detail.fields has more than 200 entries; the first 200 are kept.`]);
      // Exactly 200 is not "more".
      expect(detailOf({ fields: fields.slice(0, 200) }).warnings).to.deep.equal([]);
    });

    it('treats fields that are not an array as none, with a warning', () => {
      for (const fields of [{ name: 'a', status: 'synced' }, 'a,b', 3]) {
        const { detail, warnings } = detailOf({ fields });
        expect(detail.fields).to.deep.equal([]);
        expect(warnings).to.have.length(1);
      }
    });
  });

  it('cuts every new string at 2,000 characters, with a warning', () => {
    const big = long(5000);
    const { detail, warnings } = detailOf({
      fix: { text: big },
      exclusionReason: big,
      fields: [{ name: 'notes', label: big, status: 'differs', crmValue: big, externalValue: big, message: big }],
    });
    const cut = `${long(2000)}…`;
    expect(detail.fix!.text).to.equal(cut);
    expect(detail.exclusionReason).to.equal(cut);
    expect(detail.fields[0]).to.include({ label: cut, crmValue: cut, externalValue: cut, message: cut });
    expect(warnings).to.have.length(6);
    for (const warning of warnings) expect(warning).to.match(/is longer than 2000 characters; shortened\.$/);
  });

  it('reports the same repair once per load', () => {
    const syncs = ['a', 'b'].map((id) => ({ id, integrationId: 'netsuite', status: 'record_not_synced', detail: { category: 'bogus', fields: [1, 2, 3] } }));
    const { warnings } = normalizeResponse({ integrations: [], syncs });
    expect(warnings).to.deep.equal([
      'Sync "a" detail.category "bogus" is not one of validation, missing_data, duplicate, permission, connection, rate_limit, conflict, configuration, unknown; treated as "unknown".',
      'Sync "a" detail.fields: skipped an entry without a string "name", or with a name already seen.',
      'Sync "b" detail.category "bogus" is not one of validation, missing_data, duplicate, permission, connection, rate_limit, conflict, configuration, unknown; treated as "unknown".',
      'Sync "b" detail.fields: skipped an entry without a string "name", or with a name already seen.',
    ]);
  });

  it('never throws on any detail, and always gives the full 1.1 shape', () => {
    const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
    const detailish = fc.record(
      {
        category: fc.oneof(fc.constantFrom(...ERROR_CATEGORIES), anything),
        retryable: anything,
        fix: fc.oneof(fc.record({ text: anything, url: anything }, { requiredKeys: [] }), anything),
        retry: fc.oneof(fc.record({ attempt: anything, maxAttempts: anything, nextAt: anything }, { requiredKeys: [] }), anything),
        exclusionReason: anything,
        fields: fc.oneof(fc.array(fc.oneof(fc.record({ name: anything, status: anything, crmValue: anything, direction: anything }, { requiredKeys: [] }), anything)), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(detailish, anything), (detail) => {
        const result = detailOf(detail).detail;
        expect(Object.keys(result)).to.have.members(['message', 'code', 'url', 'exclusionGroup', ...Object.keys(EMPTY_1_1)]);
        expect(Array.isArray(result.fields)).to.equal(true);
        for (const field of result.fields) {
          for (const value of [field.crmValue, field.externalValue]) expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).to.equal(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('wire format 1.1: history trigger and actor', () => {
  it('keeps a known trigger and the actor', () => {
    const { events, warnings } = normalizeHistory([
      { at: '2026-11-28T09:24:22Z', status: 'record_not_synced', trigger: 'manual', actor: 'Jane Cooper' },
      { at: '2026-11-28T08:00:00Z', status: 'up_to_date', trigger: 'schedule' },
      { at: '2026-11-27T08:00:00Z', status: 'up_to_date', message: 'ok', direction: 'inbound' },
    ]);
    expect(warnings).to.deep.equal([]);
    expect(events.map(({ trigger, actor }) => [trigger, actor])).to.deep.equal([
      ['manual', 'Jane Cooper'],
      ['schedule', null],
      [null, null],
    ]);
  });

  it('drops an unknown trigger and an actor that is not a string, with warnings, keeping the entry', () => {
    const { events, warnings } = normalizeHistory([
      { at: '2026-11-28T09:24:22Z', status: 'up_to_date', trigger: 'cron', actor: { id: 7 } },
      { at: '2026-11-28T08:24:22Z', status: 'up_to_date', trigger: 'api', actor: long(3000) },
    ]);
    expect(events).to.have.length(2);
    expect(events[0]).to.include({ trigger: null, actor: null, status: 'up_to_date' });
    expect(events[1].actor).to.equal(`${long(2000)}…`);
    expect(warnings).to.deep.equal([
      'A history entry has an unknown trigger "cron"; ignored.',
      'A history entry actor should be a string, got an object; ignored.',
      'A history entry actor is longer than 2000 characters; shortened.',
    ]);
  });
});
