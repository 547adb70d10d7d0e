// Run before the tests: make sure a Chromium is available for @web/test-runner.
// As root with apt-get (CI containers), installs it; otherwise prints the command.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findChromium, chromiumArgs } from './chromium.mjs';

export { findChromium, chromiumArgs };

/** @returns {string} the Chromium path; exits the process when there is none */
export function ensureChromium() {
  const envPath = process.env.CHROME_PATH;
  const found = findChromium();
  if (envPath && found !== envPath) {
    console.warn(`CHROME_PATH=${envPath} is not an executable file; looking elsewhere.`);
  }
  if (found) return found;

  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && isRoot && hasCommand('apt-get')) {
    console.log('No Chromium found: installing it with apt-get (apt-get update && apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', 'chromium']]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed.`);
    }
    const installed = findChromium();
    if (installed) return installed;
    fail('apt-get installed chromium, but no Chromium executable was found afterwards.');
  }

  fail(`No Chromium found. Install it with:\n\n  ${installCommand()}\n\nor set CHROME_PATH to a Chrome or Chromium executable.`);
}

function installCommand() {
  if (process.platform === 'darwin') return 'brew install --cask chromium';
  if (process.platform === 'win32') return 'winget install Google.Chrome';
  return 'sudo apt-get update && sudo apt-get install -y chromium';
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
  console.log(`Using Chromium at ${ensureChromium()}`);
}
