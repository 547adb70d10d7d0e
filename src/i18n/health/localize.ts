// The health page's strings by locale: English in the health entry, the others loaded on first use
// (as the card's, src/i18n/localize.ts), so neither element's first load carries every language.
import en, { type HealthTranslation } from './en.ts';

// NOTE: files named health-<tag>.ts, so their chunks are told apart from the card's (scripts/check-size.mjs).
const builtIn = new Map<string, () => Promise<{ default: HealthTranslation }>>([
  ['fr', () => import('./health-fr.ts')],
  ['de', () => import('./health-de.ts')],
  ['es', () => import('./health-es.ts')],
  ['ja', () => import('./health-ja.ts')],
  ['pt-br', () => import('./health-pt-BR.ts')],
  ['he', () => import('./health-he.ts')],
]);
const loaded = new Map<string, HealthTranslation>([['en', en]]);
const loading = new Map<string, Promise<HealthTranslation>>();

/** The built-in code for a BCP 47 tag: exact, then its language, then a regional one (`pt` → `pt-br`); else English. */
function codeOf(lang: string): string {
  const tag = lang.toLowerCase();
  const language = tag.split('-')[0];
  for (const code of [tag, language]) if (loaded.has(code) || builtIn.has(code)) return code;
  return [...builtIn.keys()].find((code) => code.startsWith(`${language}-`)) ?? 'en';
}

/** The health strings for `lang` when loaded, else `undefined` (and `load` brings them). */
export function healthTranslationFor(lang: string): HealthTranslation | undefined {
  return loaded.get(codeOf(lang));
}

/** Loads the health strings for `lang` (English when they fail to load). */
export function loadHealthTranslation(lang: string): Promise<HealthTranslation> {
  const code = codeOf(lang);
  const ready = loaded.get(code);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(code);
  if (!pending) {
    pending = builtIn.get(code)!().then(
      (module) => {
        loaded.set(code, module.default);
        return module.default;
      },
      (error: unknown) => {
        loading.delete(code);
        console.warn(`[integration-sync-card] Could not load the "${code}" health strings; using English.`, error);
        return en;
      },
    );
    loading.set(code, pending);
  }
  return pending;
}

export type { HealthTranslation };
