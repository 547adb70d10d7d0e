// A simulated connector: what an integration's worker does against the sync ledger, over the
// ledger's three connector routes only (contract §14: register, post outcomes, claim resyncs),
// with one ingest key per integration. It knows nothing of the ledger's tables: it is a plain
// Fetch API client, so it runs against any server that mounts `createSyncStatusHandler({ ledger })`.
//
// On start it registers the demo's integrations and sync types and seeds every demo record
// (demo/demo-data.js) with a short past, so each status of the demo's record picker shows; then,
// until stop(), it reports an outcome for one of a few records every `intervalMs` (statuses
// change live on screen through /events) and polls for resync requests, answering each with
// `in_progress`, then a result `resyncDelayMs` later.
import { demoPortalOf, demoRecords } from './demo-data.js';

/**
 * @typedef {import('./demo-data.js').Sync} Sync
 * @typedef {import('./demo-data.js').SyncStatusResponse} SyncStatusResponse
 * @typedef {{ objectType: string, objectId: string, portalId?: string }} RecordRef
 * @typedef {{ eventId: string, integrationId: string, syncId: string, record: RecordRef, occurredAt: string,
 *   status: string, label?: string | null, syncedWith?: Sync['syncedWith'], direction?: string | null,
 *   trigger?: string | null, actor?: string | null, nextSyncAt?: string | null, detail?: object | null }} SyncOutcome
 * @typedef {{ name: string, state: string, settingsUrl?: string | null,
 *   syncTypes: { syncId: string, label: string | null, objectType: string, enabled: boolean }[] }} Registration
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The ledger turns a sync type off for every record of its object type, where the demo data
 * turns one record's sync off (contact 8). So the demo registers one contact sync type turned
 * off, and reports contact 8's disabled sync under it: every contact shows it disabled.
 */
const DISABLED_SYNC_TYPE = 'netsuite:individual';

/** What the integration last did, as the demo's live loop reports it: one record per tick. */
const LIVE_SCRIPT = [
  { key: 'company:42', syncId: 'netsuite:customer', statuses: ['up_to_date'] },
  { key: 'contact:11', syncId: 'netsuite:contact', statuses: ['up_to_date', 'partially_synced'] },
  { key: 'company:45', syncId: 'netsuite:customer', statuses: ['in_progress'] },
  { key: 'invoice:9001', syncId: 'netsuite:invoice', statuses: ['in_progress', 'up_to_date'] },
  { key: 'company:46', syncId: 'netsuite:project', statuses: ['record_not_synced'] },
];

/** A sync a person just resynced is left alone by the live loop for this long, so its result stays on screen. */
const RESYNC_QUIET_MS = 60_000;

/** `"company:42"` → the record, with its portal (demo/demo-data.js: the deals live in a second one). */
function recordOf(/** @type {string} */ key) {
  const separator = key.indexOf(':');
  const record = { objectType: key.slice(0, separator), objectId: key.slice(separator + 1) };
  const portalId = demoPortalOf(record);
  return portalId === undefined ? record : { ...record, portalId };
}

/**
 * What to register, derived from the demo records: per portal, each integration in the state
 * the records show, with the sync types a connector runs for every record of an object type:
 * those the demo shows on two records or more, or as "not found" or "disabled" (a registered
 * type with nothing held, or turned off). A sync the demo shows once (a project, a vendor) is
 * reported without registering its type, and shows on that record only.
 * @param {Record<string, SyncStatusResponse>} records
 * @returns {{ integrationId: string, registration: Registration }[]}
 */
