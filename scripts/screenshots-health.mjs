// Screenshots of the sync health page (dist/health.html) into screenshots/<engine>/health-*.png,
// light, dark, French and 360 px wide, in Chromium, Firefox and WebKit, to look at side by side.
// Serves dist/ and the browser tests' API of the §15 routes (test/support/health-api.mjs) on a
// loopback port; `node scripts/screenshots-health.mjs [chromium|firefox|webkit …]` (after a build).
import { createServer } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import WebDriver from 'webdriver';
import { builtFiles } from '../test/support/built-output.mjs';
import { healthApi } from '../test/support/health-api.mjs';
import { findFirefox } from './browsers.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = builtFiles();
const api = healthApi();
const server = createServer((req, res) => files(req, res, () => api(req, res, () => res.writeHead(404).end())));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const SHOTS = [
  { name: 'health-light', query: 'lang=en&theme=light', width: 1100 },
  { name: 'health-dark', query: 'lang=en&theme=dark', width: 1100 },
  { name: 'health-fr', query: 'lang=fr&theme=light', width: 1100 },
  { name: 'health-360px', query: 'lang=en&theme=light', width: 360 },
];
const HEIGHT = 1400;
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox', 'webkit'];
const rendered = () => !!document.querySelector('integration-sync-health')?.shadowRoot?.querySelector('[part~="row"]');

async function seed(name) {
  const endpoint = `/health-api/shots-${name}`;
  await fetch(`${origin}${endpoint}/setup`, { method: 'POST', body: JSON.stringify({ count: 60 }) });
  return endpoint;
}

async function puppeteerShots(engine) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'isc-health-shots-'));
  const browser =
    engine === 'chromium'
      ? await puppeteer.launch({ executablePath: findChromium(), headless: true, userDataDir, args: chromiumArgs.filter((arg) => arg !== '--headless') })
      : await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, userDataDir });
  try {
    for (const shot of SHOTS) {
      const page = await browser.newPage();
      await page.setViewport({ width: shot.width, height: HEIGHT });
      await page.goto(`${origin}/dist/health.html?endpoint=${await seed(shot.name)}&${shot.query}`, { waitUntil: 'load' });
      await page.waitForFunction(rendered, { timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.screenshot({ path: join(root, 'screenshots', engine, `${shot.name}.png`) });
      await page.close();
    }
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function webkitShots() {
  const webkit = await startWebKitDriver();
  const client = await WebDriver.newSession({
    hostname: '127.0.0.1',
    port: webkit.port,
    logLevel: 'error',
    capabilities: { browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true, 'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation'] } },
  });
  try {
    for (const shot of SHOTS) {
      await client.setWindowRect(0, 0, shot.width, HEIGHT);
      await client.navigateTo(`${origin}/dist/health.html?endpoint=${await seed(shot.name)}&${shot.query}`);
      for (let i = 0; i < 150 && !(await client.executeScript(`return (${rendered})()`, [])); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writeFile(join(root, 'screenshots', 'webkit', `${shot.name}.png`), Buffer.from(await client.takeScreenshot(), 'base64'));
    }
  } finally {
    await client.deleteSession().catch(() => {});
    webkit.stop();
  }
}

try {
  for (const engine of engines) {
    await mkdir(join(root, 'screenshots', engine), { recursive: true });
    if (engine === 'webkit') await webkitShots();
    else await puppeteerShots(engine);
    console.log(`${engine}: ${SHOTS.map((shot) => `screenshots/${engine}/${shot.name}.png`).join(', ')}`);
  }
} finally {
  server.close();
}
