// Installs missing Debian packages (never a downloaded build): as root with apt-get (CI
// containers), in one apt-get call; otherwise prints the command and exits non-zero.
// Used for the browsers (ensure-browsers.mjs) and for redis-server (the server tests' broker).
import { spawnSync } from 'node:child_process';

/**
 * @param {string[]} packages the Debian packages to install
 * @param {string} what what is missing, for the messages
 * @param {() => boolean} installed whether it is there now (checked again after apt-get)
 * @param {string} [otherwise] what else the user may do, after the apt-get command
 */
export function installDebianPackages(packages, what, installed, otherwise = '') {
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && isRoot && hasCommand('apt-get')) {
    console.log(`No ${what} found: installing ${packages.join(' ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed.`);
    }
    if (!installed()) fail(`apt-get installed ${packages.join(' ')}, but ${what} is still not found.`);
    return;
  }
  fail(`No ${what} found. On Debian or Ubuntu, install with:\n\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n${otherwise ? `\n${otherwise}` : ''}`);
}

/** @param {string} name */
export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Prints `message` and exits non-zero. @param {string} message @returns {never} */
export function fail(message) {
  console.error(message);
  process.exit(1);
}
