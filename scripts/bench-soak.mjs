// `npm run bench` (after the build): a page left open, in real time, shortened. 100 cards of the
// CDN build on 4 records (25 cards each, as a list and its detail views would), polling every 5 s,
// following live updates (Server-Sent Events, one stream per record), against a loopback API that
// fails in bursts: 503 for 4 s every 15 s, 429 with Retry-After 2 s for 3 s every 25 s, and a
// dropped stream every 20 s. Heap, DOM nodes, listeners and requests are printed after the first
// load, at the end and after the cards are removed (the controlled-clock 24-hour version, with
// assertions, is test/components/soak.test.ts). Loopback only; bounded by SOAK_SECONDS (default 60).
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Math.min(600, Math.max(10, Number(process.env.SOAK_SECONDS ?? 60)));
const CARDS = 100;
const RECORDS = 4;
const CDN_DIR = join(ROOT, 'dist/cdn');
const cdnFiles = new Map(readdirSync(CDN_DIR).map((file) => [file, readFileSync(join(CDN_DIR, file))]));
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };

const startedAt = Date.now();
const phase = (everyMs, forMs) => (Date.now() - startedAt) % everyMs < forMs;
const failure = () => (phase(15_000, 4_000) ? { status: 503 } : phase(25_000, 3_000) ? { status: 429, retryAfter: '2' } : null);
const stats = { requests: 0, failed: 0, batches: 0, streamsOpened: 0, streamsOpen: 0 };
const streams = new Set();
let version = 0;

const response = (objectId) => ({
  integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
  syncs: [
    {
      id: 'netsuite:customer',
      integrationId: 'netsuite',
      label: 'NetSuite customer',
      status: 'up_to_date',
      syncedWith: { name: `Record ${objectId} v${version}`, url: 'https://erp.example.com/r' },
      lastSyncedAt: new Date(Date.now() - 60_000).toISOString(),
    },
  ],
});

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>soak</title></head><body>
<script type="module" src="/dist/cdn/integration-sync-card.js"></script>
<div id="stage">${Array.from({ length: CARDS }, (_, index) => `<integration-sync-card endpoint="/api" live refresh-interval="5" object-type="company" object-id="r-${index % RECORDS}"></integration-sync-card>`).join('')}</div>
</body></html>`;

function send(res, status, body, type = 'application/json', headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/') return send(res, 200, PAGE, 'text/html');
  if (url.pathname.startsWith('/dist/cdn/')) {
    const file = url.pathname.slice('/dist/cdn/'.length);
    return cdnFiles.has(file) ? send(res, 200, cdnFiles.get(file), TYPES[extname(file)] ?? 'application/octet-stream') : send(res, 404, {});
  }
  if (url.pathname === '/api/events') {
    stats.streamsOpened += 1;
    if (failure()) return send(res, 503, { error: { message: 'down' } });
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(': open\n\n');
    streams.add(res);
    stats.streamsOpen = streams.size;
    res.on('close', () => {
      streams.delete(res);
      stats.streamsOpen = streams.size;
    });
    return;
  }
  if (url.pathname === '/api') {
    stats.requests += 1;
    const fault = failure();
    if (fault) {
      stats.failed += 1;
      return send(res, fault.status, { error: { message: 'failure on purpose' } }, 'application/json', fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
    }
    return send(res, 200, response(url.searchParams.get('objectId')));
  }
  send(res, 404, {});
});

// Live: a change every 3 s, and every stream cut every 20 s (the cards must reconnect with backoff).
const pushes = setInterval(() => {
  version += 1;
  for (const res of streams) res.write('event: change\ndata: {}\n\n');
}, 3000);
const drops = setInterval(() => {
  for (const res of streams) res.destroy();
}, 20_000);

async function figures(page, client) {
  await client.send('HeapProfiler.collectGarbage');
  const metrics = await page.metrics();
  const cards = await page.evaluate(() => {
    const all = [...document.querySelectorAll('integration-sync-card')];
    return { data: all.filter((card) => card.shadowRoot?.querySelector('[part~="card"]')).length, errors: all.filter((card) => card.shadowRoot?.querySelector('[part~="error"]')).length };
  });
  return {
    heapMB: +(metrics.JSHeapUsedSize / 1048576).toFixed(2),
    domNodes: metrics.Nodes,
    listeners: metrics.JSEventListeners,
    cardsShowingData: cards.data,
    cardsShowingAnError: cards.errors,
    requests: stats.requests,
    failedRequests: stats.failed,
    streamsOpen: stats.streamsOpen,
    streamsOpened: stats.streamsOpened,
  };
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = await mkdtemp(join(tmpdir(), 'isc-soak-'));
  const browser = await puppeteer.launch({ executablePath, headless: true, args: chromiumArgs, userDataDir });
  try {
    const page = await browser.newPage();
    const client = await page.createCDPSession();
    await page.goto(origin, { waitUntil: 'load' });
    await page.waitForFunction((count) => [...document.querySelectorAll('integration-sync-card')].filter((card) => card.shadowRoot?.querySelector('[part~="card"],[part~="error"]')).length === count, { timeout: 30_000 }, CARDS);
    const start = await figures(page, client);
    console.log(`soak (real time, ${SECONDS} s, ${CARDS} cards on ${RECORDS} records, refresh-interval 5 s, live, bursts of 503/429 and dropped streams)`);
    console.log(`  start:  ${JSON.stringify(start)}`);
    const samples = [];
    for (let elapsed = 0; elapsed < SECONDS; elapsed += 10) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(10, SECONDS - elapsed) * 1000));
      samples.push(await figures(page, client));
    }
    const end = samples.at(-1);
    console.log(`  end:    ${JSON.stringify(end)}`);
    console.log(`  heap over the run (MB, every 10 s): ${samples.map((sample) => sample.heapMB).join(', ')}`);
    await page.evaluate(() => document.getElementById('stage').remove());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const requestsAtRemoval = stats.requests;
    const opened = stats.streamsOpened;
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const removed = await figures(page, client);
    console.log(`  after removal (+9 s): ${JSON.stringify(removed)}`);
    console.log(`  requests after removal: ${stats.requests - requestsAtRemoval}; streams opened after removal: ${stats.streamsOpened - opened}; heap growth start→end ${(end.heapMB - start.heapMB).toFixed(2)} MB`);
  } finally {
    clearInterval(pushes);
    clearInterval(drops);
    for (const res of streams) res.destroy();
    await browser.close();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
