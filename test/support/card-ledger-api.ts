// The package's server half on a real sync ledger, twice, for the card's browser tests end to end
// (test/components/card-on-ledger.test.ts): createSyncStatusHandler({ ledger, ingestKeys }) with
// the ledger on PGlite (in memory) and on a real PostgreSQL server (test/support/postgres.mjs:
// Debian's server, temp dir, free port) through a `pg` Pool. Each opens on its first request;
// stop() closes both and stops the server, so a run leaves no process behind.
// Loaded by web-test-runner.config.mjs through Vite's module runner.
// - /card-ledger/pglite/…    the card's routes and the connector's (…/ledger/…), ledger on PGlite
// - /card-ledger/postgres/…  the same, ledger on PostgreSQL
// - GET /card-ledger/ingest-key → { key }: the netsuite connector's ingest key, random per run
//   (handed over as a deployer hands it to their connector; the tests write only through the routes)
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createSyncLedger, createSyncStatusHandler, toNodeListener, type SyncLedger } from '../../src/server/index.ts';
import { startPostgres } from './postgres.mjs';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type Database = 'pglite' | 'postgres';

interface Opened {
  ledger: SyncLedger;
  listener: ReturnType<typeof toNodeListener>;
  /** Closes the ledger, then its client, then the server under it (in that order: LISTEN first). */
  close(): Promise<void>;
}

const PREFIX = '/card-ledger/';

export function cardLedgerApi(): Middleware & { stop(): Promise<void> } {
  const ingestKey = randomBytes(24).toString('hex');
  const opened = new Map<Database, Promise<Opened>>();

  async function open(database: Database): Promise<Opened> {
    const basePath = `${PREFIX}${database}`;
    let closeClient: () => Promise<void>;
    let ledger: SyncLedger;
    if (database === 'pglite') {
      const db = new PGlite();
      ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
      closeClient = () => db.close();
    } else {
      const server = await startPostgres();
      const pool = new pg.Pool({ connectionString: server.connectionString, max: 8 });
      try {
        ledger = await createSyncLedger({ db: pool, pruneIntervalMs: 0 });
      } catch (error) {
        await pool.end();
        await server.stop();
        throw error;
      }
      closeClient = async () => {
        await pool.end();
        await server.stop();
      };
    }
    const listener = toNodeListener(createSyncStatusHandler({ ledger, basePath, ingestKeys: { netsuite: ingestKey }, heartbeatMs: 1000 }));
    return {
      ledger,
      listener,
      async close() {
        await ledger.close();
        await closeClient();
      },
    };
  }

  const middleware: Middleware = (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(PREFIX)) return next();
    if (path === `${PREFIX}ingest-key` && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(JSON.stringify({ key: ingestKey }));
    }
    const database = path.slice(PREFIX.length).split('/')[0];
    if (database !== 'pglite' && database !== 'postgres') return next();
    let ready = opened.get(database);
    if (!ready) {
      ready = open(database);
      opened.set(database, ready);
    }
    ready.then(
      ({ listener }) => listener(req, res),
      (error: unknown) => {
        // Said to the test as it is (e.g. PostgreSQL not installed), not as a hang.
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`The ${database} ledger did not open: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };

  return Object.assign(middleware, {
    async stop() {
      const all = [...opened.values()];
      opened.clear();
      await Promise.all(all.map((ready) => ready.then((db) => db.close(), () => undefined)));
    },
  });
}
