// A sync-status API that fails on purpose, on real HTTP (mounted by test-api.mjs), for the
// recovery tests: every run (a test's own id) has its own fault plan, request log and streams.
// - GET  /test-api/faults/<run>?objectType&objectId   → the record, or the planned fault
// - POST /test-api/faults/<run>/batch {"records":[…]} → {"results":[…]}, or the planned fault
// - GET  /test-api/faults/<run>/events?objectType&objectId → an SSE stream (503 while faulty)
// - POST /test-api/faults/<run>/control {fault?, push?, dropStreams?}
//     fault: null (healthy) or { kind, status?, retryAfter?, delayMs?, count? }, kind one of
//       status     that HTTP status (with Retry-After when `retryAfter` is given, sent verbatim)
//       drop       the connection is destroyed before any answer
//       hang       no answer until the client gives up
//       slow       the right answer after `delayMs`
//       truncated  200 with half a JSON body, then the connection is cut (Content-Length says more)
//       invalid    200 application/json whose body is cut JSON, properly ended
//       html       200 text/html: a login page where JSON was expected
//       text-json  200 text/plain whose body is valid JSON (a misconfigured server)
//     count: how many requests (a batch is one) get the fault before the API is healthy again
//     push: objectIds whose streams get an `event: change`; dropStreams: cut every open stream
// - GET  /test-api/faults/<run>/stats → { requests: [{ at, kind, objectIds, outcome }], streams: { opened, open } }

/** @typedef {{ kind: string, status?: number, retryAfter?: string, delayMs?: number, count?: number }} Fault */
/** @type {Map<string, { fault: Fault | null, requests: object[], served: Map<string, number>, streams: Set<{ objectId: string, res: import('node:http').ServerResponse }>, opened: number }>} */
const runs = new Map();
const runOf = (id) => {
  if (!runs.has(id)) runs.set(id, { fault: null, requests: [], served: new Map(), streams: new Set(), opened: 0 });
  return runs.get(id);
};

const recordResponse = (run, objectId) => {
  const version = (run.served.get(objectId) ?? 0) + 1;
  run.served.set(objectId, version);
  return {
    integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
    syncs: [
      {
        id: 'netsuite:customer',
        integrationId: 'netsuite',
        label: 'NetSuite customer',
        status: 'up_to_date',
        syncedWith: { name: `Record ${objectId} v${version}`, url: `https://erp.example.com/records/${encodeURIComponent(objectId)}` },
        lastSyncedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
      },
    ],
  };
};

const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });

/** The fault this request gets, if any (consuming one of a counted fault's requests). */
function takeFault(run) {
  const { fault } = run;
  if (!fault) return null;
  if (typeof fault.count === 'number') {
    if (fault.count <= 0) return (run.fault = null);
    fault.count -= 1;
  }
  return fault;
}

/**
 * Answers with `fault` (or returns false when the fault is "slow": the caller answers late).
 * @param {import('node:http').ServerResponse} res
 */
function applyFault(fault, req, res, goodBody) {
  const json = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  switch (fault.kind) {
    case 'status': {
      const headers = { ...json };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      res.writeHead(fault.status ?? 503, headers);
      res.end(JSON.stringify({ error: { message: 'failure on purpose' } }));
      return;
    }
    case 'drop':
      req.socket.destroy();
      return;
    case 'hang':
      return;
    case 'slow': {
      const timer = setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(200, json);
        res.end(JSON.stringify(goodBody()));
      }, fault.delayMs ?? 1000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'truncated': {
      const body = JSON.stringify(goodBody());
      res.writeHead(200, { ...json, 'Content-Length': String(Buffer.byteLength(body)) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      // Flushed first, then cut: the client sees headers and half a body, then a lost connection.
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    case 'invalid': {
      const body = JSON.stringify(goodBody());
      res.writeHead(200, json);
      res.end(body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    case 'html':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('<!doctype html><title>Sign in</title><form action="/login"></form>');
      return;
    case 'text-json':
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(goodBody()));
      return;
    default:
      res.writeHead(500, json);
      res.end(JSON.stringify({ error: { message: `unknown fault kind ${fault.kind}` } }));
  }
}

/** Handles /test-api/faults/…; returns false when the path is not one of these routes. */
export function faultApi(req, res, route, url) {
  const [id, sub] = route.split('/');
  if (!id) return false;
  const run = runOf(id);
  const send = (status, body) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const log = (kind, objectIds, fault) => {
    const entry = { at: Date.now(), kind, objectIds, outcome: fault ? fault.kind + (fault.kind === 'status' ? ` ${fault.status ?? 503}` : '') : 'ok' };
    run.requests.push(entry);
  };

  if (sub === 'stats' && req.method === 'GET') {
    send(200, { requests: run.requests, streams: { opened: run.opened, open: run.streams.size } });
    return true;
  }
  if (sub === 'control' && req.method === 'POST') {
    void readBody(req).then((body) => {
      if (body && 'fault' in body) run.fault = body.fault ? { ...body.fault } : null;
      if (body?.reset) {
        run.requests = [];
        run.opened = 0;
        run.served.clear();
      }
      for (const stream of run.streams) {
        if (body?.dropStreams) stream.res.destroy();
        else if (Array.isArray(body?.push) && body.push.includes(stream.objectId)) stream.res.write('event: change\ndata: {}\n\n');
      }
      if (body?.dropStreams) run.streams.clear();
      send(200, { ok: true });
    });
    return true;
  }
  if (sub === 'events' && req.method === 'GET') {
    run.opened += 1;
    const objectId = url.searchParams.get('objectId') ?? '';
    const fault = run.fault;
    if (fault && fault.kind !== 'slow') {
      log('events', [objectId], { kind: 'status', status: 503 });
      res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ error: { message: 'stream unavailable on purpose' } }));
      return true;
    }
    log('events', [objectId], null);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': open\n\n');
    const stream = { objectId, res };
    run.streams.add(stream);
    res.on('close', () => run.streams.delete(stream));
    return true;
  }
  if (sub === 'batch' && req.method === 'POST') {
    void readBody(req).then((body) => {
      const records = Array.isArray(body?.records) ? body.records : [];
      const ids = records.map((record) => String(record?.objectId));
      const fault = takeFault(run);
      log('batch', ids, fault);
      const results = () => ({ results: records.map((record) => ({ record, response: recordResponse(run, String(record.objectId)) })) });
      if (fault) return applyFault(fault, req, res, results);
      send(200, results());
    });
    return true;
  }
  if (!sub && req.method === 'GET') {
    const objectId = url.searchParams.get('objectId') ?? '';
    const fault = takeFault(run);
    log('get', [objectId], fault);
    if (fault) applyFault(fault, req, res, () => recordResponse(run, objectId));
    else send(200, recordResponse(run, objectId));
    return true;
  }
  return false;
}
