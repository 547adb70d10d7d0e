// Helpers for tests that load a page of the *built* output (served as is from disk by
// test/support/built-output.mjs) in a real, same-origin iframe.
import { waitUntil } from './support/wait.ts';
import { executeServerCommand } from '@web/test-runner-commands';

/** Runs `npm run build` on the server when dist/ is missing or stale (call in a `before` hook). */
export async function ensureBuilt(): Promise<void> {
  const result = await executeServerCommand<{ ok: boolean; message: string } | undefined, undefined>('isc-ensure-built');
  if (!result?.ok) throw new Error(`The build failed:\n${result?.message ?? 'no answer from the test server'}`);
}

const frames: HTMLIFrameElement[] = [];

/** Loads `src` in an iframe of the given size and resolves once its `load` event fired. */
export async function loadFrame(src: string, { width = 360, height = 400 } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

export function removeFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

export function frameDocument(frame: HTMLIFrameElement): Document {
  return frame.contentDocument!;
}

/** The first card in the frame, once its shadow root shows one of `parts`. */
export async function frameCard(frame: HTMLIFrameElement, parts = ['card', 'empty', 'setup', 'error']): Promise<HTMLElement> {
  const selector = parts.map((name) => `[part~="${name}"]`).join(',');
  await waitUntil(
    () => frameDocument(frame).querySelector('integration-sync-card')?.shadowRoot?.querySelector(selector),
    `no ${parts.join('/')} rendered in ${frame.src}`,
  );
  return frameDocument(frame).querySelector('integration-sync-card')!;
}

/** URLs the frame fetched (scripts, styles, API requests), as absolute URLs. */
export function frameRequests(frame: HTMLIFrameElement): string[] {
  return frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
}

/** Messages a frame posted to this page, collected from now on. */
export function collectMessages(frame: HTMLIFrameElement): { data: unknown[]; stop: () => void } {
  const data: unknown[] = [];
  const listener = (event: MessageEvent) => {
    if (event.source === frame.contentWindow) data.push(event.data);
  };
  window.addEventListener('message', listener);
  return { data, stop: () => window.removeEventListener('message', listener) };
}

// NOTE: not the ones in helpers.ts, which imports src/define.ts: these tests load the built
// bundle, and the sources must not register the element first.
export function part<T extends Element = HTMLElement>(card: Element, name: string): T | null {
  return card.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(card: Element, name: string): T[] {
  return [...card.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** The text a user reads (whitespace collapsed, visually hidden hints left out). */
export function text(element: Element | null | undefined): string {
  if (!element) return '';
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}
