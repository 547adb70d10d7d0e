// Browser side of `npm run bench` (scripts/bench.mjs serves this file and dist/cdn/ on loopback).
// Four ways to put the same 500 cards on a page:
// - ours: <integration-sync-card> from dist/cdn/, data from the REST provider's cache;
// - minimal: what a user would write by hand: a custom element with the same parts (the same
//   DOM) and a short, plain stylesheet of their own (MINIMAL_CSS), rendering synchronously;
// - vanilla: the same hand-written element with the card's own stylesheet adopted instead: it
//   shares our CSS costs and isolates what Lit and the element's script cost;
// - floor: the same markup cloned from <template>s into the light DOM (no element, no shadow root).
// Every function is bounded by its `count` argument.
import { createRestProvider, IntegrationSyncCard } from '/dist/cdn/integration-sync-card.js';

const API = '/api/sync-status';
const stage = document.getElementById('stage');
/** @type {Map<string, any>} objectId → raw SyncStatusResponse (for vanilla and floor) */
const data = new Map();
let provider;

// ---------------------------------------------------------------------------------------------
// The hand-written vanilla element.
const STATUS_TONE = {
  up_to_date: 'success', in_progress: 'info', sync_disabled: 'warning', record_excluded: 'default',
  sync_not_found: 'default', sync_unknown: 'default', record_not_synced: 'danger',
};
const LABEL = {
  up_to_date: 'Up to date', sync_not_found: 'Sync not found', sync_disabled: 'Sync disabled',
  record_not_synced: 'Record not synced', sync_unknown: 'Sync unknown', record_excluded: 'Record excluded', in_progress: 'Syncing',
};
const HELP = {
  up_to_date: () => 'The record is synced correctly.',
  sync_not_found: (i) => `The integration is active, but this record is not synced with ${i}.`,
  sync_disabled: (i) => `Sync is turned off in the ${i} settings.`,
  record_not_synced: () => 'An error stopped this record from syncing.',
  sync_unknown: (i) => `The record is synced with ${i}, but sync status information is not available.`,
  record_excluded: (_i, group) => (group ? `The record is in the exclusion group “${group}”.` : 'The record is in an exclusion group.'),
  in_progress: () => 'A sync of this record is running now.',
};
const ICON_PATHS = {
  up_to_date: '<circle cx="8" cy="8" r="6.5"/><path d="M5 8.2l2 2 4-4.4"/>',
  in_progress: '<path d="M13.5 8A5.5 5.5 0 1 1 8 2.5"/><path d="M8 .8l2 1.7-2 1.8"/>',
  sync_disabled: '<circle cx="8" cy="8" r="6.5"/><path d="M3.5 12.5l9-9"/>',
  record_not_synced: '<path d="M8 1.8l6.5 11.6h-13z"/><path d="M8 6v3.4M8 11.2v.3"/>',
  record_excluded: '<circle cx="8" cy="8" r="6.5"/><path d="M4.8 8h6.4"/>',
  sync_not_found: '<circle cx="7" cy="7" r="4.5"/><path d="M10.3 10.3l4 4"/>',
  sync_unknown: '<circle cx="8" cy="8" r="6.5"/><path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.4v.3"/>',
};
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const full = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'long' });
const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
function ago(date) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const absolute = Math.abs(seconds);
  if (absolute < 45) return relative.format(0, 'second');
  for (const [unit, size] of UNITS) if (absolute >= size || unit === 'second') return relative.format(Math.round(seconds / size), unit);
  return relative.format(seconds, 'second');
}
function safeUrl(value) {
  if (typeof value !== 'string' || /[\s\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host ? value : null;
  } catch {
    return null;
  }
}

/** Templates parsed once; each card clones them and fills in text and attributes. */
function template(markup) {
  const t = document.createElement('template');
  t.innerHTML = markup;
  return t.content;
}
const T = {
  root: template('<div class="root" dir="ltr"><div class="cards" role="group" aria-label="Integration sync"></div></div><div class="visually-hidden" role="status" aria-live="polite"></div>'),
  card: template(
    '<section part="card"><header class="card-header"><h3 part="integration-name"></h3></header><dl>' +
      '<div class="row"><dt>Synced with</dt></div><div class="row"><dt>Status</dt><dd></dd></div>' +
      '<div class="row"><dt>Last updated</dt><dd></dd></div></dl></section>',
  ),
  label: template('<span part="sync-label"></span>'),
  external: template(
    '<svg class="external" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M7 1.5h3.5V5M10.5 1.5 5.5 6.5M9 7.5v3H1.5V3h3"></path></svg><span class="visually-hidden"> (opens in a new tab)</span>',
  ),
  link: template('<dd part="synced-with"><a part="synced-with-link" target="_blank" rel="noopener noreferrer"></a></dd>'),
  statusSpan: template('<span part="status" tabindex="0"></span>'),
  statusLink: template('<a part="status status-link" target="_blank" rel="noopener noreferrer"></a>'),
  tooltip: template('<div part="tooltip" role="tooltip" hidden=""></div>'),
  time: template('<time part="last-updated"></time>'),
  actions: template('<div class="actions"></div>'),
  resync: template('<button part="resync-button" type="button">Resync</button>'),
  history: template('<button part="history-toggle" type="button" aria-expanded="false">History</button>'),
  copy: template('<button part="copy-button" type="button">Copy details</button>'),
  historyBox: template('<div hidden=""></div>'),
};
const icons = Object.fromEntries(
  Object.entries(ICON_PATHS).map(([status, paths]) => [
    status,
    template(`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${paths}</svg>`),
  ]),
);
const clone = (fragment) => fragment.cloneNode(true);

/** Builds the same DOM as the element's render() for one response. */
function buildCards(response, actions) {
  const root = clone(T.root);
  const cards = root.firstChild.firstChild;
  const integrations = new Map(response.integrations.map((integration) => [integration.id, integration]));
  response.syncs.forEach((sync, index) => {
    const idBase = `isc-${index}`;
    const name = integrations.get(sync.integrationId)?.name ?? sync.integrationId;
    const section = clone(T.card).firstChild;
    section.dataset.syncId = sync.id;
    section.setAttribute('aria-labelledby', sync.label ? `${idBase}-name ${idBase}-label` : `${idBase}-name`);
    const header = section.firstChild;
    const h3 = header.firstChild;
    h3.id = `${idBase}-name`;
    h3.textContent = name;
    if (sync.label) {
      const label = clone(T.label).firstChild;
      label.id = `${idBase}-label`;
      label.textContent = sync.label;
      header.append(label);
    }
    const [syncedRow, statusRow, dateRow] = section.lastChild.children;
    // Synced with
    const url = safeUrl(sync.syncedWith?.url);
    const syncedName = sync.syncedWith?.name ?? null;
    if (url) {
      const dd = clone(T.link).firstChild;
      const a = dd.firstChild;
      a.href = url;
      // The label's last word and the icon do not wrap apart (as ours: templates/external-link.ts).
      const label = syncedName ?? 'Open record';
      const space = label.lastIndexOf(' ') + 1;
      const last = label.slice(space);
      const [icon, hidden] = clone(T.external).children;
      const end = document.createElement('span');
      end.className = last.length <= 16 ? 'nowrap' : '';
      end.append(last, icon);
      a.append(label.slice(0, space), end, hidden);
      syncedRow.append(dd);
    } else {
      const dd = document.createElement('dd');
      if (syncedName) dd.setAttribute('part', 'synced-with');
      dd.textContent = syncedName ?? '—';
      syncedRow.append(dd);
    }
    // Status + tooltip
    const status = sync.status in LABEL ? sync.status : 'sync_unknown';
    const detailUrl = status === 'record_not_synced' ? safeUrl(sync.detail?.url) : null;
    const anchor = clone(detailUrl ? T.statusLink : T.statusSpan).firstChild;
    if (detailUrl) anchor.href = detailUrl;
    anchor.dataset.status = status;
    anchor.dataset.tone = STATUS_TONE[status];
    anchor.setAttribute('aria-describedby', `${idBase}-tip`);
    const text = document.createElement('span');
    text.textContent = LABEL[status];
    anchor.append(clone(icons[status]), text);
    const tooltip = clone(T.tooltip).firstChild;
    tooltip.id = `${idBase}-tip`;
    tooltip.textContent = HELP[status](name, sync.detail?.exclusionGroup ?? null);
    const message = status === 'record_not_synced' ? sync.detail?.message : null;
    if (message) {
      const span = document.createElement('span');
      span.className = 'tooltip-message';
      span.textContent = message;
      tooltip.append(span);
    }
    if (detailUrl) {
      const hint = document.createElement('span');
      hint.className = 'tooltip-hint';
      hint.textContent = 'Select the status to open the sync status page.';
      tooltip.append(hint);
    }
    statusRow.lastChild.append(anchor, tooltip);
    // Last updated
    const dd = dateRow.lastChild;
    const date = sync.lastSyncedAt ? new Date(sync.lastSyncedAt) : null;
    if (date && !Number.isNaN(date.getTime())) {
      const time = clone(T.time).firstChild;
      time.dateTime = date.toISOString();
      time.title = full.format(date);
      time.textContent = ago(date);
      dd.append(time);
    } else {
      dd.textContent = '—';
    }
    if (actions) {
      const bar = clone(T.actions).firstChild;
      const history = clone(T.history).firstChild;
      history.setAttribute('aria-controls', `${idBase}-history`);
      const resync = clone(T.resync).firstChild;
      if (status === 'in_progress') resync.disabled = true;
      bar.append(resync, history);
      if (status === 'record_not_synced' && (sync.detail?.message || sync.detail?.code)) bar.append(clone(T.copy));
      const box = clone(T.historyBox).firstChild;
      box.id = `${idBase}-history`;
      section.append(bar, box);
    }
    cards.append(section);
  });
  return root;
}

let sheets = [];

// What a user writes by hand for the same card: plain colours, block and flex layout, one
// narrow-width rule on the page's own media query, nothing computed per host.
const MINIMAL_CSS = `
:host{display:block;font:14px/1.45 system-ui,sans-serif;color:#1f2933}
*{box-sizing:border-box}
section{background:#fff;border:1px solid #d9dee4;border-radius:8px;padding:12px 14px}
section+section{margin-top:12px}
.card-header{margin:0 0 10px}
h3{display:inline;margin:0 8px 0 0;font-size:1em;font-weight:600}
[part~=sync-label]{color:#52606d;font-size:12px}
dl{margin:0}
.row{display:flex;flex-wrap:wrap;column-gap:12px}
.row+.row{margin-top:8px}
dt{flex:0 0 7.5em;color:#52606d;font-size:12px}
dd{flex:1 1 10em;margin:0;min-width:0}
a{color:#0b5cad}
[part~=status]{display:inline-flex;align-items:center;gap:5px;padding:1px 8px 1px 6px;border-radius:10px;font-size:12px;font-weight:600}
a[part~=status]{text-decoration:underline}
[data-tone=success]{color:#136c3a;background:#e3f5e9}
[data-tone=warning]{color:#7a4b00;background:#fdf0d5}
[data-tone=danger]{color:#a61b1b;background:#fde8e8}
[data-tone=info]{color:#1d4ed8;background:#e3ecfd}
[data-tone=default]{color:#3e4c59;background:#eef1f4}
svg{width:14px;height:14px;fill:none;stroke:currentColor;stroke-width:1.6}
.external{width:.8em;height:.8em;margin-left:3px}
[part~=tooltip]{position:fixed;top:0;left:0;max-width:280px;padding:8px 10px;border-radius:6px;background:#1f2933;color:#fff;font-size:12px}
[hidden]{display:none!important}
.actions{display:flex;gap:6px;margin-top:10px}
button{font:inherit;font-size:12px;padding:4px 12px;border:1px solid #d9dee4;border-radius:6px;background:#fff}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.nowrap{white-space:nowrap}
`;
const minimalSheet = new CSSStyleSheet();
minimalSheet.replaceSync(MINIMAL_CSS);

const handle = (event) => event.target.closest?.('[part~="status"], [part~="tooltip"], a[href]');
class VanillaSyncCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    // What the behaviour would need, delegated as a hand-written element would: tooltips
    // (pointer and focus) and link clicks.
    for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout', 'click']) root.addEventListener(type, handle);
    root.append(buildCards(data.get(this.getAttribute('object-id')), true));
  }
}
customElements.define('vanilla-sync-card', VanillaSyncCard);

