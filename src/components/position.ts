// Loaded on demand by the tooltip controller. Re-exporting only what we use lets the bundler
// drop the rest of Floating UI (a dynamic import of the package itself keeps every export).
export { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
