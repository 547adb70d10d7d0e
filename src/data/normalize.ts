import {
  SYNC_STATUSES,
  type IntegrationState,
  type NormalizedIntegration,
  type NormalizedResponse,
  type NormalizedSync,
  type SyncStatus,
} from './types.ts';
import { safeUrl } from './safe-url.ts';

export interface NormalizeResult {
  response: NormalizedResponse;
  /** Distinct, human-readable descriptions of each repair made (for `console.warn` and `isc-data-warning`). */
  warnings: string[];
}

export const STATUS_SET: ReadonlySet<string> = new Set(SYNC_STATUSES);
const INTEGRATION_STATES: ReadonlySet<string> = new Set(['active', 'extra_features_required', 'disconnected']);
// ISO 8601 date or date-time; Date.parse alone accepts far looser strings ("1", "March 7").
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
// Strings longer than this are cut: a multi-megabyte name helps nobody and slows rendering.
export const MAX_TEXT = 2000;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Validates and repairs a provider response. Throws only when `raw` is not an object at all. */
export function normalizeResponse(raw: unknown): NormalizeResult {
  if (!isObject(raw)) {
    throw new TypeError(`Invalid sync status response: expected an object, got ${describe(raw)}.`);
  }
  const warnings = new Set<string>();
  const warn = (message: string) => warnings.add(message);

  const text = (value: unknown, where: string): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      warn(`${where} should be a string, got ${describe(value)}; ignored.`);
      return null;
    }
    if (value.length > MAX_TEXT) {
      warn(`${where} is longer than ${MAX_TEXT} characters; shortened.`);
      return `${value.slice(0, MAX_TEXT)}…`;
    }
    return value;
  };
  const date = (value: unknown, where: string): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
    warn(`${where} is not a valid ISO 8601 date (${describe(value)}); shown as "—".`);
    return null;
  };
  const url = (value: unknown, where: string): string | null => {
    const candidate = text(value, where);
    if (candidate === null) return null;
    const safe = safeUrl(candidate);
    if (safe === null) warn(`${where} is not an absolute http(s) URL; shown without a link.`);
    return safe;
  };
  const list = (value: unknown, where: string): unknown[] => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    warn(`"${where}" should be an array, got ${describe(value)}; treated as empty.`);
    return [];
  };

  const integrations: NormalizedIntegration[] = [];
  const integrationIds = new Set<string>();
  for (const item of list(raw.integrations, 'integrations')) {
    if (!isObject(item) || typeof item.id !== 'string' || item.id === '') {
      warn('Skipped an integration without a string "id".');
      continue;
    }
    if (integrationIds.has(item.id)) {
      warn(`Skipped a duplicate integration "${item.id}".`);
      continue;
    }
    integrationIds.add(item.id);
    let state: IntegrationState = 'active';
    if (typeof item.state === 'string' && INTEGRATION_STATES.has(item.state)) {
      state = item.state as IntegrationState;
    } else if (item.state !== undefined && item.state !== null) {
      warn(`Integration "${item.id}" has an unknown state ${describe(item.state)}; treated as "active".`);
    }
    const where = `Integration "${item.id}"`;
    integrations.push({
      id: item.id,
      name: text(item.name, `${where} name`),
      state,
      settingsUrl: url(item.settingsUrl, `${where} settingsUrl`),
    });
  }

  const syncs: NormalizedSync[] = [];
  const syncIds = new Set<string>();
  for (const item of list(raw.syncs, 'syncs')) {
    if (!isObject(item)) {
      warn('Skipped a sync entry that is not an object.');
      continue;
    }
    if (typeof item.id !== 'string' || item.id === '' || typeof item.integrationId !== 'string' || item.integrationId === '') {
      warn('Skipped a sync entry without a string "id" and "integrationId".');
      continue;
    }
    if (syncIds.has(item.id)) {
      warn(`Skipped a duplicate sync entry "${item.id}".`);
      continue;
    }
    syncIds.add(item.id);
    const where = `Sync "${item.id}"`;
    let status: SyncStatus = 'sync_unknown';
    if (typeof item.status === 'string' && STATUS_SET.has(item.status)) {
      status = item.status as SyncStatus;
    } else {
      warn(`${where} has an unknown status ${describe(item.status)}; shown as "sync_unknown".`);
    }
    let syncedWith: NormalizedSync['syncedWith'] = null;
    if (isObject(item.syncedWith)) {
      syncedWith = { name: text(item.syncedWith.name, `${where} syncedWith.name`), url: url(item.syncedWith.url, `${where} syncedWith.url`) };
    } else if (item.syncedWith !== undefined && item.syncedWith !== null) {
      warn(`${where} syncedWith should be an object, got ${describe(item.syncedWith)}; ignored.`);
    }
    const detail = isObject(item.detail) ? item.detail : {};
    if (item.detail !== undefined && item.detail !== null && !isObject(item.detail)) {
      warn(`${where} detail should be an object, got ${describe(item.detail)}; ignored.`);
    }
    syncs.push({
      id: item.id,
      integrationId: item.integrationId,
      label: text(item.label, `${where} label`),
      status,
      syncedWith,
      lastSyncedAt: date(item.lastSyncedAt, `${where} lastSyncedAt`),
      nextSyncAt: date(item.nextSyncAt, `${where} nextSyncAt`),
      detail: {
        message: text(detail.message, `${where} detail.message`),
        code: text(detail.code, `${where} detail.code`),
        url: url(detail.url, `${where} detail.url`),
        exclusionGroup: text(detail.exclusionGroup, `${where} detail.exclusionGroup`),
      },
    });
  }

  return { response: { integrations, syncs }, warnings: [...warnings] };
}