/** The minimal hand-written element: the vanilla element with a plain stylesheet of its own. */
class MinimalSyncCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [minimalSheet];
    for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout', 'click']) root.addEventListener(type, handle);
    root.append(buildCards(data.get(this.getAttribute('object-id')), true));
  }
}
customElements.define('minimal-sync-card', MinimalSyncCard);

// ---------------------------------------------------------------------------------------------
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
/** Resolves in the first task after the next frame was rendered (style, layout, paint). */
const afterNextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
const ids = (count) => Array.from({ length: count }, (_, i) => String(i + 1));

/** Loads the raw data once (for vanilla and floor) and prepares the floor's light-DOM stylesheet. */
async function setup(count) {
  const response = await fetch(`${API}/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ records: ids(count).map((objectId) => ({ objectType: 'company', objectId })) }),
  });
  for (const { record, response: value } of (await response.json()).results) data.set(record.objectId, value);
  sheets = IntegrationSyncCard.elementStyles.map((style) => style.styleSheet);
  // The floor: the same rules in the document, with :host turned into a class.
  const css = sheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
  const light = new CSSStyleSheet();
  light.replaceSync(css.replaceAll(':host', '.isc-host'));
  const page = new CSSStyleSheet();
  page.replaceSync('.all-visible > integration-sync-card { content-visibility: visible }');
  document.adoptedStyleSheets = [light, page];
}

/** Mounts `count` of our cards with a fresh batching REST provider; resolves when all loaded. */
async function loadThroughRest(count, maxSize) {
  provider = createRestProvider({ endpoint: API, batch: { maxSize }, cache: { ttlMs: 3_600_000 } });
  const started = performance.now();
  await mountOurs(count);
  const ms = performance.now() - started;
  clear();
  return ms;
}

/** Creates and connects `count` of our cards (in `parent`); resolves once every one rendered its data. */
function mountOurs(count, parent = stage) {
  return new Promise((resolve, reject) => {
    let loaded = 0;
    const onLoad = () => {
      if (++loaded === count) {
        parent.removeEventListener('isc-load', onLoad);
        parent.removeEventListener('isc-error', reject);
        resolve();
      }
    };
    parent.addEventListener('isc-load', onLoad);
    parent.addEventListener('isc-error', reject);
    const fragment = document.createDocumentFragment();
    for (const id of ids(count)) {
      const card = document.createElement('integration-sync-card');
      card.provider = provider;
      card.objectType = 'company';
      card.objectId = id;
      fragment.append(card);
    }
    parent.append(fragment);
  });
}

function mountHandWritten(tag, count, parent = stage) {
  const fragment = document.createDocumentFragment();
  for (const id of ids(count)) {
    const card = document.createElement(tag);
    card.setAttribute('object-id', id);
    fragment.append(card);
  }
  parent.append(fragment);
}
const mountVanilla = (count) => mountHandWritten('vanilla-sync-card', count);

function mountFloor(count) {
  const fragment = document.createDocumentFragment();
  for (const id of ids(count)) {
    const host = document.createElement('div');
    host.className = 'isc-host';
    host.append(buildCards(data.get(id), true));
    fragment.append(host);
  }
  stage.append(fragment);
}

/**
 * Creates `count` cards and waits until their data is rendered, laid out (`offsetHeight`) and
 * painted (the next frame). Returns the time (ms) to the data laid out; the bench reads the
 * main thread's busy time up to after the paint from Chromium's counters (content-visibility
 * may leave work for that frame, and the wait for vsync is not work).
 */
async function render(kind, count) {
  clear();
  await nextFrame();
  // "all laid out": our cards with content-visibility turned off from the page (a page's rule on
  // the element beats the card's :host rule), to see what laying out every card costs.
  stage.classList.toggle('all-visible', kind === 'ours-all');
  const started = performance.now();
  if (kind === 'ours' || kind === 'ours-all') await mountOurs(count);
  else if (kind === 'vanilla') mountVanilla(count);
  else if (kind === 'minimal') mountHandWritten('minimal-sync-card', count);
  else mountFloor(count);
  void stage.offsetHeight;
  const ms = performance.now() - started;
  await afterNextPaint();
  return ms;
}

/**
 * One card in a 320 px sidebar (a CRM record page), its data at hand: like render(), to its
 * first paint. The page holds a main column too, so the card is not alone in the layout.
 */
async function sidebar(kind) {
  clear();
  const page = document.createElement('div');
  page.style.cssText = 'display:flex;gap:16px;align-items:flex-start';
  const main = document.createElement('main');
  main.style.cssText = 'flex:1;min-width:0';
  main.textContent = 'Company 7 · Overview · Activity · Notes';
  const aside = document.createElement('aside');
  aside.style.cssText = 'flex:none;width:320px';
  page.append(main, aside);
  stage.append(page);
  void stage.offsetHeight;
  await nextFrame();
  const started = performance.now();
  if (kind === 'ours') await mountOurs(1, aside);
  else if (kind === 'vanilla') mountHandWritten('vanilla-sync-card', 1, aside);
  else if (kind === 'minimal') mountHandWritten('minimal-sync-card', 1, aside);
  // kind 'none': the same page and steps without a card, the harness's own cost, subtracted.
  void aside.offsetHeight;
  const ms = performance.now() - started;
  await afterNextPaint();
  return ms;
}

/** The stage's width: 360 px for the list, the whole window for the sidebar page. */
function stageWidth(width) {
  stage.style.width = width;
}

function clear() {
  stage.replaceChildren();
}

/** A structural fingerprint of a shadow root or element: tags, sorted attributes, non-blank text. */
function fingerprint(root) {
  const out = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.data.replace(/\s+/g, ' ').trim();
        if (text) out.push(`"${text}"`);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const attributes = [...child.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
        out.push(`<${child.localName} ${attributes}>`);
        walk(child);
        out.push(`</${child.localName}>`);
      }
    }
  };
  walk(root);
  return out;
}

/** Compares our DOM with the vanilla element's for `count` records; returns the first difference. */
async function compareDom(count) {
  clear();
  await mountOurs(count);
  const ours = [...stage.children].map((card) => fingerprint(card.shadowRoot));
  clear();
  mountVanilla(count);
  const theirs = [...stage.children].map((card) => fingerprint(card.shadowRoot));
  clear();
  for (let i = 0; i < count; i++) {
    const a = ours[i];
    const b = theirs[i];
    const at = a.findIndex((token, j) => token !== b[j]);
    if (at !== -1 || a.length !== b.length) {
      const index = at === -1 ? Math.min(a.length, b.length) : at;
      return { same: false, record: i + 1, ours: a.slice(Math.max(0, index - 3), index + 3).join(''), vanilla: b.slice(Math.max(0, index - 3), index + 3).join('') };
    }
  }
  return { same: true };
}

/** Mounts and unmounts `count` cards `cycles` times (bounded). */
async function cycle(cycles, count) {
  for (let i = 0; i < cycles; i++) {
    await mountOurs(count);
    if (i % 10 === 9) await nextFrame(); // now and then, let them be laid out and painted too
    clear();
  }
  await nextFrame();
}

/** The page at rest: finite animations (a "Syncing" icon's few turns) run to their end. */
function settleAnimations() {
  let infinite = 0;
  for (const card of stage.children) {
    for (const animation of card.shadowRoot?.getAnimations() ?? []) {
      try {
        animation.finish();
      } catch {
        infinite += 1; // an infinite animation cannot finish: it keeps costing while scrolling
      }
    }
  }
  return infinite;
}

/** Scrolls by 40 px per frame for `frames` frames (bounded). */
function scroll(frames) {
  window.scrollTo(0, 0);
  return new Promise((resolve) => {
    let frame = 0;
    const step = () => {
      window.scrollBy(0, 40);
      if (++frame < frames) requestAnimationFrame(step);
      else requestAnimationFrame(() => resolve());
    };
    requestAnimationFrame(step);
  });
}

/** For the scroll comparison: the same page height without any card. */
function spacer(height) {
  clear();
  const div = document.createElement('div');
  div.style.height = `${height}px`;
  stage.append(div);
}

/** Re-renders `count` mounted cards with nothing changed: what a second update per card costs. */
async function rerender() {
  const cards = [...stage.children];
  const started = performance.now();
  for (const card of cards) card.requestUpdate();
  await Promise.all(cards.map((card) => card.updateComplete));
  return performance.now() - started;
}

window.bench = { rerender, sidebar, stageWidth, setup, loadThroughRest, render, mountOurs, mountVanilla, clear, compareDom, cycle, scroll, spacer, settleAnimations, stage, IntegrationSyncCard };
window.benchReady = true;
