// The database the deployer passes in, seen only through what it can do (the package imports no
// driver): `query(text, params)` everywhere; a transaction through PGlite's `transaction()`, or a
// pool's `connect()` client, or BEGIN/COMMIT on a single connection; LISTEN through PGlite's
// `listen()` or a dedicated pool client's `notification` events.
import { MIGRATIONS } from './migrations.ts';

/** What the ledger needs of a client: `pg.Pool`, `pg.Client` and PGlite all have it. */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** A pool client (`pg.Pool#connect()`): a connection of its own until `release()`. */
interface PooledClient extends SqlClient {
  release(error?: unknown): void;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeAllListeners?(event?: string): unknown;
}

interface Pool extends SqlClient {
  connect(): Promise<PooledClient>;
}

interface Embedded extends SqlClient {
  exec?(text: string): Promise<unknown>;
  transaction<T>(run: (tx: SqlClient & { exec?(text: string): Promise<unknown> }) => Promise<T>): Promise<T>;
  listen?(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

const isEmbedded = (db: SqlClient): db is Embedded => typeof (db as Partial<Embedded>).transaction === 'function';
const isPool = (db: SqlClient): db is Pool => !isEmbedded(db) && typeof (db as Partial<Pool>).connect === 'function' && 'totalCount' in db;

/** Runs `run` inside one transaction on one connection. */
export async function inTransaction<T>(db: SqlClient, run: (tx: SqlClient) => Promise<T>): Promise<T> {
  if (isEmbedded(db)) return db.transaction(run);
  const pooled = isPool(db) ? await db.connect() : null;
  const tx = pooled ?? db;
  let failed: unknown;
  try {
    await tx.query('BEGIN');
    const result = await run(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    failed = error;
    await tx.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    pooled?.release(failed instanceof Error && /terminat|connection/i.test(failed.message) ? failed : undefined);
  }
}

/** Several statements in one call: PGlite's `exec`; pg's simple query protocol (no parameters). */
function execute(tx: SqlClient, sql: string): Promise<unknown> {
  const exec = (tx as { exec?: (text: string) => Promise<unknown> }).exec;
  return typeof exec === 'function' ? exec.call(tx, sql) : tx.query(sql);
}

/** The advisory lock key of the ledger's migrations (a constant: every process takes the same one). */
const MIGRATION_LOCK = 7_305_224_118_331;

/** Applies the migrations this database lacks, one transaction under an advisory lock. */
export async function migrate(db: SqlClient): Promise<number[]> {
  return inTransaction(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS isc_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query('SELECT version FROM isc_schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await execute(tx, migration.sql);
      await tx.query('INSERT INTO isc_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

export interface Listener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** After a lost connection is back: notifications may have been missed meanwhile. */
  onReconnect: () => void;
  /** First wait before reconnecting, doubled per failure up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * LISTENs on `channel`: PGlite's own `listen()`; with a pool, one dedicated client, taken again
 * with exponential backoff when its connection ends (the database restarted). Null when the
 * client can do neither (a bare single connection): the ledger then tells only its own process.
 */
export async function listen(db: SqlClient, channel: string, onPayload: (payload: string) => void, options: ListenOptions): Promise<Listener | null> {
  // LISTEN takes an identifier, not a parameter: only a plain lower-case name is ever written into it.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new TypeError(`listen: ${JSON.stringify(channel)} is not a plain channel name.`);
  if (isEmbedded(db)) {
    if (typeof db.listen !== 'function') return null;
    const unlisten = await db.listen(channel, onPayload);
    return { close: () => unlisten() };
  }
  if (!isPool(db)) return null;
  const { minBackoffMs = 100, maxBackoffMs = 10_000 } = options;
  let closed = false;
  let client: PooledClient | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let backoff = minBackoffMs;

  const drop = (error?: unknown) => {
    const lost = client;
    client = null;
    if (!lost) return;
    lost.removeAllListeners?.('notification');
    lost.removeAllListeners?.('error');
    lost.removeAllListeners?.('end');
    lost.on?.('error', () => {}); // a late error of a released connection must not crash the process
    try {
      lost.release(error ?? new Error('LISTEN connection dropped'));
    } catch {
      // already released
    }
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, backoff);
    (retry as { unref?: () => void }).unref?.();
    backoff = Math.min(backoff * 2, maxBackoffMs);
  };

  const connect = async (isReconnect: boolean): Promise<void> => {
    try {
      const next = await db.connect();
      if (closed) {
        next.release();
        return;
      }
      client = next;
      const lost = (error?: unknown) => {
        if (client !== next) return;
        drop(error);
        scheduleReconnect();
      };
      next.on?.('error', lost);
      next.on?.('end', () => lost());
      next.on?.('notification', (message: unknown) => {
        const { channel: from, payload } = message as { channel?: string; payload?: string };
        if (from === channel && typeof payload === 'string') onPayload(payload);
      });
      await next.query(`LISTEN ${channel}`);
      backoff = minBackoffMs;
      if (isReconnect) options.onReconnect();
    } catch (error) {
      if (!isReconnect) {
        drop(error);
        throw error;
      }
      drop(error);
      scheduleReconnect();
    }
  };

  await connect(false);
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const last = client;
      if (last) {
        client = null;
        last.removeAllListeners?.('notification');
        await last.query(`UNLISTEN ${channel}`).catch(() => {});
        last.removeAllListeners?.('error');
        last.removeAllListeners?.('end');
        last.on?.('error', () => {});
        last.release();
      }
    },
  };
}
