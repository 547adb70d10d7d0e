// `npm test`: the whole browser suite in Chromium, Firefox and WebKit, one engine after another,
// then one summary (passed / failed / skipped per engine, why each skip, which tests failed, time per engine).
//   node scripts/test.mjs                       all three engines
//   node scripts/test.mjs firefox               one engine (npm run test:firefox)
//   node scripts/test.mjs webkit --files test/components/theme.test.ts   other arguments go to wtr
// Each engine's browser is installed first when missing (ensure-browsers.mjs). WebKit runs in
// MiniBrowser, which has no headless mode: this script starts an Xvfb display and a
// WebKitWebDriver for that run, on a free display and port, and stops both afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ENGINES } from './browsers.mjs';
import { ensureBrowsers } from './ensure-browsers.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';
import { ensureBuilt } from '../test/support/built-output.mjs';

const args = process.argv.slice(2);
const engines = args.filter((arg) => ENGINES.includes(arg));
const wtrArgs = args.filter((arg) => !ENGINES.includes(arg));
const chosen = engines.length ? engines : ENGINES;

ensureBrowsers(chosen);
// The tests of the built output need dist/ fresh: build once here, not inside each engine's run
// (where a slow build would outlast the browser's 20 s wait for a server command).
console.log(`dist/: ${await ensureBuilt()}`);

const scratch = mkdtempSync(join(tmpdir(), 'isc-test-'));
/** @type {{ stop: () => void }[]} */
const services = [];
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    stopServices();
    process.exit(130);
  });
}

const results = [];
for (const engine of chosen) {
  if (stopping) break;
  console.log(`\n── ${engine} ${'─'.repeat(60 - engine.length)}`);
  const started = Date.now();
  const env = { ...process.env, ISC_ENGINE: engine, ISC_RESULTS: join(scratch, `${engine}.json`) };
  let code;
  try {
    if (engine === 'webkit') Object.assign(env, await startWebKit());
    code = await run(process.execPath, [join('node_modules', '@web', 'test-runner', 'dist', 'bin.js'), ...wtrArgs], env);
  } catch (error) {
    console.error(`${engine}: ${error instanceof Error ? error.message : error}`);
    code = 1;
  } finally {
    stopServices();
  }
  let counts = { passed: 0, failed: 0, skipped: 0, failedFiles: 0, skips: [], failures: [] };
  try {
    counts = JSON.parse(readFileSync(env.ISC_RESULTS, 'utf8'));
  } catch {
    // the run died before its reporter wrote anything: counted as failed below
  }
  results.push({ engine, code, seconds: (Date.now() - started) / 1000, ...counts });
}
rmSync(scratch, { recursive: true, force: true });

printSummary(results);
process.exit(results.length === chosen.length && results.every((result) => result.code === 0) ? 0 : 1);

function printSummary(rows) {
  console.log('\nengine     passed  failed  skipped  time');
  for (const row of rows) {
    console.log(`${row.engine.padEnd(10)} ${String(row.passed).padStart(6)}  ${String(failedOf(row)).padStart(6)}  ${String(row.skipped).padStart(7)}  ${row.seconds.toFixed(0)} s${row.code !== 0 ? '  (exit ' + row.code + ')' : ''}`);
  }
  for (const row of rows) {
    if (!row.skips.length) continue;
    const byReason = new Map();
    for (const skip of row.skips) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip]);
    console.log(`\nskipped in ${row.engine} (${row.skips.length}):`);
    for (const [reason, skips] of byReason) {
      console.log(`  ${skips.length} × ${reason}`);
      for (const skip of skips) console.log(`      ${skip.test}`);
    }
  }
  // Named again here because a CI log is often read from its end.
  for (const row of rows) {
    if (!row.failures.length) continue;
    console.log(`\nfailed in ${row.engine} (${row.failures.length}):`);
    for (const failure of row.failures) console.log(`  ${relative(process.cwd(), failure.file)}: ${failure.test}\n      ${failure.error}`);
  }
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  console.log(`\ntotal: ${total('passed')} passed, ${rows.reduce((sum, row) => sum + failedOf(row), 0)} failed, ${total('skipped')} skipped`);
}

/** Failed tests and files; a run that exited non-zero with none counted (it died) counts as one. */
function failedOf(row) {
  const counted = row.failed + row.failedFiles;
  return counted === 0 && row.code !== 0 ? 1 : counted;
}

/** Starts Xvfb and WebKitWebDriver; resolves to the environment the WebKit run needs. */
async function startWebKit() {
  const webkit = await startWebKitDriver();
  services.push(webkit);
  return { DISPLAY: webkit.display, ISC_WEBDRIVER_PORT: String(webkit.port) };
}

function stopServices() {
  for (const service of services.splice(0)) service.stop();
}

function run(command, argv, env) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
