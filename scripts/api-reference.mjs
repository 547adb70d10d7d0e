// `npm run docs:api`: rewrites the README's API reference from custom-elements.json
// (run `npm run analyze` or `npm run build` first). `--check` only reports whether it is current.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderApiReference, withApiReference } from './api-reference-render.mjs';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const manifest = JSON.parse(await readFile(fileURLToPath(new URL('../custom-elements.json', import.meta.url)), 'utf8'));
const readme = await readFile(readmePath, 'utf8');
const updated = withApiReference(readme, renderApiReference(manifest));

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the API reference is out of date. Run `npm run build && npm run docs:api`.');
    process.exit(1);
  }
  console.log('README.md: the API reference is current.');
} else if (updated !== readme) {
  await writeFile(readmePath, updated);
  console.log('README.md: API reference updated.');
} else {
  console.log('README.md: API reference already current.');
}
