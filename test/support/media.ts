// Emulated media features (colour scheme, reduced motion, forced colours) in every engine, through
// the run's `isc-media` command (test/support/engines.mjs says how each engine does it). Where
// the engine cannot emulate a feature and the page does not already have it, the test is
// skipped, not passed: the reason goes to the run's summary (scripts/test.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

export type MediaRequest = {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
};

const QUERIES = {
  colorScheme: (value: string) => `(prefers-color-scheme: ${value})`,
  reducedMotion: (value: string) => `(prefers-reduced-motion: ${value})`,
  forcedColors: (value: string) => `(forced-colors: ${value})`,
} as const;

function unmet(request: MediaRequest): string[] {
  return Object.entries(request)
    .map(([feature, value]) => QUERIES[feature as keyof MediaRequest](value as string))
    .filter((query) => !matchMedia(query).matches);
}

/**
 * Puts the page in the given media state, or skips the calling test (`test` is mocha's `this`).
 * The engine's claim is checked with matchMedia: an emulation that does not take fails the test.
 */
export async function emulateMedia(test: Mocha.Context, request: MediaRequest): Promise<void> {
  const result = await executeServerCommand<{ ok: boolean; reason?: string }, MediaRequest>('isc-media', request);
  const missing = unmet(request);
  if (missing.length === 0) return;
  if (result?.ok) throw new Error(`Media emulation did not take: ${missing.join(', ')} does not match`);
  const reason = `${result?.reason ?? 'no media emulation in this engine'}: needs ${missing.join(', ')}`;
  await executeServerCommand('isc-skip', { test: test.test?.fullTitle() ?? test.currentTest?.fullTitle(), reason });
  test.skip();
}

/** Back to the browser's own media state (for afterEach). */
export async function resetMedia(): Promise<void> {
  await executeServerCommand('isc-media', {});
}
