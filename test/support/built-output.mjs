// Tests of what ships (the CDN bundle, dist/embed.html, the examples) load the *built* files:
// - `builtFiles()` serves /dist/… and /examples/… straight from disk, byte for byte, with no
//   Vite transform in between (wtr's other module requests go through Vite);
// - the `isc-ensure-built` server command (a test's `before` hook calls it through
//   executeServerCommand) runs `npm run build` when dist/ is missing or older than its sources,
//   so `npm test` works on a clean clone and stays fast when CI has just built.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Connect-style middleware serving `/dist/**`, `/examples/**` and the manifest from disk as is. */
export function builtFiles({ prefixes = ['/dist/', '/examples/', '/custom-elements.json'] } = {}) {
  return async (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (!prefixes.some((prefix) => path.startsWith(prefix))) return next();
    // Examples written in TypeScript/JSX are modules for Vite to transform, not static files.
    if (/\.(tsx?|jsx|vue)$/.test(path)) return next();
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) return next();
    try {
      const info = await stat(file);
      if (!info.isFile()) return next();
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(`Not built: ${path}`);
    }
  };
}

/** What `npm run build` writes that the tests read. */
const OUTPUTS = ['dist/cdn/integration-sync-card.js', 'dist/embed.html', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'custom-elements.json'];
/** What it reads. */
const INPUTS = ['src', 'vite.config.ts', 'vite.embed.config.ts', 'tsconfig.build.json', 'scripts/build-lib.mjs', 'custom-elements-manifest.config.mjs'];

async function newestMtime(path) {
  let info;
  try {
    info = await stat(join(root, path));
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(join(root, path), { recursive: true })) {
    const entryInfo = await stat(join(root, path, entry)).catch(() => undefined);
    if (entryInfo && entryInfo.mtimeMs > newest) newest = entryInfo.mtimeMs;
  }
  return newest;
}

/** @returns {Promise<string | undefined>} why a build is needed, or undefined when dist/ is fresh */
export async function staleReason() {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    const info = await stat(join(root, output)).catch(() => undefined);
    if (!info) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, info.mtimeMs);
  }
  for (const input of INPUTS) {
    if ((await newestMtime(input)) > oldestOutput) return `${input} changed since the last build`;
  }
  return undefined;
}

function runBuild() {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // NODE_ENV=production: the test runner's own NODE_ENV would give Lit's development build.
    const child = spawn(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`npm run build failed (${code}):\n${output}`))));
  });
}

let building;
/** Builds once per test run at most, and only when dist/ is stale. */
export function ensureBuilt() {
  building ??= (async () => {
    const reason = await staleReason();
    if (!reason) return 'dist/ is up to date';
    console.log(`[tests] building: ${reason}…`);
    await runBuild();
    return `built (${reason})`;
  })();
  return building;
}

/** wtr plugin: `executeServerCommand('isc-ensure-built')` → `{ ok, message }`. */
export function ensureBuiltCommand() {
  return {
    name: 'isc-ensure-built',
    async executeCommand({ command }) {
      if (command !== 'isc-ensure-built') return undefined;
      try {
        return { ok: true, message: await ensureBuilt() };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
