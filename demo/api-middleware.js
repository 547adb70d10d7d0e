// A fake sync-status REST API (contract.md §3) for the dev server, the preview
// server and tests. Connect-style `(req, res, next)` using only Node's req/res,
// so Vite (`server.middlewares.use`) and a Koa wrapper can both mount it.

import { demoRecords, FAILING_RECORD } from './demo-data.js';

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 * @typedef {import('./demo-data.js').RecordRef} RecordRef
 * @typedef {import('./demo-data.js').SyncStatusResponse} SyncStatusResponse
 */

const EMPTY = Object.freeze({ integrations: [], syncs: [] });
const FAILURE_MESSAGE = 'NetSuite did not answer in time';
const MAX_BODY_BYTES = 1_000_000;

/**
 * Routes:
 * - `GET  {basePath}?objectType=…&objectId=…[&portalId=…]` → SyncStatusResponse
 * - `POST {basePath}/batch` `{"records":[RecordRef…]}` → `{"results":[…]}`
 * - anything else under basePath → 404; other paths → `next()`
 *
 * @param {{ basePath?: string, records?: () => Record<string, SyncStatusResponse> }} [options]
 *   `records` is called per request, so relative dates stay fresh.
 * @returns {(req: Request, res: Response, next: (err?: unknown) => void) => void}
 */
export function syncStatusApi({ basePath = '/api/sync-status', records = () => demoRecords(), resyncDelayMs = 4000 } = {}) {
  const live = createLiveState(resyncDelayMs);
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';

    if (path === basePath) {
      if (!allow(req, res, 'GET')) return;
      const record = {
        objectType: url.searchParams.get('objectType') ?? '',
        objectId: url.searchParams.get('objectId') ?? '',
      };
      if (!record.objectType || !record.objectId) {
        return sendJson(res, 400, { message: 'objectType and objectId are required' });
      }
      if (isFailing(record)) return sendJson(res, 503, { message: FAILURE_MESSAGE });
      return sendJson(res, 200, live.apply(record, lookup(records(), record)));
    }

    if (path === `${basePath}/resync`) {
      if (!allow(req, res, 'POST')) return;
      readJson(req).then(
        (body) => {
          const record = body?.record;
          if (!isRecordRef(record) || typeof body.syncId !== 'string') {
            return sendJson(res, 400, { message: 'Expected {"record":RecordRef,"syncId":string}' });
          }
          if (isFailing(record)) return sendJson(res, 503, { message: FAILURE_MESSAGE });
          const sync = live.apply(record, lookup(records(), record)).syncs.find((item) => item.id === body.syncId);
          if (!sync) return sendJson(res, 404, { message: `No sync "${body.syncId}" on this record` });
          live.resync(record, sync);
          sendJson(res, 202, { accepted: true });
        },
        (error) => sendJson(res, 400, { message: `Invalid JSON body: ${error.message}` }),
      );
      return;
    }

    if (path === `${basePath}/history`) {
      if (!allow(req, res, 'GET')) return;
      const record = { objectType: url.searchParams.get('objectType') ?? '', objectId: url.searchParams.get('objectId') ?? '' };
      const syncId = url.searchParams.get('syncId') ?? '';
      if (isFailing(record)) return sendJson(res, 503, { message: FAILURE_MESSAGE });
      const sync = live.apply(record, lookup(records(), record)).syncs.find((item) => item.id === syncId);
      if (!sync) return sendJson(res, 404, { message: `No sync "${syncId}" on this record` });
      return sendJson(res, 200, live.history(record, sync));
    }

    if (path === `${basePath}/events`) {
      if (!allow(req, res, 'GET')) return;
      const record = { objectType: url.searchParams.get('objectType') ?? '', objectId: url.searchParams.get('objectId') ?? '' };
      if (!isRecordRef(record)) return sendJson(res, 400, { message: 'objectType and objectId are required' });
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 2000\n\n');
      live.listen(record, res);
      return;
    }

    if (path === `${basePath}/batch`) {
      if (!allow(req, res, 'POST')) return;
      readJson(req).then(
        (body) => {
          if (!body || !Array.isArray(body.records)) {
            return sendJson(res, 400, { message: 'Expected {"records":[RecordRef…]}' });
          }
          const data = records();
          const results = body.records.map((/** @type {unknown} */ item) => {
            const record = /** @type {RecordRef} */ (item);
            if (!isRecordRef(item)) return { record, error: { message: 'objectType and objectId are required' } };
            if (isFailing(record)) return { record, error: { message: FAILURE_MESSAGE } };
            return { record, response: lookup(data, record) };
          });
          sendJson(res, 200, { results });
        },
        (error) => sendJson(res, 400, { message: `Invalid JSON body: ${error.message}` }),
      );
      return;
    }

    if (path.startsWith(`${basePath}/`)) return sendJson(res, 404, { message: `Not found: ${url.pathname}` });

    next();
  };
}

