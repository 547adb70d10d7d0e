// Routes the browser tests talk to through the real REST provider (contract §3): a real HTTP
// server (the test runner's), real fetch, real status codes, bodies and delays.
// - GET /test-api/echo?objectType&objectId[&delayMs]  → a response naming the record (counted)
// - GET /test-api/count?objectId=…                    → how many echo requests that objectId got
// - GET /test-api/status/<code>                       → that HTTP status
// - GET /test-api/invalid-json                        → 200 with a body that is not JSON
// - GET /test-api/hang                                → never answers (until the client aborts)

const counts = new Map();

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
      const body = {
        integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
        syncs: [
          {
            id: 'netsuite:customer',
            integrationId: 'netsuite',
            label: 'NetSuite customer',
            status: 'up_to_date',
            syncedWith: { name: `Record ${objectId}`, url: `https://erp.example.com/records/${encodeURIComponent(objectId)}` },
            lastSyncedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
          },
        ],
      };
      const timer = setTimeout(() => send(200, body), delayMs);
      req.on('close', () => clearTimeout(timer));
      return;
    }
    if (route === 'count') return send(200, { count: counts.get(objectId) ?? 0 });
    if (route.startsWith('status/')) return send(Number(route.slice(7)) || 500, { message: 'failure on purpose' });
    if (route === 'invalid-json') return send(200, '{"integrations": [', 'application/json');
    if (route === 'hang') return; // the client's timeout or abort ends it
    return send(404, { message: 'no such test route' });
  };
}