export function demoRegistrations(records) {
  /** @type {Map<string, { integrationId: string, registration: Registration }>} by portal and integration */
  const registrations = new Map();
  /** @type {Map<string, { type: Registration['syncTypes'][number], portalId: string | undefined, integrationId: string, count: number, wanted: boolean }>} */
  const types = new Map();
  for (const [key, response] of Object.entries(records)) {
    const record = recordOf(key);
    for (const integration of response.integrations) {
      const id = JSON.stringify([record.portalId ?? '', integration.id]);
      if (registrations.has(id)) continue;
      registrations.set(id, {
        integrationId: integration.id,
        registration: { name: integration.name, state: integration.state, settingsUrl: integration.settingsUrl ?? null, ...(record.portalId ? { portalId: record.portalId } : {}), syncTypes: [] },
      });
    }
    for (const sync of response.syncs) {
      const syncId = sync.status === 'sync_disabled' ? DISABLED_SYNC_TYPE : sync.id;
      const id = JSON.stringify([record.portalId ?? '', syncId]);
      const known = types.get(id) ?? { type: { syncId, label: sync.label, objectType: record.objectType, enabled: syncId !== DISABLED_SYNC_TYPE }, portalId: record.portalId, integrationId: sync.integrationId, count: 0, wanted: false };
      known.count += 1;
      known.wanted ||= sync.status === 'sync_not_found' || sync.status === 'sync_disabled';
      types.set(id, known);
    }
  }
  for (const { type, portalId, integrationId, count, wanted } of types.values()) {
    if (count > 1 || wanted) registrations.get(JSON.stringify([portalId ?? '', integrationId]))?.registration.syncTypes.push(type);
  }
  return [...registrations.values()];
}

/**
 * The outcomes that give one demo sync its state and a short past, oldest first. A sync synced
 * before gets three successful runs (a schedule, an API call, a person's manual resync) and its
 * last success at `lastSyncedAt`; then its current status, unless that is the success itself.
 * @param {RecordRef} record
 * @param {Sync} sync
 * @param {{ run: string, now: number }} at
 * @returns {SyncOutcome[]}
 */
export function seedOutcomes(record, sync, { run, now }) {
  if (sync.status === 'sync_not_found') return []; // a registered type with nothing held
  const disabled = sync.status === 'sync_disabled';
  const syncId = disabled ? DISABLED_SYNC_TYPE : sync.id;
  const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
  // The disabled type keeps its registered label (the demo data names the record's own sync).
  const base = { integrationId: sync.integrationId, syncId, record, ...(disabled ? {} : { label: sync.label }), syncedWith: sync.syncedWith, direction: 'outbound' };
  const id = (/** @type {string} */ step) => `demo-${run}/${record.objectType}/${record.objectId}/${syncId}/${step}`;
  const last = Date.parse(sync.lastSyncedAt ?? '');
  /** @type {SyncOutcome[]} */
  const past = Number.isNaN(last)
    ? []
    : [
        { ...base, eventId: id('schedule'), occurredAt: iso(last - 3 * DAY), status: 'up_to_date', trigger: 'schedule', actor: null },
        { ...base, eventId: id('api'), occurredAt: iso(last - 2 * DAY), status: 'up_to_date', trigger: 'api', actor: 'ERP bridge (API key …4f2a)' },
        { ...base, eventId: id('manual'), occurredAt: iso(last - DAY), status: 'up_to_date', trigger: 'manual', actor: 'Jane Cooper' },
      ];
  const current = { ...base, eventId: id('current'), trigger: 'record_change', actor: null, nextSyncAt: sync.nextSyncAt, detail: detailOf(sync) };
  const success = sync.status === 'up_to_date' || sync.status === 'partially_synced';
  if (success) return [...past, { ...current, occurredAt: iso(Number.isNaN(last) ? now - MINUTE : last), status: sync.status }];
  if (!Number.isNaN(last)) past.push({ ...base, eventId: id('last-success'), occurredAt: iso(last), status: 'up_to_date', trigger: 'schedule', actor: null });
  // Turned off: the registered type shows sync_disabled whatever it holds; its past stays readable.
  if (disabled) return past;
  // The ledger reads an in_progress older than its timeout (30 min by default) as sync_unknown:
  // that is how the demo's "sync unknown" record gets its status.
  const status = sync.status === 'sync_unknown' ? 'in_progress' : sync.status;
  const ago = sync.status === 'sync_unknown' ? HOUR : sync.status === 'in_progress' ? MINUTE : 10 * MINUTE;
  return [...past, { ...current, occurredAt: iso(Number.isNaN(last) ? now - ago : Math.max(last, now - ago)), status }];
}

