// Size of the CDN build (run after `npm run build`).
// - BUDGET: the targets of the scale issue: 16 KB first load, 24 KB for an English page that
//   uses every feature. They are reported, met or not; BENCHMARKS.md says where we stand and why
//   (`npm run size:breakdown` shows what the entry is made of).
// - CEILING: what CI enforces, just above today's figures, so that no change makes the bundle
//   bigger unnoticed. Lower it whenever the bundle shrinks; never raise it without saying why.
// - first load: what a page loads from dist/cdn/ before any interaction, i.e. the entry and
//   the chunks it imports statically (lazy chunks: positioning, non-English locales, are not);
// - every feature, in English: all of dist/cdn/ but the other locales' chunks (an English page
//   that shows tooltips, resyncs, opens a history, batches, follows live updates and shows the
//   wire format 1.1 parts loads all the rest);
// - all of dist/cdn/.
// Sizes are of the minified files as built, gzipped at level 9. 1 KB = 1024 bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET = { firstLoad: 16 * 1024, english: 24 * 1024 };
// Raised from 18.75 / 34.25 by automatic recovery (+0.6 KB first load: transient-error fields,
// Retry-After, the retry policy). It cannot load on demand: it must work while the network does not.
// Raised again for wire format 1.1 (issue 16): its repair of the new detail fields runs on every
// response (+1.1 KB first load, with the partially_synced label and icon); each locale chunk
// carries the strings of the 1.1 parts (+0.45 KB each, on demand).
// And for the authenticated iframe (issue 15): the embed token on every request and on the event
// stream, the "view expired" state on 401 and its two strings in each locale (+0.55 KB in all).
// Wire format 1.1's parts (issue 16): +0.2 KB first load (the loader of the parts, the
// partially_synced and exclusion explanations in the tooltip); the parts themselves (why, retry
// plan, fields view) with their English strings and styles load on demand, +3.1 KB in all.
// And for automatic recovery in the element (issue 17): the retry plan, the shared per-record
// wait, the countdown and the notice over data kept on screen (+1.55 KB first load). Considered
// and left: loading it on demand at the first failure, which is exactly when the network may not
// answer a chunk request.
// And for the browserslist floor (issue 11): the opaque light-dark() fallback palette for engines
// older than light-dark(), and the build targeting that floor (+0.29 KB first load, +0.28 KB in all).
// Lowered (all: 45.5 → 40) when the tooltip's positioning replaced @floating-ui/dom (5.6 KB), and
// the English every-feature page measured on its own (30.03 KB then); lowered again when one
// palette (the switch) served every engine instead of light-dark() plus its fallback (-0.22 KB).
// Raised for @floating-ui/dom placing the tooltips (issue 21, contract §16: a hand-written
// replacement is not shipped): the tooltip chunk went from 1036 to 7195 B gzip, +6158 B on the
// every-feature page and in all; the first load does not change (the chunk loads on the first hover
// or focus of a status). `npm run size:breakdown` prints what Floating UI weighs in that chunk.
// And for the card's load running in a @lit/task Task (issue 21, contract §16): +904 B gzip first
// load, +901 B on the every-feature page and in all, measured across the commit that made the
// change (the library is about 0.6 KB of it by `npm run size:breakdown`, the controller's own
// additions the rest). It cannot load on demand: the load is the first thing a card does.
// And for the health page sharing the card's code (issue 23 part 1, contract §15: one Lit, one set
// of locales and status/tooltip code on a page with both): +240 B first load, +149 B on the
// every-feature page, +241 B in all (up to the figures of main at a9d2352; the ceilings' slack took
// the rest). Measured in the card's entry (24,184 B), by taking each part out of a build of it:
// - the health chunk attached to the entry, +187 B (23,997 B without it): the 18 bindings it
//   imports from the entry are exported by name (Lit, the styles, status and tooltip templates,
//   locale, retry and ticker code: that is the sharing), `loadHealthPage` (+31 B; documented in
//   docs/health-page.md and tested), and createIscHealthEvent (+26 B: events.ts is one module,
//   and the health element imports it from there). Not avoidable while the health entry is a
//   chunk that imports from the card's entry: shared files of their own cost the card more
//   (preserveEntrySignatures 'strict': 27,029 B first load, +2,845 B, in seven files).
// - createRequester (793a25a: rest-provider.ts's request path shared with the health provider,
//   which imports it from the entry rather than carrying a copy), +126 B (23,871 B with
//   rest-provider.ts of c1d1db9). Part of it was the export's blob path, which the card never takes:
//   see the next lowering.
// Lowered by 68 B first load, 70 B on the every-feature page and in all (issue 21 item 6), to
// 24,116 / 37,858 / 47,934 B, for two changes measured together (each alone on 1b3525b): the
// export's download path (the blob read, Accept: */*) left createRequester for
// health-rest-provider.ts, -80 B each, +26 B on the health page; both load controllers' lifecycle
// became one base class (load-lifecycle.ts, duplicates D1), +9 B first load, +7 B on the others,
// -23 B on the health page. The health page on top: 12,795 → 12,796 B (its ceiling unchanged).
export const CEILING = {
  firstLoad: 22.5 * 1024 + 904 + 240 - 68,
  english: 30 * 1024 + 6158 + 901 + 149 - 70,
  all: 39.75 * 1024 + 6158 + 901 + 241 - 70,
};
/** The chunks of the built-in locales other than English (src/i18n/<tag>.ts), by file name. */
const OTHER_LOCALE = /^(?:de|es|fr|he|ja|pt-BR)-[\w-]+\.js$/;
export const ENTRY = 'integration-sync-card.js';
/**
 * The health page's own files (§15): its entry, a chunk of the card's (vite.config.ts), and its
 * locales. Not in the card's figures; measured on top of the card's first load, which it imports.
 */
