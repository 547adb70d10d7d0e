// `npm run bench`: performance figures of the CDN build in headless Chromium (puppeteer-core),
// from one run with interleaved repetitions. Serves dist/cdn/, the page (scripts/bench-page.js)
// and a counting sync-status API on a loopback port only. Every loop is bounded.
// See BENCHMARKS.md for what each figure means and the targets.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { responseFor as responseForCompany } from './bench-data.mjs';
import { BUDGET, gzipSize, kb, measureSizes } from './check-size.mjs';
import { breakdown, litFloor } from './size-breakdown.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CARDS = 500;
const MAX_BATCH = 100;
const RENDER_REPS = Number(process.env.BENCH_REPS ?? 12);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 50);
const SCROLL_FRAMES = 30;
const SCROLL_REPS = Number(process.env.BENCH_SCROLL_REPS ?? 7);
const SIDEBAR_REPS = Number(process.env.BENCH_SIDEBAR_REPS ?? 41);
const TARGET_RATIO = 1.3;

// ---------------------------------------------------------------------------------------------
// Data: 500 company records (scripts/bench-data.mjs), their syncs run relative to now.
const startedAt = Date.now();
const responseFor = (objectId) => responseForCompany(Number(objectId), startedAt);

// ---------------------------------------------------------------------------------------------
// dist/cdn/ as it is now, held in memory: a build started meanwhile (a test run rebuilds dist/)
// cannot change what is measured halfway through.
// BENCH_CDN_DIR: measure another build (e.g. a copy of dist/cdn/ from an earlier commit) with this bench.
const CDN_DIR = process.env.BENCH_CDN_DIR ?? join(ROOT, 'dist/cdn');
const cdnFiles = new Map(readdirSync(CDN_DIR).map((file) => [file, readFileSync(join(CDN_DIR, file))]));
if (String(cdnFiles.get('integration-sync-card.js') ?? '').includes('Lit is in dev mode')) {
  console.error('dist/cdn/ is a development build (Lit dev mode, e.g. built with NODE_ENV=test): run `npm run bench`, which builds for production.');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Loopback server: the page, dist/cdn/, and the API (GET one record, POST /batch), counting requests.
const requests = { get: 0, batch: 0, batchRecords: 0, cdn: [] };
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.css': 'text/css' };
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:14px system-ui}#stage{width:360px;padding:8px}</style></head>
<body><div id="stage"></div><script type="module" src="/scripts/bench-page.js"></script></body></html>`;
const SIMPLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first load</title></head>
<body><script type="module" src="/dist/cdn/integration-sync-card.js"></script>
<integration-sync-card endpoint="/api/sync-status" object-type="company" object-id="1"></integration-sync-card></body></html>`;

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  try {
    if (url.pathname === '/') return send(res, 200, PAGE, 'text/html');
    if (url.pathname === '/first-load') return send(res, 200, SIMPLE_PAGE, 'text/html');
    if (url.pathname === '/api/sync-status' && req.method === 'GET') {
      requests.get += 1;
      return send(res, 200, responseFor(url.searchParams.get('objectId')));
    }
    if (url.pathname === '/api/sync-status/batch' && req.method === 'POST') {
      requests.batch += 1;
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const { records } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      requests.batchRecords += records.length;
      return send(res, 200, { results: records.map((record) => ({ record, response: responseFor(record.objectId) })) });
    }
    if (url.pathname.startsWith('/api/sync-status/')) return send(res, 404, { message: 'not in the benchmark API' });
    if (url.pathname.startsWith('/dist/cdn/')) {
      const file = url.pathname.slice('/dist/cdn/'.length);
      if (!cdnFiles.has(file)) return send(res, 404, { message: 'not in dist/cdn/' });
      requests.cdn.push(file);
      return send(res, 200, cdnFiles.get(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    if (url.pathname === '/scripts/bench-page.js') return send(res, 200, await readFile(join(ROOT, 'scripts/bench-page.js')), TYPES['.js']);
    send(res, 404, { message: 'not found' });
  } catch (error) {
    send(res, 500, { message: String(error) });
  }
});

// ---------------------------------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
};
/** "median (p25–p75)" */
const spread = (values, digits = 1, unit = ' ms') =>
  `${median(values).toFixed(digits)}${unit} (IQR ${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)})`;

