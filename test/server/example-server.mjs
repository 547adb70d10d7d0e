// examples/server/server.mjs as a test starts it: a child process on a free port, its ledger on
// PGlite in a temporary folder of its own (test files run at once: no two share a folder), and
// a connector that reports into it over HTTP the way docs/ledger.md's curl examples do.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const INGEST_KEY = 'netsuite-ingest-key-for-the-example-tests';

/**
 * Starts the example; resolves when it listens (PGlite's first start creates the database: seconds).
 * @param {Record<string, string>} [env] more environment (EMBED_TOKEN_SECRET, …)
 */
export async function startExampleServer(env = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'isc-example-ledger-'));
  const child = spawn(process.execPath, ['examples/server/server.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', LEDGER_DIR: folder, INGEST_KEYS: `netsuite=${INGEST_KEY}`, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const [line] = await Promise.race([once(child.stdout, 'data'), exited.then(([code]) => Promise.reject(new Error(`the example exited (${code})`)))]);
  const base = /(http:\/\/\S+)/.exec(String(line))[1];
  return {
    base,
    origin: new URL(base).origin,
    line: String(line),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** What a connector sends: `body` as JSON with the ingest key. */
export function connectorCall(url, method, body, key = INGEST_KEY) {
  return fetch(url, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * The NetSuite connector's first report, as docs/ledger.md shows it: the integration and its
 * customer sync, company 42 up to date, company 43 failing after an earlier success.
 * @param {string} base the API's base URL
 * @param {{ portalId?: string }} [options]
 */
export async function reportExampleOutcomes(base, { portalId } = {}) {
  const registration = await connectorCall(`${base}/ledger/integrations/netsuite`, 'PUT', {
    name: 'NetSuite',
    state: 'active',
    ...(portalId ? { portalId } : {}),
    syncTypes: [{ syncId: 'netsuite:customer', label: 'NetSuite customer', objectType: 'company', enabled: true }],
  });
  if (registration.status !== 200) throw new Error(`registration answered ${registration.status}: ${await registration.text()}`);
  const minutesAgo = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();
  const outcome = (eventId, objectId, status, minutes, extra = {}) => ({
    eventId,
    integrationId: 'netsuite',
    syncId: 'netsuite:customer',
    record: { objectType: 'company', objectId, ...(portalId ? { portalId } : {}) },
    occurredAt: minutesAgo(minutes),
    status,
    ...extra,
  });
  const events = [
    outcome('run-1/company/42', '42', 'up_to_date', 3, { syncedWith: { name: 'Acme Corp (CUS-1042)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=1042' } }),
    outcome('run-1/company/43', '43', 'up_to_date', 90, { syncedWith: { name: 'Globex Corporation (CUS-2001)', url: 'https://1234567.app.netsuite.com/app/common/entity/custjob.nl?id=2001' } }),
    outcome('run-2/company/43', '43', 'record_not_synced', 10, {
      detail: { message: "Required field 'Subsidiary' is missing.", code: 'MISSING_REQUIRED_FIELD', category: 'missing_data' },
    }),
  ];
  const response = await connectorCall(`${base}/ledger/events`, 'POST', { events });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`events answered ${response.status}: ${JSON.stringify(body)}`);
  return body.results;
}
