import type { HealthTranslation } from '../../i18n/health/en.ts';
import type { DetailTranslation } from '../../i18n/en-detail.ts';
import type { RenderContext } from '../templates/context.ts';

/** What the health page's templates read: the card's context (status pill, states) and the page's own. */
export interface HealthContext extends RenderContext {
  readonly h: HealthTranslation;
  /** The error categories' names (the card's 1.1 strings). */
  readonly detail: DetailTranslation;
  /** A count through `Intl.NumberFormat` in the page's locale. */
  number(value: number): string;
}
