// Screenshots of the demo page (index.html) and of the iframe page (dist/embed.html inside a light
// CRM-like page) into screenshots/<engine>/, light and dark, in Chromium, Firefox and WebKit, to
// look at side by side. Starts its own Vite dev server and the browsers (WebKit: MiniBrowser under
// Xvfb through WebKitWebDriver); `npm run screenshots [-- chromium|firefox|webkit …]`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import WebDriver from 'webdriver';
import { builtFiles, ensureBuilt } from '../test/support/built-output.mjs';
import { ENGINES, findFirefox } from './browsers.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { ensureBrowsers } from './ensure-browsers.mjs';
import { FIREFOX_SYSTEM_ACCESS, setFirefoxMedia } from './firefox-media.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'screenshots');
const VIEWPORT = { width: 1100, height: 800 };
const RENDER_TIMEOUT_MS = 15_000;

/** The iframe page at a CRM card's size, in a light parent page (the CRM's), by query string. */
const embedIn = (query) => `/__screenshots/parent.html?src=${encodeURIComponent(`/dist/embed.html?${query}`)}`;

/** @typedef {{ name: string, path: string, hoverStatus?: boolean, action?: 'resync' | 'history' | 'fields', schemes?: ('light' | 'dark')[], cardWidth?: number }} Shot */
/** @type {Shot[]} */
const ALL_SHOTS = [
  { name: 'company-42-en', path: '/?record=company:42&lang=en' },
  // The card alone at the sidebar widths it is designed for (280-400 px) and one narrower (one column).
  ...[240, 280, 320, 400].map((cardWidth) => ({ name: `company-43-card-${cardWidth}px`, path: '/?record=company:43&lang=en', cardWidth })),
  { name: 'company-42-fr', path: '/?record=company:42&lang=fr' },
  { name: 'company-43-not-synced-tooltip', path: '/?record=company:43&lang=en', hoverStatus: true },
  { name: 'contact-7-history', path: '/?record=contact:7&lang=en', action: 'history' },
  // Wire format 1.1, the "worst day": every new part, every fields view open, in a sidebar and wide.
  { name: 'company-46-worst-day-280px', path: '/?record=company:46&lang=en', action: 'fields', cardWidth: 280 },
  { name: 'company-46-worst-day-wide', path: '/?record=company:46&lang=en', action: 'fields', cardWidth: 720 },
  // The iframe page: following the user's scheme, and pinned dark inside the light parent.
  { name: 'embed-company-43', path: embedIn('objectType=company&objectId=43') },
  { name: 'embed-company-43-theme-dark', path: embedIn('objectType=company&objectId=43&theme=dark'), schemes: ['light'] },
  // "Syncing", then "Up to date" pushed live (run after every other shot: it changes the demo's state).
  { name: 'company-43-resync', path: '/?record=company:43&lang=en', action: 'resync', schemes: ['light'] },
];
const SCHEMES = /** @type {const} */ (['light', 'dark']);

// `npm run screenshots -- firefox company-46`: engine names pick engines, other arguments the shots
// whose name starts with one of them.
const asked = process.argv.slice(2).filter((arg) => ENGINES.includes(arg));
const engines = asked.length ? asked : ENGINES;
const only = process.argv.slice(2).filter((arg) => !ENGINES.includes(arg));
const SHOTS = only.length ? ALL_SHOTS.filter((shot) => only.some((prefix) => shot.name.startsWith(prefix))) : ALL_SHOTS;
ensureBrowsers(engines);
console.log(`dist/: ${await ensureBuilt()}`);

await mkdir(outDir, { recursive: true });
// The folder ignores itself, so screenshots never end up in a commit.
await writeFile(join(outDir, '.gitignore'), '*\n');

// The demo data in memory (vite.config.ts), not the live ledger: every engine shoots the same answers.
process.env.ISC_DEMO_API ??= 'memory';
const server = await createServer({
  root,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 5199, strictPort: false, open: false },
  plugins: [
    {
      name: 'isc-screenshot-pages',
      configureServer(vite) {
        // The built iframe page as deployed (byte for byte), and a light parent page framing it.
        vite.middlewares.use(builtFiles({ prefixes: ['/dist/'] }));
        vite.middlewares.use('/__screenshots/parent.html', (req, res) => {
          const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(`<!doctype html><meta charset="utf-8"><title>CRM record</title>
<body style="margin:0;padding:24px;background:#f5f8fa;font:14px system-ui,sans-serif;color:#33475b">
<p>A light CRM page; the card below is its iframe (400 × 320, no border).</p>
<iframe src="${src.replace(/"/g, '&quot;')}" style="width:400px;height:320px;border:0;display:block"></iframe></body>`);
        });
      },
    },
  ],
});
/** @type {string[]} */
const failures = [];

