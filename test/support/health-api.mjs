// The §15 routes over in-memory data, for the health element's browser tests (real HTTP, real
// fetch, real EventSource), before and beside the ledger-backed handler of src/server.
// Each test works on a run of its own: /health-api/<run>/…
// - POST /health-api/<run>/setup {count?, records?, token?, fail?: {route, status, times, retryAfter?}, delayMs?}
//        count generated records (or the given ones); with `token`, every route wants it (Bearer,
//        or `token=` on /events) and answers 401 without; `fail` answers `status` to the next
//        `times` requests of `route` (summary, records, resync, export.csv)
// - GET  /health-api/<run>/stats → {requests: [{route, query, authorization}], resyncs: [body…]}
// - POST /health-api/<run>/change {changed, touch?} → `event: change` on every open stream; with
//        `touch`, that many records get a new last attempt first (a reload would reorder them)
// - GET/POST /health-api/<run>/health/{summary,records,resync,export.csv,events}: contract §15

const runs = new Map();
const HOUR = 3_600_000;
const CATEGORIES = ['validation', 'duplicate', 'rate_limit', 'missing_data'];
const CODES = ['E_VALIDATION', 'E_DUPLICATE', 'E_RATE_LIMIT', 'E_MISSING'];
const MESSAGES = ['Required field "Tax ID" is missing.', 'A customer with this email already exists.', 'Rate limit reached: 60 requests per minute.', 'Subsidiary is empty.'];

/** Record i of a generated run: mostly failures, some partial, some up to date; deterministic. */
export function generatedRecord(i, now = Date.now()) {
  const kind = i % 4;
  const status = i % 10 === 9 ? 'up_to_date' : i % 5 === 4 ? 'partially_synced' : 'record_not_synced';
  const failing = status !== 'up_to_date';
  return {
    record: { objectType: ['company', 'contact', 'deal'][i % 3], objectId: String(1000 + i), portalId: '7' },
    syncId: i % 6 === 5 ? 'dynamics:account' : 'netsuite:customer',
    label: i % 6 === 5 ? 'Dynamics account' : 'NetSuite customer',
    integrationId: i % 6 === 5 ? 'dynamics' : 'netsuite',
    status,
    syncedWith: { name: i === 0 ? 'Acme Corp' : `Customer ${1000 + i}`, url: `https://erp.example.com/records/${1000 + i}` },
    detail: failing
      ? {
          message: MESSAGES[kind],
          code: CODES[kind],
          category: CATEGORIES[kind],
          url: 'https://app.example-crm.com/sync-health',
          fix: { text: 'Fill in the field in the CRM, then resync.', url: 'https://help.example.com/sync-errors' },
        }
      : null,
    lastSyncedAt: new Date(now - (i + 30) * HOUR).toISOString(),
    lastAttemptAt: new Date(now - (i + 1) * 60_000).toISOString(),
    firstFailedAt: failing ? new Date(now - (i % 7 + 1) * HOUR - i * 1000).toISOString() : null,
    attempts: failing ? 1 + (i % 6) : 0,
  };
}

const keyOf = (row) => `${row.record.objectType}:${row.record.objectId}:${row.syncId}`;
const list = (value) => (value ? value.split(',').filter(Boolean) : []);

/** Whether a row passes a filter (the records route's names; lists as arrays). */
export function matches(row, filter) {
  const { status, integrationId, objectType, category, code, q } = filter;
  if (status?.length && !status.includes(row.status)) return false;
  if (integrationId?.length && !integrationId.includes(row.integrationId)) return false;
  if (objectType?.length && !objectType.includes(row.record.objectType)) return false;
  if (category?.length && !category.includes(row.detail?.category)) return false;
  if (code?.length && !code.includes(row.detail?.code)) return false;
  if (q) {
    const needle = q.toLowerCase();
    const hay = [row.record.objectId, row.syncedWith?.name, row.detail?.message].filter(Boolean).map((v) => v.toLowerCase());
    if (!hay.some((v) => v.includes(needle))) return false;
  }
  return true;
}

const filterOfQuery = (params) => ({
  status: list(params.get('status')),
  integrationId: list(params.get('integrationId')),
  objectType: list(params.get('objectType')),
  category: list(params.get('category')),
  code: list(params.get('code')),
  q: params.get('q') ?? '',
});

/** The rows in a records route order: `lastAttemptAt`/`firstFailedAt` newest first, `record` ascending, unless `order` says. */
export function sorted(rows, sort, order) {
  const compareRecord = (a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
  const time = (row) => (row[sort] ? Date.parse(row[sort]) : -Infinity);
  const direction = order === 'asc' ? 1 : order === 'desc' ? -1 : sort === 'record' ? 1 : -1;
  return [...rows].sort((a, b) => direction * (sort === 'record' ? compareRecord(a, b) : time(a) - time(b) || compareRecord(a, b)));
}

/** `GET /health/summary` of these rows: counts per (integration, status), failure groups largest first. */
export function summaryOf(rows) {
  const counts = new Map();
  const groups = new Map();
  for (const row of rows) {
    const countKey = `${row.integrationId}|${row.status}`;
    counts.set(countKey, { integrationId: row.integrationId, status: row.status, count: (counts.get(countKey)?.count ?? 0) + 1 });
    if (row.status !== 'record_not_synced' && row.status !== 'partially_synced') continue;
    const groupKey = `${row.integrationId}|${row.detail?.category}|${row.detail?.code}`;
    const group = groups.get(groupKey) ?? { integrationId: row.integrationId, category: row.detail?.category ?? null, code: row.detail?.code ?? null, message: row.detail?.message ?? null, fix: row.detail?.fix ?? null, count: 0, firstSeenAt: row.firstFailedAt, lastSeenAt: row.lastAttemptAt };
    group.count += 1;
    if (row.firstFailedAt < group.firstSeenAt) group.firstSeenAt = row.firstFailedAt;
    if (row.lastAttemptAt > group.lastSeenAt) group.lastSeenAt = row.lastAttemptAt;
    groups.set(groupKey, group);
  }
  return {
    generatedAt: new Date().toISOString(),
    integrations: [
      { id: 'netsuite', name: 'NetSuite', state: 'active' },
      { id: 'dynamics', name: 'Dynamics 365', state: 'active' },
    ],
    counts: [...counts.values()],
    groups: [...groups.values()].sort((a, b) => b.count - a.count).slice(0, 50),
  };
}

function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        resolve(undefined);
      }
    });
  });

