import en, { type Translation } from './en.ts';

// NOTE: only English is in the first-load bundle. The other built-in locales are chunks of
// their own, loaded the first time a card needs one, so an English page never downloads them.
// Add a locale here (lowercase BCP 47 tag) and as `src/i18n/<tag>.ts`.
const builtIn = new Map<string, () => Promise<{ default: Translation }>>([
  ['fr', () => import('./fr.ts')],
  ['de', () => import('./de.ts')],
  ['es', () => import('./es.ts')],
  ['ja', () => import('./ja.ts')],
  ['pt-br', () => import('./pt-BR.ts')],
  ['he', () => import('./he.ts')],
]);

const translations = new Map<string, Translation>([['en', en]]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) a translation, keyed by its `$code` (e.g. `de`, `pt-BR`).
 * Cards on the page re-render with it.
 */
export function registerTranslation(...added: Translation[]): void {
  for (const translation of added) translations.set(translation.$code.toLowerCase(), translation);
  notifyLocaleChange();
}

/**
 * The lookup order for a BCP 47 tag: the tag itself, then its language alone, then a regional
 * built-in of the same language (`pt` and `pt-PT` find `pt-BR`).
 */
function tagsOf(lang: string | null | undefined): [string, string] {
  const tag = (lang ?? '').toLowerCase();
  const language = tag.split('-')[0];
  if (translations.has(tag) || builtIn.has(tag) || translations.has(language) || builtIn.has(language)) return [tag, language];
  const regional = [...translations.keys(), ...builtIn.keys()].find((code) => code.startsWith(`${language}-`));
  return [tag, regional ?? language];
}

/**
 * Picks the best translation available now for a BCP 47 tag: exact, then language only, then
 * English. When the best one is a built-in locale not loaded yet, it starts loading it and cards
 * re-render once it is there (see `loadTranslation`).
 */
export function translationFor(lang: string | null | undefined): Translation {
  const [tag, language] = tagsOf(lang);
  const found = translations.get(tag) ?? translations.get(language);
  if (found) return found;
  void loadTranslation(lang);
  return en;
}

/** Whether `translationFor(lang)` already gives the best translation there will be (nothing to load). */
export function translationReady(lang: string | null | undefined): boolean {
  const [tag, language] = tagsOf(lang);
  return translations.has(tag) || translations.has(language) || !(builtIn.has(tag) || builtIn.has(language));
}

/** Resolves once the best translation for `lang` is available (at once when it is, or when none exists). */
export function loadTranslation(lang: string | null | undefined): Promise<void> {
  const [tag, language] = tagsOf(lang);
  if (translations.has(tag) || translations.has(language)) return Promise.resolve();
  const code = builtIn.has(tag) ? tag : language;
  const load = builtIn.get(code);
  if (!load) return Promise.resolve();
  let loaded = loading.get(code);
  if (!loaded) {
    loaded = load().then(
      // A translation the page registered itself for this code wins over the built-in one.
      (module) => {
        if (!translations.has(code)) registerTranslation(module.default);
      },
      (error: unknown) => console.warn(`[integration-sync-card] Could not load the "${code}" translation; using English.`, error),
    );
    loading.set(code, loaded);
  }
  return loaded;
}

/**
 * An element's locale and direction, in one walk up the tree (through shadow hosts):
 * `lang` is its own `lang`, else the closest ancestor's, `<html lang>`, `navigator.language`, then
 * `en`; `dir` is the closest explicit `dir` (`ltr`/`rtl`), `undefined` when there is none.
 */
export function resolveLocale(element: Element): { lang: string; dir: 'ltr' | 'rtl' | undefined } {
  let lang: string | undefined;
  let dir: 'ltr' | 'rtl' | undefined;
  for (let node: Node | null = element; node && !(lang && dir); node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    if (!(node instanceof Element)) continue;
    lang ||= node.getAttribute('lang') ?? undefined;
    if (!dir) {
      const value = node.getAttribute('dir')?.toLowerCase();
      if (value === 'ltr' || value === 'rtl') dir = value;
    }
  }
  return { lang: lang || navigator.language || 'en', dir };
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
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
}
function stopObserving(): void {
  observer?.disconnect();
  observer = undefined;
}

export type { Translation };
