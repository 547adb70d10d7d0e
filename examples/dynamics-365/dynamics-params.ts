// Dynamics 365 passes a web resource the record in its query string (when "Pass record object-type
// code and unique identifier as parameters" is ticked): `id` ({GUID} in braces), `typename`
// (the table's logical name), `userlcid` / `orglcid` (Windows locale ids). This maps them to the
// card's record and locale. Pure functions of strings: tested in test/examples/dynamics-365.test.ts.

export interface DynamicsRecord {
  record: { objectType: string; objectId: string } | undefined;
  /** One of the card's locales, or undefined (the card then falls back to the browser's). */
  lang: string | undefined;
}

/** Dynamics tables and the card's object types; other tables pass through by logical name. */
const TABLES: Readonly<Record<string, string>> = { account: 'company', contact: 'contact', opportunity: 'deal', invoice: 'invoice' };

/** Windows locale ids (LCID) of the card's seven locales. */
const LOCALES: Readonly<Record<string, string>> = {
  '1033': 'en', '2057': 'en', '4105': 'en', '3081': 'en',
  '1036': 'fr', '3084': 'fr', '2060': 'fr', '4108': 'fr',
  '1031': 'de', '3079': 'de', '2055': 'de',
  '3082': 'es', '1034': 'es', '2058': 'es',
  '1041': 'ja',
  '1046': 'pt-BR',
  '1037': 'he',
};

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

export function recordFromDynamics(query: URLSearchParams): DynamicsRecord {
  const id = GUID.exec(query.get('id')?.trim() ?? '')?.[1]?.toLowerCase();
  const table = query.get('typename')?.trim().toLowerCase();
  const lang = LOCALES[query.get('userlcid') ?? ''] ?? LOCALES[query.get('orglcid') ?? ''];
  const objectType = table && /^[a-z_][a-z0-9_]{0,99}$/.test(table) ? (TABLES[table] ?? table) : undefined;
  return { record: id && objectType ? { objectType, objectId: id } : undefined, lang };
}

/** The iframe page's URL for the record: the token (from your backend) in the fragment only. */
export function embedUrl(page: string, { record, lang }: DynamicsRecord, token: string): string | undefined {
  if (!record) return undefined;
  const url = new URL(page);
  url.searchParams.set('objectType', record.objectType);
  url.searchParams.set('objectId', record.objectId);
  if (lang) url.searchParams.set('lang', lang);
  url.hash = `token=${encodeURIComponent(token)}`;
  return url.href;
}