function runOf(id) {
  if (!runs.has(id)) {
    const now = Date.now();
    runs.set(id, { rows: Array.from({ length: 60 }, (_, i) => generatedRecord(i, now)), token: null, fail: null, delayMs: 0, requests: [], resyncs: [], streams: new Set(), pending: new Set() });
  }
  return runs.get(id);
}

/** @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} */
export function healthApi() {
  return async (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/health-api\/([\w-]+)\/(.+)$/.exec(url.pathname);
    if (!match) return next();
    const [, id, route] = match;
    const run = runOf(id);
    const send = (status, body, headers = {}) => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (route === 'setup' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      const now = Date.now();
      run.rows = body.records ?? Array.from({ length: body.count ?? 60 }, (_, i) => generatedRecord(i, now));
      run.token = body.token ?? null;
      run.fail = body.fail ? { ...body.fail } : null;
      run.delayMs = body.delayMs ?? 0;
      run.requests = [];
      run.resyncs = [];
      run.pending = new Set();
      return send(200, { ok: true });
    }
    if (route === 'stats') return send(200, { requests: run.requests, resyncs: run.resyncs });
    if (route === 'change' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      const now = Date.now();
      for (const row of run.rows.slice(-(body.touch ?? 0))) if (body.touch) row.lastAttemptAt = new Date(now).toISOString();
      for (const stream of run.streams) stream.write(`event: change\ndata: ${JSON.stringify({ changed: body.changed ?? 1 })}\n\n`);
      return send(200, { streams: run.streams.size });
    }
    if (!route.startsWith('health/')) return next();
    const name = route.slice('health/'.length);
    const params = url.searchParams;
    const authorization = req.headers.authorization ?? null;
    run.requests.push({ route: name, query: Object.fromEntries(params), authorization, accept: req.headers.accept ?? null });
    if (run.token) {
      const given = name === 'events' ? params.get('token') : authorization?.replace(/^Bearer /, '');
      if (given !== run.token) return send(401, { error: 'unauthorized' });
    }
    if (run.fail && run.fail.route === name && run.fail.times > 0) {
      run.fail.times -= 1;
      return send(run.fail.status, { error: 'planned failure' }, run.fail.retryAfter !== undefined ? { 'Retry-After': String(run.fail.retryAfter) } : {});
    }
    if (name === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': open\n\n');
      run.streams.add(res);
      req.on('close', () => run.streams.delete(res));
      return;
    }
    if (run.delayMs) await new Promise((resolve) => setTimeout(resolve, run.delayMs));
    const portalRows = run.rows.filter((row) => !params.get('portalId') || row.record.portalId === params.get('portalId'));

    if (name === 'summary') return send(200, summaryOf(portalRows));
    if (name === 'records' || name === 'export.csv') {
      const sort = params.get('sort') ?? 'lastAttemptAt';
      const order = params.get('order') ?? undefined;
      const limit = params.has('limit') ? Number(params.get('limit')) : 50;
      if (!['lastAttemptAt', 'firstFailedAt', 'record'].includes(sort) || (order && !['asc', 'desc'].includes(order))) return send(400, { error: 'bad sort' });
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) return send(400, { error: 'bad limit' });
      const rows = sorted(portalRows.filter((row) => matches(row, filterOfQuery(params))), sort, order);
      if (name === 'export.csv') {
        const header = ['objectType', 'objectId', 'syncId', 'integrationId', 'status', 'syncedWith', 'category', 'code', 'message', 'firstFailedAt', 'lastAttemptAt', 'attempts'];
        const lines = rows.map((r) => [r.record.objectType, r.record.objectId, r.syncId, r.integrationId, r.status, r.syncedWith?.name, r.detail?.category, r.detail?.code, r.detail?.message, r.firstFailedAt, r.lastAttemptAt, r.attempts].map(csvCell).join(','));
        return send(200, [header.join(','), ...lines].join('\r\n') + '\r\n', { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="sync-health.csv"' });
      }
      const cursor = params.get('cursor');
      const start = cursor ? rows.findIndex((row) => keyOf(row) === Buffer.from(cursor, 'base64url').toString('utf8')) + 1 : 0;
      const page = rows.slice(start, start + limit);
      const more = start + limit < rows.length;
      return send(200, { records: page, nextCursor: more ? Buffer.from(keyOf(page.at(-1)), 'utf8').toString('base64url') : null, total: rows.length });
    }
    if (name === 'resync' && req.method === 'POST') {
      const body = await readBody(req);
      run.resyncs.push(body);
      const chosen = body?.filter ? portalRows.filter((row) => matches(row, body.filter)) : portalRows.filter((row) => body?.items?.some((item) => item.syncId === row.syncId && item.record.objectId === row.record.objectId && item.record.objectType === row.record.objectType));
      let requested = 0;
      for (const row of chosen) {
        if (run.pending.has(keyOf(row))) continue;
        run.pending.add(keyOf(row));
        requested += 1;
      }
      return send(202, { requested });
    }
    return send(404, { error: 'not found' });
  };
}
