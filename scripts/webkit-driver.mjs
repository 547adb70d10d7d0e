// WebKitGTK for automation: MiniBrowser has no headless mode, so this starts an Xvfb display
// and a WebKitWebDriver on it, on a free display and port, for the tests (scripts/test.mjs)
// and screenshots.mjs. `stop()` ends both (the driver first, and the MiniBrowser it started).
import { spawn } from 'node:child_process';
import { findWebKit, findXvfb } from './browsers.mjs';
import { freePort } from './free-port.mjs';

/** @returns {Promise<{ display: string, port: number, browser: string, stop: () => void }>} */
export async function startWebKitDriver() {
  const webkit = findWebKit();
  const xvfb = findXvfb();
  if (!webkit || !xvfb) throw new Error('WebKitWebDriver, MiniBrowser or Xvfb is missing (node scripts/ensure-browsers.mjs webkit)');
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const stop = () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    children.length = 0;
  };
  try {
    // -displayfd: Xvfb picks a free display itself and writes its number on fd 3 when ready.
    const x = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    children.push(x);
    const display = await new Promise((resolve, reject) => {
      let out = '';
      x.stdio[3].on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(`:${out.trim()}`);
      });
      x.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
      setTimeout(() => reject(new Error('Xvfb did not start within 15 s')), 15_000).unref();
    });
    const port = await freePort();
    children.push(spawn(webkit.driver, [`--port=${port}`, '--host=local'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DISPLAY: display } }));
    await waitForHttp(`http://127.0.0.1:${port}/status`, 15_000);
    return { display, port, browser: webkit.browser, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
