// Writes the elements' types for JSX and template languages into dist/lib/types/ (package.json
// "exports" ./types/*), generated from custom-elements.json by the custom-element-*-integration
// packages, so a new attribute, property, event or element reaches every framework's types with
// the next `npm run build` (which runs this after `cem analyze` and scripts/build-lib.mjs):
//   react.d.ts   React 19 JSX.IntrinsicElements (`onisc-load` props)
//   preact.d.ts  Preact JSX.IntrinsicElements
//   vue.d.ts     Vue GlobalComponents
//   svelte.d.ts  Svelte 5 svelteHTML.IntrinsicElements
// Each is activated like `vite/client`: `/// <reference types="integration-sync-card/types/react" />`
// or tsconfig "types". The element types themselves come from dist/lib/index.d.ts.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/lib/types');
const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));

// NOTE: the manifest types an event as the CustomEvent it is (`CustomEvent<IscLoadDetail>`, as the
// API reference shows it); the generators wrap the type in CustomEvent<…> themselves and import
// it by name from the package's types, so they are handed the detail type.
const forGenerators = structuredClone(manifest);
const elements = [];
const eventNames = new Set();
for (const module of forGenerators.modules) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement || !declaration.tagName) continue;
    elements.push({ name: declaration.name, tagName: declaration.tagName });
    for (const event of declaration.events ?? []) {
      eventNames.add(event.name);
      if (event.type?.text) event.type.text = event.type.text.replace(/^CustomEvent<(.+)>$/, '$1');
    }
  }
}
if (elements.length === 0) throw new Error('custom-elements.json declares no element: run cem analyze first');

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const options = { outdir, globalTypePath: '../index.js', hideLogs: true };
generateJsxTypes(forGenerators, { ...options, fileName: 'jsx.d.ts', hideMethodDocs: true });
generateVuejsTypes(forGenerators, { ...options, fileName: 'vue.d.ts' });
generateSvelteTypes(forGenerators, { ...options, fileName: 'svelte.d.ts' });

const header = (what) => `// ${what}\n// Generated from custom-elements.json by scripts/build-framework-types.mjs: do not edit.\n`;
const entries = (props) => elements.map(({ name, tagName }) => `      '${tagName}': ${props(name)};`).join('\n');

// React and Preact: the generator's props of each element (attributes, properties, `onisc-*`
// events) over the framework's own HTML attributes (className, style, ref, key, onClick …).
await writeFile(
  join(outdir, 'react.d.ts'),
  `${header('React 19 JSX: <integration-sync-card record={…} onisc-load={…} />.')}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${elements.map(({ name }) => name).join(', ')} } from '../index.js';
import type { ${elements.map(({ name }) => `${name}Props`).join(', ')} } from './jsx.js';

type IscJsxProps<Props, E> = Props & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Props>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries((name) => `IscJsxProps<${name}Props, ${name}>`)}
    }
  }
}
`,
);
await writeFile(
  join(outdir, 'preact.d.ts'),
  `${header('Preact JSX: <integration-sync-card record={…} onisc-load={…} />.')}import type { HTMLAttributes } from 'preact';
import type { ${elements.map(({ name }) => name).join(', ')} } from '../index.js';
import type { ${elements.map(({ name }) => `${name}Props`).join(', ')} } from './jsx.js';

type IscJsxProps<Props, E extends EventTarget> = Props & Omit<HTMLAttributes<E>, keyof Props>;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
${entries((name) => `IscJsxProps<${name}Props, ${name}>`)}
    }
  }
}
`,
);

// Svelte: the generator (1.2.0) writes Svelte 4's `bind:prop` and `on:event`, a namespace local to
// its module and JSX base props; Svelte 5 sets `record={…}` as a property, listens with
// `onisc-load={…}`, reads a global svelteHTML and has its own HTMLAttributes.
const svelte = (await readFile(join(outdir, 'svelte.d.ts'), 'utf8'))
  .replace(/"bind:([^"]+)"/g, '"$1"')
  .replace(/"on:([^"]+)"/g, '"on$1"')
  .replace(/\ntype BaseProps = \{[\s\S]*?\n\};\n/, '\n')
  .replace(/Partial<(\w+)Props & BaseProps & BaseEvents>/g, 'Partial<$1Props & BaseEvents> & Omit<HTMLAttributes<$1>, keyof $1Props>')
  .replace(/declare namespace svelteHTML \{([\s\S]*?)\n\}/, 'declare global {\n  namespace svelteHTML {$1\n  }\n}');
if (svelte.includes('bind:') || svelte.includes('BaseProps') || !svelte.includes('declare global')) {
  throw new Error('custom-element-svelte-integration wrote a shape this script does not know: check dist/lib/types/svelte.d.ts');
}
await writeFile(join(outdir, 'svelte.d.ts'), `${header('Svelte 5: <integration-sync-card record={…} onisc-load={…} />.')}import type { HTMLAttributes } from 'svelte/elements';\n${svelte}`);

// Vue: `@isc-load` in a template (and `onIscLoad` in JSX) is the prop `onIscLoad`; the generator
// names it `onisc-load`, which Vue's type checker does not match to the listener.
const handlerProp = (event) => `on${event.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
let vue = await readFile(join(outdir, 'vue.d.ts'), 'utf8');
for (const event of eventNames) vue = vue.replaceAll(`"on${event}"?:`, `${handlerProp(event)}?:`);
await writeFile(join(outdir, 'vue.d.ts'), `${header('Vue 3 templates: <integration-sync-card :record="…" @isc-load="…" />.')}${vue}`);

console.log(`dist/lib/types: React, Preact, Vue and Svelte types for ${elements.map(({ tagName }) => `<${tagName}>`).join(', ')}`);
