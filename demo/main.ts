// The demo page `npm start` opens: a CRM record page with the card in its sidebar.
// Query string: ?record=company:42&lang=fr preselects (handy for screenshots).
import '../src/define.ts';
import { demoPortalOf, demoRecordList, FAILING_RECORD } from './demo-data.js';

interface DemoRecord {
  objectType: string;
  objectId: string;
  title: string;
}

type Lang = 'en' | 'fr';

const LANGS: readonly Lang[] = ['en', 'fr'];
const SIDEBAR_HEADINGS: Record<Lang, string> = {
  en: 'Integration sync',
  fr: 'Synchronisation des intégrations',
};
const TYPE_LABELS: Record<string, string> = {
  company: 'Company',
  contact: 'Contact',
  deal: 'Deal',
  invoice: 'Invoice',
};
const CARD_EVENTS = ['isc-load', 'isc-error', 'isc-navigate', 'isc-resync', 'isc-data-warning'] as const;
const MAX_LOG_ENTRIES = 50;
const MAX_DETAIL_CHARS = 240;
/** The demo CRM's origin, in demo-data.js's links. */
const CRM_ORIGIN = 'https://app.example-crm.com';

const records: DemoRecord[] = [
  ...demoRecordList,
  { ...FAILING_RECORD, title: 'Northwind Traders: API fails (company 500)' },
];

const card = element<HTMLElement>('integration-sync-card');
const sidebar = element<HTMLElement>('#sidebar');
const sidebarHeading = element<HTMLElement>('#sidebar-heading');
const recordPicker = element<HTMLSelectElement>('#record-picker');
const langPicker = element<HTMLSelectElement>('#lang-picker');
const recordType = element<HTMLElement>('#record-type');
const recordName = element<HTMLElement>('#record-name');
const recordId = element<HTMLElement>('#record-id');
const properties = element<HTMLElement>('#record-properties');
const eventLog = element<HTMLOListElement>('#event-log');
const eventLogEmpty = element<HTMLElement>('#event-log-empty');
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

let currentKey = keyOf(records[0]);
let currentLang: Lang = 'en';

function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`demo page: ${selector} is missing from index.html`);
  return found;
}

function keyOf(record: { objectType: string; objectId: string }): string {
  return `${record.objectType}:${record.objectId}`;
}

/** "Globex Corporation: not synced (company 43)" → "Globex Corporation" */
function nameOf(record: DemoRecord): string {
  return record.title.replace(/\s*\([^)]*\)$/, '').replace(/:.*$/, '');
}

function selectRecord(key: string): void {
  const record = records.find((candidate) => keyOf(candidate) === key) ?? records[0];
  currentKey = keyOf(record);
  recordPicker.value = currentKey;
  card.setAttribute('object-type', record.objectType);
  card.setAttribute('object-id', record.objectId);
  // On the ledger (npm start) the deals live in a second portal (demo-data.js).
  const portalId = demoPortalOf(record);
  if (portalId === undefined) card.removeAttribute('portal-id');
  else card.setAttribute('portal-id', portalId);

  const name = nameOf(record);
  recordType.textContent = TYPE_LABELS[record.objectType] ?? record.objectType;
  recordName.textContent = name;
  recordId.textContent = `Record ID ${record.objectId}`;
  renderProperties(fakeProperties(record, name));
  document.title = `${name} · integration-sync-card demo`;
  updateUrl();
}

