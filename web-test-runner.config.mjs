// Browser tests: @web/test-runner in one engine per run (ISC_ENGINE: chromium, the default,
// firefox or webkit; `npm test` runs all three one after another through scripts/test.mjs), with
// module requests served by Vite (so stories and their dependencies import exactly as they do in
// Storybook and the demo).
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { createServer, runnerImport } from 'vite';
import { freePort } from './scripts/free-port.mjs';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';
import { testApi } from './test/support/test-api.mjs';
import { healthApi } from './test/support/health-api.mjs';
import { builtFiles, ensureBuiltCommand } from './test/support/built-output.mjs';
import { enginePlugins, launcher } from './test/support/engines.mjs';
import { resultsReporter } from './test/support/results-reporter.mjs';

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

/** @type {{ module: typeof import('./test/support/health-ledger-api.ts') }} */
const { module: healthLedgerTestApi } = await runnerImport('./test/support/health-ledger-api.ts', { configFile: false, logLevel: 'warn' });
/** @type {{ module: typeof import('./test/support/card-ledger-api.ts') }} */
const { module: cardLedgerTestApi } = await runnerImport('./test/support/card-ledger-api.ts', { configFile: false, logLevel: 'warn' });
// The card on the ledger, on PGlite and on a PostgreSQL server started on first use: stopped with wtr's server.
const cardLedgerApi = cardLedgerTestApi.cardLedgerApi();

const cacheDir = `node_modules/.vite-wtr/${process.pid}`;
/** Tests an engine could not run, with why (test/support/media.ts); printed in the summary. */
const skips = [];
/** @type {import('vite').ViteDevServer | undefined} */
let vite;
// builtFiles: /dist/… and /examples/… as they are on disk (tests of the built output).
const apis = [builtFiles(), testApi(), healthApi(), healthLedgerTestApi.healthLedgerApi(), cardLedgerApi, serverTestApi.serverApi(), syncStatusApi(), syncStatusApi({ basePath: '/demo-api', resyncDelayMs: 300 })];

export default {
  files: ['test/**/*.test.ts'],
  // A port the OS picks, not wtr's first free one from 8000: runs started at once would race for it.
  port: await freePort(),
  // One page at a time: focus, pointer and visibility tests must not compete for the window.
  concurrency: 1,
  browsers: [launcher()],
  reporters: [defaultReporter(), resultsReporter({ skips })],
  // A timeout only catches a hang (speed is measured by npm run bench): the busiest tests (300
  // cards, 50-entry stories) take seconds in WebKitGTK under Xvfb, and on a busy 2-core machine.
  testFramework: { config: { timeout: 30_000 } },
  // A file may run longer than the default 2 minutes: the 24-hour soak and the retry races take
  // one to four minutes each on a busy 2-core machine, depending on the engine.
  testsFinishTimeout: 600_000,
  // Starting Firefox or MiniBrowser takes more than wtr's default 30 s when the 2 cores are busy.
  browserStartTimeout: 120_000,
  testsStartTimeout: 180_000,
  // Expected noise: Lit's dev-mode notice and the card's own data-repair warnings (tests assert those).
  filterBrowserLogs: ({ args }) => !/^\[integration-sync-card\]|Lit is in dev mode/.test(String(args[0])),
  plugins: [
    ensureBuiltCommand(),
    ...enginePlugins({ skips }),
    {
      name: 'card-ledger',
      async serverStop() {
        await cardLedgerApi.stop();
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
          // Vite's client websocket (no HMR, but its client still connects) on a free port, not
          // the fixed 24678 that a second run at once cannot get.
          server: { middlewareMode: true, hmr: false, ws: { port: await freePort() } },
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
            include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', '@open-wc/testing', '@web/test-runner-commands', 'storybook/test', 'storybook/preview-api', '@storybook/web-components', 'axe-core/axe.min.js', '@sinonjs/fake-timers'],
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