/** A sync's detail as an outcome carries it: only the fields it has (null ones left out). */
function detailOf(/** @type {Sync} */ sync) {
  if (!sync.detail || sync.status === 'up_to_date') return null;
  const detail = Object.fromEntries(Object.entries(sync.detail).filter(([, value]) => value !== null && value !== undefined));
  return Object.keys(detail).length > 0 ? detail : null;
}

/**
 * Starts the connector. Returns at once; `ready` settles when the integrations are registered
 * and the records seeded; `stop()` ends the loops and waits for any request in flight.
 * @param {{
 *   endpoint: string,
 *   ingestKeys: Record<string, string>,
 *   fetch?: (url: string, init: RequestInit) => Promise<Response>,
 *   intervalMs?: number,
 *   claimIntervalMs?: number,
 *   resyncDelayMs?: number,
 *   records?: () => Record<string, SyncStatusResponse>,
 *   log?: (message: string) => void,
 * }} options
 *   `endpoint`: the handler's base URL (e.g. http://127.0.0.1:8080/api/sync-status); `ingestKeys`:
 *   one key per integration id the demo registers; `fetch`: how requests are sent (default the
 *   global fetch).
 */
export function startSimulatedConnector({
  endpoint,
  ingestKeys,
  fetch: send = globalThis.fetch,
  intervalMs = 4000,
  claimIntervalMs = 1000,
  resyncDelayMs = 1500,
  records = () => demoRecords(),
  log = () => {},
}) {
  const base = endpoint.replace(/\/+$/, '');
  const run = Date.now().toString(36);
  let stopped = false;
  let sequence = 0;
  /** @type {Map<string, number>} when each sync was last resynced, by record key and sync id */
  const resyncedAt = new Map();
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** @type {Set<Promise<unknown>>} */
  const inFlight = new Set();

  /** One call of a connector route, with the integration's key; throws on anything but 200. */
  async function call(/** @type {string} */ method, /** @type {string} */ path, /** @type {string} */ integrationId, /** @type {unknown} */ body) {
    const key = ingestKeys[integrationId];
    if (!key) throw new Error(`simulated connector: no ingest key for ${integrationId}`);
    const request = send(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => {
      const text = await response.text();
      if (response.status !== 200) throw new Error(`simulated connector: ${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
      return JSON.parse(text);
    });
    inFlight.add(request);
    try {
      return await request;
    } finally {
      inFlight.delete(request);
    }
  }

  /** Posts outcomes of one integration (at most 500 a request, the route's limit). */
  async function report(/** @type {SyncOutcome[]} */ outcomes) {
    const counts = /** @type {Record<string, number>} */ ({});
    for (let start = 0; start < outcomes.length; start += 500) {
      const batch = outcomes.slice(start, start + 500);
      const { results } = await call('POST', '/ledger/events', batch[0].integrationId, { events: batch });
      for (const result of results) {
        counts[result.result] = (counts[result.result] ?? 0) + 1;
        if (result.result === 'rejected') log(`simulated connector: ${result.eventId} rejected: ${result.message}`);
      }
    }
    return counts;
  }

  const ready = (async () => {
    const data = records();
    const now = Date.now();
    const registrations = demoRegistrations(data);
    for (const { integrationId, registration } of registrations) {
      await call('PUT', `/ledger/integrations/${encodeURIComponent(integrationId)}`, integrationId, registration);
    }
    /** @type {Map<string, SyncOutcome[]>} by integration (a key writes its own integration only) */
    const byIntegration = new Map();
    for (const [key, response] of Object.entries(data)) {
      for (const sync of response.syncs) {
        for (const outcome of seedOutcomes(recordOf(key), sync, { run, now })) {
          byIntegration.set(outcome.integrationId, [...(byIntegration.get(outcome.integrationId) ?? []), outcome]);
        }
      }
    }
    const totals = /** @type {Record<string, number>} */ ({});
    for (const outcomes of byIntegration.values()) {
      for (const [result, count] of Object.entries(await report(outcomes))) totals[result] = (totals[result] ?? 0) + count;
    }
    log(`simulated connector: registered ${registrations.length} integrations in ${new Set(registrations.map(({ registration }) => registration.portalId ?? '')).size} portals; seeded ${Object.entries(totals).map(([result, count]) => `${count} ${result}`).join(', ')}`);
  })();

  /** Runs `task` after `ms`, and again after each run, until stop(); a failed run is logged. */
  function every(/** @type {number} */ ms, /** @type {() => Promise<void>} */ task) {
    const tick = () => {
      timers.delete(timer);
      if (stopped) return;
      task()
        .catch((error) => log(String(error?.message ?? error)))
        .finally(() => {
          if (!stopped) timers.add((timer = setTimeout(tick, ms)));
        });
    };
    let timer = setTimeout(tick, ms);
    timers.add(timer);
  }

  /** One outcome of the live script: the next record, its next status, the time now. */
  async function reportNext() {
    const step = LIVE_SCRIPT[sequence % LIVE_SCRIPT.length];
    const status = step.statuses[Math.floor(sequence / LIVE_SCRIPT.length) % step.statuses.length];
    sequence += 1;
    const record = recordOf(step.key);
    if (Date.now() - (resyncedAt.get(`${step.key}|${step.syncId}`) ?? 0) < RESYNC_QUIET_MS) return;
    const sync = records()[step.key]?.syncs.find((item) => item.id === step.syncId);
    const integrationId = sync?.integrationId ?? step.syncId.slice(0, step.syncId.indexOf(':'));
    // A failure keeps its detail, with the retry count going up, so the card's "attempt" changes too.
    const failed = status === 'record_not_synced' || status === 'partially_synced';
    const detail = failed && sync ? { ...detailOf(sync), retry: { attempt: 1 + (sequence % 9), maxAttempts: 10, nextAt: new Date(Date.now() + 10 * MINUTE).toISOString() } } : null;
    await report([
      {
        eventId: `demo-${run}/live/${sequence}`,
        integrationId,
        syncId: step.syncId,
        record,
        occurredAt: new Date().toISOString(),
        status,
        direction: 'outbound',
        trigger: 'schedule',
        actor: null,
        detail,
      },
    ]);
  }

  /** Claims each integration's pending resyncs and runs them: in_progress now, a result later. */
  async function answerResyncs() {
    for (const integrationId of Object.keys(ingestKeys)) {
      if (stopped) return;
      const { requests } = await call('POST', '/ledger/resync-requests/claim', integrationId, { integrationId, limit: 10 });
      for (const request of requests) {
        log(`simulated connector: resync ${request.syncId} on ${request.record.objectType}:${request.record.objectId} for ${request.requestedBy ?? 'someone'}`);
        resyncedAt.set(`${request.record.objectType}:${request.record.objectId}|${request.syncId}`, Date.now());
        const outcome = (/** @type {string} */ step, /** @type {string} */ status) => ({
          eventId: `demo-${run}/resync/${request.id}/${step}`,
          integrationId,
          syncId: request.syncId,
          record: request.record,
          occurredAt: new Date().toISOString(),
          status,
          direction: 'outbound',
          trigger: 'manual',
          actor: request.requestedBy ?? null,
          detail: null,
        });
        await report([outcome('started', 'in_progress')]);
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!stopped) report([outcome('done', 'up_to_date')]).catch((error) => log(String(error?.message ?? error)));
        }, resyncDelayMs);
        timers.add(timer);
      }
    }
  }

  // The loops start once the seed is in, so live outcomes are never older than the seed's.
  ready.then(
    () => {
      if (stopped) return;
      every(intervalMs, reportNext);
      every(claimIntervalMs, answerResyncs);
    },
    (error) => log(String(error?.message ?? error)),
  );

  return {
    ready,
    /** Stops the loops and pending resync answers; resolves when no request is in flight. */
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([ready, ...inFlight]);
    },
  };
}
