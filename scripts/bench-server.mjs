// `npm run bench` (server part): load test of `integration-sync-card/server` on 127.0.0.1,
// side by side with a bare node:http handler answering the same JSON bytes (the floor a deployer
// could write by hand: Map lookup, JSON.stringify, res.end). Each server runs in a process of
// its own; this process is the load generator: CLIENTS concurrent keep-alive clients for
// DURATION_MS per round, rounds interleaved (ours, bare, ours, bare, …), figures from the median
// round. Bounded in count and time; loopback only. Needs `npm run build` (dist/lib/server).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { responseFor } from './bench-data.mjs';

const CLIENTS = Number(process.env.BENCH_SERVER_CLIENTS ?? 32);
const DURATION_MS = Number(process.env.BENCH_SERVER_MS ?? 3000);
const ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS ?? 3);
const RECORDS = 1000;
const BATCH = 100;
const BASE = '/api/sync-status';

// ---------------------------------------------------------------------------------------------
// Data: RECORDS companies, two syncs each (scripts/bench-data.mjs), at a fixed date.
const startedAt = Date.parse('2026-11-28T09:00:00Z');
const data = new Map(Array.from({ length: RECORDS }, (_, n) => [`company:${n}`, responseFor(n, startedAt)]));

// ---------------------------------------------------------------------------------------------
// The two servers (child processes: `node bench-server.mjs --serve ours|bare`).
async function serveOurs() {
  const { createSyncStatusHandler, toNodeListener } = await import('../dist/lib/server/index.js');
  // What a deployer's source is: a lookup (here in memory, so the handler's own cost shows).
  const source = { getSyncStatus: async (record) => data.get(`${record.objectType}:${record.objectId}`) ?? { integrations: [], syncs: [] } };
  return createServer(toNodeListener(createSyncStatusHandler({ source, basePath: BASE })));
}

async function serveBare() {
  // The same JSON bytes as ours: the records normalised once, at start (not per request).
  const { normalizeResponse } = await import('../dist/lib/server/index.js');
  for (const [key, value] of data) data.set(key, normalizeResponse(value).response);
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const EMPTY = { integrations: [], syncs: [] };
  return createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === BASE && req.method === 'GET') {
      const objectType = url.searchParams.get('objectType');
      const objectId = url.searchParams.get('objectId');
      if (!objectType || !objectId) return send(res, 400, { error: { message: 'objectType and objectId are required' } });
      return send(res, 200, data.get(`${objectType}:${objectId}`) ?? EMPTY);
    }
    if (url.pathname === `${BASE}/batch` && req.method === 'POST') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(res, 400, { error: { message: 'invalid JSON' } });
        }
        if (!Array.isArray(body?.records)) return send(res, 400, { error: { message: 'records expected' } });
        send(res, 200, { results: body.records.map((record) => ({ record, response: data.get(`${record.objectType}:${record.objectId}`) ?? EMPTY })) });
      });
      return;
    }
    send(res, 404, { error: { message: 'Not found.' } });
  });
}

// ---------------------------------------------------------------------------------------------
// The load generator.
async function startServer(kind) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', kind], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const [chunk] = await once(child.stdout, 'data');
  const cpu = async () => {
    child.send('cpu');
    const [usage] = await once(child, 'message');
    return (usage.user + usage.system) / 1000;
  };
  return { port: Number(String(chunk).trim()), cpu, stop: () => child.kill() };
}

