// Browser tests: @web/test-runner in headless Chromium, with module requests served by Vite
// (so stories and their dependencies import exactly as they do in Storybook and the demo).
import { rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createServer, runnerImport } from 'vite';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';
import { testApi } from './test/support/test-api.mjs';
import { builtFiles, ensureBuiltCommand } from './test/support/built-output.mjs';

/** Hands a request to connect-style middleware; resolves true when it answered. */
function runConnect(middleware, ctx) {
  return new Promise((resolve, reject) => {
    const onFinish = () => resolve(true);
    ctx.res.once('finish', onFinish);
    ctx.res.once('close', onFinish);
    middleware(ctx.req, ctx.res, (error) => {
      ctx.res.off('finish', onFinish);
      ctx.res.off('close', onFinish);
      if (error) reject(error);
      else resolve(false);
    });
  });
}

/** A port the OS picks: several runs at once (engineers, CI, a helper) must not race for 8000. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// The demo API is the package's server half (TypeScript, src/server): Vite's module runner loads it.
/** @type {{ module: typeof import('./demo/api-middleware.js') }} */
const { module: demoApi } = await runnerImport('./demo/api-middleware.js', { configFile: false, logLevel: 'warn' });
const { syncStatusApi } = demoApi;
/** @type {{ module: typeof import('./test/support/server-api.ts') }} */
const { module: serverTestApi } = await runnerImport('./test/support/server-api.ts', {
  configFile: false,
  logLevel: 'warn',
  // examples/ import the package by name, as a deployer's code does: here, its sources.
  resolve: { alias: { 'integration-sync-card/server': fileURLToPath(new URL('./src/server/index.ts', import.meta.url)) } },
});

const cacheDir = `node_modules/.vite-wtr/${process.pid}`;
/** @type {import('vite').ViteDevServer | undefined} */
let vite;
// builtFiles: /dist/… and /examples/… as they are on disk (tests of the built output).
const apis = [builtFiles(), testApi(), serverTestApi.serverApi(), syncStatusApi(), syncStatusApi({ basePath: '/demo-api', resyncDelayMs: 300 })];

export default {
  files: ['test/**/*.test.ts'],
  port: await freePort(),
  // One page at a time: focus, pointer and visibility tests must not compete for the window.
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
      // "Copy details" is tested for real: the page may write and read the clipboard.
      async createPage({ context, config }) {
        await context.overridePermissions(`${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
        return context.newPage();
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // A file may run longer than the default 2 minutes: the 24-hour soak and the 1,000 retry races
  // take about a minute each on a busy 2-core machine.
  testsFinishTimeout: 300_000,
  // Expected noise: Lit's dev-mode notice and the card's own data-repair warnings (tests assert those).
  filterBrowserLogs: ({ args }) => !/^\[integration-sync-card\]|Lit is in dev mode/.test(String(args[0])),
  plugins: [
    ensureBuiltCommand(),
    {
      // emulateMedia() cannot emulate forced colors with puppeteer: any CSS media feature, through CDP.
      name: 'isc-media-features',
      async executeCommand({ command, payload, session }) {
        if (command !== 'isc-media-features') return undefined;
        await session.browser.getPage(session.id).emulateMediaFeatures(payload);
        return true;
      },
    },
    {
      name: 'vite-middleware',
      async serverStart() {
        vite = await createServer({
          configFile: false,
          // A cache of its own per run: two runs at once (a dev and a helper, or CI) must not
          // rewrite each other's pre-bundled dependencies mid-run.
          cacheDir,
          // No HMR websocket: in middleware mode Vite would listen on the fixed port 24678, which a
          // second run at once cannot get.
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
          logLevel: 'warn',
          resolve: {
            // The framework examples (examples/) import the package by name, as an app would;
            // the tests run them against the sources. Vue's full build compiles their templates.
            alias: [
              { find: /^integration-sync-card$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
              { find: /^integration-sync-card\/define$/, replacement: fileURLToPath(new URL('./src/define.ts', import.meta.url)) },
              { find: /^integration-sync-card\/providers$/, replacement: fileURLToPath(new URL('./src/providers.ts', import.meta.url)) },
              { find: /^integration-sync-card\/server$/, replacement: fileURLToPath(new URL('./src/server/index.ts', import.meta.url)) },
              { find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' },
            ],
          },
          optimizeDeps: {
            entries: ['test/**/*.test.ts', 'stories/**/*.stories.ts'],
            // Listed so one pre-bundling pass sees them all: a second pass mid-run would load Lit twice.
            include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', '@floating-ui/dom', '@open-wc/testing', '@web/test-runner-commands', 'storybook/test', 'storybook/preview-api', '@storybook/web-components', 'axe-core/axe.min.js', '@sinonjs/fake-timers'],
          },
          plugins: [
            // Tests run the templates and styles minified, exactly as the CDN build ships them.
            minifyLiteralsPlugin(),
            {
              // @web/test-runner-commands imports wtr's own websocket module by absolute URL.
              name: 'wtr-websocket-external',
              resolveId(id) {
                if (id.endsWith('__web-dev-server__web-socket.js')) return { id: '/__web-dev-server__web-socket.js', external: true };
              },
            },
          ],
        });
      },
      async serverStop() {
        await vite?.close();
        await rm(cacheDir, { recursive: true, force: true });
      },
    },
  ],
  middleware: [
    async (ctx, next) => {
      for (const api of apis) {
        if (await runConnect(api, ctx)) {
          ctx.respond = false;
          return;
        }
      }
      // wtr's own files (test page, mocha, session scripts) stay with wtr.
      if (ctx.path === '/' || ctx.path.startsWith('/__web') || !vite) return next();
      if (await runConnect(vite.middlewares, ctx)) ctx.respond = false;
      else await next();
    },
  ],
};