function selectLang(value: string): void {
  currentLang = (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'en';
  langPicker.value = currentLang;
  // The card takes its locale from the closest ancestor with `lang` (docs/theming.md, "Locale").
  sidebar.lang = currentLang;
  sidebarHeading.textContent = SIDEBAR_HEADINGS[currentLang];
  updateUrl();
}

function updateUrl(): void {
  const query = `?record=${encodeURIComponent(currentKey).replace(/%3A/gi, ':')}&lang=${currentLang}`;
  history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
}

/** A few plausible CRM properties, so the page reads like a record. */
function fakeProperties(record: DemoRecord, name: string): Array<[string, string]> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  switch (record.objectType) {
    case 'company':
      return [
        ['Domain', `${slug}.example`],
        ['Industry', 'Wholesale distribution'],
        ['Company owner', 'Sam Rivera'],
        ['Phone', `+1 555 010 ${record.objectId.padStart(4, '0')}`],
      ];
    case 'contact':
      return [
        ['Email', `${slug.replace('-', '.')}@example.com`],
        ['Job title', 'Procurement manager'],
        ['Lifecycle stage', 'Customer'],
        ['Contact owner', 'Sam Rivera'],
      ];
    case 'deal':
      return [
        ['Amount', '$48,000'],
        ['Deal stage', 'Contract sent'],
        ['Close date', 'January 31, 2027'],
        ['Deal owner', 'Sam Rivera'],
      ];
    case 'invoice':
      return [
        ['Amount', '$12,480.00'],
        ['Invoice status', 'Paid'],
        ['Due date', 'December 15, 2026'],
        ['Company', 'Acme Corp'],
      ];
    default:
      return [['Object type', record.objectType]];
  }
}

function renderProperties(rows: Array<[string, string]>): void {
  properties.replaceChildren(
    ...rows.map(([label, value]) => {
      const row = document.createElement('div');
      const term = document.createElement('dt');
      const description = document.createElement('dd');
      term.textContent = label;
      description.textContent = value;
      row.append(term, description);
      return row;
    }),
  );
}

function logEvent(event: Event): void {
  const detail = (event as CustomEvent<unknown>).detail;
  const item = document.createElement('li');
  const time = document.createElement('time');
  const type = document.createElement('strong');
  const json = document.createElement('code');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = timeFormat.format(now);
  type.textContent = event.type;
  json.textContent = summarize(detail);
  item.append(time, ' ', type, ' ', json);
  eventLog.prepend(item);
  while (eventLog.children.length > MAX_LOG_ENTRIES) eventLog.lastElementChild?.remove();
  eventLogEmpty.hidden = true;
}

/** Short JSON of an event detail: errors by message, responses as "syncId: status". */
function summarize(detail: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(detail, (key, value: unknown) => {
        if (value instanceof Error) return { name: value.name, message: value.message };
        if (key === 'response' && value && typeof value === 'object') {
          const { integrations, syncs } = value as { integrations?: unknown[]; syncs?: unknown[] };
          return {
            integrations: integrations?.length ?? 0,
            syncs: (syncs ?? []).map((sync) => {
              const { id, status } = (sync ?? {}) as { id?: unknown; status?: unknown };
              return `${String(id)}: ${String(status)}`;
            }),
          };
        }
        return value;
      }) ?? String(detail);
  } catch {
    text = String(detail);
  }
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;
}

/**
 * The card's links to the CRM's sync status page (demo-data.js:
 * https://app.example-crm.com/integrations/<id>/sync-health?<filter>) open this demo's health
 * page with that filter, as a CRM host does with the cancelable isc-navigate.
 */
function openSyncHealth(event: CustomEvent<{ url: string }>): void {
  const url = new URL(event.detail.url);
  const integration = /^\/integrations\/([\w-]+)\/sync-health$/.exec(url.pathname)?.[1];
  if (url.origin !== CRM_ORIGIN || !integration) return;
  event.preventDefault();
  const filter = new URLSearchParams(url.search);
  filter.set('integrationId', integration);
  const [objectType, objectId] = currentKey.split(':');
  const portalId = demoPortalOf({ objectType, objectId });
  if (portalId) filter.set('portalId', portalId);
  location.assign(`/demo/health.html?${filter}`);
}

for (const record of records) {
  const option = document.createElement('option');
  option.value = keyOf(record);
  option.textContent = record.title;
  recordPicker.append(option);
}

for (const type of CARD_EVENTS) card.addEventListener(type, logEvent);
card.addEventListener('isc-navigate', openSyncHealth);

recordPicker.addEventListener('change', () => selectRecord(recordPicker.value));
langPicker.addEventListener('change', () => selectLang(langPicker.value));
element<HTMLButtonElement>('#clear-events').addEventListener('click', () => {
  eventLog.replaceChildren();
  eventLogEmpty.hidden = false;
});

const query = new URLSearchParams(location.search);
selectLang(query.get('lang') ?? 'en');
selectRecord(query.get('record') ?? currentKey);
