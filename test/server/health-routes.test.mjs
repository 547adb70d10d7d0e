// The health routes of §15 over a real ledger (createSyncLedger on PGlite, and on the PostgreSQL
// server test/support/postgres.mjs starts), seeded through the connector routes as a connector
// would, read back over real HTTP with health tokens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createEmbedToken, createHealthToken, createSyncLedger, delay, getJson, openStream, post, SECRET, serve, until } from './helpers.mjs';
import { csvCell } from '../../dist/lib/server/csv.js';
import { startPostgres } from '../support/postgres.mjs';

const KEYS = { netsuite: 'netsuite-ingest-key-0123456789', dynamics: 'dynamics-ingest-key-0123456789' };
const BASE = Date.parse('2026-12-01T12:00:00Z');
const CATEGORIES = ['validation', 'missing_data', 'duplicate'];
const MAIN = 1200;
const OTHER = 40;
const HOSTILE = ['=cmd|\' /C calc\'!A0', '+1+1', '-2', '@SUM(A1)', '\tTab', '\rReturn', 'He said "hi", then left\nnew line', 'plain'];

/** Outcome i of a portal: up_to_date every 4th, partially_synced, else record_not_synced. */
function outcome(portalId, i, overrides = {}) {
  const status = i % 4 === 0 ? 'up_to_date' : i % 4 === 1 ? 'partially_synced' : 'record_not_synced';
  const failing = status !== 'up_to_date';
  return {
    eventId: `${portalId}-${i}-${overrides.eventSuffix ?? 'a'}`,
    integrationId: 'netsuite',
    syncId: 'netsuite:customer',
    record: { objectType: 'company', objectId: `c${String(i).padStart(4, '0')}`, portalId },
    occurredAt: new Date(BASE - i * 1000).toISOString(),
    status,
    syncedWith: { name: `${portalId === '8' ? 'SECRET-8 ' : ''}Customer ${i}`, url: `https://erp.example.com/${i}` },
    detail: failing ? { message: `Failure ${i}: field missing`, code: `E${i % 3}`, category: CATEGORIES[i % 3], fix: { text: `Fix ${i % 3}` } } : null,
    ...overrides,
  };
}

/** The expected failing rows of portal 7's netsuite seed. */
const mainRows = Array.from({ length: MAIN }, (_, i) => outcome('7', i));

