// `npm run size:breakdown`: what the CDN entry (the first load) and the tooltip chunk (loaded on
// the first hover or focus of a status) are made of. Builds dist/cdn with source maps into a
// temporary folder, gives each minified byte to the source file it came from, and prints each
// source's and each concern's share of the file's gzip size. The two packages the design names
// besides Lit are concerns of their own, printed even when absent: what @lit/task adds to the
// first load, what @floating-ui/dom adds to the tooltip chunk.
// The shares are estimates: gzip is not additive, so each source's text is gzipped alone and
// the figures are scaled to the entry's real gzip size.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY, gzipSize, kb } from './check-size.mjs';

// The first matching pattern names a source's concern.
const CONCERNS = [
  ['@lit/task', /node_modules\/@lit\/task\//],
  ['@floating-ui/dom', /node_modules\/@floating-ui\//],
  ['Lit', /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ['stylesheet', /integration-sync-card\.styles\.ts$/],
  ['normalisation and repair of responses', /src\/data\/(normalize|normalize-detail|repair|safe-url)\.ts$/],
  ['automatic recovery (retry plan, shared wait, countdown)', /src\/(data\/(backoff|shared-wait|transient)|components\/templates\/retry-countdown)\.ts$/],
  ['REST provider, cache, request sharing, timeout', /src\/data\/(rest-provider|cache|dedupe|timeout|endpoint-provider|default-provider)\.ts$/],
  ['English strings, locale resolution, dates', /src\/i18n\//],
  ['templates', /src\/components\/templates\//],
  ['element and its controllers', /src\/components\//],
  ['the rest of src/', /src\//],
];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source-map segments per generated line: [generated column, source index or -1]. */
function decodeMappings(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = B64.indexOf(char);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >> 1) : value >> 1);
            value = shift = 0;
          }
        }
        column += values[0];
        if (values.length > 1) source += values[1];
        return [column, values.length > 1 ? source : -1];
      });
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Concerns printed even at 0: the named packages whose cost this report exists to show. */
export const REPORTED = ['@lit/task', '@floating-ui/dom'];
/** The lazily loaded tooltip chunk (src/components/tooltip-controller.ts and what only it imports). */
const TOOLTIP_CHUNK = /^tooltip-controller-[\w-]+\.js$/;

/**
 * One built file's bytes, given to the sources its source map names.
 * @returns {{ file: string, bytes: number, gzip: number, sources: { source: string, bytes: number, gzip: number }[], concerns: [string, number][] }}
 *   gzip shares scaled to the file's real gzip size, largest first
 */
function measureFile(out, file) {
  const code = readFileSync(join(out, file), 'utf8');
  const map = JSON.parse(readFileSync(join(out, `${file}.map`), 'utf8'));
  const texts = new Map();
  const add = (name, text) => texts.set(name, (texts.get(name) ?? '') + text);
  const lines = code.split('\n');
  decodeMappings(map.mappings).forEach((segments, index) => {
    const line = lines[index] ?? '';
    if (segments.length === 0) return add('(unmapped)', line);
    add('(unmapped)', line.slice(0, segments[0][0]));
    segments.forEach(([column, source], i) => add(source >= 0 ? map.sources[source] : '(unmapped)', line.slice(column, segments[i + 1]?.[0] ?? line.length)));
  });
  const gzip = gzipSize(Buffer.from(code));
  const rows = [...texts].map(([source, text]) => ({ source: source.startsWith('(') ? source : relative(root, resolve(out, source)), bytes: text.length, gzip: gzipSize(Buffer.from(text)) }));
  const scale = gzip / rows.reduce((sum, row) => sum + row.gzip, 0);
  const sources = rows.map((row) => ({ ...row, gzip: row.gzip * scale })).sort((a, b) => b.gzip - a.gzip);
  const concernOf = (source) => CONCERNS.find(([, pattern]) => pattern.test(source))?.[0] ?? 'unmapped';
  const concerns = new Map(REPORTED.map((concern) => [concern, 0]));
  for (const row of sources) concerns.set(concernOf(row.source), (concerns.get(concernOf(row.source)) ?? 0) + row.gzip);
  return { file, bytes: code.length, gzip, sources, concerns: [...concerns].sort((a, b) => b[1] - a[1]) };
}

/**
 * Builds dist/cdn with source maps in a temporary folder and measures its entry and its tooltip chunk.
 * @returns {ReturnType<typeof measureFile> & { tooltip: ReturnType<typeof measureFile> }} the entry's figures, and the tooltip chunk's
 */
export function breakdown() {
  const out = mkdtempSync(join(tmpdir(), 'isc-size-'));
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--sourcemap', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    const tooltip = readdirSync(out).find((name) => TOOLTIP_CHUNK.test(name));
    if (!tooltip) throw new Error(`no tooltip chunk (${TOOLTIP_CHUNK}) in the build`);
    return { ...measureFile(out, ENTRY), tooltip: measureFile(out, tooltip) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The gzip size of the smallest Lit element (one `css`, one `html`), bundled and minified the way
 * the CDN build is: what any Lit card pays before its own code.
 */
export async function litFloor() {
  const { build } = await import('vite');
  const dir = join(root, 'node_modules/.cache/isc-size');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'lit-floor.js');
  writeFileSync(entry, "import { LitElement, css, html } from 'lit';\ncustomElements.define('x-floor', class extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>${'hi'}</p>`; } });\n");
  const [output] = await build({
    configFile: false,
    logLevel: 'error',
    root,
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'lit-floor' } },
  });
  return gzipSize(Buffer.from(output.output[0].code));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { tooltip, ...entry } = breakdown();
  const print = ({ file, bytes, gzip, sources, concerns }, what) => {
    console.log(`${file} (${what}): ${bytes} B minified, ${kb(gzip)} gzip. Estimated share by concern:`);
    for (const [concern, share] of concerns) console.log(`  ${kb(share).padStart(9)}  ${concern}${share === 0 ? ' (not in this file)' : ''}`);
    console.log('By source file:');
    for (const row of sources) console.log(`  ${kb(row.gzip).padStart(9)}  ${String(row.bytes).padStart(6)} B  ${row.source}`);
  };
  print(entry, `the first load; a minimal Lit element alone: ${kb(await litFloor())}`);
  console.log('');
  print(tooltip, 'on demand, at the first hover or focus of a status');
}
