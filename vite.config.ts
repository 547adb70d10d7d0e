import browserslistToEsbuild from 'browserslist-to-esbuild';
import { defineConfig, type Plugin } from 'vite';
import { syncStatusApi } from './demo/api-middleware.js';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';

/** Serves the fake sync-status API (demo/api-middleware.js) in `vite` and `vite preview`. */
function demoApi(): Plugin {
  return {
    name: 'isc-demo-api',
    configureServer(server) {
      server.middlewares.use(syncStatusApi());
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
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
