// `npm run bench`, the health page (issue 23): <integration-sync-health> from the built CDN entry
// rendering pages of 50 and 200 rows, and 1,000 rows after "Load more", against a minimal
// hand-written table element with the same columns (target: at most 1.5× its time), in headless
// Chromium. Data: the records of the browser tests' API of the §15 routes
// (test/support/health-api.mjs), fetched once; both elements then get them from memory, so the
// figures are rendering, not network. Also the entry's size on top of the card's first load.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { HEALTH_BUDGET, kb, measureSizes } from './check-size.mjs';
import { generatedRecord, summaryOf } from '../test/support/health-api.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPS = Number(process.env.BENCH_HEALTH_REPS ?? 15);
const TARGET_RATIO = 1.5;
const CDN_DIR = join(ROOT, 'dist/cdn');
const cdnFiles = new Map(readdirSync(CDN_DIR).map((file) => [file, readFileSync(join(CDN_DIR, file))]));

const now = Date.now();
// Failing records only (what the page lists by default): generatedRecord's up-to-date ones left out.
const records = [];
for (let i = 0; records.length < 1000; i += 1) {
  const record = generatedRecord(i, now);
  if (record.status !== 'up_to_date') records.push(record);
}
const summary = summaryOf(records);

// The page: the health entry, the data, and the hand-written baseline (same columns, same
// stylesheets and cell content, DOM APIs, no summary, filters or selection logic).
const PAGE_SCRIPT = `
import { IntegrationSyncHealth } from '/dist/cdn/integration-sync-health.js';
const { records, summary } = await (await fetch('/data')).json();
const provider = {
  getSummary: async () => summary,
  getRecords: async (query) => {
    const start = query.cursor ? Number(query.cursor) : 0;
    const page = records.slice(start, start + query.limit);
    const next = start + page.length;
    return { records: page, total: records.length, nextCursor: next < records.length ? String(next) : null };
  },
  resync: async () => ({ requested: 0 }),
  exportUrl: () => '/export.csv',
};
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
// The same stylesheets as the element (so the same layout work), and the same cell content:
// the status pill with its icon and hidden tooltip, the external link with its icon.
const sheets = IntegrationSyncHealth.elementStyles.map((style) => style.styleSheet ?? style);
const ICON = '<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M8 1.8l6.5 11.6h-13z"/></svg>';
const EXTERNAL = '<svg class="external" viewBox="0 0 12 12" aria-hidden="true"><path d="M7 1.5h3.5V5"/></svg>';
const full = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'long' });
class PlainHealthTable extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).adoptedStyleSheets = sheets; }
  append(rows) {
    let tbody = this.shadowRoot.querySelector('tbody');
    if (!tbody) {
      const box = document.createElement('div'); box.className = 'table-box';
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const label of ['', 'Record', 'Sync type', 'Synced with', 'Status', 'Category', 'Message', 'First failed', 'Last attempt', 'Attempts']) {
        const th = document.createElement('th'); th.textContent = label; head.append(th);
      }
      tbody = table.createTBody();
      box.append(table);
      this.shadowRoot.append(box);
    }
    const time = (value) => { const t = document.createElement('time'); if (value) { t.dateTime = value; t.title = full.format(new Date(value)); t.textContent = relative.format(Math.round((Date.parse(value) - Date.now()) / 60000), 'minute'); } return t; };
    for (const row of rows) {
      const tr = tbody.insertRow();
      const cell = (child) => { const td = tr.insertCell(); if (typeof child === 'string') td.textContent = child; else if (child) td.append(child); return td; };
      const box = document.createElement('input'); box.type = 'checkbox'; box.ariaLabel = 'Select ' + (row.syncedWith?.name ?? row.record.objectId); cell(box);
      const link = document.createElement('a'); link.href = 'https://crm.example.com/' + encodeURIComponent(row.record.objectId); link.textContent = row.record.objectType + ' ' + row.record.objectId; cell(link);
      cell(row.label ?? row.syncId);
      const ext = document.createElement('a'); ext.href = row.syncedWith?.url ?? ''; ext.target = '_blank'; ext.textContent = row.syncedWith?.name ?? ''; ext.insertAdjacentHTML('beforeend', EXTERNAL); cell(ext);
      const status = document.createElement('span'); status.tabIndex = 0; status.setAttribute('part', 'status'); status.dataset.status = row.status; status.innerHTML = ICON;
      const label = document.createElement('span'); label.textContent = row.status; status.append(label);
      const tip = document.createElement('div'); tip.setAttribute('role', 'tooltip'); tip.hidden = true; tip.textContent = row.detail?.message ?? '';
      cell(status).append(tip);
      cell(row.detail?.category ?? ''); cell(row.detail?.message ?? ''); cell(time(row.firstFailedAt)); cell(time(row.lastAttemptAt)); cell(String(row.attempts));
    }
  }
}
customElements.define('plain-health-table', PlainHealthTable);
const stage = document.getElementById('stage');
const rowsOf = (el) => el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
const settle = (el, count) => new Promise((resolve) => {
  const check = () => (rowsOf(el) >= count ? resolve() : requestAnimationFrame(check));
  check();
});
window.measureElement = async (pageSize, total) => {
  stage.replaceChildren();
  const started = performance.now();
  const element = new IntegrationSyncHealth();
  element.lang = 'en';
  element.pageSize = pageSize;
  element.provider = provider;
  stage.append(element);
  await settle(element, pageSize);
  while (rowsOf(element) < total) {
    const before = rowsOf(element);
    element.shadowRoot.querySelector('[part~="load-more"]').click();
    await settle(element, before + pageSize);
  }
  void stage.offsetHeight;
  return performance.now() - started;
};
window.measurePlain = async (pageSize, total) => {
  stage.replaceChildren();
  const started = performance.now();
  const element = document.createElement('plain-health-table');
  stage.append(element);
  for (let start = 0; start < total; start += pageSize) {
    const page = await provider.getRecords({ limit: pageSize, cursor: start ? String(start) : null });
    element.append(page.records);
    await new Promise(requestAnimationFrame);
  }
  void stage.offsetHeight;
  return performance.now() - started;
};
window.benchReady = true;
`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>health bench</title>
<style>body{margin:0;font:14px system-ui}#stage{width:1200px}</style></head>
<body><div id="stage"></div><script type="module" src="/page.js"></script></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const send = (status, body, type) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (url.pathname === '/') return send(200, PAGE, 'text/html');
  if (url.pathname === '/page.js') return send(200, PAGE_SCRIPT, 'text/javascript');
  if (url.pathname === '/data') return send(200, JSON.stringify({ records, summary }), 'application/json');
  const file = url.pathname.startsWith('/dist/cdn/') ? cdnFiles.get(url.pathname.slice('/dist/cdn/'.length)) : undefined;
  if (file) return send(200, file, 'text/javascript');
  send(404, 'not found', 'text/plain');
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-browsers.mjs chromium` or set CHROME_PATH.');
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const userDataDir = await mkdtemp(join(tmpdir(), 'isc-bench-health-'));
  const browser = await puppeteer.launch({ executablePath, headless: true, userDataDir, args: [...chromiumArgs, '--window-size=1280,900'], defaultViewport: { width: 1280, height: 900 } });
  let failed = false;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.benchReady === true, { timeout: 30_000 });
    console.log(`\nHealth page (issue 23), headless Chromium ${await browser.version()}, median of ${REPS} interleaved runs:`);
    for (const [pageSize, total, label] of [[50, 50, 'a page of 50 rows'], [200, 200, 'a page of 200 rows'], [200, 1000, '1,000 rows (200, then 4× Load more)']]) {
      const element = [];
      const plain = [];
      // One warm-up each (module and formatter caches), then interleaved repetitions.
      await page.evaluate((s, t) => window.measureElement(s, t), pageSize, total);
      await page.evaluate((s, t) => window.measurePlain(s, t), pageSize, total);
      for (let rep = 0; rep < REPS; rep += 1) {
        element.push(await page.evaluate((s, t) => window.measureElement(s, t), pageSize, total));
        plain.push(await page.evaluate((s, t) => window.measurePlain(s, t), pageSize, total));
      }
      const ratio = median(element) / median(plain);
      console.log(`  ${label.padEnd(38)} element ${median(element).toFixed(1).padStart(7)} ms   hand-written ${median(plain).toFixed(1).padStart(7)} ms   ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×${ratio <= TARGET_RATIO ? ', met' : ', NOT met'})`);
    }
  } finally {
    await browser.close();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  const sizes = measureSizes(CDN_DIR);
  const files = sizes.healthOnTop.files.map((item) => `${item.file} ${kb(item.gzip)}`).join(' + ');
  console.log(`  size on top of the card's first load: ${kb(sizes.healthOnTop.gzip)} gzip (${files}; goal ${kb(HEALTH_BUDGET)})`);
  if (failed) process.exitCode = 1;
}

await main();
