import { css } from 'lit';

// NOTE: every colour and size is a public `--isc-*` token with a default; the `--_*` variables
// are private and only pick the light or dark default. Tones were checked for 4.5:1 text contrast.
export default css`
  /* NOTE: one palette, two values per token, for every engine of package.json's browserslist
     (light-dark() is newer than its floor). A switch picks the value: --_hide-light is empty in
     dark (var(--_hide-light, L) gives nothing) and invalid in light (it gives L); --_hide-dark
     the other way round. Dark follows the user's preference (theme="auto" or absent) unless
     theme="light" or "dark" pins it; color-scheme follows the same rules for the UA's own parts. */
  :host {
    color-scheme: light dark;
    --_hide-light: initial;
    --_hide-dark: ;
    --_surface: var(--isc-color-surface, var(--_hide-light, #ffffff) var(--_hide-dark, #1c232b));
    --_text: var(--isc-color-text, var(--_hide-light, #1f2933) var(--_hide-dark, #e6eaee));
    --_muted: var(--isc-color-text-muted, var(--_hide-light, #52606d) var(--_hide-dark, #a9b4bf));
    --_border: var(--isc-color-border, var(--_hide-light, #d9dee4) var(--_hide-dark, #3a4550));
    --_link: var(--isc-color-link, var(--_hide-light, #0b5cad) var(--_hide-dark, #8cc2ff));
    --_focus: var(--isc-color-focus, var(--_hide-light, #0b5cad) var(--_hide-dark, #8cc2ff));
    --_success: var(--isc-color-success, var(--_hide-light, #136c3a) var(--_hide-dark, #7fdca0));
    --_success-bg: var(--isc-color-success-bg, var(--_hide-light, #e3f5e9) var(--_hide-dark, #173826));
    --_warning: var(--isc-color-warning, var(--_hide-light, #7a4b00) var(--_hide-dark, #f5c76b));
    --_warning-bg: var(--isc-color-warning-bg, var(--_hide-light, #fdf0d5) var(--_hide-dark, #3d2e0d));
    --_danger: var(--isc-color-danger, var(--_hide-light, #a61b1b) var(--_hide-dark, #ff9d9d));
    --_danger-bg: var(--isc-color-danger-bg, var(--_hide-light, #fde8e8) var(--_hide-dark, #451c1c));
    --_info: var(--isc-color-info, var(--_hide-light, #1d4ed8) var(--_hide-dark, #9dbcff));
    --_info-bg: var(--isc-color-info-bg, var(--_hide-light, #e3ecfd) var(--_hide-dark, #1b2a4d));
    --_default: var(--isc-color-default, var(--_hide-light, #3e4c59) var(--_hide-dark, #cbd3db));
    --_default-bg: var(--isc-color-default-bg, var(--_hide-light, #eef1f4) var(--_hide-dark, #2b343e));
    --_tooltip-bg: var(--isc-tooltip-background, var(--_hide-light, #1f2933) var(--_hide-dark, #f1f4f7));
    --_tooltip-text: var(--isc-tooltip-color, var(--_hide-light, #ffffff) var(--_hide-dark, #1f2933));

    display: block;
    color: var(--_text);
    font-family: var(--isc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-size: var(--isc-font-size, 14px);
    line-height: 1.45;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_hide-light: ;
      --_hide-dark: initial;
    }
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
    --_hide-light: ;
    --_hide-dark: initial;
  }

  /* NOTE: a list of hundreds of cards lays out only those near the viewport; the others keep
     the size they last had (a guess until then). Only where that guess, corrected above the
     viewport, cannot move the page under the reader: an engine that anchors the scroll position
     also right after a fragment navigation. For now that is Chromium, told by a feature only it
     has (interpolate-size): WebKit has no scroll anchoring, and Firefox 153 does not anchor just
     after an anchor link (a card above the target grows and pushes it down; see
     test/components/offscreen.test.ts, which checks every engine). Tooltips sit in the top layer, so the
     paint containment this brings never clips them. */
  @supports (overflow-anchor: auto) and (interpolate-size: allow-keywords) {
    :host {
      content-visibility: auto;
      contain-intrinsic-block-size: auto 200px;
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .cards {
    display: flex;
    flex-direction: column;
    gap: var(--isc-gap, 12px);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='card'],
  [part~='setup'],
  [part~='empty'],
  [part~='error'],
  [part~='loading'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--isc-radius, 8px);
    padding: var(--isc-padding, 12px 14px);
  }

  /* The name and the sync type share a line and wrap as text does: no flex box per card. */
  .card-header {
    margin: 0 0 10px;
  }

  /* Provider strings keep their own direction inside a right-to-left card (and vice versa). */
  [part~='integration-name'],
  [part~='sync-label'],
  [part~='synced-with'] a,
  .tooltip-message,
  .history-message,
  .error-detail {
    unicode-bidi: isolate;
  }

  [part~='integration-name'] {
    display: inline;
    margin: 0;
    margin-inline-end: 8px;
    font-size: 1em;
    font-weight: 600;
  }

  [part~='sync-label'] {
    display: inline-block;
    max-width: 100%;
    color: var(--_muted);
    font-size: 0.857em;
  }

  /* NOTE: break-word, not anywhere: the same breaks of a long string at the edge, but it leaves
     min-content sizes alone, which every layout of a box around the text would compute. */
  .card-header,
  dd,
  [part~='tooltip'],
  .error-detail,
  .inline-error,
  .history-message {
    overflow-wrap: break-word;
  }

  dl {
    margin: 0;
  }

  .row + .row {
    margin-top: 8px;
  }

  /* Label and value side by side (the label about 38% wide), or the value under its label once
     the card is narrower than about 300 px: the value wraps when less than 11em is left for it.
     Wrapping, not a size container per card: nothing to recompute per host. */
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 12px;
  }

  dt {
    /* 8.75em at this 0.857em font size is 7.5em of the card's. Alone on its line, it takes the whole line. */
    flex: 1 0 max(8.75em, 38%);
    color: var(--_muted);
    font-size: 0.857em;
  }

  dd {
    flex: 1000 1 11em;
    margin: 0;
    min-width: 0;
  }

  a {
    color: var(--_link);
    text-underline-offset: 2px;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 4px;
  }

  .external {
    width: 0.8em;
    height: 0.8em;
    margin-inline-start: 3px;
    vertical-align: -0.05em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .nowrap {
    white-space: nowrap;
  }

  /* Arrows point the way the text reads. */
  [dir='rtl'] .external {
    transform: scaleX(-1);
  }

  [part~='status'] {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    max-width: 100%;
    padding-block: 1px;
    padding-inline: 6px 8px;
    /* A pill on one line, a rounded box when a long label wraps. */
    border-radius: 10px;
    font-size: 0.857em;
    font-weight: 600;
    color: var(--_tone);
    background: var(--_tone-bg);
    border: 1px solid transparent;
    cursor: default;
  }

  a[part~='status'] {
    cursor: pointer;
    text-decoration: underline;
  }

  [data-tone='success'] { --_tone: var(--_success); --_tone-bg: var(--_success-bg); }
  [data-tone='warning'] { --_tone: var(--_warning); --_tone-bg: var(--_warning-bg); }
  [data-tone='danger'] { --_tone: var(--_danger); --_tone-bg: var(--_danger-bg); }
  [data-tone='info'] { --_tone: var(--_info); --_tone-bg: var(--_info-bg); }
  [data-tone='default'] { --_tone: var(--_default); --_tone-bg: var(--_default-bg); }

  .icon {
    flex: none;
    width: 14px;
    height: 14px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* NOTE: three turns, not forever: while a page scrolls, Chrome recalculates style on every
     frame for each running animation, and a list of hundreds of cards may hold many "Syncing"
     ones (measured in BENCHMARKS.md). The icon's shape still says "in progress" at rest. */
  [data-status='in_progress'] .icon {
    animation: spin 1.2s linear 3;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [data-status='in_progress'] .icon {
      animation: none;
    }
  }

  /* A manual popover, in the top layer: the UA's popover box (centred, bordered) is undone. */
  [part~='tooltip'] {
    position: fixed;
    inset: 0 auto auto 0;
    z-index: var(--isc-tooltip-z-index, 1000);
    margin: 0;
    border: 0;
    overflow: visible;
    width: max-content;
    max-width: min(280px, calc(100vw - 16px));
    padding: 8px 10px;
    border-radius: 6px;
    background: var(--_tooltip-bg);
    color: var(--_tooltip-text);
    font-size: 0.857em;
    font-weight: 400;
    line-height: 1.4;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  }

  [part~='tooltip'][hidden] {
    display: none;
  }

  .tooltip-message {
    display: block;
    margin-top: 4px;
    font-style: italic;
  }

  .tooltip-hint {
    display: block;
    margin-top: 4px;
    opacity: 0.9;
  }

  [part~='loading'],
  [part~='empty'] {
    color: var(--_muted);
  }

  [part~='loading'] {
    display: flex;
    align-items: center;
    gap: 8px;
  }

  .spinner {
    width: 14px;
    height: 14px;
    border: 2px solid var(--_border);
    border-top-color: var(--_link);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  [part~='error'] {
    border-color: var(--_danger);
  }

  .error-title {
    margin: 0 0 4px;
    font-weight: 600;
    color: var(--_danger);
  }

  .error-detail {
    margin: 0 0 10px;
    color: var(--_muted);
    font-size: 0.857em;
  }

  .retry-countdown {
    margin: 0 0 10px;
    color: var(--_muted);
    font-size: 0.857em;
    font-variant-numeric: tabular-nums;
  }

  .refresh-failure {
    margin-bottom: var(--isc-gap, 12px);
  }

  button {
    font: inherit;
    font-size: 0.857em;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  button:hover {
    border-color: var(--_muted);
  }

  [part~='setup'] {
    border-color: var(--_warning);
    background: var(--_warning-bg);
  }

  .setup-title {
    margin: 0 0 4px;
    font-weight: 600;
  }

  .setup-text {
    margin: 0 0 6px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 10px;
  }

  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  .show-more {
    align-self: start;
  }

  .next-sync {
    display: block;
    color: var(--_muted);
    font-size: 0.857em;
  }

  .inline-error {
    margin: 8px 0 0;
    color: var(--_danger);
    font-size: 0.857em;
  }

  .history-note {
    margin: 8px 0 0;
    color: var(--_muted);
    font-size: 0.857em;
  }

  .history {
    display: grid;
    gap: 6px;
    margin: 10px 0 0;
    padding: 8px 0 0;
    border-top: 1px solid var(--_border);
    list-style: none;
    font-size: 0.857em;
  }

  [part~='history-entry'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px 8px;
  }

  .history-status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-weight: 600;
    color: var(--_tone);
  }

  .history-direction,
  .history-trigger,
  [part~='history-entry'] time {
    color: var(--_muted);
  }

  .history-message {
    flex-basis: 100%;
    min-width: 0;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    [part~='status'] {
      border-color: CanvasText;
    }
    [part~='tooltip'] {
      border: 1px solid CanvasText;
    }
  }
`;
