// Proves the npm package works for a consumer (issue "npm package"): packs the package as npm
// would publish it, installs the tarball into a fresh project in a temporary folder, then
//  1. checks the tarball's file list (what must ship, what must not);
//  2. runs publint on the package;
//  3. type-checks consumer code against the installed .d.ts files (strict, skipLibCheck off),
//     with typed HTMLElementTagNameMap/HTMLElementEventMap entries and @ts-expect-error probes;
//  4. bundles it with Vite, and checks the side-effect-free entry tree-shakes the element away;
//  5. imports `integration-sync-card/providers` in Node (no DOM, no Lit needed), and type-checks
//     and runs `integration-sync-card/server` there (a real node:http server on 127.0.0.1);
//  6. renders the bundled consumer page in headless Chromium.
// Usage: node scripts/check-pack.mjs [--keep]   (--keep leaves the temporary project in place)
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { build } from 'vite';
import { ensureBuilt } from '../test/support/built-output.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
let failures = 0;
let checks = 0;

function check(ok, message, detail = '') {
  checks++;
  if (ok) console.log(`  ✓ ${message}`);
  else {
    failures++;
    console.error(`  ✗ ${message}${detail ? `\n${detail.replace(/^/gm, '      ')}` : ''}`);
  }
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

console.log(`integration-sync-card: package check (${await ensureBuilt()})`);
const work = await mkdtemp(join(tmpdir(), 'isc-pack-'));

try {
  // 1. Pack.
  console.log('npm pack');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], root);
  if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`);
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('[')));
  const files = info.files.map((file) => file.path);
  const tarball = join(work, info.filename);
  console.log(`  ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked`);
  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'dist/lib/index.js',
    'dist/lib/index.d.ts',
    'dist/lib/define.js',
    'dist/lib/define.d.ts',
    'dist/lib/providers.js',
    'dist/lib/providers.d.ts',
    'dist/lib/server/index.js',
    'dist/lib/server/index.d.ts',
    'dist/cdn/integration-sync-card.js',
    'dist/embed.html',
    'dist/health.html',
    'schema/sync-status-response.schema.json',
    'schema/batch-response.schema.json',
    'schema/sync-event.schema.json',
  ]) {
    check(files.includes(required), `ships ${required}`);
  }
  const stray = files.filter((file) => /^(src|test|demo|stories|examples|scripts|node_modules|\.storybook)\//.test(file) || file.endsWith('.test.js'));
  check(stray.length === 0, 'ships no sources, tests, demo or scripts', stray.join('\n'));
  check(files.some((file) => /^dist\/embed-assets\/.+\.js$/.test(file)), 'ships the embed page assets');

  // 2. publint.
  console.log('publint');
  const { messages } = await publint({ pkgDir: root, level: 'suggestion', strict: true, pack: 'npm' });
  check(messages.length === 0, 'publint: no errors, warnings or suggestions', messages.map((m) => formatMessage(m, pkg) ?? m.code).join('\n'));

  // 3. A fresh consumer project.
  console.log(`a fresh project in ${work}`);
  const app = join(work, 'app');
  await writeFile(join(work, '.keep'), '');
  await run('mkdir', ['-p', join(app, 'src')]);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'isc-consumer', private: true, type: 'module' }, null, 2));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], app);
  check(install.ok, 'npm install <tarball> (with its dependencies lit, jose)', install.output);
  if (!install.ok) throw new Error('cannot go on without an install');

  await writeFile(
    join(app, 'src/app.ts'),
    `// A consumer of the npm package: registers the element, gives it data, listens to it.
import 'integration-sync-card/define';
import { createMemoryProvider, setDefaultProvider, type IntegrationSyncCard, type SyncStatusResponse } from 'integration-sync-card';
import { createRestProvider, SYNC_STATUSES, type SyncDataProvider } from 'integration-sync-card/providers';
import responseSchema from 'integration-sync-card/schema/sync-status-response.schema.json';

const response: SyncStatusResponse = {
  integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }],
  syncs: [{ id: 'netsuite:customer', integrationId: 'netsuite', label: 'NetSuite customer', status: 'up_to_date',
            syncedWith: { name: 'Acme Corp (CUS-1042)', url: 'https://erp.example.com/customers/1042' } }],
};
setDefaultProvider(createMemoryProvider({ 'company:42': response }));
const rest: SyncDataProvider = createRestProvider({ endpoint: '/api/sync-status', batch: { maxSize: 50 } });
void rest;