const HEALTH = /^(?:integration-sync-health|health-[\w-]+)\.js$/;
export const HEALTH_ENTRY = 'integration-sync-health.js';
/** The health entry on top of the card's first load: the goal of issue 23, and what CI allows. */
export const HEALTH_BUDGET = 12 * 1024;
export const HEALTH_CEILING = 12.5 * 1024;

export const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** Relative paths imported statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`), not `import()`. */
function staticImports(code) {
  const found = new Set();
  for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    found.add(match[1]);
  }
  return [...found];
}

/** Every file under `dir`, as paths relative to it. */
function filesOf(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? filesOf(dir, path) : [path];
  });
}

/**
 * @param {string} dir the dist/cdn folder
 * @param {(file: string) => Buffer | undefined} [read] the files' content (default: read from dir)
 * @param {string[]} [list] the files to count (default: what is in dir now)
 */
export function measureSizes(dir, read = (file) => readFileSync(join(dir, file)), list = filesOf(dir)) {
  /** `entry` and what it imports statically, in load order. */
  const loadedWith = (entry) => {
    const loaded = [];
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift();
      if (loaded.includes(file)) continue;
      loaded.push(file);
      const code = String(read(file));
      for (const spec of staticImports(code)) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
    }
    return loaded;
  };
  const firstLoad = loadedWith(ENTRY);
  const healthOnTop = list.includes(HEALTH_ENTRY) ? loadedWith(HEALTH_ENTRY).filter((file) => !firstLoad.includes(file)) : [];
  const all = [...list].filter((file) => !HEALTH.test(posix.basename(file))).sort();
  const sizeOf = (file) => {
    const buffer = read(file);
    return { file, bytes: buffer.length, gzip: gzipSize(buffer) };
  };
  const sum = (files) => files.reduce((total, file) => total + file.gzip, 0);
  const first = firstLoad.map(sizeOf);
  const every = all.map(sizeOf);
  const english = every.filter((item) => !OTHER_LOCALE.test(posix.basename(item.file)));
  const health = healthOnTop.map(sizeOf);
  return {
    firstLoad: { files: first, gzip: sum(first) },
    english: { files: english, gzip: sum(english) },
    all: { files: every, gzip: sum(every) },
    healthOnTop: { files: health, gzip: sum(health) },
  };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
  if (readFileSync(join(dir, ENTRY), 'utf8').includes('Lit is in dev mode')) {
    // A build run with NODE_ENV=development or test resolves Lit's development build.
    console.error('dist/cdn/ is a development build (Lit dev mode): run `npm run build` with NODE_ENV unset or production.');
    process.exit(1);
  }
  const sizes = measureSizes(dir);
  for (const { file, bytes, gzip } of sizes.all.files) {
    const first = sizes.firstLoad.files.some((item) => item.file === file) ? 'first load' : 'on demand';
    console.log(`  ${file.padEnd(40)} ${String(bytes).padStart(7)} B  ${kb(gzip).padStart(9)} gzip  (${first})`);
  }
  let failed = false;
  for (const [name, label] of [['firstLoad', 'first load'], ['english', 'every feature, English'], ['all', 'all of dist/cdn/']]) {
    const size = sizes[name].gzip;
    const over = size > CEILING[name];
    failed ||= over;
    const target = !BUDGET[name] ? 'no target' : size <= BUDGET[name] ? 'target met' : `target ${kb(BUDGET[name])} NOT met`;
    console.log(`${over ? 'OVER' : 'ok  '} ${label}: ${kb(size)} gzip (CI ceiling ${kb(CEILING[name])}; ${target})`);
  }
  if (sizes.healthOnTop.files.length > 0) {
    const size = sizes.healthOnTop.gzip;
    const over = size > HEALTH_CEILING;
    failed ||= over;
    const target = size <= HEALTH_BUDGET ? 'target met' : `target ${kb(HEALTH_BUDGET)} NOT met`;
    const files = sizes.healthOnTop.files.map((item) => `${item.file} ${kb(item.gzip)}`).join(' + ');
    console.log(`${over ? 'OVER' : 'ok  '} the health page on top of the card's first load: ${kb(size)} gzip (${files}; CI ceiling ${kb(HEALTH_CEILING)}; ${target})`);
  }
  if (failed) {
    console.error('The bundle grew past its CI ceiling: see scripts/check-size.mjs and BENCHMARKS.md.');
    process.exit(1);
  }
}
