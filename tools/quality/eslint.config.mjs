// ESLint for the project (run by `npm run lint` from the repository root): JavaScript's and
// typescript-eslint's recommended rules, and eslint-plugin-lit's for the Lit templates.
// It lives here, beside its own node_modules, because typescript-eslint needs TypeScript 5's
// JavaScript API (see package.json); it only parses, the project's tsc 7 type-checks.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // `npm run lint` names the folders to lint (src, examples, test, stories), so the patterns
  // here need not know where the repository root is.
  {
    // .next/ and .angular/: what the framework apps' builds write (npm run check:frameworks).
    ignores: ['**/dist/**', '**/storybook-static/**', '**/node_modules/**', '**/.next/**', '**/.angular/**'],
  },
  {
    // Salesforce LWC sources use decorators (`@api`) that only Salesforce's own LWC compiler
    // parses; standard ESLint cannot, so the example's LWC bundle is left to that toolchain.
    ignores: ['**/lwc/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, tseslint.configs.recommended, lit.configs['flat/recommended']],
    rules: {
      // Lit templates: what the plugin does not turn on by default but this code base keeps to.
      'lit/no-useless-template-literals': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The one open tooltip of the page is a module-level reference to its controller.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['openController'] }],
      // safe-url.ts rejects URLs with control characters by matching them, on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
