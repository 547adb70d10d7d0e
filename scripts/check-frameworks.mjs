// `npm run check:frameworks` (CI runs it): the packed package in six real framework apps
// (examples/frameworks/{react,next,vue,svelte,preact,angular}), as a user would get it. For each:
//  1. `npm ci` from the app's own lockfile, then the tarball with `npm i --no-save` (the lockfile
//     stays the app's: no published version to lock yet);
//  2. its type check passes (tsc, vue-tsc, svelte-check, ngc) with the package's framework types;
//  3. its deliberate mistakes (theme="purple", record={123}, a handler of the wrong event, in a
//     file the normal build leaves out) each fail that type check, on their own lines;
//  4. its production build (Vite, `next build`, `ng build`), served on 127.0.0.1 (`next start`
//     for Next.js, a static server for the others);
//  5. in headless Chromium: the card shows the data of the provider set as a property, re-renders
//     when the app changes the record, the app receives `isc-load` with its detail and cancels
//     `isc-navigate` (the link opens no tab), and the console has no error.
// Usage: node scripts/check-frameworks.mjs [react next …] [--installed]
//   (--installed skips `npm ci` where node_modules exists: for trying changes locally)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../test/support/built-output.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples/frameworks');
const bin = (app, name) => join(examples, app, 'node_modules/.bin', name);

/** Each app: how to check its types and its mistakes, and what its build serves. */
const APPS = {
  react: {
    typecheck: (app) => [bin(app, 'tsc'), '-p', 'tsconfig.json'],
    mistakes: { file: 'src/type-errors.tsx', check: (app) => [bin(app, 'tsc'), '-p', 'tsconfig.errors.json'] },
    serve: { static: 'dist' },
  },
  next: {
    typecheck: (app) => [bin(app, 'tsc'), '-p', 'tsconfig.json'],
    mistakes: { file: 'app/type-errors.tsx', check: (app) => [bin(app, 'tsc'), '-p', 'tsconfig.errors.json'] },
    serve: { command: (app, port) => [bin(app, 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)] },
  },
  vue: {
    typecheck: (app) => [bin(app, 'vue-tsc'), '-p', 'tsconfig.json'],
    mistakes: { file: 'src/TypeErrors.vue', check: (app) => [bin(app, 'vue-tsc'), '-p', 'tsconfig.errors.json'] },
    serve: { static: 'dist' },
  },
  svelte: {
    typecheck: (app) => [bin(app, 'svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'machine'],
    mistakes: { file: 'src/TypeErrors.svelte', check: (app) => [bin(app, 'svelte-check'), '--tsconfig', './tsconfig.errors.json', '--output', 'machine'] },
    serve: { static: 'dist' },
  },
  preact: {
    typecheck: (app) => [bin(app, 'tsc'), '-p', 'tsconfig.json'],
    mistakes: { file: 'src/type-errors.tsx', check: (app) => [bin(app, 'tsc'), '-p', 'tsconfig.errors.json'] },
    serve: { static: 'dist' },
  },
  angular: {
    typecheck: (app) => [bin(app, 'ngc'), '-p', 'tsconfig.app.json'],
    mistakes: { file: 'src/app/type-errors.ts', check: (app) => [bin(app, 'ngc'), '-p', 'tsconfig.errors.json'] },
    serve: { static: 'dist/isc-example-angular/browser' },
  },
};

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const reuseInstall = process.argv.includes('--installed');
const names = only.length ? only : Object.keys(APPS);
for (const name of names) if (!APPS[name]) throw new Error(`no app ${name}: one of ${Object.keys(APPS).join(', ')}`);

const results = [];
let failures = 0;
function check(row, column, ok, message, detail = '') {
  row[column] = ok ? '✓' : '✗';
  if (ok) console.log(`  ✓ ${message}`);
  else {
    failures++;
    console.error(`  ✗ ${message}${detail ? `\n${String(detail).trim().replace(/^/gm, '      ')}` : ''}`);
  }
  return ok;
}

function run([command, ...args], cwd, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, maxBuffer: 64 * 1024 * 1024 });
  // eslint-disable-next-line no-control-regex -- colour codes some tools print anyway
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
  return { ok: result.status === 0, output, seconds: (Date.now() - started) / 1000 };
}

const tail = (text, lines = 30) => text.split('\n').slice(-lines).join('\n');

