// The browser each test engine runs in, and what each engine can emulate, for
// web-test-runner.config.mjs. ISC_ENGINE picks the engine (scripts/test.mjs sets it; plain
// `npx wtr` means Chromium).
//
// Media features (`isc-media` server command, test/support/media.ts in the page):
// - Chromium: CDP's Emulation.setEmulatedMedia, any feature.
// - Firefox: the switches its own devtools use, set over BiDi (scripts/firefox-media.mjs).
// - WebKit: WebKitWebDriver (WebDriver classic) has no media emulation, so a test that needs
//   a feature the page does not already have is skipped there, with the reason printed.
// Clipboard: a real click (sendMouse) is the user gesture in every engine; the permission is
// each engine's own (Chromium: a granted permission; Firefox: its testing pref; WebKit:
// MiniBrowser's javascript-can-access-clipboard setting).
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import { findFirefox, findWebKit } from '../../scripts/browsers.mjs';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { FIREFOX_SYSTEM_ACCESS, setFirefoxMedia } from '../../scripts/firefox-media.mjs';

export const engine = process.env.ISC_ENGINE || 'chromium';

const CLIPBOARD = ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'];

/** @returns {import('@web/test-runner').BrowserLauncher} */
export function launcher() {
  if (engine === 'chromium') {
    return chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
      async createPage({ context, config }) {
        await context.overridePermissions(`${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`, CLIPBOARD);
        return context.newPage();
      },
    });
  }
  if (engine === 'firefox') {
    return named(
      chromeLauncher({
        puppeteer,
        launchOptions: {
          browser: 'firefox',
          executablePath: findFirefox(),
          headless: true,
          // Lets the run reach the tab's emulation switches (see top); only this test profile.
          args: [FIREFOX_SYSTEM_ACCESS],
          extraPrefsFirefox: { 'dom.events.testing.asyncClipboard': true },
        },
        createPage: ({ context }) => context.newPage(),
      }),
      'Firefox',
    );
  }
  if (engine === 'webkit') {
    const webkit = findWebKit();
    const port = Number(process.env.ISC_WEBDRIVER_PORT);
    if (!webkit || !port) throw new Error('The WebKit run needs WebKitWebDriver started by scripts/test.mjs (npm run test:webkit).');
    return webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        // The clipboard setting is WebKit's own clipboard permission; opening windows from script
        // matches Chromium and Firefox under automation (puppeteer disables their popup blocking).
        'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation', '--javascript-can-access-clipboard=true', '--javascript-can-open-windows-automatically=true'] },
      },
    });
  }
  throw new Error(`ISC_ENGINE=${engine}: expected chromium, firefox or webkit`);
}

/** @template T @param {T} launcher @param {string} name @returns {T} */
function named(launcher, name) {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = name;
  };
  return launcher;
}

/**
 * @typedef {{ colorScheme?: 'light' | 'dark', reducedMotion?: 'reduce' | 'no-preference', forcedColors?: 'active' | 'none' }} MediaRequest
 * An empty request resets every feature to the browser's own.
 */

/** The older command's payload (CDP-style `[{ name, value }]`, still used by some tests). */
function fromFeatures(features) {
  const value = (name) => features.find((feature) => feature.name === name)?.value;
  return { colorScheme: value('prefers-color-scheme'), reducedMotion: value('prefers-reduced-motion'), forcedColors: value('forced-colors') };
}

/** wtr plugins: `isc-media` (emulate media features) and `isc-skip` (record why a test skipped). */
export function enginePlugins({ skips }) {
  return [
    {
      name: 'isc-engine',
      async executeCommand({ command, payload, session }) {
        if (command === 'isc-skip') {
          skips.push({ file: session.testFile, test: payload.test, reason: payload.reason });
          return true;
        }
        if (command !== 'isc-media' && command !== 'isc-media-features') return undefined;
        /** @type {MediaRequest} */
        const request = command === 'isc-media' ? (payload ?? {}) : fromFeatures(payload ?? []);
        if (engine === 'chromium') {
          const page = session.browser.getPage(session.id);
          const features = [];
          if (request.colorScheme) features.push({ name: 'prefers-color-scheme', value: request.colorScheme });
          if (request.reducedMotion) features.push({ name: 'prefers-reduced-motion', value: request.reducedMotion });
          if (request.forcedColors) features.push({ name: 'forced-colors', value: request.forcedColors });
          await page.emulateMediaFeatures(features);
          return { ok: true };
        }
        if (engine === 'firefox') {
          await setFirefoxMedia(session.browser.getPage(session.id).browser(), request);
          return { ok: true };
        }
        if (command === 'isc-media-features') throw new Error('isc-media-features: no media emulation in WebKitGTK (use isc-media)');
        return { ok: false, reason: 'WebKitGTK: WebKitWebDriver has no media emulation (MiniBrowser takes --dark-mode only at launch)' };
      },
    },
  ];
}
