// A Vite/Rolldown plugin that minifies the static parts of Lit's tagged template literals at build
// time: css`…` through Lightning CSS (already a Vite dependency), html`…` and svg`…` by dropping
// the indentation a formatter adds. The JS minifier leaves template text alone, and on a
// component this size that text is a good part of the gzip size.
//
// Rules for html/svg (whitespace *without* a line break is never touched, so an intended space
// such as `<span> ${text}</span>` stays):
// - a run of whitespace containing a line break between two boundaries, a boundary being a tag
//   (`>` before it, `<` after it) or an expression `${…}` (or the template's start or end), is
//   removed: that is the indentation of a formatted template (`>⏎··<`, `>⏎··${x}`, `${a}⏎··${b}`);
// - any other such run (next to text) becomes one space, as it rendered before.
// So text that must be separated from a neighbouring element or expression by a space needs the
// space on the same line (write `${a} ${b}`, not `${a}⏎${b}`, in inline content).
// Templates containing <pre> or <textarea> are left as they are. css`…` with `${}` expressions
// is left as it is (Lightning CSS cannot parse the holes; we have none).
import { transform as transformCss } from 'lightningcss';
import { parseSync } from 'vite';

const TAGS = new Set(['html', 'svg', 'css']);
const SCRIPT = /\.[cm]?[jt]sx?$/;

/** @param {string} text */
function minifyCss(text, file) {
  const { code } = transformCss({ filename: file, code: Buffer.from(text), minify: true });
  return code.toString();
}

/** @param {string} raw one static part of an html/svg template */
function minifyHtmlPart(raw) {
  return raw.replace(/\s*\n\s*/g, (run, offset) => {
    const end = offset + run.length;
    // A boundary is a tag (`>` before, `<` after) or an expression (the part's start or end).
    const afterBoundary = offset === 0 || raw[offset - 1] === '>';
    const beforeBoundary = end === raw.length || raw[end] === '<';
    return afterBoundary && beforeBoundary ? '' : ' ';
  });
}

/** Visits every node of an ESTree-shaped AST. */
function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key in node) if (key !== 'parent') walk(node[key], visit);
}

/**
 * Minifies the template literals in one module's source. Returns null when nothing changed.
 * @param {string} code
 * @param {string} file
 */
export function minifyLiterals(code, file) {
  if (!/\b(?:html|svg|css)`/.test(code)) return null;
  const { program, errors } = parseSync(file, code);
  if (errors.length) return null;
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  walk(program, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
    const { quasis, expressions } = node.quasi;
    // Each quasi's span includes its delimiters: "`" or "}" before, "${" or "`" after.
    const parts = quasis.map((quasi) => {
      const start = quasi.start + 1;
      const end = quasi.end - (quasi.tail ? 1 : 2);
      return { start, end, raw: code.slice(start, end) };
    });
    if (parts.some((part, i) => part.raw !== quasis[i].value.raw)) return; // unexpected spans: leave it
    if (node.tag.name === 'css') {
      if (expressions.length > 0) return;
      const minified = minifyCss(parts[0].raw, file);
      if (!minified.includes('`') && !minified.includes('${')) edits.push({ ...parts[0], text: minified });
      return;
    }
    if (parts.some((part) => /<(?:pre|textarea)\b/i.test(part.raw))) return;
    parts.forEach((part, i) => {
      const text = minifyHtmlPart(part.raw);
      if (text !== part.raw) edits.push({ ...part, text });
    });
  });
  if (edits.length === 0) return null;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + code.slice(at);
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
      if (!SCRIPT.test(file) || !include.test(file)) return null;
      const out = minifyLiterals(code, file);
      return out === null ? null : { code: out, map: null };
    },
  };
}
