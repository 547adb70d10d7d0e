// Reads what the iframe page (dist/embed.html; docs/crm-platforms.md) was asked to show from its
// URL and its deployed configuration. Pure functions of strings: no DOM, so they are tested directly.
import type { RecordRef } from '../data/types.ts';

/** CRM object-type ids (`objectTypeId`) and the card's object types. Other ids pass through as is. */
export const OBJECT_TYPE_IDS: Readonly<Record<string, string>> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-53': 'invoice',
};

export type EmbedTheme = 'light' | 'dark' | 'auto';

/** Where the card's data comes from, or why there is none. */
export type EmbedEndpoint =
  | { kind: 'ok'; url: string; source: 'configuration' | 'query' }
  /** A query-string endpoint on another origin (or not http/https): never requested. */
  | { kind: 'refused'; url: string }
  /** No endpoint configured (the `isc-endpoint` meta is missing or empty) and none in the query. */
  | { kind: 'missing' };

export interface EmbedConfig {
  /** `undefined` when the query names no complete record (the card then shows its empty state). */
  record: RecordRef | undefined;
  endpoint: EmbedEndpoint;
  lang: string | undefined;
  theme: EmbedTheme | undefined;
  /** `modal=1`: show a Done button that closes the CRM's iframe modal. */
  modal: boolean;
}

function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name)?.trim();
  return value ? value : undefined;
}

/**
 * The record named by the query string. Accepted, first match wins:
 * `objectType` + `objectId`; the CRM card's `associatedObjectType` (any case: `COMPANY` →
 * `company`) + `associatedObjectId`; `objectTypeId` (`0-1` contact, `0-2` company, `0-3` deal,
 * `0-53` invoice, any other id as is) + `objectId`. `portalId` is passed through.
 */
export function recordFromQuery(query: URLSearchParams): RecordRef | undefined {
  const objectTypeId = param(query, 'objectTypeId');
  const objectType =
    param(query, 'objectType') ??
    param(query, 'associatedObjectType')?.toLowerCase() ??
    (objectTypeId ? (OBJECT_TYPE_IDS[objectTypeId] ?? objectTypeId) : undefined);
  const objectId = param(query, 'objectId') ?? param(query, 'associatedObjectId');
  if (!objectType || !objectId) return undefined;
  const portalId = param(query, 'portalId');
  return portalId ? { objectType, objectId, portalId } : { objectType, objectId };
}

/**
 * The data endpoint: the deployer's configuration (the `isc-endpoint` meta), unless the query
 * string names one on the page's own origin. A query-string endpoint anywhere else is refused:
 * whoever writes the iframe's URL must not be able to point the card (and the CRM user's
 * cookies, with `credentials`) at a server of their choosing.
 */
export function endpointFor(pageUrl: string, configured: string | null | undefined, query: URLSearchParams): EmbedEndpoint {
  const page = new URL(pageUrl);
  const requested = param(query, 'endpoint');
  if (requested !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(requested, page);
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === page.origin) {
      return { kind: 'ok', url: url.href, source: 'query' };
    }
    return { kind: 'refused', url: requested };
  }
  const value = configured?.trim();
  if (!value) return { kind: 'missing' };
  try {
    return { kind: 'ok', url: new URL(value, page).href, source: 'configuration' };
  } catch {
    return { kind: 'missing' };
  }
}

/** Everything the page needs from its URL and its `isc-endpoint` meta. */
export function readEmbedConfig(pageUrl: string, configuredEndpoint: string | null | undefined): EmbedConfig {
  const query = new URL(pageUrl).searchParams;
  const theme = param(query, 'theme');
  return {
    record: recordFromQuery(query),
    endpoint: endpointFor(pageUrl, configuredEndpoint, query),
    lang: param(query, 'lang'),
    theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : undefined,
    modal: param(query, 'modal') === '1' || param(query, 'modal') === 'true',
  };
}

/** Longest token taken from the fragment: an embed token is a few hundred characters. */
const MAX_TOKEN_LENGTH = 4096;

/**
 * The embed token in the URL fragment (`#token=<jwt>`), or undefined. Only the fragment: it is
 * never sent to a server nor in a `Referer`, unlike the query string.
 */
export function tokenFromFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  if (!token || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9._~+/=-]+$/.test(token)) return undefined;
  return token;
}

/**
 * The parent origins messages may go to, from `<meta name="isc-parent-origin">` (space-separated
 * origins): `undefined` without the meta (messages go to `*`, they carry no data), else the valid
 * origins listed, possibly none (then no message is posted at all).
 */
export function parentOrigins(content: string | null | undefined): string[] | undefined {
  if (content === null || content === undefined) return undefined;
  const origins: string[] = [];
  for (const entry of content.split(/\s+/)) {
    if (!entry) continue;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.replace(/\/$/, '')) origins.push(url.origin);
    } catch {
      // Not an origin: ignored (never widened to `*`).
    }
  }
  return [...new Set(origins)];
}
