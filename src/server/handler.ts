// createSyncStatusHandler: the wire format the card speaks (status, batch, resync, history, live
// events), answered over any `SyncDataProvider`. Routes read a runtime-neutral `Call` and return
// an `Answer` (./http.ts); the exported handler adapts them to Fetch, toNodeListener to node:http.
import { normalizeHistory } from '../data/history.ts';
import { isObject, normalizeResponse } from '../data/normalize.ts';
import { recordKey, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import { createGate, type AuthOption, type Gate } from './auth.ts';
import { recordClaim } from './embed-token.ts';
import { BadRequest, callFromRequest, empty, failure, json, readJson, stream, toResponse, type Answer, type Call } from './http.ts';
import { createLiveEvents } from './live-events.ts';
import { createSourceCalls, SOURCE_TIMEOUT, type SourceCalls } from './source-calls.ts';
import { createIngestKeys, type IngestKeysOption } from './ingest-keys.ts';
import { createHealthRoutes } from './health-routes.ts';
import { createHealthBackend } from './ledger/health-queries.ts';
import { createLedgerRoutes } from './ledger-routes.ts';
import type { SyncLedger } from './ledger/ledger.ts';

export interface SyncStatusHandlerOptions {
  /** Where the data comes from: the card's own provider interface (`createMemoryProvider` for a demo). Not needed with `ledger`. */
  source?: SyncDataProvider;
  /** The sync ledger (createSyncLedger): the source of the card's routes, and the connector routes `{base}/ledger/…` (§14). */
  ledger?: SyncLedger;
  /** With `ledger`: the write key of each integration, `{ netsuite: process.env.NETSUITE_INGEST_KEY }`. */
  ingestKeys?: IngestKeysOption;
  /** The path the routes hang under, e.g. `/api/sync-status` (default `''`). */
  basePath?: string;
  /** Embed tokens (`{ tokenSecret }`) or a function deciding per request and record. Default: open. */
  auth?: AuthOption;
  /** Most records in one batch (default 100); more is a 413. */
  maxBatch?: number;
  /** Exact origins (`https://app.example.com`) allowed to call cross-origin. Default none. */
  corsOrigins?: readonly string[];
  /** Milliseconds between `: ping` comments on event streams (default 25000; 0 turns them off). */
  heartbeatMs?: number;
  /** Most open event streams in all (default 1000); beyond, `/events` answers 503. */
  maxStreams?: number;
  /** Most open event streams per record (default 100); beyond, `/events` answers 503. */
  maxStreamsPerRecord?: number;
  /** Milliseconds the source has per call before the request fails with 504 (default 15000). */
  sourceTimeoutMs?: number;
}

export type SyncStatusHandler = (request: Request) => Promise<Response>;

/** Where toNodeListener finds the runtime-neutral core (so node:http skips Fetch objects). */
export const CORE = Symbol.for('integration-sync-card/server#core');
export type CoreHandler = (call: Call) => Promise<Answer>;

/** Longest objectType, objectId, portalId or syncId accepted. */
const MAX_FIELD = 256;
/** A batch record whose source call failed: the same generic words whatever the source threw. */
const RECORD_FAILED = { error: { message: 'The sync status of this record could not be read.' } } as const;

/** HTTP statuses a source may ask for by rejecting with an error whose `status` is one of them. */
const SOURCE_STATUSES: Readonly<Record<number, string>> = {
  404: 'Not found.',
  409: 'The request conflicts with the current state of the record.',
  429: 'Too many requests. Try again later.',
  502: 'The sync status service is unavailable. Try again later.',
  503: 'The sync status service is unavailable. Try again later.',
  504: 'The sync status service did not answer in time.',
};

type RouteName = 'status' | 'batch' | 'resync' | 'history' | 'events';
const routeOf = (name: RouteName, method: string) => ({ name, method, allow: `${method}, OPTIONS` });
// A Map, so a path such as `{base}constructor` finds nothing rather than Object's own keys.
const ROUTES: ReadonlyMap<string, { name: RouteName; method: string; allow: string }> = new Map([
  ['', routeOf('status', 'GET')],
  ['/batch', routeOf('batch', 'POST')],
  ['/resync', routeOf('resync', 'POST')],
  ['/history', routeOf('history', 'GET')],
  ['/events', routeOf('events', 'GET')],
]);

function field(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_FIELD;
}

function recordFromQuery(query: URLSearchParams): RecordRef {
  const objectType = query.get('objectType');
  const objectId = query.get('objectId');
  const portalId = query.get('portalId');
  if (!field(objectType) || !field(objectId)) throw new BadRequest('objectType and objectId are required (at most 256 characters each).');
  if (portalId !== null && portalId !== '' && !field(portalId)) throw new BadRequest('portalId is too long.');
  return portalId ? { objectType, objectId, portalId } : { objectType, objectId };
}

export function createSyncStatusHandler(options: SyncStatusHandlerOptions): SyncStatusHandler {
  const { ledger, auth, maxBatch = 100, corsOrigins = [], heartbeatMs = 25_000, maxStreams = 1000, maxStreamsPerRecord = 100, sourceTimeoutMs = 15_000 } = options;
  const given = ledger ?? options.source;
  if (!given || typeof given.getSyncStatus !== 'function') throw new TypeError('createSyncStatusHandler needs a source with getSyncStatus(), or a ledger.');
  const source: SyncDataProvider = given;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new TypeError('basePath must start with "/".');
  const origins = new Set(corsOrigins);
  const gateFor = createGate(auth);
  const ingestKeys = createIngestKeys(options.ingestKeys ?? {});
  const ledgerRoute = ledger ? createLedgerRoutes(ledger, ingestKeys) : undefined;
  const healthRoute = ledger ? createHealthRoutes({ backend: createHealthBackend(ledger), auth, heartbeatMs, maxStreams }) : undefined;
  const live = source.subscribe ? createLiveEvents(source.subscribe.bind(source), { heartbeatMs, maxStreams, maxStreamsPerRecord }) : undefined;

  const begin = createSourceCalls(sourceTimeoutMs);

  /** Runs one request's source calls (./source-calls.ts: deadline, the client leaving). */
  async function fromSource<T>(call: Call, run: (calls: SourceCalls) => Promise<T>): Promise<T> {
    const calls = begin(call);
    try {
      return await run(calls);
    } finally {
      calls.finish();
    }
  }

  /** A source's failure as an answer: its own exception text never leaves the process. */
  function sourceFailure(error: unknown): Answer {
    if (error === SOURCE_TIMEOUT) return failure(504, 'The sync status source did not answer in time.');
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && SOURCE_STATUSES[status]) {
      const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
      const headers: Record<string, string> = {};
      if (typeof retryAfterMs === 'number' && retryAfterMs >= 0 && Number.isFinite(retryAfterMs)) headers['Retry-After'] = String(Math.ceil(retryAfterMs / 1000));
      return failure(status, SOURCE_STATUSES[status], headers);
    }
    return failure(500, 'The sync status could not be read.');
  }

  const unauthorized = () => failure(401, 'A valid embed token is required.', { 'WWW-Authenticate': 'Bearer' });

  async function authorize(gate: Gate, records: RecordRef[]): Promise<Answer | null> {
    if ('denied' in gate) return unauthorized();
    for (const record of records) {
      // Awaited only when the check is asynchronous (the function form): a batch of 100 is not 100 ticks.
      const allowed = gate.check(record);
      if (!(typeof allowed === 'boolean' ? allowed : await allowed)) return failure(403, 'This token does not give access to this record.');
    }
    return null;
  }

  async function status(call: Call): Promise<Answer> {
    const gate = await gateFor(call, false);
    if ('denied' in gate) return unauthorized();
    const record = recordFromQuery(call.url.searchParams);
    const denied = await authorize(gate, [record]);
    if (denied) return denied;
    try {
      const raw = await fromSource(call, (calls) => calls.settle(source.getSyncStatus(record, calls.options)));
      return json(200, normalizeResponse(raw).response);
    } catch (error) {
      return sourceFailure(error);
    }
  }

  async function batch(call: Call): Promise<Answer> {
    const gate = await gateFor(call, false);
    if ('denied' in gate) return unauthorized();
    const body = await readJson(call);
    if (!isObject(body) || !Array.isArray(body.records)) throw new BadRequest('Expected {"records":[{"objectType","objectId"}…]}.');
    if (body.records.length > maxBatch) throw new BadRequest(`At most ${maxBatch} records per batch.`, 413);
    const records = body.records.map((item, index) => {
      const record = recordClaim(item);
      if (!record) throw new BadRequest(`records[${index}] is not a record reference {"objectType","objectId"}.`);
      return record;
    });
    const denied = await authorize(gate, records);
    if (denied) return denied;
    // One source call per distinct record, however often the batch names it; one deadline for
    // all; each answer normalised once.
    const slots = new Map<string, number>();
    const distinct: RecordRef[] = [];
    const slotOf = records.map((record) => {
      const key = recordKey(record);
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = distinct.push(record) - 1;
        slots.set(key, slot);
      }
      return slot;
    });
    const outcomes = await fromSource(call, (calls) =>
      calls.settleEach(
        distinct.map((record) => {
          try {
            return source.getSyncStatus(record, calls.options);
          } catch (error) {
            return Promise.reject(error);
          }
        }),
      ),
    );
    // Each distinct answer normalised once; a record that failed gets the generic error.
    const answers = outcomes.map((outcome): { response: unknown } | typeof RECORD_FAILED => {
      if ('error' in outcome) return RECORD_FAILED;
      try {
        return { response: normalizeResponse(outcome.value).response };
      } catch {
        return RECORD_FAILED;
      }
    });
    return json(200, {
      results: records.map((record, index) => {
        const answer = answers[slotOf[index]];
        return 'error' in answer ? { record, error: answer.error } : { record, response: answer.response };
      }),
    });
  }

  async function resync(call: Call): Promise<Answer> {
    const run = source.resync;
    if (!run) return failure(501, 'This sync API does not offer resync.');
    const gate = await gateFor(call, false);
    if ('denied' in gate) return unauthorized();
    const body = await readJson(call);
    const record = isObject(body) ? recordClaim(body.record) : null;
    if (!record || !isObject(body) || !field(body.syncId)) throw new BadRequest('Expected {"record":{"objectType","objectId"},"syncId":string}.');
    const syncId = body.syncId;
    const denied = await authorize(gate, [record]);
    if (denied) return denied;
    try {
      // The ledger records who asked (the embed token's `sub`) as the resync's actor.
      const actor = 'subject' in gate ? (gate.subject ?? null) : null;
      await fromSource(call, (calls) => calls.settle(run.call(source, record, syncId, { get signal() { return calls.options.signal; }, actor })));
      return json(202, { accepted: true });
    } catch (error) {
      return sourceFailure(error);
    }
  }

  async function history(call: Call): Promise<Answer> {
    const read = source.getSyncHistory;
    if (!read) return failure(501, 'This sync API does not offer sync history.');
    const gate = await gateFor(call, false);
    if ('denied' in gate) return unauthorized();
    const record = recordFromQuery(call.url.searchParams);
    const syncId = call.url.searchParams.get('syncId');
    if (!field(syncId)) throw new BadRequest('syncId is required (at most 256 characters).');
    const denied = await authorize(gate, [record]);
    if (denied) return denied;
    try {
      const raw = await fromSource(call, (calls) => calls.settle(read.call(source, record, syncId, calls.options)));
      return json(200, normalizeHistory(raw).events);
    } catch (error) {
      return sourceFailure(error);
    }
  }

  async function events(call: Call): Promise<Answer> {
    if (!live) return failure(501, 'This sync API does not offer live events.');
    const gate = await gateFor(call, true);
    if ('denied' in gate) return unauthorized();
    const record = recordFromQuery(call.url.searchParams);
    const denied = await authorize(gate, [record]);
    if (denied) return denied;
    const opened = live.open(record, (listener) => call.onClose(listener));
    if ('full' in opened) {
      return failure(503, opened.full === 'record' ? 'Too many live connections for this record. Try again later.' : 'Too many live connections. Try again later.', { 'Retry-After': '30' });
    }
    return stream(opened.stream, { 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
  }

  const handlers: Record<RouteName, (call: Call) => Promise<Answer>> = { status, batch, resync, history, events };

  const cardRoutes = new Map([...ROUTES].map(([path, { name, method, allow }]) => [path, { method, allow, run: handlers[name], reads: true }]));

  /** The route of a path under the base: the card's, or with a ledger a connector route or a health route (§15). */
  function find(path: string): { method: string; allow: string; run: (call: Call) => Promise<Answer>; reads?: boolean } | undefined {
    return cardRoutes.get(path) ?? (path.startsWith('/ledger/') ? ledgerRoute?.(path) : path.startsWith('/health/') ? healthRoute?.(path) : undefined);
  }

  function corsHeaders(call: Call): Record<string, string> | null {
    if (origins.size === 0) return null;
    const origin = call.header('origin');
    if (!origin || !origins.has(origin)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
  }

  async function route(call: Call): Promise<Answer> {
    let path = call.url.pathname;
    if (path.endsWith('/')) path = path.replace(/\/+$/, '');
    const found = path.startsWith(basePath) ? find(path.slice(basePath.length)) : undefined;
    if (!found) return failure(404, 'Not found.');
    const allow = found.allow;
    if (call.method === 'OPTIONS') {
      const origin = call.header('origin');
      if (!origin || !origins.has(origin)) return empty(204, { Allow: allow });
      return empty(204, {
        Allow: allow,
        'Access-Control-Allow-Methods': allow,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
    }
    if (call.method !== found.method) return failure(405, `Use ${found.method}.`, { Allow: allow });
    // An ingest key only writes: a reading route refuses it whatever the auth option says.
    if (found.reads && ingestKeys.configured && call.header('authorization') && (await ingestKeys.integrationOf(call)) !== null) {
      return failure(401, 'An ingest key cannot read.', { 'WWW-Authenticate': 'Bearer' });
    }
    try {
      return await found.run(call);
    } catch (error) {
      if (error instanceof BadRequest) return failure(error.status, error.message);
      throw error;
    }
  }

  const core: CoreHandler = async (call) => {
    let answer: Answer;
    try {
      answer = await route(call);
    } catch {
      answer = failure(500, 'Internal error.');
    }
    const cors = corsHeaders(call);
    if (cors) Object.assign(answer.headers, cors);
    return answer;
  };
  const handler: SyncStatusHandler = (request) => core(callFromRequest(request)).then(toResponse);
  Object.defineProperty(handler, CORE, { value: core });
  return handler;
}