const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found: run `node scripts/ensure-browsers.mjs chromium` (or set CHROME_PATH).');
  process.exit(1);
}
const started = Date.now();
console.log(`integration-sync-card: framework apps (${await ensureBuilt()})`);
const work = await mkdtemp(join(tmpdir(), 'isc-frameworks-'));
const packed = run(['npm', 'pack', '--json', '--pack-destination', work], root);
if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`);
const tarball = join(work, JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].filename);
console.log(`packed ${basename(tarball)}`);

const { default: puppeteer } = await import('puppeteer-core');
const userDataDir = await mkdtemp(join(tmpdir(), 'isc-frameworks-chromium-'));
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: [...chromiumArgs, `--user-data-dir=${userDataDir}`] });

try {
  for (const name of names) {
    const app = join(examples, name);
    const spec = APPS[name];
    const row = { framework: name };
    results.push(row);
    const appStarted = Date.now();
    console.log(`\n${name} (examples/frameworks/${name})`);

    if (!(reuseInstall && existsSync(join(app, 'node_modules')))) {
      const ci = run(['npm', 'ci', '--no-audit', '--no-fund', '--loglevel=error'], app);
      if (!check(row, 'install', ci.ok, `npm ci (${ci.seconds.toFixed(0)} s)`, tail(ci.output))) continue;
    }
    const install = run(['npm', 'install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);
    if (!check(row, 'install', install.ok, `npm install --no-save ${basename(tarball)} (${install.seconds.toFixed(0)} s)`, tail(install.output))) continue;

    const types = run(spec.typecheck(name), app);
    check(row, 'types pass', types.ok, `type check passes (${types.seconds.toFixed(0)} s)`, tail(types.output));

    const mistakes = await checkMistakes(name, app, spec.mistakes);
    check(row, 'mistakes fail', mistakes.ok, `each deliberate mistake fails the type check on its line (${mistakes.summary})`, mistakes.detail);

    const build = run(['npm', 'run', 'build'], app, { NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false' });
    if (!check(row, 'build', build.ok, `production build (${build.seconds.toFixed(0)} s)`, tail(build.output))) continue;

    const server = await serve(name, app, spec.serve);
    try {
      check(row, 'serve', server.ok, `served on ${server.url}`, server.detail);
      if (!server.ok) continue;
      await checkInBrowser(row, server.url, { serverRendered: name === 'next' });
    } finally {
      await server.stop();
    }
    row.seconds = Math.round((Date.now() - appStarted) / 1000);
  }
} finally {
  await browser.close();
  await rm(userDataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}

const columns = ['types pass', 'mistakes fail', 'build', 'serve', 'provider data', 'record change', 'isc-load', 'navigate cancelled', 'no console error'];
console.log(`\n| framework | ${columns.join(' | ')} | s |\n|---|${columns.map(() => '---').join('|')}|---|`);
for (const row of results) console.log(`| ${row.framework} | ${columns.map((column) => row[column] ?? (row.install === '✗' ? '✗ install' : '–')).join(' | ')} | ${row.seconds ?? ''} |`);
console.log(`\nframework apps: ${failures ? `${failures} checks failed` : 'all checks passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failures ? 1 : 0);

/**
 * Type-checks the mistakes file alone: it must fail, with errors on exactly the lines that use the
 * element wrongly (marked by `purple`, `123` or an `isc-navigate` or `onIscNavigate` handler named handleLoad).
 */
async function checkMistakes(name, app, { file, check: command }) {
  const source = await readFile(join(app, file), 'utf8');
  const expected = source
    .split('\n')
    .map((line, index) => (/purple|\b123\b|(isc-navigate|IscNavigate)\W+handleLoad/.test(line) ? index + 1 : 0))
    .filter(Boolean);
  const result = run(command(name), app);
  const at = new RegExp(`${basename(file).replace('.', '\\.')}\\W{1,3}(\\d+)[,:]\\d+`, 'g');
  const reported = [...new Set([...result.output.matchAll(at)].map((match) => Number(match[1])))].sort((a, b) => a - b);
  const ok = !result.ok && expected.length > 0 && JSON.stringify(reported) === JSON.stringify(expected);
  return {
    ok,
    summary: `${file}: errors on lines ${reported.join(', ') || 'none'}, expected ${expected.join(', ')}`,
    detail: ok ? '' : tail(result.output, 40),
  };
}

/** Serves the build: `next start`, or the static files with index.html for every other path. */
async function serve(name, app, how) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  if (how.static) {
    const dir = join(app, how.static);
    const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon' };
    const server = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', url).pathname);
      const file = join(dir, path.endsWith('/') ? 'index.html' : path);
      try {
        if (!file.startsWith(dir)) throw new Error('outside');
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { ok: true, url, stop: () => new Promise((resolve) => server.close(resolve)) };
  }
  const [command, ...args] = how.command(name, port);
  const child = spawn(command, args, { cwd: app, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return { ok: true, url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { ok: false, url, stop, detail: tail(output) };
}

/** What a user sees and what the app hears, in a fresh tab. */
async function checkInBrowser(row, url, { serverRendered }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  const card = () => page.evaluate(() => document.querySelector('integration-sync-card')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
  const text = (selector) => page.$eval(selector, (element) => element.textContent?.trim() ?? '');
  const waitFor = async (what, predicate) => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await predicate()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };
  try {
    if (serverRendered) {
      const html = await (await fetch(url)).text();
      check(row, 'server-rendered', html.includes('<integration-sync-card'), 'the server sends the page with <integration-sync-card> in it (so the client hydrates it)');
    }
    await page.goto(url, { waitUntil: 'load' });
    const acme = await waitFor('Acme', async () => (await card()).includes('Acme Corp'));
    check(row, 'provider data', acme, 'the card shows the provider’s data (Acme Corp)', await card());
    const loaded = await waitFor('isc-load', async () => (await text('#loaded')) === 'Loaded company 42');
    check(row, 'isc-load', loaded, 'the app received isc-load with its detail ("Loaded company 42")', await text('#loaded'));

    const tabs = (await context.pages()).length;
    const link = await page.waitForFunction(() => document.querySelector('integration-sync-card')?.shadowRoot?.querySelector('[part~="synced-with-link"]'));
    await link.asElement().click();
    const opened = await waitFor('isc-navigate', async () => (await text('#opened')) === 'https://erp.example.com/customers/1042');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a tab the click opened would show up by now
    const tabsAfter = (await context.pages()).length;
    check(row, 'navigate cancelled', opened && tabsAfter === tabs && page.url() === url, 'the app cancelled isc-navigate: it shows the URL and no tab opened', `opened: "${await text('#opened')}", tabs ${tabs} → ${tabsAfter}, page ${page.url()}`);

    await (await page.$('button')).click();
    const globex = await waitFor('Globex', async () => (await card()).includes('Globex') && (await text('#loaded')) === 'Loaded company 43');
    check(row, 'record change', globex, 'after the app changes the record the card shows company 43 (Globex) and isc-load says so', `${await card()} / ${await text('#loaded')}`);
    check(row, 'no console error', errors.length === 0, 'no console error', errors.join('\n'));
  } finally {
    await context.close();
  }
}
