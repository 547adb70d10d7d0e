// The health page's routes (contract §15) under the handler's base: summary, records (keyset
// pages), bulk resync, CSV export and the coalesced change stream, over the ledger
// (./ledger/health-queries.ts holds the SQL). Every route reads the portal from the health gate
// (./auth.ts), never from the request body, so one portal's token cannot reach another's rows.
import type { HealthRecord, HealthRecordsPage, HealthSummary } from '../data/health-types.ts';
import { createHealthGate, type AuthOption } from './auth.ts';
import { csvRow } from './csv.ts';
import { createEventStreams, sseEvent, type Subscribe } from './event-streams.ts';
import { encodeCursor, filterFromQuery, healthQueryFromParams, resyncSelectionFromBody, type CursorKey, type HealthFilter, type HealthQuery, type ResyncSelection } from './health-query.ts';
import { failure, json, readJson, stream, type Answer, type Call } from './http.ts';

/** What the routes need of the ledger (./ledger/health-queries.ts implements it over the ledger's client). */
export interface HealthBackend {
  summary(portalId: string | null): Promise<HealthSummary>;
  /** One page after `query.after`, and the position after its last row (null: no more rows). */
  page(portalId: string | null, query: HealthQuery): Promise<{ records: HealthRecord[]; next: CursorKey | null }>;
  count(portalId: string | null, filter: HealthFilter): Promise<number>;
  /** Queues the selection's syncs of this portal that have no pending request; answers how many it queued. */
  resync(portalId: string | null, selection: ResyncSelection, requestedBy: string | null): Promise<number>;
  /** Calls `onChange(n)` when n syncs of the portal changed; returns the way to stop. */
  subscribe(portalId: string | null, onChange: (changed: number) => void): () => void;
}

export interface HealthRoutesOptions {
  backend: HealthBackend;
  auth: AuthOption | undefined;
  /** Milliseconds between `: ping` comments on the change stream (0: none). */
  heartbeatMs: number;
  /** Most open change streams in all; beyond, 503. */
  maxStreams: number;
  /** The shortest gap between two change messages of a stream (default 1000: §15's "at most one a second"). */
  coalesceMs?: number;
}

/** A route of the health page: its one method, the `Allow` header, and the handler. */
export interface HealthRoute {
  method: string;
  allow: string;
  run(call: Call): Promise<Answer>;
  /** Never opened by an ingest key (the handler refuses one on reading routes). */
  reads: true;
}

/** Rows read per round trip while exporting: big enough to be cheap, small enough to stream. */
const EXPORT_PAGE = 500;
/** The export's columns: the records route's field names, one column per value a sheet filters on. */
const CSV_HEADER = ['objectType', 'objectId', 'portalId', 'syncId', 'label', 'integrationId', 'status', 'syncedWith', 'syncedWithUrl', 'category', 'code', 'message', 'lastSyncedAt', 'firstFailedAt', 'lastAttemptAt', 'attempts'];

function csvLine(row: HealthRecord): string {
  return csvRow([
    row.record.objectType,
    row.record.objectId,
    row.record.portalId,
    row.syncId,
    row.label,
    row.integrationId,
    row.status,
    row.syncedWith?.name,
    row.syncedWith?.url,
    row.detail?.category,
    row.detail?.code,
    row.detail?.message,
    row.lastSyncedAt,
    row.firstFailedAt,
    row.lastAttemptAt,
    row.attempts,
  ]);
}

const encoder = new TextEncoder();
const READ_FAILED = 'The sync health could not be read.';

