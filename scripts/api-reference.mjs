// `npm run docs:api`: rewrites the API reference in docs/api.md from custom-elements.json
// (run `npm run analyze` or `npm run build` first). `--check` only reports whether it is current.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderApiReference, withApiReference } from './api-reference-render.mjs';

const pagePath = fileURLToPath(new URL('../docs/api.md', import.meta.url));
const manifest = JSON.parse(await readFile(fileURLToPath(new URL('../custom-elements.json', import.meta.url)), 'utf8'));
const page = await readFile(pagePath, 'utf8');
const updated = withApiReference(page, renderApiReference(manifest));

if (process.argv.includes('--check')) {
  if (updated !== page) {
    console.error('docs/api.md: the API reference is out of date. Run `npm run build && npm run docs:api`.');
    process.exit(1);
  }
  console.log('docs/api.md: the API reference is current.');
} else if (updated !== page) {
  await writeFile(pagePath, updated);
  console.log('docs/api.md: API reference updated.');
} else {
  console.log('docs/api.md: API reference already current.');
}
