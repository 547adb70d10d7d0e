import type { ReactiveController, ReactiveControllerHost } from 'lit';

// NOTE: this module (and Floating UI with it) is only needed once somebody hovers or focuses a
// status, so the element imports it on demand: it stays out of the first-load bundle.
import { autoUpdate, computePosition, flip, offset, platform, shift, size } from '@floating-ui/dom';

/** The one tooltip open on the page: opening another closes it. */
let openController: TooltipController | undefined;

// Long enough for the pointer to travel from the status onto the tooltip (WCAG 1.4.13).
const HIDE_DELAY_MS = 150;
/** Space between the status and its tooltip, and between the tooltip and the viewport's edges. */
const GAP = 6;
const PADDING = 8;

/**
 * The stylesheet keeps a tooltip narrower than the viewport, but a host may widen it
 * (`::part(tooltip) { max-width: … }`, which outranks the card's own style): never wider than the
 * room there is. `!important`, as only that outranks the host's rule.
 */
function fitWidth({ availableWidth, elements: { floating } }: { availableWidth: number; elements: { floating: HTMLElement } }): void {
  floating.style.removeProperty('max-width');
  if (!(parseFloat(getComputedStyle(floating).maxWidth) <= availableWidth)) floating.style.setProperty('max-width', `${availableWidth}px`, 'important');
}

/**
 * Shows one status tooltip at a time for its host, in the top layer (a manual popover): on hover
 * and focus of the anchor, kept open while the pointer is on the anchor or the tooltip, hidden on
 * leave, blur and Escape.
 * Placed by Floating UI: above its status (below when there is no room above), centred, kept
 * 8 px inside the viewport; `autoUpdate` follows scrolling and resizing only while it is open.
 */
export class TooltipController implements ReactiveController {
  private anchor?: HTMLElement;
  private floating?: HTMLElement;
  private hideTimer?: ReturnType<typeof setTimeout>;
  private stopAutoUpdate?: () => void;
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
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
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
    const update = async () => {
      // `fixed`, as the tooltip's own style, and coordinates in the viewport: the middleware in
      // Floating UI's documented order (offset, flip, shift, size).
      const { x, y, placement } = await computePosition(anchor, floating, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(GAP), flip({ padding: PADDING }), shift({ padding: PADDING }), size({ padding: PADDING, apply: fitWidth })],
        platform: { ...platform, getOffsetParent: () => window },
      });
      if (this.floating !== floating) return; // closed (or another one opened) meanwhile
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
      // NOTE: in the top layer the viewport is the fixed box's containing block. Without popover
      // (engines older than it), an ancestor of the card may be: a transform, which Floating UI
      // would find, but also containment it does not look for (the host's content-visibility, a
      // page's container-type). Whatever it is, the box is moved by what it landed off.
      const placed = floating.getBoundingClientRect();
      if (Math.abs(placed.left - x) > 0.5 || Math.abs(placed.top - y) > 0.5) {
        floating.style.left = `${2 * x - placed.left}px`;
        floating.style.top = `${2 * y - placed.top}px`;
      }
      floating.dataset.placement = placement;
      floating.style.visibility = '';
    };
    this.stopAutoUpdate = autoUpdate(anchor, floating, () => void update());
  }
}
