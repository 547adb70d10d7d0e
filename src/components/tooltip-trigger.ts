import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TooltipController } from './tooltip-controller.ts';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Opens and closes the status tooltips of a card: hover and focus of a status (or of its
 * tooltip) are routed to the tooltip controller, which loads on the first
 * hover or focus, so none of it is in the first-load bundle.
 */
// NOTE: one set of listeners per card, on the shadow root (pointerover/out and focusin/out
// bubble), rather than listeners on every status and tooltip: a list of 500 cards then adds
// 2,000 listeners instead of 6,000, and renders faster.
export class TooltipTrigger implements ReactiveController {
  private tooltips?: TooltipController;
  private loading?: Promise<TooltipController>;
  private listening = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.listening) return;
    this.listening = true;
    const root = this.host.renderRoot;
    root.addEventListener('pointerover', this.handlePointerOver as EventListener);
    root.addEventListener('pointerout', this.handlePointerOut as EventListener);
    root.addEventListener('focusin', this.handleFocusIn as EventListener);
    root.addEventListener('focusout', this.handleFocusOut as EventListener);
  }

  /** Pointer entered a status or its tooltip (from outside it, not from one of its children). */
  private readonly handlePointerOver = (event: PointerEvent) => {
    const pair = this.pairOf(event.target);
    if (pair && !pair.on.contains(event.relatedTarget as Node | null)) this.withTooltips((tooltips) => tooltips.handlePointerEnter(pair.anchor, pair.tooltip));
  };

  private readonly handlePointerOut = (event: PointerEvent) => {
    const pair = this.pairOf(event.target);
    if (pair && !pair.on.contains(event.relatedTarget as Node | null)) this.withTooltips((tooltips) => tooltips.handlePointerLeave());
  };

  private readonly handleFocusIn = (event: FocusEvent) => {
    const pair = this.pairOf(event.target);
    if (pair && pair.on === pair.anchor) this.withTooltips((tooltips) => tooltips.show(pair.anchor, pair.tooltip));
  };

  private readonly handleFocusOut = (event: FocusEvent) => {
    const pair = this.pairOf(event.target);
    if (pair && pair.on === pair.anchor) this.withTooltips((tooltips) => tooltips.handleFocusOut());
  };

  /** Runs `use` with the tooltip controller, loading it the first time; calls made meanwhile run in order. */
  private withTooltips(use: (tooltips: TooltipController) => void): void {
    if (this.tooltips) return use(this.tooltips);
    this.loading ??= import('./tooltip-controller.ts').then(({ TooltipController }) => (this.tooltips = new TooltipController(this.host)));
    void this.loading.then(use);
  }

  /** The status (anchor) and tooltip an event concerns, with the one of the two it happened on. */
  private pairOf(node: EventTarget | null): { on: HTMLElement; anchor: HTMLElement; tooltip: HTMLElement } | undefined {
    const on = node instanceof Element ? node.closest<HTMLElement>('[part~="status"][aria-describedby],[part~="tooltip"]') : null;
    if (!on) return undefined;
    const root = this.host.renderRoot;
    const anchor = on.matches('[part~="tooltip"]') ? root.querySelector<HTMLElement>(`[aria-describedby="${on.id}"]`) : on;
    const id = anchor?.getAttribute('aria-describedby');
    const tooltip = id ? (root as ShadowRoot).getElementById(id) : null;
    return anchor && tooltip ? { on, anchor, tooltip } : undefined;
  }
}
