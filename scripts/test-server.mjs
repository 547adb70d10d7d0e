// The server tests (test/server/*.test.mjs): Node's test runner on the JavaScript the package
// ships (dist/lib/server) and on examples/server, which serves dist/embed.html. The Redis change
// feed's test starts its own redis-server (Debian's, installed here when missing). `npm run build`
// runs first when dist/ is missing or older than its sources (as the browser tests do), so a
// fresh clone's `npm test` works and the tests never run stale code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../test/support/built-output.mjs';
import { postgresBin } from '../test/support/postgres.mjs';
import { hasCommand, installDebianPackages } from './ensure-debian.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!hasCommand('redis-server')) installDebianPackages(['redis-server'], 'redis-server', () => hasCommand('redis-server'));
// The ledger's suite also runs on a real PostgreSQL server (test/support/postgres.mjs starts one per test file).
if (!postgresBin()) installDebianPackages(['postgresql'], 'PostgreSQL', () => postgresBin() !== null);
console.log(`[server tests] ${await ensureBuilt()}`);
for (const file of ['dist/lib/server/index.js', 'dist/embed.headers.json']) {
  if (!existsSync(`${root}${file}`)) {
    console.error(`[server tests] ${file} is missing after the build`);
    process.exit(1);
  }
}
process.exit(spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'test/server/'], { cwd: root, stdio: 'inherit' }).status ?? 1);
