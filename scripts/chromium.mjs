// Where Chromium lives, and how to start it headless. Shared by
// ensure-browsers.mjs (via browsers.mjs), the test-runner config and screenshots.mjs. No dependencies.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Flags for a quiet headless Chromium in CI and containers. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const PATH_NAMES = ['google-chrome-stable', 'chromium', 'chromium-browser', 'google-chrome'];

/**
 * The first Chromium found: `CHROME_PATH`, then the usual Linux paths, then PATH.
 * @returns {string | undefined} an executable path, or undefined when none is found
 */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  for (const path of KNOWN_PATHS) if (isExecutable(path)) return path;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return undefined;
}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
