// The ledger on a real PostgreSQL server (Debian's, started by the test in a temp dir on a free
// loopback port, test/support/postgres.mjs) through node-postgres: the shared suite, and two
// ledgers created at once on an empty database (the migrations under their advisory lock).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startPostgres } from '../support/postgres.mjs';
import { createSyncLedger } from './helpers.mjs';
import { ledgerSuite } from './ledger-suite.mjs';

let server;
let databases = 0;
/** A fresh database on the shared server and a pool on it (an idle client's error must not crash the run). */
async function freshDatabase() {
  server ??= await startPostgres();
  const name = `ledger_${++databases}`;
  const admin = new pg.Client({ connectionString: server.connectionString });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = new pg.Pool({ connectionString: server.connectionString.replace(/\/postgres$/, `/${name}`), max: 8 });
  db.on('error', () => {});
  return { db, close: () => db.end() };
}
after(async () => {
  await server?.stop();
});

ledgerSuite('PostgreSQL', freshDatabase);

describe('ledger on PostgreSQL: migrations', () => {
  let opened;
  before(async () => {
    opened = await Promise.all([freshDatabase(), freshDatabase()]);
  });
  after(async () => {
    await Promise.all(opened.map((database) => database.close()));
  });

  it('two createSyncLedger() at once on an empty database both succeed, each version applied once', async () => {
    // Two pools on one database, as two processes starting together.
    const [first] = opened;
    const second = new pg.Pool({ connectionString: server.connectionString.replace(/\/postgres$/, `/ledger_${databases - 1}`) });
    second.on('error', () => {});
    try {
      const ledgers = await Promise.all([createSyncLedger({ db: first.db, pruneIntervalMs: 0 }), createSyncLedger({ db: second, pruneIntervalMs: 0 })]);
      const { rows } = await first.db.query('SELECT version, count(*)::int AS n FROM isc_schema_migrations GROUP BY version ORDER BY version');
      assert.ok(rows.length >= 3, JSON.stringify(rows));
      assert.ok(rows.every((row) => row.n === 1));
      await Promise.all(ledgers.map((ledger) => ledger.close()));
    } finally {
      await second.end();
    }
  });
});
