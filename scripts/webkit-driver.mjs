/**
 * Starts Debian's WebKitGTK WebDriver (and an Xvfb display for MiniBrowser when there is no
 * DISPLAY) on free ports, and stops both by process group. Shared by the browser tests and
 * the end-to-end tests.
 */
import { spawn } from 'node:child_process';
import { executable } from './browsers.mjs';
import { freePort } from './free-port.mjs';

/**
 * Session capabilities for MiniBrowser. `--automation` is required with an explicit binary
 * (without it MiniBrowser opens as a normal browser and session creation never returns);
 * classic WebDriver, because this driver rejects the BiDi capability.
 */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': {
      binary: executable('webkit', 'miniBrowser'),
      // The two-tab and popup tests open real windows with `window.open`.
      args: ['--automation', '--javascript-can-open-windows-automatically=true'],
    },
  };
}

/** Options for webdriverio's `remote()` against a driver on `port`, with bounded waits. */
export function webkitRemoteOptions(port) {
  return {
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    connectionRetryTimeout: 60_000,
    connectionRetryCount: 1,
    capabilities: webkitCapabilities(),
  };
}

/** Ends a detached child and everything it started (MiniBrowser, WebKit's helper processes). */
function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

async function startXvfb() {
  const xvfb = executable('webkit', 'xvfb');
  // -displayfd: Xvfb picks a free display itself and writes its number.
  const child = spawn(
    xvfb,
    ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    },
  );
  const display = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb gave no display within 10 s')), 10_000);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  }).catch((error) => {
    stopGroup(child);
    throw error;
  });
  return { child, display };
}

/** Starts the driver; resolves `{ port, stop() }` once it reports ready. */
export async function startWebKitDriver({ readyTimeoutMs = 20_000 } = {}) {
  const children = [];
  const stop = () => {
    for (const child of children.reverse()) stopGroup(child);
    children.length = 0;
  };
  process.once('exit', stop);
  try {
    let display = process.env.DISPLAY;
    if (!display) {
      const xvfb = await startXvfb();
      children.push(xvfb.child);
      display = xvfb.display;
    }
    const port = await freePort();
    const driver = spawn(executable('webkit', 'driver'), [`--port=${port}`, '--host=local'], {
      env: { ...process.env, DISPLAY: display },
      stdio: 'ignore',
      detached: true,
    });
    children.push(driver);
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (driver.exitCode !== null)
        throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/status`, {
        signal: AbortSignal.timeout(1000),
      })
        .then((response) => response.json())
        .then((status) => status.value?.ready === true)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline)
        throw new Error(`WebKitWebDriver not ready on port ${port} after ${readyTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { port, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
