// The server tests (test/server/*.test.mjs): Node's own test runner on the JavaScript the package
// ships. dist/lib is rebuilt first (tsc alone, a few seconds), so the tests never run stale code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = run(['scripts/build-lib.mjs']);
if (built !== 0) process.exit(built);
process.exit(run(['--test', '--test-reporter=spec', 'test/server/']));
