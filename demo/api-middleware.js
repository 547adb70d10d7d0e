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
export function syncStatusApi({ basePath = '/api/sync-status', records = () => demoRecords() } = {}) {
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
      return sendJson(res, 200, lookup(records(), record));
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
