// A Vite plugin that minifies the static parts of Lit's tagged template literals at build time
// with the `minify-literals` package (html`…`/svg`…` through html-minifier-next, css`…` through
// Lightning CSS). The JS minifier leaves template text alone, and on a component this size that
// text is a good part of the gzip size. Vite, the tests (web-test-runner.config.mjs) and
// Storybook (which loads vite.config.ts) all run it, so every one of them sees what the CDN ships.
//
// NOTE: each template is minified as a document of its own, so whitespace at either end of a
// template is dropped: a space that separates a nested template from its neighbour belongs in the
// outer template (`${a} ${b}`, not html` <span>…`). Inside a template, whitespace collapses the way
// the browser would render it, line breaks included (`${a}⏎${b}` keeps its space).
import { minifyHTMLLiterals } from 'minify-literals';

const SCRIPT = /\.[cm]?[jt]sx?$/;

// html-minifier-next takes an element it does not know as a block and trims the whitespace after
// it; the card's inline icons are an <svg> of <path>s and <circle>s next to text.
const html = { inlineCustomElements: ['svg', 'path', 'circle'] };

/**
 * Minifies the template literals in one module's source. Returns null when nothing changed.
 * @param {string} code
 * @param {string} file
 */
export async function minifyLiterals(code, file) {
  const out = await minifyHTMLLiterals(code, { fileName: file, html });
  return out && { code: out.code, map: out.map };
}

/**
 * @param {{ include?: RegExp }} [options] which module ids to process (default: our own sources)
 * @returns {import('vite').Plugin}
 */
export function minifyLiteralsPlugin({ include = /\/src\/.*\.[jt]s$/ } = {}) {
  return {
    name: 'isc-minify-literals',
    // Before TypeScript is stripped, so positions refer to the file as written.
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!SCRIPT.test(file) || !include.test(file) || !/\b(?:html|svg|css)`/.test(code)) return null;
      return minifyLiterals(code, file);
    },
  };
}
