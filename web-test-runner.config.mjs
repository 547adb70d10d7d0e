// Browser tests: @web/test-runner in headless Chromium, with module requests served by Vite
// (so stories and their dependencies import exactly as they do in Storybook and the demo).
import { rm } from 'node:fs/promises';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createServer } from 'vite';
import { syncStatusApi } from './demo/api-middleware.js';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { testApi } from './test/support/test-api.mjs';

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

const cacheDir = `node_modules/.vite-wtr/${process.pid}`;
/** @type {import('vite').ViteDevServer | undefined} */
let vite;
const apis = [testApi(), syncStatusApi()];

export default {
  files: ['test/**/*.test.ts'],
  // One page at a time: focus, pointer and visibility tests must not compete for the window.
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // Expected noise: Lit's dev-mode notice and the card's own data-repair warnings (tests assert those).
  filterBrowserLogs: ({ args }) => !/^\[integration-sync-card\]|Lit is in dev mode/.test(String(args[0])),
  plugins: [
    {
      name: 'vite-middleware',
      async serverStart() {
        vite = await createServer({
          configFile: false,
          // A cache of its own per run: two runs at once (a dev and a helper, or CI) must not
          // rewrite each other's pre-bundled dependencies mid-run.
          cacheDir,
          server: { middlewareMode: true, hmr: false },
          appType: 'custom',
          logLevel: 'warn',
          optimizeDeps: {
            entries: ['test/**/*.test.ts', 'stories/**/*.stories.ts'],
            // Listed so one pre-bundling pass sees them all: a second pass mid-run would load Lit twice.
            include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', '@lit/task', '@floating-ui/dom', '@open-wc/testing', '@web/test-runner-commands', 'storybook/test', 'storybook/preview-api', '@storybook/web-components', 'axe-core/axe.min.js'],
          },
          plugins: [
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