// HTMLElementTagNameMap: createElement and querySelector know the element's type.
const card: IntegrationSyncCard = document.createElement('integration-sync-card');
card.record = { objectType: 'company', objectId: '42', portalId: '1234' };
card.theme = 'dark';
card.refreshInterval = 60;
// HTMLElementEventMap: the events' details are typed.
card.addEventListener('isc-navigate', (event) => {
  const kind: 'synced-record' | 'status-detail' | 'settings' | 'fix' = event.detail.kind;
  if (kind === 'synced-record') event.preventDefault();
});
card.addEventListener('isc-load', (event) => {
  document.body.dataset.loaded = String(event.detail.response.syncs.length);
});
document.body.append(card);
const found: IntegrationSyncCard | null = document.querySelector('integration-sync-card');
void found;

// Type errors the declarations must catch (never called: only the type checker reads this).
export function mistakes(element: IntegrationSyncCard): SyncStatusResponse {
  // @ts-expect-error theme is 'light' | 'dark' | 'auto'
  element.theme = 'purple';
  // @ts-expect-error the detail has no such field
  element.addEventListener('isc-load', (event) => event.detail.nope);
  // @ts-expect-error a status is required in a sync
  return { integrations: [], syncs: [{ id: 'x', integrationId: 'y' }] };
}

console.log(SYNC_STATUSES.length, responseSchema.$id);
`,
  );
  await writeFile(
    join(app, 'src/minimal.ts'),
    `// Only a helper from the main entry: the bundle must not register (or even contain) the element.
