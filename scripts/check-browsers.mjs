// CI: nothing we ship may need a browser newer than package.json's `browserslist` (the floor
// docs/browsers.md states). Run after `npm run build`.
// - JS syntax: es-check in browserslist mode on every built file (dist/cdn, dist/embed-assets,
//   dist/lib), so a syntax newer than the floor (a transform the build target missed) fails.
// - CSS, from the sources that ship it (Lit `css` literals through postcss-lit, and the embed
//   page's stylesheet): doiuse (caniuse data) for selectors and the features it knows, and MDN's
//   browser-compat-data for every property, at-rule and CSS function, which doiuse does not
//   cover (light-dark(), for one). A use is allowed when it is guarded, inside
//   `@supports (<that feature>)`, or has a declared fallback, an `@supports not (<that
//   feature>)` block in the same stylesheet; and for the few PROGRESSIVE features below, which
//   an older engine ignores with nothing lost. Partial support (caniuse's notes) is printed,
//   not failed.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import browserslist from 'browserslist';
import doiuse from 'doiuse';
import postcss from 'postcss';
import postcssLit from 'postcss-lit';
import valueParser from 'postcss-value-parser';

const root = fileURLToPath(new URL('..', import.meta.url));
const floor = browserslist.loadConfig({ path: root });
if (!floor) throw new Error('package.json has no browserslist');
const problems = [];
const notes = [];
/** Where an older engine ignoring the declaration loses nothing a user needs. */
const PROGRESSIVE = {
  'content-visibility': 'a rendering hint: without it every card renders, as it always did',
  'contain-intrinsic-block-size': "content-visibility's placeholder size: unused without it",
};
/** The same, by caniuse id, for doiuse. */
const PROGRESSIVE_CANIUSE = ['css-content-visibility'];

// ── JS syntax ──────────────────────────────────────────────────────────────────────────────
const builtJs = ['dist/cdn', 'dist/embed-assets', 'dist/lib'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true })
    .filter((file) => String(file).endsWith('.js'))
    .map((file) => join(dir, String(file))),
);
if (builtJs.length === 0) throw new Error('Nothing built: run npm run build first');
try {
  // es-check reads the same browserslist from package.json (checkBrowser).
  execFileSync(join(root, 'node_modules', '.bin', 'es-check'), ['checkBrowser', '--module', '--checkFeatures', ...builtJs], { cwd: root, stdio: 'pipe' });
  console.log(`JS: ${builtJs.length} built files parse as the floor's ECMAScript (${floor.join(', ')})`);
} catch (error) {
  problems.push(`JS (es-check): ${error.message}\n${String(error.stdout ?? "")}${String(error.stderr ?? "")}`);
}

// ── CSS ────────────────────────────────────────────────────────────────────────────────────
/** MDN's browser keys for browserslist's names. */
const BCD_BROWSER = { chrome: 'chrome', edge: 'edge', firefox: 'firefox', safari: 'safari', ios_saf: 'safari_ios', and_chr: 'chrome_android', and_ff: 'firefox_android', samsung: 'samsunginternet_android', opera: 'opera' };
const oldest = new Map();
for (const entry of browserslist(floor)) {
  const [name, range] = entry.split(' ');
  const version = parseFloat(range.split('-')[0]);
  if (BCD_BROWSER[name] && !(oldest.get(name) <= version)) oldest.set(name, version);
}

/** @returns {string[]} the floor's browsers (with version) that lack this BCD feature */
function lacking(compat) {
  if (!compat) return [];
  const out = [];
  for (const [name, version] of oldest) {
    let support = compat.support[BCD_BROWSER[name]];
    if (Array.isArray(support)) support = support.find((s) => !s.prefix && !s.alternative_name && !s.flags) ?? support[0];
    const added = support?.version_added;
    if (added === true) continue;
    const since = typeof added === 'string' ? parseFloat(added.replace('≤', '')) : NaN;
    if (!(since <= version) || support.prefix || support.flags || support.partial_implementation) out.push(`${name} ${version}`);
  }
  return out;
}

function guarded(node, feature) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'atrule' && parent.name === 'supports' && !/^\s*not\b/.test(parent.params) && parent.params.includes(feature)) return true;
  }
  let fallback = false;
  node.root().walkAtRules('supports', (rule) => {
    if (/^\s*not\b/.test(rule.params) && rule.params.includes(feature)) fallback = true;
  });
  return fallback;
}

const FUNCTION_HOME = (name) => bcd.css.types[name]?.__compat ?? bcd.css.types.color?.[name]?.__compat ?? bcd.css.types.image?.[name]?.__compat ?? bcd.css.types['transform-function']?.[name]?.__compat;

function checkCss(css, file, syntax) {
  const where = (node) => `${relative(root, file)}:${node.source?.start?.line ?? '?'}`;
  const tree = (syntax ?? postcss).parse(css, { from: file });
  tree.walkAtRules((rule) => {
    const gaps = lacking(bcd.css['at-rules'][rule.name]?.__compat);
    if (gaps.length) problems.push(`${where(rule)} @${rule.name}: not in ${gaps.join(', ')}`);
  });
  tree.walkDecls((decl) => {
    if (!decl.prop.startsWith('--')) {
      const gaps = lacking(bcd.css.properties[decl.prop]?.__compat);
      if (gaps.length && PROGRESSIVE[decl.prop]) notes.push(`${where(decl)} ${decl.prop} (not in ${gaps.join(', ')}): ${PROGRESSIVE[decl.prop]}`);
      else if (gaps.length && !guarded(decl, decl.prop)) problems.push(`${where(decl)} ${decl.prop}: not in ${gaps.join(', ')}`);
    }
    valueParser(decl.value).walk((node) => {
      if (node.type !== 'function' || !node.value || node.value === 'var') return;
      const gaps = lacking(FUNCTION_HOME(node.value));
      if (gaps.length && !guarded(decl, `${node.value}(`)) problems.push(`${where(decl)} ${node.value}() in ${decl.prop}: not in ${gaps.join(', ')}`);
    });
  });
  // doiuse: selectors, and what caniuse knows (it reads the same browserslist).
  return postcss([doiuse({ browsers: floor, ignore: PROGRESSIVE_CANIUSE, onFeatureUsage: (usage) => (/\bnot supported by\b/.test(usage.message) ? problems : notes).push(`${relative(root, usage.message)} (doiuse)`) })]).process(css, { from: file, syntax }).async();
}

const sources = [
  ...readdirSync(join(root, 'src'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && readFileSync(join(root, 'src', file), 'utf8').includes('css`'))
    .map((file) => ({ file: join(root, 'src', file), syntax: postcssLit })),
  ...readdirSync(join(root, 'src'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.css'))
    .map((file) => ({ file: join(root, 'src', file), syntax: undefined })),
];
for (const { file, syntax } of sources) await checkCss(readFileSync(file, 'utf8'), file, syntax);
console.log(`CSS: ${sources.length} sources checked against ${[...oldest].map(([n, v]) => `${n} ${v}`).join(', ')}`);

for (const note of notes) console.log(`  note: ${note}`);
if (problems.length) {
  console.error(`\nNewer than the browserslist floor (${floor.join(', ')}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Everything shipped works in the declared floor.');
