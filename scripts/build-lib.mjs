// Builds the npm entry points into dist/lib (package.json "exports"): tsc emits one JS module and one
// .d.ts per source file (tsconfig.build.json), lit & co. stay external imports.
// NOTE: tsc rewrites `./x.ts` to `./x.js` in the JS it emits (rewriteRelativeImportExtensions)
// but not in declaration files, where a consumer without allowImportingTsExtensions would trip
// over them; so the .d.ts specifiers are rewritten here.
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/lib');

await rm(outDir, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

let files = 0;
for (const entry of await readdir(outDir, { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const path = join(outDir, entry);
  const text = await readFile(path, 'utf8');
  const fixed = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1$2.js$3');
  if (fixed !== text) await writeFile(path, fixed);
  files++;
}
console.log(`dist/lib: JS and ${files} declaration files`);
