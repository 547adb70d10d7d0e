import {
  SYNC_STATUSES,
  type IntegrationState,
  type NormalizedIntegration,
  type NormalizedResponse,
  type NormalizedSync,
  type SyncStatus,
} from './types.ts';
import { normalizeDetail } from './normalize-detail.ts';
import { createRepair, describe, isObject } from './repair.ts';

export { describe, isObject, ISO_DATE, MAX_TEXT } from './repair.ts';

export interface NormalizeResult {
  response: NormalizedResponse;
  /** Distinct, human-readable descriptions of each repair made (for `console.warn` and `isc-data-warning`). */
  warnings: string[];
}

export const STATUS_SET: ReadonlySet<string> = new Set(SYNC_STATUSES);
const INTEGRATION_STATES: ReadonlySet<string> = new Set(['active', 'extra_features_required', 'disconnected']);

/** Validates and repairs a provider response. Throws only when `raw` is not an object at all. */
export function normalizeResponse(raw: unknown): NormalizeResult {
  if (!isObject(raw)) {
    throw new TypeError(`Invalid sync status response: expected an object, got ${describe(raw)}.`);
  }
  const warnings = new Set<string>();
  const warn = (message: string) => warnings.add(message);

  const repair = createRepair(warn);
  const { text, date, url } = repair;
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
      detail: normalizeDetail(detail, `${where} detail`, repair),
    });
  }

  return { response: { integrations, syncs }, warnings: [...warnings] };
}
