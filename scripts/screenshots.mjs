// Screenshots of the demo page (index.html) into screenshots/, light and dark.
// Starts its own Vite dev server and a headless Chromium; `npm run screenshots`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'screenshots');
const VIEWPORT = { width: 1100, height: 800 };
const RENDER_TIMEOUT_MS = 10_000;

/** @type {Array<{ name: string, path: string, hoverStatus?: boolean, action?: 'resync' | 'history' | 'fields', schemes?: ('light' | 'dark')[], cardWidth?: number }>} */
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
  // A resync changes the demo API's state, so it runs once, last: "Syncing", then "Up to date" pushed live.
  { name: 'company-43-resync', path: '/?record=company:43&lang=en', action: 'resync', schemes: ['light'] },
];
const SCHEMES = /** @type {const} */ (['light', 'dark']);
// `npm run screenshots -- company-46` takes only the shots whose name starts with one of the arguments.
const only = process.argv.slice(2);
const SHOTS = only.length ? ALL_SHOTS.filter((shot) => only.some((prefix) => shot.name.startsWith(prefix))) : ALL_SHOTS;

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  process.exit(1);
}

await mkdir(outDir, { recursive: true });
// The folder ignores itself, so screenshots never end up in a commit.
await writeFile(join(outDir, '.gitignore'), '*\n');

const server = await createServer({
  root,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 5199, strictPort: false, open: false },
});
const userDataDir = await mkdtemp(join(tmpdir(), 'isc-screenshots-'));
/** @type {import('puppeteer-core').Browser | undefined} */
let browser;
/** @type {string[]} */
const failures = [];

try {
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not report a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    // puppeteer passes its own --headless; the rest of the shared flags apply as is.
    args: chromiumArgs.filter((arg) => arg !== '--headless'),
    defaultViewport: VIEWPORT,
  });

  for (const shot of SHOTS) {
    for (const scheme of shot.schemes ?? SCHEMES) {
      const name = `${shot.name}-${scheme}`;
      try {
        await takeShot(browser, `${baseUrl}${shot.path}`, name, scheme, shot.hoverStatus ?? false, shot.action, shot.cardWidth);
      } catch (error) {
        failures.push(name);
        console.error(`✗ ${name}: ${error instanceof Error ? error.message : error}`);
      }
    }
  }
} finally {
  await browser?.close();
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`${failures.length} screenshot(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {string} name
 * @param {'light' | 'dark'} scheme
 * @param {boolean} hoverStatus
 * @param {'resync' | 'history' | 'fields'} [action]
 * @param {number} [cardWidth] the card's width in px: the sidebar is sized to it and shot alone
 */
async function takeShot(browser, url, name, scheme, hoverStatus, action, cardWidth) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.warn(`  [${name}] page error: ${error instanceof Error ? error.message : error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.warn(`  [${name}] console: ${message.text()}`);
  });
  try {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => {
        const shadow = document.querySelector('integration-sync-card')?.shadowRoot;
        return Boolean(shadow?.querySelector('[part~="card"], [part~="empty"], [part~="error"]'));
      },
      { timeout: RENDER_TIMEOUT_MS },
    );

    if (hoverStatus) {
      const status = await page.waitForSelector('integration-sync-card >>> [part~="status"]', {
        timeout: RENDER_TIMEOUT_MS,
      });
      await status?.hover();
      await page.waitForFunction(
        () => {
          const tooltip = document.querySelector('integration-sync-card')?.shadowRoot?.querySelector('[part~="tooltip"]');
          if (!tooltip) return false;
          const box = tooltip.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && tooltip.checkVisibility({ opacityProperty: true, visibilityProperty: true });
        },
        { timeout: RENDER_TIMEOUT_MS },
      );
    }

    if (action === 'history') {
      await (await page.waitForSelector('integration-sync-card >>> [part~="history-toggle"]'))?.click();
      await page.waitForSelector('integration-sync-card >>> [part~="history-entry"]', { timeout: RENDER_TIMEOUT_MS });
    }
    if (action === 'fields') {
      await page.waitForSelector('integration-sync-card >>> [part~="fields-toggle"]', { timeout: RENDER_TIMEOUT_MS });
      for (const toggle of await page.$$('integration-sync-card >>> [part~="fields-toggle"]')) await toggle.click();
      await page.waitForSelector('integration-sync-card >>> [part~="fields"]', { timeout: RENDER_TIMEOUT_MS });
    }
    if (action === 'resync') {
      await (await page.waitForSelector('integration-sync-card >>> [part~="resync-button"]'))?.click();
      await page.waitForSelector('integration-sync-card >>> [data-status="in_progress"]', { timeout: RENDER_TIMEOUT_MS });
      const syncing = join(outDir, `${name}-1-syncing.png`);
      await page.screenshot({ path: /** @type {`${string}.png`} */ (syncing) });
      console.log(`✓ ${relative(root, syncing)}`);
      await page.waitForSelector('integration-sync-card >>> [data-status="up_to_date"]', { timeout: RENDER_TIMEOUT_MS });
      name = `${name}-2-up-to-date`;
    }

    // Let fonts, positioning and any fade-in settle.
    await page.evaluate(() => document.fonts.ready);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const file = join(outDir, `${name}.png`);
    if (cardWidth) {
      // The sidebar's padding (16 px) and border (1 px) on each side.
      await page.evaluate((width) => document.documentElement.style.setProperty('--sidebar-width', `${width + 34}px`), cardWidth);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await (await page.$('#sidebar'))?.screenshot({ path: /** @type {`${string}.png`} */ (file) });
    } else {
      await page.screenshot({ path: /** @type {`${string}.png`} */ (file) });
    }
    console.log(`✓ ${relative(root, file)}`);
  } finally {
    await page.close();
  }
}