try {
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not report a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // A resync changes the demo API's state for every later shot: those come after all the others.
  const phases = [SHOTS.filter((shot) => shot.action !== 'resync'), SHOTS.filter((shot) => shot.action === 'resync')];
  for (const [phase, engine, scheme] of phases.flatMap((_, i) => engines.flatMap((engine) => SCHEMES.map((scheme) => [i, engine, scheme])))) {
    await mkdir(join(outDir, engine), { recursive: true });
    {
      const shots = phases[phase].filter((shot) => (shot.schemes ?? SCHEMES).includes(scheme));
      if (shots.length === 0) continue;
      const browser = await openBrowser(engine, scheme);
      try {
        for (const shot of shots) {
          const name = `${engine}/${shot.name}-${scheme}`;
          try {
            await takeShot(browser, `${baseUrl}${shot.path}`, name, shot);
          } catch (error) {
            failures.push(name);
            console.error(`✗ ${name}: ${error instanceof Error ? error.message : error}`);
          }
        }
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}

if (failures.length) {
  console.error(`${failures.length} screenshot(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}

/**
 * One browser in one colour scheme, behind the few operations a shot needs.
 * @typedef {{
 *   open(url: string): Promise<void>,
 *   evaluate<T>(fn: (...args: any[]) => T, ...args: any[]): Promise<T>,
 *   mouse(type: 'move' | 'click', x: number, y: number): Promise<void>,
 *   screenshot(file: string, clip?: { x: number, y: number, width: number, height: number }): Promise<void>,
 *   closePage(): Promise<void>,
 *   close(): Promise<void>,
 * }} Driver
 */

/** @returns {Promise<Driver>} */
async function openBrowser(engine, scheme) {
  if (engine === 'webkit') return openWebKit(scheme);
  const userDataDir = await mkdtemp(join(tmpdir(), 'isc-screenshots-'));
  const browser =
    engine === 'chromium'
      ? await puppeteer.launch({
          executablePath: findChromium(),
          headless: true,
          userDataDir,
          // puppeteer passes its own --headless; the rest of the shared flags apply as is.
          args: chromiumArgs.filter((arg) => arg !== '--headless'),
          defaultViewport: VIEWPORT,
        })
      : await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, userDataDir, args: [FIREFOX_SYSTEM_ACCESS], defaultViewport: VIEWPORT });
  /** @type {import('puppeteer-core').Page | undefined} */
  let page;
  return {
    async open(url) {
      page = await browser.newPage();
      page.on('pageerror', (error) => console.warn(`  page error: ${error instanceof Error ? error.message : error}`));
      if (engine === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      else await setFirefoxMedia(browser, { colorScheme: scheme });
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    async mouse(type, x, y) {
      if (type === 'move') await page.mouse.move(x, y);
      else await page.mouse.click(x, y);
    },
    async screenshot(file, clip) {
      await page.screenshot({ path: /** @type {`${string}.png`} */ (file), clip });
    },
    async closePage() {
      await page?.close();
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** WebKit: MiniBrowser takes the colour scheme only at launch (--dark-mode): one session per scheme. */
async function openWebKit(scheme) {
  const webkit = await startWebKitDriver();
  try {
    const client = await WebDriver.newSession({
      hostname: '127.0.0.1',
      port: webkit.port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation', ...(scheme === 'dark' ? ['--dark-mode'] : [])] },
      },
    });
    await client.setWindowRect(0, 0, VIEWPORT.width, VIEWPORT.height);
    const png = async (file, base64) => writeFile(file, Buffer.from(base64, 'base64'));
    return {
      open: (url) => client.navigateTo(url),
      evaluate: (fn, ...args) => client.executeScript(`return (${fn}).apply(null, arguments)`, args),
      async mouse(type, x, y) {
        const actions = [{ type: 'pointerMove', duration: 0, x: Math.round(x), y: Math.round(y), origin: 'viewport' }];
        if (type === 'click') actions.push({ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 });
        await client.performActions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }]);
      },
      async screenshot(file, clip) {
        // No clip in WebDriver classic, and WebKitGTK's element screenshots come out black where the
        // card is (only there, not on screen): the whole viewport, with the sidebar at that width.
        void clip;
        return png(file, await client.takeScreenshot());
      },
      async closePage() {},
      async close() {
        await client.deleteSession().catch(() => {});
        webkit.stop();
      },
    };
  } catch (error) {
    webkit.stop();
    throw error;
  }
}

/** Polls `fn` in the page until it returns something truthy. */
async function waitFor(driver, fn, ...args) {
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  for (;;) {
    const value = await driver.evaluate(fn, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn.name || 'the page'}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** In the page: the card, from the page itself or from the iframe it frames. */
function cardShadow() {
  const frame = document.querySelector('iframe');
  const doc = frame ? frame.contentDocument : document;
  return doc?.querySelector('integration-sync-card')?.shadowRoot ?? null;
}

/** In the page: the centre of a part inside the card (iframe offset included), or null. */
function centreOf(selector) {
  const frame = document.querySelector('iframe');
  const doc = frame ? frame.contentDocument : document;
  const element = doc?.querySelector('integration-sync-card')?.shadowRoot?.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  const offset = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 };
  return box.width > 0 ? [offset.left + box.left + box.width / 2, offset.top + box.top + box.height / 2] : null;
}

/** @param {Driver} driver @param {string} url @param {string} name @param {Shot} shot */
async function takeShot(driver, url, name, { hoverStatus, action, cardWidth }) {
  try {
    await driver.open(url);
    const settled = new Function(`return (${cardShadow})()?.querySelector('[part~="card"], [part~="empty"], [part~="error"]') != null`);
    await waitFor(driver, settled);
    const find = (selector) => waitFor(driver, centreOf, selector);
    const seen = (selector) => waitFor(driver, new Function('selector', `return (${cardShadow})()?.querySelector(selector) != null`), selector);

    if (hoverStatus) {
      const [x, y] = await find('[part~="status"]');
      await driver.mouse('move', x, y);
      await find('[part~="tooltip"]:not([hidden])');
    }
    if (action === 'history') {
      await driver.mouse('click', ...(await find('[part~="history-toggle"]')));
      await seen('[part~="history-entry"]');
    }
    if (action === 'fields') {
      await seen('[part~="fields-toggle"]');
      const toggles = await driver.evaluate(new Function(`return (${cardShadow})()?.querySelectorAll('[part~="fields-toggle"]').length ?? 0`));
      for (let i = 0; i < toggles; i++) {
        await driver.mouse('click', ...(await waitFor(driver, new Function('i', `const all = (${cardShadow})()?.querySelectorAll('[part~="fields-toggle"]'); const el = all?.[i]; if (!el) return null; el.scrollIntoView({ block: 'center' }); const frame = document.querySelector('iframe'); const o = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 }; const b = el.getBoundingClientRect(); return [o.left + b.left + b.width / 2, o.top + b.top + b.height / 2];`), i)));
      }
      await seen('[part~="fields"]');
    }
    if (action === 'resync') {
      await driver.mouse('click', ...(await find('[part~="resync-button"]')));
      await seen('[data-status="in_progress"]');
      const syncing = join(outDir, `${name}-1-syncing.png`);
      await driver.screenshot(syncing);
      console.log(`✓ ${relative(root, syncing)}`);
      await seen('[data-status="up_to_date"]');
      name = `${name}-2-up-to-date`;
    }

    // Let fonts, positioning and any fade-in settle.
    await driver.evaluate(() => document.fonts.ready.then(() => true));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const file = join(outDir, `${name}.png`);
    if (cardWidth) {
      // The sidebar's padding (16 px) and border (1 px) on each side.
      await driver.evaluate((width) => document.documentElement.style.setProperty('--sidebar-width', `${width + 34}px`), cardWidth);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const clip = await driver.evaluate(() => {
        const box = document.querySelector('#sidebar')?.getBoundingClientRect();
        return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : undefined;
      });
      await driver.screenshot(file, clip);
    } else {
      await driver.screenshot(file);
    }
    console.log(`✓ ${relative(root, file)}`);
  } finally {
    await driver.closePage();
  }
}
