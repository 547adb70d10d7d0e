import type { ReactiveController, ReactiveControllerHost } from 'lit';

// NOTE: this module is only needed once somebody hovers or focuses a status, so the element
// imports it on demand: it stays out of the first-load bundle.
import { follow, place } from './tooltip-position.ts';

/** The one tooltip open on the page: opening another closes it. */
let openController: TooltipController | undefined;

// Long enough for the pointer to travel from the status onto the tooltip (WCAG 1.4.13).
const HIDE_DELAY_MS = 150;

/**
 * Shows one status tooltip at a time for its host, in the top layer (a manual popover): on hover
 * and focus of the anchor, kept open while the pointer is on the anchor or the tooltip, hidden on
 * leave, blur and Escape.
 * It follows scrolling and resizing only while a tooltip is open.
 */
export class TooltipController implements ReactiveController {
  private anchor?: HTMLElement;
  private floating?: HTMLElement;
  private hideTimer?: ReturnType<typeof setTimeout>;
  private stopFollowing?: () => void;
  private pointerInside = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide();
  }

  show(anchor: HTMLElement, floating: HTMLElement): void {
    this.cancelHide();
    if (this.anchor === anchor && this.floating === floating) return;
    this.hide();
    if (openController && openController !== this) openController.hide();
    openController = this;
    this.anchor = anchor;
    this.floating = floating;
    floating.style.visibility = 'hidden';
    floating.hidden = false;
    // NOTE: in the top layer (a manual popover), nothing can clip or cover the tooltip: not the
    // card's own containment (content-visibility), nor a host page's overflow or z-index.
    // Made a popover here, on first show, rather than in every card's template.
    if ('showPopover' in floating) {
      floating.popover = 'manual';
      try {
        floating.showPopover();
      } catch {
        // Already open, or removed meanwhile: it stays where it is.
      }
    }
    document.addEventListener('keydown', this.handleDocumentKeyDown, true);
    this.position(anchor, floating);
  }

  hide(): void {
    this.cancelHide();
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    if (this.floating) {
      if (this.floating.popover && this.floating.matches(':popover-open')) this.floating.hidePopover();
      this.floating.hidden = true;
    }
    this.anchor = this.floating = undefined;
    this.pointerInside = false;
    document.removeEventListener('keydown', this.handleDocumentKeyDown, true);
    if (openController === this) openController = undefined;
  }

  /** Pointer entered the anchor or the tooltip. */
  handlePointerEnter(anchor: HTMLElement, floating: HTMLElement): void {
    this.pointerInside = true;
    this.show(anchor, floating);
  }

  /** Pointer left the anchor or the tooltip: hide unless it arrives on the other one in time. */
  handlePointerLeave(): void {
    this.pointerInside = false;
    this.cancelHide();
    this.hideTimer = setTimeout(() => {
      if (!this.pointerInside && !this.anchorHasFocus()) this.hide();
    }, HIDE_DELAY_MS);
  }

  handleFocusOut(): void {
    if (!this.pointerInside) this.hide();
  }

  private anchorHasFocus(): boolean {
    const root = this.anchor?.getRootNode() as ShadowRoot | Document | undefined;
    return !!this.anchor && root?.activeElement === this.anchor && this.anchor.matches(':focus-visible');
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private readonly handleDocumentKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.floating) {
      this.hide();
    }
  };

  private position(anchor: HTMLElement, floating: HTMLElement): void {
    this.stopFollowing = follow(anchor, floating, () => {
      if (this.floating !== floating) return;
      floating.dataset.placement = place(anchor, floating);
      floating.style.visibility = '';
    });
  }
}
