import browserslistToEsbuild from 'browserslist-to-esbuild';
import { defineConfig, type Plugin } from 'vite';
import { ledgerSyncStatusApi, syncStatusApi } from './demo/api-middleware.js';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';

/**
 * Serves the demo's sync-status API (demo/api-middleware.js): `vite` (npm start) on the sync
 * ledger in .data/demo-ledger, fed by the simulated connector; Storybook (Vite in middleware
 * mode), `vite preview` and ISC_DEMO_API=memory (the screenshots) on the demo data in memory.
 */
function demoApi(): Plugin {
  return {
    name: 'isc-demo-api',
    configureServer(server) {
      if (server.config.server.middlewareMode || process.env.ISC_DEMO_API === 'memory') {
        server.middlewares.use(syncStatusApi());
        return;
      }
      const api = ledgerSyncStatusApi({ log: (message) => server.config.logger.info(message, { timestamp: true }) });
      server.middlewares.use(api);
      server.httpServer?.once('close', () => void api.close());
    },
    configurePreviewServer(server) {
      server.middlewares.use(syncStatusApi());
    },
  };
}

export default defineConfig({
  plugins: [demoApi(), minifyLiteralsPlugin()],
  build: {
    // Syntax for the browsers package.json's `browserslist` names, and no newer (CI checks the
    // output: scripts/check-browsers.mjs). The embed page's build inherits both.
    target: browserslistToEsbuild(),
    cssTarget: browserslistToEsbuild(),
    // The CDN bundle: one ES module that registers the element, with lazy
    // chunks beside it, loaded by relative URL, so the folder is hosted as is.
    outDir: 'dist/cdn',
    copyPublicDir: false,
    lib: {
      entry: 'src/cdn.ts',
      formats: ['es'],
      fileName: 'integration-sync-card',
    },
    rolldownOptions: {
      // Lazy chunks import what they share with the entry from the entry itself: with the
      // default ('strict'), the shared code (Lit included) became a third first-load file.
      preserveEntrySignatures: 'allow-extension',
      // NOTE: no `external`: lit is bundled
      // so the folder can be hosted as is.
      output: {
        // Library ES output is not minified by default (it keeps pure annotations
        // for downstream bundlers); the CDN file is the end of the line, so minify.
        minify: true,
        // The health page's entry (src/cdn-health.ts) is a chunk the card's entry can load, so it
        // imports Lit, the locales and the status/tooltip code from it: a page with both loads
        // them once. Its name is fixed, as an entry's: pages load it by that name.
        chunkFileNames: (chunk) => (chunk.name === 'cdn-health' ? 'integration-sync-health.js' : '[name]-[hash].js'),
      },
    },
  },
});
