// The parts of wire format 1.1 in a card: the why (category), what to do (fix), what happens next
// (the integration's retry plan), and the fields view, CRM and external values side by side.
// NOTE: loaded on demand (sync-detail-loader.ts), with its strings and its styles, the first time
// a card has 1.1 data: a page of version-1 answers never downloads it.
import { css, html, nothing, type CSSResult, type ReactiveElement, type TemplateResult } from 'lit';
import type { FieldValue, NormalizedField, NormalizedSync } from '../../data/types.ts';
import { formatFull, formatRelative } from '../../i18n/dates.ts';
import { detailOf } from '../../i18n/en-detail.ts';
import type { RenderContext } from './context.ts';
import { renderExternalLink } from './external-link.ts';
import type { Tone } from './status.ts';

/** Field values longer than this are cut on screen; the full text is in the cell's `title`. */
export const MAX_VALUE_CHARS = 200;

const FIELD_TONE: Record<NormalizedField['status'], Tone> = { synced: 'success', failed: 'danger', pending: 'default', differs: 'warning' };

// One shape each, so "retrying may help" and "needs a fix" never rest on colour alone.
const RETRY_ICON = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9"/><path d="M12.3 1.5v2.8H9.5"/></svg>`;
const FIX_ICON = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M10.2 1.8a3.6 3.6 0 0 0-3.9 4.9L1.8 11.2a1.4 1.4 0 0 0 2 2l4.5-4.5a3.6 3.6 0 0 0 4.9-3.9l-2 2-2-.5-.5-2z"/></svg>`;

/** Whether the fields view of a sync is open, per card and record (closed after a record change). */
const openFields = new WeakMap<ReactiveElement, Set<string>>();

/** The category applies to failures: a full failure or a partial one. */
const failed = (sync: NormalizedSync) => sync.status === 'record_not_synced' || sync.status === 'partially_synced';

/**
 * The why and what next, under the card's rows: "Needs a fix" / "Retrying may help" with the kind
 * of failure, what to do (a link when the provider gave a safe URL), and the retry plan.
 */
export function renderWhy(ctx: RenderContext, sync: NormalizedSync): TemplateResult | typeof nothing {
  const { category, retryable, fix, retry } = sync.detail;
  const showCategory = failed(sync) && retryable !== null;
  if (!showCategory && !fix && !retry) return nothing;
  const d = detailOf(ctx.t);
  return html`<div class="why">
    ${showCategory
      ? html`<p class="why-line">
          <span part="category" class="category" data-category=${category ?? 'unknown'} data-retryable=${retryable ? 'true' : 'false'} data-tone=${retryable ? 'info' : 'warning'}
            >${retryable ? RETRY_ICON : FIX_ICON}<span>${retryable ? d.category.retryable : d.category.needsFix}</span></span
          > ${category && category !== 'unknown' ? html`<span class="category-name">${d.category.name[category]}</span>` : nothing}
        </p>`
      : nothing}
    ${fix
      ? html`<p class="why-line"><span class="why-label">${d.fixLabel}</span> <span part="fix">${fix.url
          ? renderExternalLink(ctx, 'fix-link', fix.text, { url: fix.url, kind: 'fix', syncId: sync.id })
          : fix.text}</span></p>`
      : nothing}
    ${retry ? renderRetryPlan(ctx, retry) : nothing}
  </div>`;
}

/** "Attempt 4 of 10 · next retry in 12 minutes"; re-rendered by the card's shared 30-second tick. */
function renderRetryPlan(ctx: RenderContext, retry: NonNullable<NormalizedSync['detail']['retry']>): TemplateResult {
  const d = detailOf(ctx.t);
  if (retry.attempt >= retry.maxAttempts) return html`<p part="retry-plan" class="why-line">${d.noMoreRetries}</p>`;
  const attempt = d.retryAttempt(formatNumber(retry.attempt, ctx.locale), formatNumber(retry.maxAttempts, ctx.locale));
  const next = retry.nextAt ? new Date(retry.nextAt) : null;
  if (!next) return html`<p part="retry-plan" class="why-line">${attempt}</p>`;
  const when = next.getTime() > Date.now() ? d.nextRetry(formatRelative(next, ctx.locale)) : d.nextRetryDue;
  return html`<p part="retry-plan" class="why-line" title=${formatFull(next, ctx.locale)}>${attempt} · ${when}</p>`;
}

