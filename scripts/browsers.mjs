// Where each test engine's programs live, and which Debian packages bring them. Shared by
// ensure-browsers.mjs, test.mjs (the three-engine run), the test-runner config and
// screenshots.mjs. No dependencies. Chromium's own lookup stays in chromium.mjs.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findChromium } from './chromium.mjs';

/** The engines `npm test` runs, in order: the engines of Chrome/Edge, Firefox and Safari. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Debian packages per engine (WebKit's driver needs an X server: MiniBrowser has no headless mode). */
export const PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb'],
};

const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
];

/** @returns {string | undefined} Firefox: `FIREFOX_PATH`, then Debian's ESR, then PATH */
export function findFirefox() {
  return firstExecutable([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', ...onPath('firefox-esr', 'firefox')]);
}

/** @returns {{ driver: string, browser: string } | undefined} WebKitWebDriver and the MiniBrowser it drives */
export function findWebKit() {
  const driver = firstExecutable([process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver', ...onPath('WebKitWebDriver')]);
  const browser = firstExecutable([process.env.WEBKIT_BROWSER_PATH, ...MINIBROWSER_PATHS]);
  return driver && browser ? { driver, browser } : undefined;
}

/** @returns {string | undefined} */
export function findXvfb() {
  return firstExecutable(['/usr/bin/Xvfb', ...onPath('Xvfb')]);
}

/** @param {string} engine @returns {boolean} whether everything the engine needs is installed */
export function isInstalled(engine) {
  if (engine === 'chromium') return Boolean(findChromium());
  if (engine === 'firefox') return Boolean(findFirefox());
  if (engine === 'webkit') return Boolean(findWebKit() && findXvfb());
  throw new Error(`Unknown engine "${engine}" (one of ${ENGINES.join(', ')})`);
}

/** @param {...string} names @returns {string[]} */
function onPath(...names) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return names.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

/** @param {(string | undefined)[]} paths */
function firstExecutable(paths) {
  for (const path of paths) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next
    }
  }
  return undefined;
}