/** Finds the health route of a path under the base (`/health/…`), or undefined. */
export function createHealthRoutes({ backend, auth, heartbeatMs, maxStreams, coalesceMs = 1000 }: HealthRoutesOptions): (path: string) => HealthRoute | undefined {
  const gateFor = createHealthGate(auth);
  const changes = createChangeStreams(backend, { heartbeatMs, maxStreams, coalesceMs });

  /** A database failure: the generic words, never the driver's text (it can name tables and values). */
  async function reading<T>(work: () => Promise<T>, answer: (value: T) => Answer): Promise<Answer> {
    let value: T;
    try {
      value = await work();
    } catch {
      return failure(500, READ_FAILED);
    }
    return answer(value);
  }

  async function summary(_call: Call, gate: { portalId: string | null }): Promise<Answer> {
    return reading(() => backend.summary(gate.portalId), (value) => json(200, value));
  }

  async function records(call: Call, gate: { portalId: string | null }): Promise<Answer> {
    const query = healthQueryFromParams(call.url.searchParams);
    return reading(
      () => Promise.all([backend.page(gate.portalId, query), query.total ?? backend.count(gate.portalId, query)]),
      ([page, total]) => {
        const body: HealthRecordsPage = { records: page.records, nextCursor: page.next ? encodeCursor(query.sort, query.order, total, page.next) : null, total };
        return json(200, body);
      },
    );
  }

  async function resync(call: Call, gate: { portalId: string | null; subject?: string }): Promise<Answer> {
    const selection = resyncSelectionFromBody(await readJson(call));
    return reading(
      () => backend.resync(gate.portalId, selection, gate.subject ?? null),
      (requested) => json(202, { requested }),
    );
  }

  async function exportCsv(call: Call, gate: { portalId: string | null }): Promise<Answer> {
    // The sort and filter of the records route; its page size and cursor do not apply.
    const { sort, order } = healthQueryFromParams(call.url.searchParams);
    const filter = filterFromQuery(call.url.searchParams);
    const portalId = gate.portalId;
    // The first page is read before answering, so a database that is down is a 500, not an empty file.
    let page: { records: HealthRecord[]; next: CursorKey | null };
    try {
      page = await backend.page(portalId, { ...filter, sort, order, limit: EXPORT_PAGE });
    } catch {
      return failure(500, READ_FAILED);
    }
    let header = true;
    let done = false;
    const body = new ReadableStream<Uint8Array>({
      // One page per pull: node:http's writer pulls again only once the client took the last chunk.
      async pull(controller) {
        let text = header ? csvRow(CSV_HEADER) : '';
        header = false;
        for (const row of page.records) text += csvLine(row);
        if (page.next === null || done) {
          controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(text));
        try {
          page = await backend.page(portalId, { ...filter, sort, order, limit: EXPORT_PAGE, after: page.next });
        } catch (error) {
          // Headers are sent: the client sees a cut-off download (no final CRLF), never a wrong one.
          controller.error(error);
        }
      },
      cancel() {
        done = true;
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return stream(body, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="sync-health-${day}.csv"` });
  }

  async function events(call: Call, gate: { portalId: string | null }): Promise<Answer> {
    const opened = changes.open(gate.portalId, (listener) => call.onClose(listener));
    if (!opened) return failure(503, 'Too many live connections. Try again later.', { 'Retry-After': '30' });
    return stream(opened, { 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
  }

  type Gated = (call: Call, gate: { portalId: string | null; subject?: string }) => Promise<Answer>;
  const route = (method: string, run: Gated, allowQueryToken = false): HealthRoute => ({
    method,
    allow: `${method}, OPTIONS`,
    reads: true,
    async run(call) {
      // EventSource sends no headers: the change stream alone takes the token as `token=`; the
      // export never does (a URL with a token ends up in logs and browser history).
      const gate = await gateFor(call, allowQueryToken);
      if ('denied' in gate) return failure(gate.denied, gate.message, gate.denied === 401 ? { 'WWW-Authenticate': 'Bearer' } : undefined);
      return run(call, gate);
    },
  });
  // A Map, so a path such as `/health/constructor` finds nothing rather than Object's own keys.
  const routes = new Map<string, HealthRoute>([
    ['/health/summary', route('GET', summary)],
    ['/health/records', route('GET', records)],
    ['/health/resync', route('POST', resync)],
    ['/health/export.csv', route('GET', exportCsv)],
    ['/health/events', route('GET', events, true)],
  ]);
  return (path) => routes.get(path);
}

/**
 * The change streams: one ledger subscription per portal shared by its streams (./event-streams.ts),
 * and changes summed over `coalesceMs` into one `event: change` `data: {"changed": n}` (the first
 * change of a quiet spell opens the window; its sum goes out when the window closes).
 */
function createChangeStreams(backend: HealthBackend, { heartbeatMs, maxStreams, coalesceMs }: { heartbeatMs: number; maxStreams: number; coalesceMs: number }) {
  const streams = createEventStreams({ heartbeatMs, maxStreams });
  const coalesced = (portalId: string | null): Subscribe => (send) => {
    let pending = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (pending === 0) return;
      const message = sseEvent('change', { changed: pending });
      pending = 0;
      send(message);
    };
    const stop = backend.subscribe(portalId, (changed) => {
      pending += changed;
      if (!timer) {
        timer = setTimeout(flush, coalesceMs);
        (timer as { unref?: () => void }).unref?.();
      }
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  };
  return {
    /** A new stream of the portal's changes, or null past `maxStreams`. */
    open(portalId: string | null, onClose: (listener: () => void) => () => void): ReadableStream<Uint8Array> | null {
      // A key per portal; `null` (no portal) cannot collide with a portal's own id.
      const opened = streams.open(portalId === null ? '\0' : `p${portalId}`, coalesced(portalId), onClose);
      return 'stream' in opened ? opened.stream : null;
    },
  };
}
