import type { HealthTranslation } from '../../i18n/health/en.ts';
import { detailOf, type DetailTranslation } from '../../i18n/en-detail.ts';
import type { Translation } from '../../i18n/en.ts';
import type { RenderContext } from '../templates/context.ts';

/** What the health page's templates read: the card's context (status pill, states) and the page's own. */
export interface HealthContext extends RenderContext {
  readonly h: HealthTranslation;
  /** The error categories' names (the card's 1.1 strings). */
  readonly detail: DetailTranslation;
  /** A count through `Intl.NumberFormat` in the page's locale. */
  number(value: number): string;
}

/** What the page's context takes from the element (the rest is its language's). */
export type HealthContextParts = Pick<HealthContext, 'isolate' | 'navigate' | 'copyFeedback' | 'copy' | 'host' | 'recordReference'>;

/**
 * The context for `lang`: `previous` again when nothing it reads changed (so the rows' contexts
 * derived from it stay valid), else a new one.
 */
export function healthContextFor(previous: HealthContext | undefined, lang: string, card: Translation, h: HealthTranslation, parts: () => HealthContextParts): HealthContext {
  if (previous && previous.locale === lang && previous.h === h && previous.t.$code === card.$code && previous.t.statusLabel === card.statusLabel) return previous;
  let numbers: Intl.NumberFormat;
  try {
    numbers = new Intl.NumberFormat(lang);
  } catch {
    numbers = new Intl.NumberFormat('en');
  }
  return {
    // The card's shared states (loading, error) read these three: the page's own words.
    t: { ...card, loading: h.loading, errorTitle: h.errorTitle, empty: h.empty },
    h,
    detail: detailOf(card),
    locale: lang,
    number: (value) => numbers.format(value),
    ...parts(),
  };
}

/** Each row's context (its links' isc-navigate name its record): one per row and page context, not one per render. */
export class RowContexts<Row extends object> {
  private base?: HealthContext;
  private contexts = new WeakMap<Row, HealthContext>();

  constructor(private readonly derive: (base: HealthContext, row: Row) => HealthContext) {}

  get(base: HealthContext, row: Row): HealthContext {
    if (base !== this.base) {
      this.base = base;
      this.contexts = new WeakMap();
    }
    let context = this.contexts.get(row);
    if (!context) this.contexts.set(row, (context = this.derive(base, row)));
    return context;
  }
}
