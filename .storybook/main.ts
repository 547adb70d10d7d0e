import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Runs on closed networks: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // NOTE: the Vite builder loads ../vite.config.ts (minus its library `build` settings), so the
  // demo API plugin there serves /api/sync-status to the REST stories in `storybook dev`.
  viteFinal: (config) => ({
    ...config,
    optimizeDeps: {
      ...config.optimizeDeps,
      // The renderer (served unbundled) imports lit/directive-helpers.js; pre-bundled with lit,
      // it shares lit's copy instead of loading lit-html a second time ("Multiple versions of Lit loaded").
      include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
  }),
};

export default config;
