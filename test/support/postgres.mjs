// A real PostgreSQL server for the ledger's tests: Debian's `postgresql` (installed by
// scripts/test-server.mjs when missing), run as the `postgres` user in a fresh temp dir on a free
// loopback port, and removed on stop(). Never a shared or system cluster.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port.mjs';

/** The newest installed server's bin directory (/usr/lib/postgresql/<major>/bin), or null. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin/postgres')));
  majors.sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? join(root, majors[0], 'bin') : null;
}

function postgresIds() {
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a command as `postgres` when we are root (initdb and postgres refuse to run as root). */
function asPostgres(command, args) {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitReady(bin, dir, port, server) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}`);
    const [command, args] = asPostgres(join(bin, 'pg_isready'), ['-h', dir, '-p', String(port), '-q']);
    if (spawnSync(command, args).status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('postgres did not become ready within 30 s');
}

/**
 * Starts a server. Returns its connection string, `stop()`, and `restart()` (a fast shutdown and
 * a start on the same port and data, as when a database server restarts under its clients).
 */
export async function startPostgres() {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (scripts/test-server.mjs installs Debian\'s postgresql).');
  const dir = await mkdtemp(join(tmpdir(), 'isc-postgres-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();

  let server;
  const start = async () => {
    const [command, args] = asPostgres(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=100']);
    server = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    server.stderr.on('data', (chunk) => {
      log = (log + chunk).slice(-4000);
    });
    server.on('exit', (code) => {
      if (code && code !== 0 && process.env.ISC_POSTGRES_LOG) console.error(log);
    });
    await waitReady(bin, dir, port, server);
  };
  const halt = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    // SIGINT to the postmaster (its pid heads postmaster.pid; runuser does not pass signals on):
    // PostgreSQL's fast shutdown, clients disconnected without waiting for them.
    const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGINT');
    await exited;
  };

  // A test process that dies without stop() must not leave a server behind.
  const orphanGuard = () => {
    try {
      if (server && server.exitCode === null) process.kill(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGQUIT');
    } catch {
      // already gone
    }
  };
  process.once('exit', orphanGuard);

  await start();
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async restart() {
      await halt();
      await start();
    },
    async stop() {
      process.off('exit', orphanGuard);
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
