// A ledger server in its own process, for ledger-postgres.test.mjs: createSyncStatusHandler over
// createSyncLedger on DATABASE_URL (a pg Pool), on a free loopback port. It prints its base URL
// as one line, then serves until killed (the tests SIGKILL it mid-batch, or SIGTERM it).
import pg from 'pg';
import { createSyncLedger, SECRET, serve } from './helpers.mjs';
import { KEYS } from './ledger-suite.mjs';

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
db.on('error', () => {});
const ledger = await createSyncLedger({ db, pruneIntervalMs: 0 });
const api = await serve({ ledger, ingestKeys: KEYS, basePath: '/api/sync-status', auth: { tokenSecret: SECRET } });
process.stdout.write(`${api.base}\n`);
process.once('SIGTERM', async () => {
  await api.close();
  await ledger.close();
  await db.end();
  process.exit(0);
});