/** A small RFC 4180 reader for the export (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += char;
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  return rows;
}

function suite(name, openDb) {
  describe(`health routes on ${name}`, () => {
    let db;
    let ledger;
    let api;
    let closeDb;
    const ingest = async (events) => {
      for (let i = 0; i < events.length; i += 500) {
        const answer = await post(`${api.base}/ledger/events`, { events: events.slice(i, i + 500) }, { Authorization: `Bearer ${KEYS[events[0].integrationId]}` });
        assert.equal(answer.status, 200, answer.text);
        for (const result of answer.body.results) assert.notEqual(result.result, 'rejected', result.message);
      }
    };
    const register = (integrationId, portalId, syncTypes) =>
      fetch(`${api.base}/ledger/integrations/${integrationId}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${KEYS[integrationId]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: integrationId === 'netsuite' ? 'NetSuite' : 'Dynamics 365', state: 'active', portalId, syncTypes }),
      }).then((response) => assert.equal(response.status, 200));
    let token7;
    let token8;
    const as = (token) => ({ headers: { Authorization: `Bearer ${token}` } });
    const get = (path, token = token7) => getJson(`${api.base}${path}`, as(token));

    before(async () => {
      ({ db, close: closeDb } = await openDb());
      ledger = await createSyncLedger({ db });
      api = await serve({ ledger, basePath: '/api', auth: { tokenSecret: SECRET }, ingestKeys: KEYS, heartbeatMs: 0 });
      token7 = await createHealthToken({ portalId: '7', secret: SECRET, subject: 'ops@example.com' });
      token8 = await createHealthToken({ portalId: '8', secret: SECRET });
      for (const portalId of ['7', '8']) {
        await register('netsuite', portalId, [{ syncId: 'netsuite:customer', label: 'NetSuite customer', objectType: 'company', enabled: true }]);
      }
      await register('dynamics', '7', [{ syncId: 'dynamics:contact', label: 'Dynamics contact', objectType: 'contact', enabled: true }]);
      await ingest(mainRows);
      await ingest(Array.from({ length: OTHER }, (_, i) => outcome('8', i)));
      // Hostile cells, one record each, on the other integration of portal 7.
      await ingest(
        HOSTILE.map((text, i) => ({
          eventId: `hostile-${i}`,
          integrationId: 'dynamics',
          syncId: 'dynamics:contact',
          record: { objectType: 'Contact', objectId: `h${i}`, portalId: '7' },
          occurredAt: new Date(BASE + 3_600_000 + i * 1000).toISOString(),
          status: 'record_not_synced',
          syncedWith: { name: text },
          detail: { message: text, code: 'HOSTILE', category: 'validation' },
        })),
      );
    });
    after(async () => {
      await api?.close();
      await ledger?.close();
      await closeDb?.();
    });

    test('every route needs a health token: none or garbage 401, an embed token 401, another portal 403', async () => {
      const embed = await createEmbedToken({ record: { objectType: 'company', objectId: 'c0001', portalId: '7' }, secret: SECRET });
      const routes = [
        ['GET', '/health/summary'],
        ['GET', '/health/records'],
        ['POST', '/health/resync'],
        ['GET', '/health/export.csv'],
        ['GET', '/health/events'],
      ];
      for (const [method, path] of routes) {
        const ask = (headers, query = '') => fetch(`${api.base}${path}${query}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: method === 'POST' ? JSON.stringify({ items: [] }) : undefined });
        for (const headers of [{}, { Authorization: 'Bearer garbage' }, { Authorization: `Bearer ${embed}` }, { Authorization: `Bearer ${KEYS.netsuite}` }]) {
          const answer = await ask(headers);
          assert.equal(answer.status, 401, `${path} ${JSON.stringify(headers).slice(0, 40)}`);
          await answer.body?.cancel();
        }
        const other = await ask({ Authorization: `Bearer ${token7}` }, '?portalId=8');
        assert.equal(other.status, 403, `${path} with portalId=8`);
        assert.doesNotMatch(await other.text(), /SECRET-8/);
      }
      // A health token opens no card route and writes nothing.
      assert.equal((await get('?objectType=company&objectId=c0001&portalId=7')).status, 401);
      assert.equal((await post(`${api.base}/ledger/events`, { events: [outcome('7', 1, { eventSuffix: 'forged' })] }, { Authorization: `Bearer ${token7}` })).status, 401);
      // Its own portal named explicitly is fine.
      assert.equal((await get('/health/summary?portalId=7')).status, 200);
    });

    test('the token goes in a query parameter on /health/events only (never on the export)', async () => {
      const stream = await openStream(`${api.base}/health/events?token=${token7}`);
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('content-type'), /^text\/event-stream/);
      await stream.close();
      assert.equal((await getJson(`${api.base}/health/export.csv?token=${token7}`)).status, 401);
      assert.equal((await getJson(`${api.base}/health/records?token=${token7}`)).status, 401);
    });

    test("summary: integrations, counts per (integration, status), the failure groups largest first with a message and fix; portal 8's never", async () => {
      const { status, body, text } = await get('/health/summary');
      assert.equal(status, 200);
      assert.doesNotMatch(text, /SECRET-8/);
      assert.ok(Date.parse(body.generatedAt) > 0);
      assert.deepEqual(body.integrations.map((integration) => [integration.id, integration.name, integration.state]).sort(), [
        ['dynamics', 'Dynamics 365', 'active'],
        ['netsuite', 'NetSuite', 'active'],
      ]);
      const expected = new Map();
      for (const row of mainRows) expected.set(`netsuite/${row.status}`, (expected.get(`netsuite/${row.status}`) ?? 0) + 1);
      expected.set('dynamics/record_not_synced', HOSTILE.length);
      assert.deepEqual(new Map(body.counts.map((count) => [`${count.integrationId}/${count.status}`, count.count])), expected);
      // Groups: (integration, category, code) of failing rows; here category and code go together.
      const failing = mainRows.filter((row) => row.status !== 'up_to_date');
      const groups = new Map();
      for (const row of failing) {
        const key = `netsuite/${row.detail.category}/${row.detail.code}`;
        const group = groups.get(key) ?? { count: 0, first: Infinity, last: -Infinity, latest: null };
        group.count++;
        const at = Date.parse(row.occurredAt);
        group.first = Math.min(group.first, at);
        if (at > group.last) (group.last = at), (group.latest = row);
        groups.set(key, group);
      }
      groups.set('dynamics/validation/HOSTILE', { count: HOSTILE.length });
      assert.equal(body.groups.length, groups.size);
      for (let i = 1; i < body.groups.length; i++) assert.ok(body.groups[i - 1].count >= body.groups[i].count, 'largest first');
      for (const group of body.groups) {
        const want = groups.get(`${group.integrationId}/${group.category}/${group.code}`);
        assert.ok(want, JSON.stringify(group));
        assert.equal(group.count, want.count);
        if (group.integrationId !== 'netsuite') continue;
        assert.equal(group.firstSeenAt, new Date(want.first).toISOString());
        assert.equal(group.lastSeenAt, new Date(want.last).toISOString());
        assert.equal(group.message, want.latest.detail.message, 'the latest failure speaks for the group');
        assert.deepEqual(group.fix, { text: want.latest.detail.fix.text, url: null });
      }
      const other = await get('/health/summary', token8);
      assert.deepEqual(other.body.counts.reduce((sum, count) => sum + count.count, 0), OTHER);
      assert.deepEqual(other.body.integrations.map((integration) => integration.id), ['netsuite']);
    });

    test('records: the row shape, the default sort (last attempt, newest first), filters and total', async () => {
      const first = await get('/health/records?status=record_not_synced,partially_synced&integrationId=netsuite&limit=3');
      assert.equal(first.status, 200);
      const failing = mainRows.filter((row) => row.status !== 'up_to_date');
      assert.equal(first.body.total, failing.length);
      assert.equal(first.body.records.length, 3);
      assert.equal(typeof first.body.nextCursor, 'string');
      const [row] = first.body.records;
      assert.deepEqual(row.record, { objectType: 'company', objectId: 'c0001', portalId: '7' });
      assert.equal(row.syncId, 'netsuite:customer');
      assert.equal(row.label, 'NetSuite customer');
      assert.equal(row.integrationId, 'netsuite');
      assert.equal(row.status, 'partially_synced');
      assert.deepEqual(row.syncedWith, { name: 'Customer 1', url: 'https://erp.example.com/1' });
      assert.equal(row.detail.message, 'Failure 1: field missing');
      assert.equal(row.lastAttemptAt, mainRows[1].occurredAt);
      assert.equal(row.firstFailedAt, mainRows[1].occurredAt);
      assert.equal(row.attempts, 1);
      assert.deepEqual(first.body.records.map((each) => each.record.objectId), ['c0001', 'c0002', 'c0003']);

      const count = async (query) => (await get(`/health/records?${query}`)).body.total;
      assert.equal(await count(''), MAIN + HOSTILE.length, 'no status: every status');
      assert.equal(await count('status=up_to_date'), MAIN / 4);
      assert.equal(await count('objectType=CONTACT'), HOSTILE.length, 'objectType compares case-insensitively');
      assert.equal(await count('category=duplicate&integrationId=netsuite'), failing.filter((each) => each.detail.category === 'duplicate').length);
      assert.equal(await count('code=E1,E2'), failing.filter((each) => each.detail.code !== 'E0').length);
      assert.equal(await count('q=customer 11'), mainRows.filter((each) => each.syncedWith.name.startsWith('Customer 11')).length, 'q: synced-with name, any case');
      assert.equal(await count('q=C0042'), 1, 'q: object id');
      assert.equal(await count('q=failure 7:'), 1, 'q: message');
      assert.equal(await count('q=%25'), 0, 'q: % is a character, not a wildcard');
      assert.equal(await count('q=_'), 0, 'q: _ likewise');
      assert.equal(await count('q=%22hi%22'), 1, 'q: quotes');
    });

    test('sorts: record in code-point order ascending, first failed, and order reverses', async () => {
      const ids = async (query) => (await get(`/health/records?${query}&limit=200`)).body.records.map((each) => `${each.record.objectType}:${each.record.objectId}`);
      const byRecord = await ids('sort=record&integrationId=dynamics');
      assert.deepEqual(byRecord, HOSTILE.map((_, i) => `contact:h${i}`));
      assert.deepEqual(await ids('sort=record&order=desc&integrationId=dynamics'), [...byRecord].reverse());
      const oldestFirst = await ids('sort=firstFailedAt&order=asc&status=record_not_synced&integrationId=netsuite');
      const failingOldest = mainRows.filter((row) => row.status === 'record_not_synced').sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
      assert.deepEqual(oldestFirst, failingOldest.slice(0, 200).map((row) => `company:${row.record.objectId}`));
    });

    test('every value the route does not know is a 400 with a message, never a database error', async () => {
      const bad = ['limit=0', 'limit=201', 'limit=abc', 'limit=1.5', 'limit=-1', 'limit=', 'sort=name', 'order=up', 'status=broken', 'status=up_to_date,broken', 'category=nope', 'cursor=!!!', 'cursor=abc', `cursor=${Buffer.from('[1,2]').toString('base64url')}`, 'sort=record&sort=record', `q=${'x'.repeat(201)}`, 'code=a%00b'];
      for (const query of bad) {
        const answer = await get(`/health/records?${query}`);
        assert.equal(answer.status, 400, query);
        assert.equal(typeof answer.body.error.message, 'string');
        assert.doesNotMatch(answer.text, /syntax|relation|isc_|postgres/i, query);
        assert.equal((await get(`/health/export.csv?${query}`)).status, 400, `export ${query}`);
      }
      // A cursor of another sort or order, or a forged one whose time is not a time.
      const { body } = await get('/health/records?limit=2');
      assert.equal((await get(`/health/records?limit=2&sort=record&cursor=${body.nextCursor}`)).status, 400);
      assert.equal((await get(`/health/records?limit=2&order=asc&cursor=${body.nextCursor}`)).status, 400);
      const forged = Buffer.from(JSON.stringify(['lastAttemptAt', 'desc', "2026-01-01'; DROP TABLE isc_syncs; --", 'company', 'c1', 'x'])).toString('base64url');
      assert.equal((await get(`/health/records?cursor=${forged}`)).status, 400);
      assert.equal((await get('/health/records')).body.total, MAIN + HOSTILE.length, 'still all there');
    });

    test('keyset paging through 1,200 rows under concurrent inserts: every row once, no gaps, no duplicates', async () => {
      for (const sort of ['lastAttemptAt', 'record', 'firstFailedAt']) {
        const seen = new Map();
        let cursor = null;
        let pages = 0;
        let inserted = 0;
        do {
          const answer = await get(`/health/records?integrationId=netsuite&sort=${sort}&limit=97${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(answer.status, 200);
          for (const row of answer.body.records) {
            const key = row.record.objectId;
            assert.ok(!seen.has(key), `${sort}: ${key} twice`);
            seen.set(key, row);
          }
          cursor = answer.body.nextCursor;
          pages++;
          // New records arrive while the user pages: before and after the current position.
          const at = [BASE + 86_400_000, BASE - 86_400_000];
          await ingest(at.map((time, n) => ({ ...outcome('7', 5000 + inserted + n), eventId: `${sort}-new-${inserted + n}`, record: { objectType: 'company', objectId: `new-${sort}-${inserted + n}`, portalId: '7' }, occurredAt: new Date(time + pages).toISOString() })));
          inserted += 2;
        } while (cursor);
        for (const row of mainRows) assert.ok(seen.has(row.record.objectId), `${sort}: ${row.record.objectId} missing`);
        assert.ok(pages >= 13, `${sort}: ${pages} pages`);
      }
    });

    test('export: CSV with a header row, every matching row, RFC 4180 quoting and the formula guard; streamed', async () => {
      const response = await fetch(`${api.base}/health/export.csv?integrationId=dynamics&sort=record`, as(token7));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(response.headers.get('content-disposition'), /^attachment; filename="sync-health-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parseCsv(await response.text());
      const header = rows[0];
      assert.deepEqual(header.slice(0, 7), ['objectType', 'objectId', 'portalId', 'syncId', 'label', 'integrationId', 'status']);
      const name = header.indexOf('syncedWith');
      const message = header.indexOf('message');
      assert.equal(rows.length, 1 + HOSTILE.length);
      const guarded = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      for (const [i, text] of HOSTILE.entries()) {
        const row = rows[1 + i];
        assert.equal(row.length, header.length, `row ${i} has every column`);
        assert.equal(row[1], `h${i}`);
        assert.equal(row[name], guarded(text));
        assert.equal(row[message], guarded(text));
      }

      // 1,200+ rows arrive in more than one chunk (pages of 500 read as the client takes them).
      const big = await fetch(`${api.base}/health/export.csv?integrationId=netsuite&status=up_to_date,partially_synced,record_not_synced`, as(token7));
      let chunks = 0;
      let text = '';
      const decoder = new TextDecoder();
      for await (const chunk of big.body) {
        chunks++;
        text += decoder.decode(chunk, { stream: true });
      }
      const all = parseCsv(text);
      const ids = new Set(all.slice(1).map((row) => row[1]));
      assert.equal(ids.size, all.length - 1, 'no row twice');
      for (const row of mainRows) assert.ok(ids.has(row.record.objectId), row.record.objectId);
      assert.ok(chunks > 1, `${chunks} chunks`);
      assert.doesNotMatch(text, /SECRET-8/);
    });

    test('csvCell: NUL shown as U+FFFD; numbers as written; empty for null', () => {
      assert.equal(csvCell('a\0b'), 'a\uFFFDb');
      assert.equal(csvCell('=1\0'), "'=1\uFFFD");
      assert.equal(csvCell(3), '3');
      assert.equal(csvCell(null), '');
      assert.equal(csvCell('a,"b"\r\nc'), '"a,""b""\r\nc"');
    });

    test('resync: items and a filter queue once each, pending ones are not counted again, another portal is never queued', async () => {
      const item = (i, portalId = '7') => ({ record: { objectType: 'company', objectId: `c${String(i).padStart(4, '0')}`, portalId }, syncId: 'netsuite:customer' });
      const first = await post(`${api.base}/health/resync`, { items: [item(2), item(3), item(3)] }, { Authorization: `Bearer ${token7}` });
      assert.equal(first.status, 202);
      assert.deepEqual(first.body, { requested: 2 });
      assert.deepEqual((await post(`${api.base}/health/resync`, { items: [item(2), item(3)] }, { Authorization: `Bearer ${token7}` })).body, { requested: 0 }, 'already pending');
      // Portal 8's records named by portal 7's token: never queued, whichever way they are named.
      const foreign = await post(`${api.base}/health/resync`, { items: [item(5, '8'), item(6, '8')] }, { Authorization: `Bearer ${token7}` });
      assert.deepEqual(foreign.body, { requested: 0 });
      // A filter: every matching record (as the records route lists them), minus the pending ones.
      const matching = [];
      let cursor = '';
      do {
        const page = await get(`/health/records?status=partially_synced&code=E1&integrationId=netsuite&limit=200${cursor}`);
        matching.push(...page.body.records);
        cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
      } while (cursor);
      assert.ok(matching.length >= 100);
      const byFilter = await post(`${api.base}/health/resync`, { filter: { status: ['partially_synced'], code: 'E1', integrationId: ['netsuite'] } }, { Authorization: `Bearer ${token7}` });
      assert.deepEqual(byFilter.body, { requested: matching.length });
      const claimed = await post(`${api.base}/ledger/resync-requests/claim`, { integrationId: 'netsuite', limit: 500 }, { Authorization: `Bearer ${KEYS.netsuite}` });
      assert.equal(claimed.status, 200);
      const keys = claimed.body.requests.map((request) => `${request.record.portalId}/${request.record.objectId}`);
      assert.ok(!keys.some((key) => key.startsWith('8/')), "portal 8's records were never queued");
      assert.deepEqual(new Set(keys), new Set(['7/c0002', '7/c0003', ...matching.map((row) => `7/${row.record.objectId}`)]));
      assert.equal(claimed.body.requests.find((request) => request.record.objectId === 'c0002').requestedBy, 'ops@example.com');
      // Portal 8's own token over the same filter queues only portal 8's.
      const eight = await post(`${api.base}/health/resync`, { filter: { status: ['partially_synced'], code: 'E1' } }, { Authorization: `Bearer ${token8}` });
      assert.equal(eight.body.requested, Array.from({ length: OTHER }, (_, i) => outcome('8', i)).filter((row) => row.status === 'partially_synced' && row.detail.code === 'E1').length);
    });

    test('resync: a malformed body or more than 1,000 items is a 400; over 1 MiB a 413', async () => {
      const auth = { Authorization: `Bearer ${token7}` };
      for (const body of ['not json', {}, { items: 'x' }, { items: [{ record: { objectType: 'company' }, syncId: 'a' }] }, { items: [{ record: { objectType: 'c', objectId: '1' } }] }, { filter: { status: ['nope'] } }, { filter: 'x' }, { items: [], filter: {} }]) {
        assert.equal((await post(`${api.base}/health/resync`, body, auth)).status, 400, JSON.stringify(body));
      }
      const many = Array.from({ length: 1001 }, (_, i) => ({ record: { objectType: 'company', objectId: String(i) }, syncId: 'netsuite:customer' }));
      assert.equal((await post(`${api.base}/health/resync`, { items: many }, auth)).status, 400);
      assert.equal((await post(`${api.base}/health/resync`, { items: [], pad: 'x'.repeat(1_100_000) }, auth)).status, 413);
    });

    test("events: several changes within a second are one message with their sum; another portal's changes never arrive", async () => {
      const seven = await openStream(`${api.base}/health/events`, { Authorization: `Bearer ${token7}` });
      const eight = await openStream(`${api.base}/health/events?token=${token8}`);
      await until(() => seven.text().includes(': connected') && eight.text().includes(': connected'), 'both streams open');
      const messages = () => [...seven.text().matchAll(/event: change\ndata: (.*)\n\n/g)].map((match) => JSON.parse(match[1]));
      // Three records change, in three requests, well within one second.
      for (let i = 0; i < 3; i++) await ingest([outcome('7', 10 + i, { eventSuffix: `live-${i}`, occurredAt: new Date(BASE + 7_200_000 + i).toISOString() })]);
      await until(() => messages().length > 0, 'a change message');
      await delay(1300);
      assert.deepEqual(messages(), [{ changed: 3 }]);
      assert.doesNotMatch(eight.text(), /event: change/);
      // A later change is a message of its own.
      await ingest([outcome('7', 20, { eventSuffix: 'live-later', occurredAt: new Date(BASE + 7_300_000).toISOString() })]);
      await until(() => messages().length === 2, 'the second message');
      assert.deepEqual(messages()[1], { changed: 1 });
      await seven.close();
      await eight.close();
    });

    test('auth as a function: called with record undefined, false is a 403, the portal is the portalId parameter', async () => {
      const asked = [];
      const open = await serve({ ledger, auth: (request, record) => (asked.push(record), request.headers.get('x-user') === 'ops') });
      try {
        assert.equal((await getJson(`${open.base}/health/summary?portalId=8`)).status, 403);
        const answer = await getJson(`${open.base}/health/records?portalId=8&limit=200`, { headers: { 'X-User': 'ops' } });
        assert.equal(answer.status, 200);
        assert.equal(answer.body.total, OTHER);
        assert.ok(answer.body.records.every((row) => row.record.portalId === '8'));
        assert.equal((await getJson(`${open.base}/health/records?portalId=nobody`, { headers: { 'X-User': 'ops' } })).body.total, 0);
        assert.ok(asked.length === 3 && asked.every((record) => record === undefined));
      } finally {
        await open.close();
      }
    });
  });
}

suite('PGlite', async () => {
  const db = new PGlite();
  return { db, close: () => db.close() };
});

suite('PostgreSQL', async () => {
  const server = await startPostgres();
  const pool = new pg.Pool({ connectionString: server.connectionString, max: 8 });
  return {
    db: pool,
    close: async () => {
      await pool.end();
      await server.stop();
    },
  };
});
