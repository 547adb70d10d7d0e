// `npm run lint`: ESLint (with eslint-plugin-lit) and lit-analyzer (Lit template bindings
// type-checked against the element's property types), both from tools/quality/, whose
// dependencies are installed on first use (`npm ci --prefix tools/quality`). See
// tools/quality/package.json for why they live apart from the project's own TypeScript 7.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tools = join(root, 'tools/quality');

function run(label, command, args, options = {}) {
  console.log(`> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`${label} failed`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(join(tools, 'node_modules/.package-lock.json'))) {
  run('install the lint tools (tools/quality)', 'npm', ['ci', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error']);
}
run('eslint', process.execPath, [join(tools, 'node_modules/eslint/bin/eslint.js'), '-c', join(tools, 'eslint.config.mjs'), '--max-warnings', '0', 'src', 'examples', 'test', 'stories']);
// NOTE: no-invalid-css is off: lit-analyzer's CSS data predates container queries and
// color-scheme and calls them unknown. Bindings, attributes and events are what it checks here.
run('lit-analyzer', process.execPath, [join(tools, 'node_modules/lit-analyzer/cli.js'), 'src/**/*.ts', '--strict', '--maxWarnings', '0', '--rules.no-invalid-css', 'off']);
console.log('lint: clean');
