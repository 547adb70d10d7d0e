/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { configure } from 'storybook/test';
import '../src/define.ts';

// Play functions wait for what a user would see (waitFor) up to 10 s, not Testing Library's
// default 1 s: the story tests run them in WebKitGTK under Xvfb on a busy 2-core CI machine,
// where a render or a lazy chunk can take longer than that without a bug.
configure({ asyncUtilTimeout: 10_000 });

interface Manifest {
  modules?: { declarations?: { members?: { privacy?: string; static?: boolean }[] }[] }[];
}

/** Drops private and protected members, so the docs and controls list only the public API. */
function publicApi(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.static),
      })),
    })),
  };
}

// NOTE: custom-elements.json is generated (`npm run analyze`, also run by `npm run storybook`,
// `build` and `build-storybook`) and git-ignored. A lazy glob instead of a static import keeps
// Storybook and the story tests (which import this file) working when it is missing or cannot
// be loaded as a module; only the API tables in Docs and Controls are missing then.
const loadManifest = Object.values(import.meta.glob<Manifest>('../custom-elements.json', { import: 'default' }))[0];
try {
  if (!loadManifest) throw new Error('the file does not exist; run `npm run analyze`');
  setCustomElementsManifest(publicApi(await loadManifest()));
} catch (error) {
  console.info(`custom-elements.json not loaded, so Docs and Controls have no API tables: ${(error as Error).message}`);
}

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** `'light' | 'dark' | undefined` → `['light', 'dark']`; anything else → undefined. */
function stringLiterals(type: string | undefined): string[] | undefined {
  const members = type?.split('|').map((member) => member.trim()) ?? [];
  const literals = members.filter((member) => /^'[^']*'$/.test(member)).map((member) => member.slice(1, -1));
  const onlyLiterals = members.every((member) => /^'[^']*'$/.test(member) || member === 'undefined' || member === 'null');
  return onlyLiterals && literals.length > 0 ? literals : undefined;
}

/**
 * The manifest rows for events and parts are documentation, not inputs: no control. CSS custom
 * properties get a text control (the stories apply them as inline styles on the element), and
 * a union of string literals (e.g. `'light' | 'dark'`) a select.
 */
const apiControls: ArgTypesEnhancer = Object.assign(
  ({ argTypes }: Parameters<ArgTypesEnhancer>[0]) =>
    Object.fromEntries(
      Object.entries(argTypes).map(([name, argType]) => {
        const category = argType.table?.category;
        if (argType.control !== undefined) return [name, argType];
        if (category === 'events' || category === 'css shadow parts') return [name, { ...argType, control: false }];
        if (category === 'css custom properties') return [name, { ...argType, control: { type: 'text' } }];
        const options = stringLiterals(argType.table?.type?.summary);
        if (options) return [name, { ...argType, options, control: { type: 'select' } }];
        return [name, argType];
      }),
    ),
  // After the framework's pass that reads custom-elements.json.
  { secondPass: true },
);

const preview: Preview = {
  argTypesEnhancers: [apiControls],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Fail the story's test in Storybook's a11y panel / test widget on any violation.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
