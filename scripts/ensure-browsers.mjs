// Run before the tests: make sure each engine's browser is installed (Debian packages, never a
// downloaded build). As root with apt-get (CI containers), installs what is missing in one
// apt-get call; otherwise prints the command and exits non-zero.
//   node scripts/ensure-browsers.mjs [chromium] [firefox] [webkit]   (default: all three)
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ENGINES, PACKAGES, isInstalled } from './browsers.mjs';

/** @param {string[]} engines */
export function ensureBrowsers(engines = ENGINES) {
  const missing = engines.filter((engine) => !isInstalled(engine));
  if (missing.length === 0) return;
  const packages = missing.flatMap((engine) => PACKAGES[engine]);
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && isRoot && hasCommand('apt-get')) {
    console.log(`No ${missing.join(', ')} found: installing ${packages.join(' ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed.`);
    }
    const still = missing.filter((engine) => !isInstalled(engine));
    if (still.length) fail(`apt-get installed ${packages.join(' ')}, but ${still.join(', ')} is still not found.`);
    return;
  }
  fail(
    `No ${missing.join(', ')} found. On Debian or Ubuntu, install with:\n\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n\n` +
      'or point CHROME_PATH / FIREFOX_PATH / WEBKIT_WEBDRIVER_PATH + WEBKIT_BROWSER_PATH at your own builds,\n' +
      'or run one engine only (npm run test:chromium).',
  );
}

/** @param {string} name */
function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const asked = process.argv.slice(2);
  for (const engine of asked) if (!ENGINES.includes(engine)) fail(`Unknown engine "${engine}" (one of ${ENGINES.join(', ')})`);
  ensureBrowsers(asked.length ? asked : ENGINES);
  console.log(`Browsers ready: ${(asked.length ? asked : ENGINES).join(', ')}`);
}
