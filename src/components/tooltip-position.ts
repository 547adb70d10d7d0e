// Where an open tooltip goes: above its status, below it when there is no room above, centred
// and kept inside the viewport; followed while the page scrolls or resizes.
// NOTE: written for this one placement instead of using a positioning library: the tooltip sits
// in the top layer (a manual popover), where no ancestor clips, scrolls or offsets it, so the
// general case (overflow ancestors, offset parents, virtual elements) a library handles is not
// ours, and @floating-ui/dom cost 5.7 KB gzip of the 6.6 KB tooltip chunk.

/** Space between the status and its tooltip, and between the tooltip and the viewport's edges. */
const GAP = 6;
const MARGIN = 8;

/** Sets `floating`'s fixed `left`/`top` from `anchor`'s box; returns the side it went to. */
export function place(anchor: Element, floating: HTMLElement): 'top' | 'bottom' {
  const box = anchor.getBoundingClientRect();
  const width = floating.offsetWidth;
  const height = floating.offsetHeight;
  const viewport = document.documentElement;
  const above = box.top - GAP - MARGIN;
  const below = viewport.clientHeight - box.bottom - GAP - MARGIN;
  // Above when it fits there, else below when it fits there, else wherever there is more room.
  const side = height <= above || (height > below && above >= below) ? 'top' : 'bottom';
  const top = side === 'top' ? box.top - GAP - height : box.bottom + GAP;
  const left = Math.max(MARGIN, Math.min(box.left + box.width / 2 - width / 2, viewport.clientWidth - MARGIN - width));
  floating.style.left = `${left}px`;
  floating.style.top = `${top}px`;
  // Without the top layer (engines older than popover), a transformed or contained ancestor of
  // the card is the fixed box's containing block: move by what it is off.
  const placed = floating.getBoundingClientRect();
  if (Math.abs(placed.left - left) > 0.5 || Math.abs(placed.top - top) > 0.5) {
    floating.style.left = `${2 * left - placed.left}px`;
    floating.style.top = `${2 * top - placed.top}px`;
  }
  return side;
}

/**
 * Calls `update` (at most once a frame) whenever `anchor` may have moved: a scroll of the page or
 * of any container, even one inside a shadow root, a resize of the window or of the tooltip.
 * Returns the function that stops it.
 */
export function follow(anchor: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  // Scroll events do not bubble and stop at their shadow root: listen in the capture phase on
  // the window and on every shadow root the anchor is inside.
  const targets: EventTarget[] = [window];
  for (let root = anchor.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) targets.push(root);
  const options = { capture: true, passive: true };
  for (const target of targets) target.addEventListener('scroll', schedule, options);
  window.addEventListener('resize', schedule, options);
  const resized = new ResizeObserver(schedule);
  resized.observe(floating);
  update();
  return () => {
    cancelAnimationFrame(frame);
    for (const target of targets) target.removeEventListener('scroll', schedule, options);
    window.removeEventListener('resize', schedule, options);
    resized.disconnect();
  };
}