/**
 * What the demo API remembers between requests: resyncs in progress and done, the sync
 * history, and the open event streams to tell about changes.
 * @param {number} resyncDelayMs how long a resync stays "in_progress"
 */
function createLiveState(resyncDelayMs) {
  /** @type {Map<string, Map<string, Partial<SyncStatusResponse['syncs'][number]>>>} */
  const overrides = new Map();
  /** @type {Map<string, { at: string, status: string, message: string | null, direction: string }[]>} */
  const histories = new Map();
  /** @type {Map<string, Set<Response>>} */
  const listeners = new Map();
  const keyOf = (/** @type {RecordRef} */ record) => `${record.objectType}:${record.objectId}`;

  /** @param {RecordRef} record @param {any} sync */
  const historyOf = (record, sync) => {
    const key = `${keyOf(record)}|${sync.id}`;
    let events = histories.get(key);
    if (!events) {
      // A plausible past: the current status now, successful syncs before it.
      const last = Date.parse(sync.lastSyncedAt ?? '') || Date.now() - 3600_000;
      events = [
        { at: new Date(last).toISOString(), status: sync.status, message: sync.detail?.message ?? null, direction: 'outbound' },
        { at: new Date(last - 86_400_000).toISOString(), status: 'up_to_date', message: null, direction: 'inbound' },
        { at: new Date(last - 3 * 86_400_000).toISOString(), status: 'up_to_date', message: null, direction: 'outbound' },
      ];
      histories.set(key, events);
    }
    return events;
  };
  /** @param {RecordRef} record @param {string} syncId @param {any} change @param {any} event */
  const update = (record, syncId, change, event) => {
    const key = keyOf(record);
    if (!overrides.has(key)) overrides.set(key, new Map());
    const byId = /** @type {Map<string, any>} */ (overrides.get(key));
    byId.set(syncId, { ...byId.get(syncId), ...change });
    histories.get(`${key}|${syncId}`)?.unshift(event);
    for (const res of listeners.get(key) ?? []) res.write(`event: change\ndata: ${JSON.stringify({ syncId })}\n\n`);
  };

  return {
    /** The record's response with what happened since applied. @param {RecordRef} record @param {SyncStatusResponse} response */
    apply(record, response) {
      const byId = overrides.get(keyOf(record));
      if (!byId) return response;
      return { ...response, syncs: response.syncs.map((sync) => ({ ...sync, ...byId.get(sync.id) })) };
    },
    history: historyOf,
    /** "in_progress" now, "up_to_date" after resyncDelayMs; each step pushed to listeners. @param {RecordRef} record @param {any} sync */
    resync(record, sync) {
      historyOf(record, sync);
      const started = new Date().toISOString();
      update(record, sync.id, { status: 'in_progress' }, { at: started, status: 'in_progress', message: 'Resync requested from the CRM', direction: 'outbound' });
      setTimeout(() => {
        const at = new Date().toISOString();
        const done = { status: 'up_to_date', lastSyncedAt: at, detail: { message: null, code: null, url: null, exclusionGroup: null } };
        update(record, sync.id, done, { at, status: 'up_to_date', message: 'Synced after a manual resync', direction: 'outbound' });
      }, resyncDelayMs).unref?.();
    },
    /** Keeps an event stream open for the record until the client leaves. @param {RecordRef} record @param {Response} res */
    listen(record, res) {
      const key = keyOf(record);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key)?.add(res);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      res.on('close', () => {
        clearInterval(heartbeat);
        listeners.get(key)?.delete(res);
      });
    },
  };
}

/** @param {Record<string, SyncStatusResponse>} data @param {RecordRef} record */
function lookup(data, record) {
  return data[`${record.objectType}:${record.objectId}`] ?? EMPTY;
}

/** @param {RecordRef} record */
function isFailing(record) {
  return record.objectType === FAILING_RECORD.objectType && record.objectId === FAILING_RECORD.objectId;
}

/** @param {unknown} value @returns {value is RecordRef} */
function isRecordRef(value) {
  const ref = /** @type {Partial<RecordRef> | null} */ (value);
  return typeof ref === 'object' && ref !== null &&
    typeof ref.objectType === 'string' && ref.objectType !== '' &&
    typeof ref.objectId === 'string' && ref.objectId !== '';
}

/** Answers 405 and returns false when the method is not the expected one. */
function allow(/** @type {Request} */ req, /** @type {Response} */ res, /** @type {string} */ method) {
  if (req.method === method) return true;
  res.setHeader('Allow', method);
  sendJson(res, 405, { message: `Use ${method}` });
  return false;
}

/** @param {Response} res @param {number} status @param {unknown} body */
function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** @param {Request} req @returns {Promise<any>} */
function readJson(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new Error('body too large'));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}
