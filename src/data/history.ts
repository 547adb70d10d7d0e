// Sync history (`SyncEvent[]`) validation. Loaded with the resync/history actions, on demand.
import { STATUS_SET } from './normalize.ts';
import { createRepair, describe, isObject, ISO_DATE } from './repair.ts';
import { SYNC_TRIGGERS, type NormalizedSyncEvent, type SyncStatus, type SyncTrigger } from './types.ts';

const TRIGGERS: ReadonlySet<string> = new Set(SYNC_TRIGGERS);

/** Most history entries shown: a history is for a glance, not an audit log. */
const MAX_HISTORY = 50;

/** Validates sync history (`SyncEvent[]`). Throws only when `raw` is not an array. */
export function normalizeHistory(raw: unknown): { events: NormalizedSyncEvent[]; warnings: string[] } {
  if (!Array.isArray(raw)) throw new TypeError(`Invalid sync history: expected an array, got ${describe(raw)}.`);
  const warnings = new Set<string>();
  const { text } = createRepair((message) => warnings.add(message));
  const events: NormalizedSyncEvent[] = [];
  for (const item of raw) {
    if (events.length >= MAX_HISTORY) break;
    if (!isObject(item) || typeof item.at !== 'string' || !ISO_DATE.test(item.at) || Number.isNaN(Date.parse(item.at))) {
      warnings.add('Skipped a history entry without a valid ISO 8601 "at".');
      continue;
    }
    let status: SyncStatus = 'sync_unknown';
    if (typeof item.status === 'string' && STATUS_SET.has(item.status)) status = item.status as SyncStatus;
    else warnings.add(`A history entry has an unknown status ${describe(item.status)}; shown as "sync_unknown".`);
    const direction = item.direction === 'inbound' || item.direction === 'outbound' ? item.direction : null;
    let trigger: SyncTrigger | null = null;
    if (typeof item.trigger === 'string' && TRIGGERS.has(item.trigger)) trigger = item.trigger as SyncTrigger;
    else if (item.trigger !== undefined && item.trigger !== null) warnings.add(`A history entry has an unknown trigger ${describe(item.trigger)}; ignored.`);
    events.push({
      at: item.at,
      status,
      message: text(item.message, 'A history entry message'),
      direction,
      trigger,
      actor: text(item.actor, 'A history entry actor'),
    });
  }
  return { events, warnings: [...warnings] };
}