import { SYNC_STATUSES } from 'integration-sync-card';
document.body.dataset.statuses = SYNC_STATUSES.join(' ');
`,
  );
  await writeFile(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          resolveJsonModule: true,
          skipLibCheck: false,
          noEmit: true,
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const typecheck = run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
  check(typecheck.ok, 'the consumer type-checks against the installed .d.ts (moduleResolution bundler, skipLibCheck off)', typecheck.output);
  await writeFile(
    join(app, 'tsconfig.node.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src/minimal.ts'] }, null, 2),
  );
  const typecheckNode = run(process.execPath, [tsc, '-p', 'tsconfig.node.json'], app);
  check(typecheckNode.ok, 'and with moduleResolution NodeNext', typecheckNode.output);

  // 4. Bundle.
  console.log('vite build');
  await writeFile(
    join(app, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title><script type="module" src="./src/app.ts"></script></head><body></body></html>',
  );
  await writeFile(join(app, 'minimal.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>minimal</title><script type="module" src="./src/minimal.ts"></script></head><body></body></html>');
  // Two builds, so each one's JavaScript (entry and chunks) is all its page loads.
  const bundle = async (page, outDir) => {
    await build({ root: app, configFile: false, logLevel: 'warn', build: { outDir, rolldownOptions: { input: join(app, page) } } });
    const assets = join(app, outDir, 'assets');
    const chunks = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    return (await Promise.all(chunks.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
  };
  const appJs = await bundle('index.html', 'out');
  const minimalJs = await bundle('minimal.html', 'out-minimal');
  check(/customElements\.define\(/.test(appJs) && appJs.includes('integration-sync-card'), 'the app bundle registers the element');
  check(
    minimalJs.includes('up_to_date') && !/customElements\.define\(|attachShadow|LitElement|adoptedStyleSheets/.test(minimalJs),
    `the main entry is side-effect free: a bundle using one helper has no element and no Lit (${minimalJs.length} bytes)`,
  );

  // 5. Node.
  const node = run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { createMemoryProvider, normalizeResponse } from 'integration-sync-card/providers';
       const provider = createMemoryProvider({ 'company:42': { integrations: [], syncs: [{ id: 'a', integrationId: 'b', status: 'weird' }] } });
       const raw = await provider.getSyncStatus({ objectType: 'company', objectId: '42' }, { signal: new AbortController().signal });
       console.log(normalizeResponse(raw).response.syncs[0].status);`,
    ],
    app,
  );
  check(node.ok && node.output.endsWith('sync_unknown'), "integration-sync-card/providers runs in Node (no DOM)", node.output);

  // 5b. The server entry: type-checked as a Node project (no DOM lib), then run.
  console.log('integration-sync-card/server');
  const typesNode = JSON.parse(await readFile(join(root, 'node_modules/@types/node/package.json'), 'utf8')).version;
  const installTypes = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `@types/node@${typesNode}`], app);
  check(installTypes.ok, `npm install @types/node@${typesNode} (for the Node consumer)`, installTypes.output);
  await writeFile(
    join(app, 'src/server.ts'),
    `// A deployer's sync-status API: the whole wire format in a few lines.
import { createServer } from 'node:http';
import { createEmbedToken, createMemoryProvider, createSyncStatusHandler, toNodeListener, verifyEmbedToken, verifyHubSpotSignature,
         type EmbedTokenClaims, type SyncDataProvider, type SyncStatusHandler } from 'integration-sync-card/server';

const source: SyncDataProvider = createMemoryProvider({
  'company:42': { integrations: [{ id: 'netsuite', name: 'NetSuite', state: 'active' }], syncs: [{ id: 'a', integrationId: 'netsuite', status: 'weird' }] },
});
const secret = 'a-secret-of-at-least-thirty-two-bytes!';
export const handler: SyncStatusHandler = createSyncStatusHandler({ source, basePath: '/api/sync-status', maxBatch: 50, corsOrigins: ['https://crm.example.com'] });
export const secured = createSyncStatusHandler({ source, auth: { tokenSecret: secret } });
export const custom = createSyncStatusHandler({ source, auth: async (request: Request, record) => request.headers.has('x-user') && record?.objectType === 'company' }); // record is undefined for the health routes: refused here
export const server = createServer(toNodeListener(handler));
export async function mint(): Promise<EmbedTokenClaims> {
  const token: string = await createEmbedToken({ record: { objectType: 'company', objectId: '42' }, secret, ttlSeconds: 60 });
  return verifyEmbedToken(token, secret);
}
export const verified: Promise<boolean> = verifyHubSpotSignature(new Request('https://x.example/'), { clientSecret: 's' });
// @ts-expect-error maxBatch is a number
createSyncStatusHandler({ source, maxBatch: '100' });
// @ts-expect-error a source needs getSyncStatus
createSyncStatusHandler({ source: {} });
`,
  );
  await writeFile(
    join(app, 'tsconfig.server.json'),
    JSON.stringify(
      {
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true },
        include: ['src/server.ts'],
      },
      null,
      2,
    ),
  );
  const typecheckServer = run(process.execPath, [tsc, '-p', 'tsconfig.server.json'], app);
  check(typecheckServer.ok, 'a Node server project type-checks against integration-sync-card/server (no DOM lib, NodeNext)', typecheckServer.output);
  const serverRun = run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { createServer } from 'node:http';
       import { createEmbedToken, createMemoryProvider, createSyncStatusHandler, toNodeListener } from 'integration-sync-card/server';
       const secret = 'a-secret-of-at-least-thirty-two-bytes!';
       const source = createMemoryProvider({ 'company:42': { integrations: [], syncs: [{ id: 'a', integrationId: 'b', status: 'weird' }] } });
       const server = createServer(toNodeListener(createSyncStatusHandler({ source, basePath: '/api', auth: { tokenSecret: secret } })));
       await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
       const base = 'http://127.0.0.1:' + server.address().port + '/api';
       const token = await createEmbedToken({ record: { objectType: 'company', objectId: '42' }, secret });
       const auth = { Authorization: 'Bearer ' + token };
       const anonymous = await fetch(base + '?objectType=company&objectId=42');
       const status = await fetch(base + '?objectType=company&objectId=42', { headers: auth });
       const batch = await fetch(base + '/batch', { method: 'POST', headers: auth, body: JSON.stringify({ records: [{ objectType: 'company', objectId: '42' }] }) });
       const results = (await batch.json()).results;
       console.log(anonymous.status, status.status, (await status.json()).syncs[0].status, batch.status, results[0].response.syncs[0].status);
       server.close();`,
    ],
    app,
  );
  check(serverRun.ok && serverRun.output.endsWith('401 200 sync_unknown 200 sync_unknown'), 'integration-sync-card/server serves node:http in Node: 401 without a token, the repaired status and batch with one', serverRun.output);

  // 6. The bundled consumer in a browser.
  const chromium = findChromium();
  if (!chromium) {
    check(false, 'a Chromium to render the bundle in (run node scripts/ensure-browsers.mjs chromium)');
  } else {
    const rendered = await renderInChromium(chromium, join(app, 'out'));
    check(
      rendered.loaded === '1' && rendered.text.includes('Acme Corp (CUS-1042)') && rendered.theme === 'dark',
      'the bundled consumer renders the card in Chromium',
      JSON.stringify(rendered),
    );
  }
} finally {
  if (keep || failures) console.log(`(the temporary project is kept in ${work})`);
  else await rm(work, { recursive: true, force: true });
}

const passed = checks - failures;
console.log(failures ? `package check: ${failures} of ${checks} checks failed` : `package check: all ${passed} checks passed`);
process.exit(failures ? 1 : 0);

/** Serves `dir` on 127.0.0.1 and reads what the consumer page rendered. */
async function renderInChromium(executablePath, dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      const body = await readFile(join(dir, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const { default: puppeteer } = await import('puppeteer-core');
  const userDataDir = await mkdtemp(join(tmpdir(), 'isc-pack-chromium-'));
  const browser = await puppeteer.launch({ executablePath, headless: true, args: [...chromiumArgs, `--user-data-dir=${userDataDir}`] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined, { timeout: 10000 });
    return await page.evaluate(() => {
      const card = document.querySelector('integration-sync-card');
      return { loaded: document.body.dataset.loaded, text: card?.shadowRoot?.textContent ?? '', theme: card?.getAttribute('theme') };
    });
  } finally {
    await browser.close();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