/** CLIENTS loops, each one request at a time, for DURATION_MS. */
async function load(port, makeRequest) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  const end = performance.now() + DURATION_MS;
  const once = () =>
    new Promise((resolve) => {
      const { method, path, body } = makeRequest();
      const started = performance.now();
      const req = request({ host: '127.0.0.1', port, method, path, agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {} }, (res) => {
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const client = async () => {
    while (performance.now() < end) await once();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors, bytes, count: latencies.length + errors };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  let counter = 0;
  const scenarios = {
    'status GET': () => ({ method: 'GET', path: `${BASE}?objectType=company&objectId=${counter++ % RECORDS}` }),
    [`batch of ${BATCH}`]: () => {
      const first = (counter++ * BATCH) % RECORDS;
      const records = Array.from({ length: BATCH }, (_, i) => ({ objectType: 'company', objectId: String((first + i) % RECORDS) }));
      return { method: 'POST', path: `${BASE}/batch`, body: JSON.stringify({ records }) };
    },
  };
  console.log(`integration-sync-card/server load test: ${CLIENTS} concurrent keep-alive clients, ${ROUNDS} × ${DURATION_MS} ms per server and scenario, 127.0.0.1`);
  const servers = { ours: await startServer('ours'), bare: await startServer('bare') };
  const rows = [];
  try {
    for (const [name, makeRequest] of Object.entries(scenarios)) {
      // Same bytes from both (the bare server answers the normalised data as stored).
      const sample = makeRequest();
      const bodies = await Promise.all(
        Object.values(servers).map(({ port }) =>
          fetch(`http://127.0.0.1:${port}${sample.path}`, { method: sample.method, body: sample.body }).then((response) => response.text()),
        ),
      );
      if (bodies[0] !== bodies[1]) throw new Error(`${name}: the two servers answer different JSON`);
      // Warm-up (JIT) for both, then interleaved rounds.
      for (const { port } of Object.values(servers)) await load(port, makeRequest);
      const runs = { ours: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const kind of ['ours', 'bare']) {
          const cpuBefore = await servers[kind].cpu();
          const run = await load(servers[kind].port, makeRequest);
          run.cpuMsPerRequest = ((await servers[kind].cpu()) - cpuBefore) / Math.max(1, run.count);
          runs[kind].push(run);
        }
      }
      const pick = (kind) => ({
        rps: median(runs[kind].map((run) => run.rps)),
        p50: median(runs[kind].map((run) => run.p50)),
        p99: median(runs[kind].map((run) => run.p99)),
        errors: runs[kind].reduce((sum, run) => sum + run.errors, 0),
        cpu: median(runs[kind].map((run) => run.cpuMsPerRequest)),
      });
      rows.push({ name, ours: pick('ours'), bare: pick('bare'), ratios: runs.ours.map((run, i) => run.rps / runs.bare[i].rps) });
    }
  } finally {
    for (const server of Object.values(servers)) server.stop();
  }
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log('');
  console.log('| scenario | server | requests/s | p50 | p99 | server CPU per request | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    for (const [label, figures] of [['createSyncStatusHandler', row.ours], ['bare node:http', row.bare]]) {
      console.log(`| ${row.name} | ${label} | ${figures.rps.toFixed(0)} | ${ms(figures.p50)} | ${ms(figures.p99)} | ${(figures.cpu * 1000).toFixed(0)} µs | ${figures.errors} |`);
    }
  }
  console.log('');
  for (const row of rows) {
    const ratio = median(row.ratios);
    console.log(`${row.name}: ${ratio.toFixed(2)}× the bare handler's requests/s (per round: ${row.ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.80×) ${ratio >= 0.8 ? 'ok' : 'BELOW TARGET'}`);
    // On a machine busy with other work, wall-clock throughput mostly measures the neighbours;
    // the CPU each server spends per request is its capacity, whatever else runs.
    const capacity = row.bare.cpu / row.ours.cpu;
    console.log(`${row.name}: capacity from server CPU per request: ${capacity.toFixed(2)}× the bare handler's ${capacity >= 0.8 ? 'ok' : 'BELOW TARGET'}`);
  }
}

if (process.argv[2] === '--serve') {
  const server = process.argv[3] === 'bare' ? await serveBare() : await serveOurs();
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
  // CPU time this process used: its cost per request, which the machine's other load barely moves.
  process.on('message', () => process.send?.(process.cpuUsage()));
  // Bounded: the parent ends it, and it ends itself after a while in any case.
  setTimeout(() => process.exit(0), 10 * 60_000).unref();
} else {
  await main();
}
