import { css } from 'lit';

// NOTE: every colour and size is a public `--isc-*` token with a default; the `--_*` variables
// are private and only pick the light or dark default. Tones were checked for 4.5:1 text contrast.
export default css`
  /* NOTE: one palette, two values: light-dark() picks by the host's color-scheme, which follows
     the user's preference (theme="auto" or absent) unless theme="light" or "dark" pins it. */
  :host {
    color-scheme: light dark;
    --_surface: var(--isc-color-surface, light-dark(#ffffff, #1c232b));
    --_text: var(--isc-color-text, light-dark(#1f2933, #e6eaee));
    --_muted: var(--isc-color-text-muted, light-dark(#52606d, #a9b4bf));
    --_border: var(--isc-color-border, light-dark(#d9dee4, #3a4550));
    --_link: var(--isc-color-link, light-dark(#0b5cad, #8cc2ff));
    --_focus: var(--isc-color-focus, light-dark(#0b5cad, #8cc2ff));
    --_success: var(--isc-color-success, light-dark(#136c3a, #7fdca0));
    --_success-bg: var(--isc-color-success-bg, light-dark(#e3f5e9, #173826));
    --_warning: var(--isc-color-warning, light-dark(#7a4b00, #f5c76b));
    --_warning-bg: var(--isc-color-warning-bg, light-dark(#fdf0d5, #3d2e0d));
    --_danger: var(--isc-color-danger, light-dark(#a61b1b, #ff9d9d));
    --_danger-bg: var(--isc-color-danger-bg, light-dark(#fde8e8, #451c1c));
    --_info: var(--isc-color-info, light-dark(#1d4ed8, #9dbcff));
    --_info-bg: var(--isc-color-info-bg, light-dark(#e3ecfd, #1b2a4d));
    --_default: var(--isc-color-default, light-dark(#3e4c59, #cbd3db));
    --_default-bg: var(--isc-color-default-bg, light-dark(#eef1f4, #2b343e));
    --_tooltip-bg: var(--isc-tooltip-background, light-dark(#1f2933, #f1f4f7));
    --_tooltip-text: var(--isc-tooltip-color, light-dark(#ffffff, #1f2933));

    display: block;
    color: var(--_text);
    font-family: var(--isc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-size: var(--isc-font-size, 14px);
    line-height: 1.45;
    container-type: inline-size;
  }


  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
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
    display: grid;
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

  .card-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 8px;
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
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='sync-label'] {
    color: var(--_muted);
    font-size: 0.857em;
    overflow-wrap: anywhere;
  }

  dl {
    display: grid;
    gap: 8px;
    margin: 0;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(7.5em, 38%) 1fr;
    gap: 2px 12px;
    align-items: baseline;
  }

  @container (max-width: 300px) {
    .row {
      grid-template-columns: 1fr;
    }
  }

  dt {
    color: var(--_muted);
    font-size: 0.857em;
  }

  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
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

  [part~='tooltip'] {
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--isc-tooltip-z-index, 1000);
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
    overflow-wrap: anywhere;
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
    overflow-wrap: anywhere;
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
    justify-self: start;
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
    overflow-wrap: anywhere;
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
  [part~='history-entry'] time {
    color: var(--_muted);
  }

  .history-message {
    flex-basis: 100%;
    overflow-wrap: anywhere;
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
