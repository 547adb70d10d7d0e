import { readFile } from 'node:fs/promises';
import { faultApi } from './fault-api.mjs';
// Routes the browser tests talk to through the real REST provider: a real HTTP
// server (the test runner's), real fetch, real status codes, bodies and delays.
// - GET /test-api/echo?objectType&objectId[&delayMs]  → a response naming the record (counted)
// - GET /test-api/count?objectId=…                    → how many echo requests that objectId got
// - GET /test-api/status/<code>                       → that HTTP status
// - GET /test-api/invalid-json                        → 200 with a body that is not JSON
// - GET /test-api/array                               → 200 with [] (valid JSON, not a response)
// - GET /test-api/hang                                → never answers (until the client aborts)
// - GET /test-api/csp/<file>                          → test/support/csp/<file> under a strict CSP header
// - /test-api/batching/<run>: a sync-status API with request counting, for batching and cache tests
//   - GET  ?objectType&objectId       → "Record <objectId> v<n>" (n: how often that record was served)
//   - POST /batch {"records":[…]}     → {"results":[…]} in *reverse* order (clients must match by record);
//     objectId "fail-…" → a per-record error; any "boom-…" → the whole batch answers 500;
//     any "slow-…" → the batch answers after 400 ms (a client abort before that is counted);
//     any "held-…" → the batch is never answered, until the client aborts (counted; the server
//     gives up after 20 s)
// - GET /test-api/batching-stats/<run> → { gets, batches: [[objectId…]…], aborted }
// - /test-api/faults/<run>/…: a sync-status API failing as each test plans it (fault-api.mjs)

const counts = new Map();
/** The strictest policy an embedding page is likely to have (issue: "Strict page"). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
/** @type {Map<string, { gets: number, batches: string[][], aborted: number, served: Map<string, number> }>} */
const runs = new Map();
const runOf = (id) => {
  if (!runs.has(id)) runs.set(id, { gets: 0, batches: [], aborted: 0, served: new Map() });
  return runs.get(id);
};
/** One up-to-date NetSuite sync whose external record is named `name`: what a user reads back. */
const recordResponse = (objectId, name) => ({
  integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
  syncs: [
    {
      id: 'netsuite:customer',
      integrationId: 'netsuite',
      label: 'NetSuite customer',
      status: 'up_to_date',
      syncedWith: { name, url: `https://erp.example.com/records/${encodeURIComponent(objectId)}` },
      lastSyncedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    },
  ],
});
const batchingResponse = (run, record) => {
  const version = (run.served.get(record.objectId) ?? 0) + 1;
  run.served.set(record.objectId, version);
  return recordResponse(record.objectId, `Record ${record.objectId} v${version}`);
};
const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });

/** @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} */
export function testApi() {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/test-api/')) return next();
    const send = (status, body, type = 'application/json') => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const route = url.pathname.slice('/test-api/'.length);
    const objectId = url.searchParams.get('objectId') ?? '';
    if (route === 'echo') {
      counts.set(objectId, (counts.get(objectId) ?? 0) + 1);
      const delayMs = Number(url.searchParams.get('delayMs') ?? 0);
      const body = recordResponse(objectId, `Record ${objectId}`);
      const timer = setTimeout(() => send(200, body), delayMs);
      req.on('close', () => clearTimeout(timer));
      return;
    }
    if (route.startsWith('faults/') && faultApi(req, res, route.slice('faults/'.length), url)) return;
    if (route === 'count') return send(200, { count: counts.get(objectId) ?? 0 });
    if (route.startsWith('batching-stats/')) {
      const { gets, batches, aborted } = runOf(route.slice('batching-stats/'.length));
      return send(200, { gets, batches, aborted });
    }
    if (route.startsWith('batching/')) {
      const [id, sub] = route.slice('batching/'.length).split('/');
      const run = runOf(id);
      if (!sub && req.method === 'GET') {
        run.gets += 1;
        return send(200, batchingResponse(run, { objectType: url.searchParams.get('objectType'), objectId }));
      }
      if (sub === 'batch' && req.method === 'POST') {
        readBody(req).then(
          (body) => {
            const records = Array.isArray(body?.records) ? body.records : [];
            const ids = records.map((record) => record.objectId);
            run.batches.push(ids);
            const answer = () => {
              if (ids.some((id) => id.startsWith('boom-'))) return send(500, { message: 'failure on purpose' });
              const results = records.map((record) =>
                record.objectId.startsWith('fail-')
                  ? { record, error: { message: `no ERP record for ${record.objectId}` } }
                  : { record, response: batchingResponse(run, record) },
              );
              send(200, { results: results.reverse() });
            };
            const held = ids.some((id) => id.startsWith('held-'));
            if (!held && !ids.some((id) => id.startsWith('slow-'))) return answer();
            const timer = held ? setTimeout(() => res.destroy(), 20_000) : setTimeout(answer, 400);
            res.on('close', () => {
              if (!res.writableEnded) {
                clearTimeout(timer);
                run.aborted += 1;
              }
            });
          },
          () => send(400, { message: 'invalid JSON body' }),
        );
        return;
      }
      return send(404, { message: 'no such batching route' });
    }
    if (route.startsWith('status/')) return send(Number(route.slice(7)) || 500, { message: 'failure on purpose' });
    if (route === 'invalid-json') return send(200, '{"integrations": [', 'application/json');
    if (route === 'array') return send(200, []);
    if (route === 'hang') {
      // The client's timeout or abort ends it; the server gives up after 20 s, so an engine that
      // keeps an aborted request open (WebKit) cannot starve the next page of connections.
      const timer = setTimeout(() => res.destroy(), 20_000);
      res.once('close', () => clearTimeout(timer));
      return;
    }
    if (route.startsWith('csp/')) {
      const file = route.slice(4);
      if (!/^[\w-]+\.(html|js)$/.test(file)) return send(404, { message: 'no such file' });
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
      readFile(new URL(`./csp/${file}`, import.meta.url), 'utf8').then(
        (body) => {
          res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': STRICT_CSP });
          res.end(body);
        },
        () => send(404, { message: 'no such file' }),
      );
      return;
    }
    return send(404, { message: 'no such test route' });
  };
}
