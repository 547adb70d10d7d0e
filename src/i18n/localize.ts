import en, { type Translation } from './en.ts';
import fr from './fr.ts';

const translations = new Map<string, Translation>([
  ['en', en],
  ['fr', fr],
]);
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) a translation, keyed by its `$code` (e.g. `de`, `pt-BR`).
 * Cards on the page re-render with it.
 */
export function registerTranslation(...added: Translation[]): void {
  for (const translation of added) translations.set(translation.$code.toLowerCase(), translation);
  notifyLocaleChange();
}

/** Picks the best registered translation for a BCP 47 tag: exact, then language only, then English. */
export function translationFor(lang: string | null | undefined): Translation {
  const tag = (lang ?? '').toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0]) ?? en;
}

/**
 * The locale of an element, per contract §5: its own `lang`, the closest ancestor with `lang`
 * (walking up through shadow hosts), `<html lang>`, `navigator.language`, then `en`.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

export function onLocaleChange(listener: () => void): () => void {
  if (listeners.size === 0) startObserving();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stopObserving();
  };
}

function notifyLocaleChange(): void {
  for (const listener of listeners) listener();
}

// NOTE: one observer for the whole page (not one per card) sees `lang` change on any
// ancestor in the document. Ancestors inside other shadow roots are not observed.
let observer: MutationObserver | undefined;
function startObserving(): void {
  observer = new MutationObserver(notifyLocaleChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}
function stopObserving(): void {
  observer?.disconnect();
  observer = undefined;
}

export type { Translation };
