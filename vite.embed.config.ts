// Builds dist/embed.html (the iframe page) and dist/health.html (the sync health page) with their
// assets in dist/embed-assets/.
// Same plugins and minification as the CDN bundle (vite.config.ts), as a page instead of a library.
// Run by `npm run build` (`vite build -c vite.embed.config.ts`); `vite -c vite.embed.config.ts`
// serves the page in development (with the demo API at /api/sync-status).
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from './vite.config.ts';

const outDir = fileURLToPath(new URL('./dist', import.meta.url));
const assetsDir = 'embed-assets';

/** What `<meta name="isc-endpoint">` says unless ISC_EMBED_ENDPOINT is set at build time. */
export const DEFAULT_EMBED_ENDPOINT = '/api/sync-status';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function embedPage(): Plugin {
  return {
    name: 'isc-embed-page',
    // Hashed file names change on every build: drop the previous build's assets, not dist/ itself
    // (dist/cdn and dist/lib are other builds' outputs).
    buildStart() {
      rmSync(`${outDir}/${assetsDir}`, { recursive: true, force: true });
    },
    transformIndexHtml(html) {
      const endpoint = process.env.ISC_EMBED_ENDPOINT ?? DEFAULT_EMBED_ENDPOINT;
      // The parent origins messages may go to: only when set (without the meta, messages go to `*`).
      const parents = process.env.ISC_PARENT_ORIGIN?.trim();
      return html
        .replace('%ISC_EMBED_ENDPOINT%', escapeAttribute(endpoint))
        .replace('<!-- %ISC_PARENT_ORIGIN% -->', parents ? `<meta name="isc-parent-origin" content="${escapeAttribute(parents)}" />` : '');
    },
    // The response headers the page needs (CSP frame-ancestors, Referrer-Policy…), beside it.
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.headers.json', source: readFileSync(fileURLToPath(new URL('./src/embed/embed.headers.json', import.meta.url)), 'utf8') });
    },
  };
}

export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('./src/embed', import.meta.url)),
    base: './',
    publicDir: false,
    plugins: [embedPage()],
    build: {
      lib: false,
      outDir,
      emptyOutDir: false,
      assetsDir,
      rolldownOptions: {
        // The card's iframe page, and the sync health page (§15), which shares its assets.
        input: {
          embed: fileURLToPath(new URL('./src/embed/embed.html', import.meta.url)),
          health: fileURLToPath(new URL('./src/embed/health.html', import.meta.url)),
        },
        output: {
          entryFileNames: `${assetsDir}/[name]-[hash].js`,
          chunkFileNames: `${assetsDir}/[name]-[hash].js`,
          assetFileNames: `${assetsDir}/[name]-[hash][extname]`,
        },
      },
    },
  }),
);
