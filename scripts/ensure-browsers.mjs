// Run before the tests: make sure each engine's browser is installed (Debian packages, never a
// downloaded build). As root with apt-get (CI containers), installs what is missing in one
// apt-get call; otherwise prints the command and exits non-zero.
//   node scripts/ensure-browsers.mjs [chromium] [firefox] [webkit]   (default: all three)
import { pathToFileURL } from 'node:url';
import { ENGINES, PACKAGES, isInstalled } from './browsers.mjs';
import { fail, installDebianPackages } from './ensure-debian.mjs';

/** @param {string[]} engines */
export function ensureBrowsers(engines = ENGINES) {
  const missing = engines.filter((engine) => !isInstalled(engine));
  if (missing.length === 0) return;
  installDebianPackages(
    missing.flatMap((engine) => PACKAGES[engine]),
    missing.join(', '),
    () => missing.every((engine) => isInstalled(engine)),
    'or point CHROME_PATH / FIREFOX_PATH / WEBKIT_WEBDRIVER_PATH + WEBKIT_BROWSER_PATH at your own builds,\n' +
      'or run one engine only (npm run test:chromium).',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const asked = process.argv.slice(2);
  for (const engine of asked) if (!ENGINES.includes(engine)) fail(`Unknown engine "${engine}" (one of ${ENGINES.join(', ')})`);
  ensureBrowsers(asked.length ? asked : ENGINES);
  console.log(`Browsers ready: ${(asked.length ? asked : ENGINES).join(', ')}`);
}
