import { css } from 'lit';

// The page's own layout. Tokens, the status pill, the tooltip, buttons and the shared states come
// from the card's styles (integration-sync-card.styles.ts), adopted first by the element.
export default css`
  :host {
    /* A page, not a card in a list: always laid out (the card skips off-screen layout). */
    content-visibility: visible;
    contain-intrinsic-block-size: none;
    background: var(--_surface);
    --_selected: var(--isc-health-row-selected, var(--_hide-light, #eaf2fc) var(--_hide-dark, #1d2d42));
    min-width: 0;
  }

  .health {
    display: grid;
    gap: 16px;
    min-width: 0;
  }

  .muted {
    color: var(--_muted);
  }

  .section-title {
    margin: 0 0 8px;
    font-size: 1em;
    font-weight: 600;
  }

  .counts,
  .group-list,
  .chips {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  .count {
    display: grid;
    gap: 2px;
    justify-items: start;
    min-width: 96px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
  }

  .count[aria-pressed='true'] {
    border-color: var(--_focus);
    box-shadow: inset 0 0 0 1px var(--_focus);
  }

  .count-number {
    font-size: 1.5em;
    font-weight: 600;
    line-height: 1.2;
  }

  .count-label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }

  .count[data-tone='danger'] .count-label {
    color: var(--_danger);
  }
  .count[data-tone='warning'] .count-label {
    color: var(--_warning);
  }
  .count[data-tone='success'] .count-label {
    color: var(--_success);
  }
  .count[data-tone='info'] .count-label {
    color: var(--_info);
  }

  .group-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr));
    gap: 8px;
  }

  .group {
    display: grid;
    gap: 4px;
    align-content: start;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .group p {
    margin: 0;
  }

  .group-title {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
  }

  .group-count {
    font-weight: 600;
  }

  .group-choose {
    justify-self: start;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 12px;
  }

  .field {
    display: grid;
    gap: 2px;
    min-width: 0;
  }

  .field-label {
    color: var(--_muted);
    font-size: 0.9em;
  }

  select,
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: 6px;
    padding: 4px 8px;
    max-width: 100%;
  }

  .search-field {
    flex: 1 1 220px;
  }

  .search-field input {
    width: 100%;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px 2px 8px;
    border-radius: 999px;
    background: var(--_default-bg);
  }

  .chip-remove {
    padding: 0 6px;
    line-height: 1.4;
  }

  .updates {
    justify-self: start;
    border-color: var(--_info);
    color: var(--_info);
    background: var(--_info-bg);
  }

  .bulk-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }

  .bulk-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-inline-start: auto;
  }

  .link-button {
    border: none;
    background: none;
    color: var(--_link);
    text-decoration: underline;
    padding: 0;
  }

  .button-link {
    display: inline-block;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    color: var(--_text);
    text-decoration: none;
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }

  /* The table scrolls inside its own box: a narrow page never scrolls sideways. */
  .table-wrap {
    min-width: 0;
  }

  .table-box {
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: 6px 10px;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
  }

  thead th {
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.9em;
    white-space: nowrap;
    background: var(--_surface);
  }

  tbody th {
    font-weight: normal;
    white-space: nowrap;
  }

  tbody tr:last-child > * {
    border-bottom: none;
  }

  tr[aria-selected='true'] > * {
    background: var(--_selected);
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0;
    border: none;
    background: none;
    color: inherit;
    font: inherit;
  }

  .sort-icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    opacity: 0;
  }

  .sorted .sort-icon {
    opacity: 1;
  }

  .sorted.asc .sort-icon {
    transform: rotate(180deg);
  }

  .select-cell {
    width: 1%;
  }

  .message-cell {
    min-width: 16em;
    overflow-wrap: anywhere;
  }

  /* The error code under its message (markup whitespace is not relied on: templates are minified). */
  .code {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .status-cell {
    white-space: nowrap;
  }

  .number {
    text-align: end;
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }

  .more p {
    margin: 0;
  }

  .health-empty {
    padding: 16px;
    border: 1px dashed var(--_border);
    border-radius: 8px;
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    tr[aria-selected='true'] > * {
      outline: 1px solid Highlight;
    }
  }
`;
