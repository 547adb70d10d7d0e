// Builds dist/embed.html (the iframe page) and dist/health.html (the sync health page) with their
// assets in dist/embed-assets/.
// Same plugins and minification as the CDN bundle (vite.config.ts), as a page instead of a library.
// Run by `npm run build` (`vite build -c vite.embed.config.ts`); `vite -c vite.embed.config.ts`
// serves the page in development (with the demo API at /api/sync-status).
import { readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
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

/**
 * The page runs only its own scripts and styles and talks to its own origin or any https:
 * endpoint. The elements need no inline script or style: their styles are constructable
 * stylesheets in every browser of package.json's browserslist (Lit's <style> fallback, for engines
 * without them such as Safari < 16.4, would be blocked). frame-ancestors cannot be set in a meta:
 * embed.headers.json beside the pages lists the HTTP headers to send (which CRMs may frame them).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' https:; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/**
 * The head both pages share, around what each page's own file says (its title, the metas its
 * deployer sets): first the charset, viewport and security metas, last the page's stylesheet and
 * script, named after the page (health.html: health.css, health.ts). Written as text, not as Vite
 * tags, so the policy in dist/*.html reads (and edits) as written here.
 */
function withPageHead(html: string, page: string): string {
  // The parent origins messages may go to: only when set (without the meta, messages go to `*`).
  const parents = process.env.ISC_PARENT_ORIGIN?.trim();
  const first = [
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    '<meta name="referrer" content="strict-origin-when-cross-origin" />',
    ...(parents ? [`<meta name="isc-parent-origin" content="${escapeAttribute(parents)}" />`] : []),
    '<link rel="icon" href="data:," />',
  ];
  const last = [`<link rel="stylesheet" href="./${page}.css" />`, `<script type="module" src="./${page}.ts"></script>`];
  const indent = '\n    ';
  return html.replace('<head>', `<head>${indent}${first.join(indent)}`).replace(/\n?\s*<\/head>/, `${indent}${last.join(indent)}\n  </head>`);
}

function embedPage(): Plugin {
  return {
    name: 'isc-embed-page',
    // Hashed file names change on every build: drop the previous build's assets, not dist/ itself
    // (dist/cdn and dist/lib are other builds' outputs).
    buildStart() {
      rmSync(`${outDir}/${assetsDir}`, { recursive: true, force: true });
    },
    transformIndexHtml: {
      // Before Vite reads the page's script and stylesheet, which it bundles.
      order: 'pre',
      handler(html, { filename }) {
        const endpoint = process.env.ISC_EMBED_ENDPOINT ?? DEFAULT_EMBED_ENDPOINT;
        return withPageHead(html, basename(filename, '.html')).replace('%ISC_EMBED_ENDPOINT%', escapeAttribute(endpoint));
      },
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