/** The "Fields (N)" toggle, in the card's actions row. */
export function renderFieldsToggle(ctx: RenderContext, sync: NormalizedSync, panelId: string): TemplateResult | typeof nothing {
  const count = sync.detail.fields.length;
  if (count === 0) return nothing;
  const open = isOpen(ctx, sync);
  return html`<button part="fields-toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panelId} @click=${() => toggle(ctx, sync)}>
    ${detailOf(ctx.t).fieldsToggle(formatNumber(count, ctx.locale))}
  </button>`;
}

/**
 * The fields view: a list a screen reader walks entry by entry, each field's name, status,
 * direction and message, and its CRM and external values as a labelled pair. Stacked in a narrow
 * card, a table of aligned columns once the card is wide enough (a container query on the panel).
 */
export function renderFields(ctx: RenderContext, sync: NormalizedSync, panelId: string, integrationName: string, syncName: string): TemplateResult | typeof nothing {
  const { fields } = sync.detail;
  if (fields.length === 0) return nothing;
  const open = isOpen(ctx, sync);
  const d = detailOf(ctx.t);
  const number = numberFormat(ctx.locale);
  const value = (raw: FieldValue, part: string) => {
    const text = raw === null || raw === '' ? ctx.t.notAvailable : typeof raw === 'boolean' ? (raw ? d.yes : d.no) : typeof raw === 'number' ? number(raw) : raw;
    const cut = text.length > MAX_VALUE_CHARS;
    return cut ? html`<dd part=${part} title=${text}>${text.slice(0, MAX_VALUE_CHARS)}…</dd>` : html`<dd part=${part}>${text}</dd>`;
  };
  return html`<div id=${panelId} class="fields-panel" ?hidden=${!open}>
    ${open
      ? html`<div class="field-columns" aria-hidden="true"><span></span><span>${d.crmValue}</span><span>${integrationName}</span></div>
          <ul part="fields" aria-label=${d.fieldsLabel(syncName)}>
            ${fields.map(
              (field) => html`<li part="field" data-field=${field.name} data-field-status=${field.status}>
                <div class="field-head">
                  <span part="field-label">${field.label ?? field.name}</span>
                  <span class="field-status" data-tone=${FIELD_TONE[field.status]}>${d.fieldStatus[field.status]}</span>
                  ${field.direction ? html`<span class="field-direction">${d.fieldDirection[field.direction]}</span>` : nothing}
                </div>
                <dl class="field-values">
                  <div class="field-value"><dt>${d.crmValue}</dt>${value(field.crmValue, 'field-crm-value')}</div>
                  <div class="field-value"><dt>${integrationName}</dt>${value(field.externalValue, 'field-external-value')}</div>
                </dl>
                ${field.message ? html`<p part="field-message">${field.message}</p>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
  </div>`;
}

/** What "Copy details" adds for a 1.1 sync: the category, the fix, the retry plan, the fields that failed or differ. */
export function copyLines(sync: NormalizedSync, integrationName: string): string[] {
  const { category, retryable, fix, retry, fields } = sync.detail;
  const lines: string[] = [];
  if (category !== null || retryable !== null) lines.push(`Category: ${category ?? 'unknown'} (${retryable ? 'retrying may help' : 'needs a fix'})`);
  if (fix) lines.push(`Fix: ${fix.text}${fix.url ? ` (${fix.url})` : ''}`);
  if (retry) {
    lines.push(`Retry: attempt ${retry.attempt} of ${retry.maxAttempts}${retry.attempt >= retry.maxAttempts ? ', no more automatic retries' : retry.nextAt ? `, next at ${retry.nextAt}` : ''}`);
  }
  const shown = (value: FieldValue) => (value === null ? '—' : JSON.stringify(value));
  const problems = fields.filter((field) => field.status === 'failed' || field.status === 'differs');
  if (problems.length > 0) lines.push('Fields:');
  for (const field of problems) {
    lines.push(
      `- ${field.label ? `${field.label} (${field.name})` : field.name}: ${field.status}; CRM ${shown(field.crmValue)}; ${integrationName} ${shown(field.externalValue)}${field.message ? `; ${field.message}` : ''}`,
    );
  }
  return lines;
}

function isOpen(ctx: RenderContext, sync: NormalizedSync): boolean {
  return openFields.get(ctx.host)?.has(`${ctx.recordReference}|${sync.id}`) ?? false;
}

function toggle(ctx: RenderContext, sync: NormalizedSync): void {
  let open = openFields.get(ctx.host);
  if (!open) openFields.set(ctx.host, (open = new Set()));
  const key = `${ctx.recordReference}|${sync.id}`;
  if (!open.delete(key)) open.add(key);
  ctx.host.requestUpdate();
}

function numberFormat(locale: string): (value: number) => string {
  try {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    return (value) => format.format(value);
  } catch {
    return String;
  }
}

const formatNumber = (value: number, locale: string) => numberFormat(locale)(value);

/** Adds this module's styles to a card's shadow root, once. */
export function adoptStyles(host: ReactiveElement): void {
  const root = host.renderRoot as ShadowRoot | undefined;
  if (!root || !('adoptedStyleSheets' in root)) return;
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const styles: CSSResult = css`
  .why {
    margin-top: 8px;
    font-size: 0.857em;
  }

  .why-line {
    margin: 4px 0 0;
    overflow-wrap: break-word;
  }

  .category {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-inline: 6px 8px;
    border-radius: 10px;
    font-weight: 600;
    color: var(--_tone);
    background: var(--_tone-bg);
  }

  .category-name,
  .why-label,
  .field-direction {
    color: var(--_muted);
  }

  .why-label::after {
    content: ':';
  }

  [part~='retry-plan'] {
    color: var(--_muted);
  }

  .fields-panel {
    /* Stacked in a narrow card; aligned columns once the panel is wide (only an open panel is measured). */
    container-type: inline-size;
    margin-top: 10px;
    padding-top: 8px;
    border-top: 1px solid var(--_border);
    font-size: 0.857em;
  }

  [part~='fields'] {
    display: grid;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .field-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    align-content: start;
    gap: 2px 8px;
  }

  [part~='field-label'] {
    font-weight: 600;
    overflow-wrap: break-word;
    min-width: 0;
  }

  .field-status {
    font-weight: 600;
    color: var(--_tone);
  }

  .field-values {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0 12px;
    margin: 2px 0 0;
  }

  .field-value dt {
    color: var(--_muted);
    font-size: 1em;
  }

  .field-value dd {
    margin: 0;
    overflow-wrap: break-word;
    min-width: 0;
  }

  [part~='field-message'] {
    margin: 2px 0 0;
    overflow-wrap: break-word;
  }

  .field-columns {
    display: none;
  }

  @container (min-width: 480px) {
    /* A table of aligned columns: field (with its status) | CRM | external. The same columns in
       every row, so they line up with no table layout to compute. */
    .field-columns,
    [part~='field'] {
      display: grid;
      grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr);
      gap: 0 12px;
    }

    .field-columns {
      padding-bottom: 4px;
      margin-bottom: 6px;
      border-bottom: 1px solid var(--_border);
      color: var(--_muted);
      font-weight: 600;
    }

    .field-values {
      display: contents;
    }

    .field-value {
      grid-row: 1;
    }

    .field-value:first-child {
      grid-column: 2;
    }

    .field-value:last-child {
      grid-column: 3;
    }

    .field-value dt {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .field-head {
      grid-column: 1;
      grid-row: 1;
    }

    [part~='field-message'] {
      grid-column: 1 / -1;
    }
  }
`;
