// Config for `cem analyze` (@custom-elements-manifest/analyzer), run by `npm run analyze` and
// `npm run build`. It writes custom-elements.json, which Storybook reads for controls and docs.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // Adds/keeps "customElements": "custom-elements.json" in package.json (contract.md §7).
  packagejson: true,
};
