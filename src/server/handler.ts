// createSyncStatusHandler: the wire format the card speaks (status, batch, resync, history, live
// events), answered over any `SyncDataProvider`. Routes read a runtime-neutral `Call` and return
// an `Answer` (./http.ts); the exported handler adapts them to Fetch, toNodeListener to node:http.
import { normalizeHistory } from '../data/history.ts';
import { isObject, normalizeResponse } from '../data/normalize.ts';
import { recordKey, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import { createGate, type AuthOption, type Gate } from './auth.ts';
import { recordClaim } from './embed-token.ts';
import { BodyTooLargeError, callFromRequest, empty, failure, json, MAX_BODY_BYTES, stream, toResponse, type Answer, type Call } from './http.ts';
import { createLiveEvents } from './live-events.ts';

export interface SyncStatusHandlerOptions {
  /** Where the data comes from: the card's own provider interface (`createMemoryProvider` for a demo). */
  source: SyncDataProvider;
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
const SOURCE_TIMEOUT = Symbol('source timeout');

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
const ROUTES: Readonly<Record<string, { name: RouteName; methods: readonly string[] }>> = {
  '': { name: 'status', methods: ['GET'] },
  '/batch': { name: 'batch', methods: ['POST'] },
  '/resync': { name: 'resync', methods: ['POST'] },
  '/history': { name: 'history', methods: ['GET'] },
  '/events': { name: 'events', methods: ['GET'] },
};

class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

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

async function readJson(call: Call): Promise<unknown> {
  const declared = Number(call.header('content-length'));
  if (declared > MAX_BODY_BYTES) throw new BadRequest('The request body is over 1 MiB.', 413);
  let text: string;
  try {
    text = await call.text(MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new BadRequest('The request body is over 1 MiB.', 413);
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The request body is not valid JSON.');
  }
}

export function createSyncStatusHandler(options: SyncStatusHandlerOptions): SyncStatusHandler {
  const { source, auth, maxBatch = 100, corsOrigins = [], heartbeatMs = 25_000, maxStreams = 1000, maxStreamsPerRecord = 100, sourceTimeoutMs = 15_000 } = options;
  if (!source || typeof source.getSyncStatus !== 'function') throw new TypeError('createSyncStatusHandler needs a source with getSyncStatus().');
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new TypeError('basePath must start with "/".');
  const origins = new Set(corsOrigins);
  const gateFor = createGate(auth);
  const live = source.subscribe ? createLiveEvents(source.subscribe.bind(source), { heartbeatMs, maxStreams, maxStreamsPerRecord }) : undefined;

  // Deadlines of source calls: one sweeping timer for all of them (a timer per request costs
  // more than the route), started while calls are pending.
  const pending = new Set<{ at: number; expire: () => void }>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  const sweep = () => {
    const now = Date.now();
    for (const entry of pending) {
      if (entry.at > now) continue;
      pending.delete(entry);
      entry.expire();
    }
    if (pending.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };

  /**
   * Runs source calls with options whose `signal` aborts when the client goes away or the
   * deadline passes (built only if the source reads it); a source that ignores its signal is
   * raced, so a hanging source still ends the request.
   */
  async function fromSource<T>(call: Call, run: (options: { signal: AbortSignal }, settle: <U>(work: Promise<U>) => Promise<U>) => Promise<T>): Promise<T> {
    let controller: AbortController | undefined;
    let reason: unknown;
    let ended = false;
    let rejectEnded: ((reason: unknown) => void) | undefined;
    const end = (why: unknown) => {
      if (ended) return;
      ended = true;
      reason = why;
      controller?.abort(why);
      rejectEnded?.(why);
    };
    const options = {
      get signal(): AbortSignal {
        if (!controller) {
          controller = new AbortController();
          if (ended) controller.abort(reason);
        }
        return controller.signal;
      },
    };
    const entry = { at: Date.now() + sourceTimeoutMs, expire: () => end(SOURCE_TIMEOUT) };
    pending.add(entry);
    if (!sweeper) {
      sweeper = setInterval(sweep, Math.max(10, Math.min(1000, sourceTimeoutMs / 4)));
      (sweeper as { unref?: () => void }).unref?.();
    }
    const stopListening = call.onClose(() => end(new Error('client disconnected')));
    const settled = new Promise<never>((_, reject) => {
      rejectEnded = reject;
      if (ended) reject(reason);
    });
    settled.catch(() => undefined);
    const settle = <U>(work: Promise<U>) => Promise.race([work, settled]);
    try {
      return await run(options, settle);
    } finally {
      pending.delete(entry);
      stopListening();
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
    for (const record of records) if (!(await gate.check(record))) return failure(403, 'This token does not give access to this record.');
    return null;
  }

  async function status(call: Call): Promise<Answer> {
    const gate = await gateFor(call, false);
    if ('denied' in gate) return unauthorized();
    const record = recordFromQuery(call.url.searchParams);
    const denied = await authorize(gate, [record]);
    if (denied) return denied;
    try {
      const raw = await fromSource(call, (options, settle) => settle(source.getSyncStatus(record, options)));
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
    // One source call per distinct record, however often the batch names it; one deadline for all.
    const settled = await fromSource(call, async (options, settle) => {
      const loads = new Map<string, Promise<{ response: unknown } | { error: { message: string } }>>();
      for (const record of records) {
        const key = recordKey(record);
        if (loads.has(key)) continue;
        loads.set(
          key,
          settle(Promise.resolve().then(() => source.getSyncStatus(record, options)))
            .then((raw): { response: unknown } => ({ response: normalizeResponse(raw).response }))
            .catch(() => ({ error: { message: 'The sync status of this record could not be read.' } })),
        );
      }
      const results = new Map<string, { response: unknown } | { error: { message: string } }>();
      await Promise.all([...loads].map(async ([key, load]) => results.set(key, await load)));
      return results;
    });
    return json(200, { results: records.map((record) => ({ record, ...settled.get(recordKey(record)) })) });
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
      await fromSource(call, (options, settle) => settle(run.call(source, record, syncId, options)));
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
      const raw = await fromSource(call, (options, settle) => settle(read.call(source, record, syncId, options)));
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

  function corsHeaders(call: Call): Record<string, string> {
    if (origins.size === 0) return {};
    const origin = call.header('origin');
    if (!origin || !origins.has(origin)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
  }

  async function route(call: Call): Promise<Answer> {
    const path = call.url.pathname.replace(/\/+$/, '');
    const found = path.startsWith(basePath) ? ROUTES[path.slice(basePath.length)] : undefined;
    if (!found) return failure(404, 'Not found.');
    const allow = [...found.methods, 'OPTIONS'].join(', ');
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
    if (!found.methods.includes(call.method)) return failure(405, `Use ${found.methods.join(' or ')}.`, { Allow: allow });
    try {
      return await handlers[found.name](call);
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
    Object.assign(answer.headers, corsHeaders(call));
    return answer;
  };
  const handler: SyncStatusHandler = (request) => core(callFromRequest(request)).then(toResponse);
  Object.defineProperty(handler, CORE, { value: core });
  return handler;
}