async function main() {
  const loadBefore = loadavg();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-browsers.mjs chromium` or set CHROME_PATH.');
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = await mkdtemp(join(tmpdir(), 'isc-bench-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    args: [...chromiumArgs, '--window-size=1280,900'],
    defaultViewport: { width: 1280, height: 900 },
  });
  const lines = [];
  const print = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  try {
    const version = await browser.version();
    // --- First load, as an English page sees it: which dist/cdn/ files it fetched before any interaction.
    const first = await browser.newPage();
    requests.cdn = [];
    await first.goto(`${origin}/first-load`, { waitUntil: 'networkidle0' });
    await first.waitForFunction(() => document.querySelector('integration-sync-card')?.shadowRoot?.querySelector('[part~="card"]'));
    const loadedFiles = [...new Set(requests.cdn)];
    await first.close();

    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.benchReady === true);
    const gc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
    };
    await page.evaluate((count) => window.bench.setup(count), CARDS);

    // --- Requests: 500 records through the REST provider (batch maxSize 100), 500 cards mounted at once.
    requests.get = requests.batch = requests.batchRecords = 0;
    const loadMs = await page.evaluate((count, maxSize) => window.bench.loadThroughRest(count, maxSize), CARDS, MAX_BATCH);
    const requestFigures = { ...requests };

    // --- Same DOM? Our element against the vanilla one, record by record.
    const dom = await page.evaluate((count) => window.bench.compareDom(count), CARDS);

    // --- Render: interleaved repetitions, order rotated each time, GC between runs. Each run's
    // style / layout / script time comes from Chromium's own counters (Performance.getMetrics,
    // read before and after the run: the run is the only work the page does in between).
    // NOTE: Chromium's ScriptDuration leaves out microtasks, where Lit renders, so the report's
    // "script+DOM" is the main thread's task time minus style and layout; the counter is shown too.
    const counters = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
      return {
        style: value('RecalcStyleDuration') * 1000,
        layout: value('LayoutDuration') * 1000,
        script: value('ScriptDuration') * 1000,
        task: value('TaskDuration') * 1000,
        styleCount: value('RecalcStyleCount'),
        layoutCount: value('LayoutCount'),
      };
    };
    const measured = async (run) => {
      const before = await counters();
      const ms = await run();
      const after = await counters();
      const split = Object.fromEntries(Object.keys(before).map((key) => [key, after[key] - before[key]]));
      return { ms, ...split };
    };
    const kinds = ['ours', 'minimal', 'vanilla', 'floor', 'ours-all'];
    const runs = Object.fromEntries(kinds.map((kind) => [kind, []]));
    for (let warm = 0; warm < 2; warm++) for (const kind of kinds) await page.evaluate((k, n) => window.bench.render(k, n), kind, CARDS);
    // BENCH_PROFILE=ours (or minimal, vanilla, floor, ours-all): a CPU profile of five renders
    // instead of the figures, to open in a browser's devtools.
    if (process.env.BENCH_PROFILE) {
      const kind = process.env.BENCH_PROFILE;
      if (!kinds.includes(kind)) throw new Error(`BENCH_PROFILE: one of ${kinds.join(', ')}`);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      for (let i = 0; i < 5; i++) {
        await page.evaluate(() => window.bench.clear());
        await page.evaluate((k, n) => window.bench.render(k, n), kind, CARDS);
      }
      const { profile } = await cdp.send('Profiler.stop');
      const file = join(tmpdir(), `isc-bench-${kind}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      console.log(`CPU profile of 5 renders of ${kind}: ${file}`);
      return;
    }
    for (let rep = 0; rep < RENDER_REPS; rep++) {
      for (let i = 0; i < kinds.length; i++) {
        const kind = kinds[(i + rep) % kinds.length];
        await page.evaluate(() => window.bench.clear());
        await gc();
        runs[kind].push(await measured(() => page.evaluate((k, n) => window.bench.render(k, n), kind, CARDS)));
      }
    }
    // The figure: the main thread's busy time from creating the cards to their first paint.
    const ratiosTo = (table, base) => (kind) => table[kind].map((run, i) => run.task / table[base][i].task);
    const ratios = ratiosTo(runs, 'minimal');
    const ratiosSameCss = ratiosTo(runs, 'vanilla');

    // --- One card in a 320 px sidebar: interleaved, many short runs.
    await page.evaluate(() => window.bench.stageWidth('auto'));
    const sidebarKinds = ['ours', 'minimal', 'vanilla', 'none'];
    const sidebarRuns = Object.fromEntries(sidebarKinds.map((kind) => [kind, []]));
    for (const kind of sidebarKinds) await page.evaluate((k) => window.bench.sidebar(k), kind);
    for (let rep = 0; rep < SIDEBAR_REPS; rep++) {
      for (let i = 0; i < sidebarKinds.length; i++) {
        const kind = sidebarKinds[(i + rep) % sidebarKinds.length];
        sidebarRuns[kind].push(await measured(() => page.evaluate((k) => window.bench.sidebar(k), kind)));
      }
    }
    await page.evaluate(() => {
      window.bench.clear();
      window.bench.stageWidth('');
    });
    // The harness's own work (evaluate, frames, counters) is most of one card's figure: subtract
    // the run without a card that came with each rep.
    for (const kind of sidebarKinds) {
      sidebarRuns[kind] = sidebarRuns[kind].map((run, i) => {
        const none = sidebarRuns.none[i];
        return { ...run, task: run.task - none.task, style: run.style - none.style, layout: run.layout - none.layout };
      });
    }
    const sidebarRatios = ratiosTo(sidebarRuns, 'minimal');

    // --- Memory per card: JS heap and DOM nodes with 500 cards vs none (after GC).
    const measureMemory = async () => {
      await gc();
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
      return { heap: usedSize, nodes, listeners: jsEventListeners };
    };
    await page.evaluate(() => window.bench.clear());
    const empty = await measureMemory();
    await page.evaluate((n) => window.bench.mountOurs(n), CARDS);
    const full = await measureMemory();
    await page.evaluate(() => window.bench.clear());
    const emptyVanilla = await measureMemory();
    await page.evaluate((n) => window.bench.mountVanilla(n), CARDS);
    const fullVanilla = await measureMemory();
    await page.evaluate(() => window.bench.clear());

    // --- Leaks: 50 mount/unmount cycles of 500 cards.
    const countInstances = async () => {
      const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'window.bench.IntegrationSyncCard.prototype', objectGroup: 'leaks' });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup: 'leaks' });
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'leaks' });
      return result.value;
    };
    await page.evaluate((n) => window.bench.cycle(1, n), CARDS); // warm-up: shared templates, styles
    await gc();
    const before = { ...(await measureMemory()), instances: await countInstances() };
    const cycleStarted = Date.now();
    await page.evaluate((cycles, n) => window.bench.cycle(cycles, n), CYCLES, CARDS);
    const cycleMs = Date.now() - cycleStarted;
    await gc();
    const after = { ...(await measureMemory()), instances: await countInstances() };

    // --- Idle scrolling: script time over 30 frames with 500 cards (no tooltip open) vs none.
    await page.evaluate((n) => window.bench.mountOurs(n), CARDS);
    const height = await page.evaluate(() => window.bench.stage.offsetHeight);
    const scriptMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'ScriptDuration').value * 1000;
    };
    const scroll = { cards: [], none: [] };
    let infiniteAnimations = 0;
    for (let rep = 0; rep < SCROLL_REPS; rep++) {
      for (const kind of rep % 2 ? ['none', 'cards'] : ['cards', 'none']) {
        if (kind === 'cards') {
          await page.evaluate(async (n) => {
            window.bench.clear();
            await window.bench.mountOurs(n);
          }, CARDS);
          infiniteAnimations = await page.evaluate(() => window.bench.settleAnimations());
        } else {
          await page.evaluate((h) => window.bench.spacer(h), height);
        }
        await gc();
        const start = await scriptMs();
        await page.evaluate((frames) => window.bench.scroll(frames), SCROLL_FRAMES);
        scroll[kind].push((await scriptMs()) - start);
      }
    }
    const scrollOverhead = scroll.cards.map((value, i) => value - scroll.none[i]);

    // --- Sizes.
    // The files as read at the start: a build meanwhile may have renamed them on disk.
    const sizes = measureSizes(CDN_DIR, (file) => cdnFiles.get(file), [...cdnFiles.keys()]);
    const loadedGzip = loadedFiles.map((file) => gzipSize(cdnFiles.get(file)));

    // --- Report.
    const perCard = (a, b, key) => (b[key] - a[key]) / CARDS;
    const verdict = (ok) => (ok ? 'met' : 'NOT MET');
    print(`integration-sync-card benchmark, ${new Date().toISOString()}`);
    print(`${version}, node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs; ${CARDS} cards x 2 sync types; ${RENDER_REPS} interleaved reps`);
    print(`load average before / after the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')} / ${loadavg().map((l) => l.toFixed(2)).join(' ')} (the ratios of interleaved runs are what counts on a busy machine)`);
    print('');
    const splitLine = (list, d = 1) => {
      const of = (key, digits = d) => median(list.map((run) => run[key])).toFixed(digits);
      const rest = median(list.map((run) => run.task - run.style - run.layout)).toFixed(d);
      return `style ${of('style')} / layout ${of('layout')} / script+DOM+paint ${rest} ms (V8 script counter ${of('script')}; ${of('styleCount', 0)} style recalcs, ${of('layoutCount', 0)} layouts)`;
    };
    const labels = {
      ours: 'ours (Lit element)         ',
      minimal: 'minimal hand-written       ',
      vanilla: 'vanilla, our stylesheet    ',
      floor: 'light-DOM floor, our sheet ',
      'ours-all': 'ours, every card laid out  ',
    };
    const wall = (list, d) => median(list.map((run) => run.ms)).toFixed(d);
    print(`Render ${CARDS} cards (data cached), create -> data rendered -> style -> layout -> first paint;`);
    print(`main-thread time (Chromium's TaskDuration), median (IQR), ratio per interleaved rep:`);
    for (const kind of kinds) {
      const ratio = kind === 'minimal' ? '1.00x' : `ratio to minimal ${spread(ratios(kind), 2, 'x')}`;
      print(`  ${labels[kind]} ${spread(runs[kind].map((run) => run.task))}   ${ratio}`);
      print(`      ${splitLine(runs[kind])}; wall clock to laid out ${wall(runs[kind], 0)} ms`);
    }
    print(`  ours vs vanilla with our stylesheet (Lit's own cost): ${spread(ratiosSameCss('ours'), 2, 'x')}`);
    print(`  same DOM as vanilla: ${dom.same ? 'yes (every card compared)' : `NO, record ${dom.record}: ours ${dom.ours} / vanilla ${dom.vanilla}`}`);
    print(`  target <= ${TARGET_RATIO}x minimal: ${verdict(median(ratios('ours')) <= TARGET_RATIO)}`);
    print('');
    print(`One card in a 320 px sidebar, create -> data laid out -> first paint; main-thread time minus the same steps without a card,`);
    print(`${SIDEBAR_REPS} interleaved reps, median (IQR):`);
    for (const kind of sidebarKinds.filter((k) => k !== 'none')) {
      const ratio = kind === 'minimal' ? '1.00x' : `ratio to minimal ${spread(sidebarRatios(kind), 2, 'x')}`;
      print(`  ${labels[kind]} ${spread(sidebarRuns[kind].map((run) => run.task), 2)}   ${ratio}`);
      print(`      ${splitLine(sidebarRuns[kind], 2)}; wall clock to laid out ${wall(sidebarRuns[kind], 2)} ms`);
    }
    print(`  target <= ${TARGET_RATIO}x minimal: ${verdict(median(sidebarRatios('ours')) <= TARGET_RATIO)}`);
    print('');
    print(`Requests for ${CARDS} records (REST provider, batch maxSize ${MAX_BATCH}, ${CARDS} cards mounted at once):`);
    print(`  ${requestFigures.batch + requestFigures.get} requests (${requestFigures.batch} POST /batch with ${requestFigures.batchRecords} records, ${requestFigures.get} GET) in ${loadMs.toFixed(0)} ms`);
    print(`  target <= 5: ${verdict(requestFigures.batch + requestFigures.get <= 5)}`);
    print('');
    print('Per card (500 mounted vs none, after GC):');
    print(`  ours:    JS heap ${(perCard(empty, full, 'heap') / 1024).toFixed(1)} KB, DOM nodes ${perCard(empty, full, 'nodes').toFixed(1)}, listeners ${perCard(empty, full, 'listeners').toFixed(1)}`);
    print(`  vanilla: JS heap ${(perCard(emptyVanilla, fullVanilla, 'heap') / 1024).toFixed(1)} KB, DOM nodes ${perCard(emptyVanilla, fullVanilla, 'nodes').toFixed(1)}, listeners ${perCard(emptyVanilla, fullVanilla, 'listeners').toFixed(1)}`);
    print('');
    print(`Leaks: ${CYCLES} mount/unmount cycles of ${CARDS} cards (${(cycleMs / 1000).toFixed(1)} s), after GC:`);
    print(`  retained element instances ${after.instances} (before ${before.instances}); event listeners ${after.listeners - before.listeners >= 0 ? '+' : ''}${after.listeners - before.listeners}; DOM nodes ${after.nodes - before.nodes >= 0 ? '+' : ''}${after.nodes - before.nodes}; JS heap ${((after.heap - before.heap) / 1024).toFixed(0)} KB`);
    print(`  target 0 retained instances and listeners: ${verdict(after.instances === 0 && after.listeners - before.listeners <= 0)}`);
    print('');
    print(`Idle scroll, script time over ${SCROLL_FRAMES} frames (${SCROLL_REPS} reps, interleaved):`);
    print(`  with ${CARDS} cards ${spread(scroll.cards, 2)}; without cards ${spread(scroll.none, 2)}; overhead ${spread(scrollOverhead, 2)}`);
    if (infiniteAnimations) print(`  (${infiniteAnimations} infinite animations were running)`);
    print(`  target overhead <= 5 ms: ${verdict(median(scrollOverhead) <= 5)}`);
    print('');
    print('Size (minified, gzip -9, 1 KB = 1024 B):');
    print(`  first load (entry + static imports): ${kb(sizes.firstLoad.gzip)} [${sizes.firstLoad.files.map((f) => f.file).join(', ')}]`);
    print(`  an English page fetched before any interaction: ${kb(loadedGzip.reduce((a, b) => a + b, 0))} [${loadedFiles.join(', ')}]`);
    print(`  every feature, English (all but the other locales' chunks): ${kb(sizes.english.gzip)} [${sizes.english.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}]`);
    print(`  all of dist/cdn/: ${kb(sizes.all.gzip)}`);
    print(`  target first load <= ${kb(BUDGET.firstLoad)}: ${verdict(sizes.firstLoad.gzip <= BUDGET.firstLoad)}; every feature, English <= ${kb(BUDGET.english)}: ${verdict(sizes.english.gzip <= BUDGET.english)}`);
    if (sizes.firstLoad.gzip > BUDGET.firstLoad) {
      // The measured reason: what the entry is made of (a source-mapped build of the same sources).
      const { concerns } = breakdown();
      print(`  the first load by concern (estimated gzip shares; by file: npm run size:breakdown); a minimal Lit element alone is ${kb(await litFloor())}:`);
      print(`    ${concerns.map(([concern, share]) => `${concern} ${kb(share)}`).join('; ')}`);
    }
  } finally {
    await browser.close();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) {
  // Debugging aid: only serve the benchmark page (loopback) until interrupted.
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/`));
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
