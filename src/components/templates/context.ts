import type { ReactiveElement } from 'lit';
import type { IscNavigateDetail } from '../../events.ts';
import type { Translation } from '../../i18n/localize.ts';

/** What every template reads from the card: its language, and the few things it does for them. */
export interface RenderContext {
  readonly t: Translation;
  /** The resolved locale (BCP 47), for `Intl`. */
  readonly locale: string;
  /** Provider text inside a sentence, isolated on right-to-left pages (see the element). */
  isolate(text: string): string;
  /** Fires `isc-navigate` before a link opens; cancels the click when the host cancelled it. */
  navigate(event: MouseEvent, detail: IscNavigateDetail): void;
  /** What "Copy details" says now for `key`, and the copy itself. */
  copyFeedback(key: string): 'copied' | 'failed' | undefined;
  copy(key: string, details: () => string): void;
  /** The card itself: a part loaded on demand, or one with state of its own, asks it to re-render. */
  readonly host: ReactiveElement;
  /** The record as copied details name it: "company 42 (portal 7)". */
  readonly recordReference: string;
}
