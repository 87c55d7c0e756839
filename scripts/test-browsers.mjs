/**
 * Runs the web-test-runner suite once per engine (Chromium, Firefox, WebKit, or those named
 * on the command line or in `BROWSERS`), one after the other, and ends with each engine's
 * test count and time, and the failed tests again (their reports are otherwise far up in the
 * log). Exits non-zero when any engine fails.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ENGINES, selectedEngines } from './browsers.mjs';

const bin = fileURLToPath(new URL('../node_modules/.bin/web-test-runner', import.meta.url));
// The last "N passed, M failed" line of a run.
const COUNTS = /(\d+) passed, (\d+) failed/g;
const forward = (child) => (signal) => child.kill(signal);
// eslint-disable-next-line no-control-regex -- the runner colours its output
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const FILE_HEADER = /^\S.*\.test\.ts:$/;

/** The runner's reports of failed tests: file, test and the first lines of each error. */
function failures(log) {
  const lines = log.replace(ANSI, '').split('\n');
  const reports = [];
  let file = '';
  lines.forEach((line, index) => {
    if (FILE_HEADER.test(line)) file = line;
    if (!line.startsWith(' ❌')) return;
    const detail = lines.slice(index + 1, index + 7).filter((next) => next.trim() !== '');
    reports.push([file, line, ...detail].join('\n'));
  });
  return reports;
}

function run(engine) {
  const started = performance.now();
  return new Promise((resolve) => {
    // The binary itself, not through npx, so an interrupt reaches it and the browsers it owns.
    const child = spawn(bin, [], {
      env: { ...process.env, BROWSERS: engine },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const stop = forward(child);
    process.on('SIGINT', stop).on('SIGTERM', stop);
    let log = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      log += chunk;
    });
    child.on('close', (code) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      const counts = [...log.slice(-4000).matchAll(COUNTS)].at(-1);
      resolve({
        engine,
        ok: code === 0,
        passed: Number(counts?.[1] ?? 0),
        failed: Number(counts?.[2] ?? 0),
        seconds: (performance.now() - started) / 1000,
        failures: failures(log),
      });
    });
  });
}

const results = [];
for (const engine of selectedEngines()) results.push(await run(engine));
console.log('\nBrowser tests per engine:');
for (const { engine, ok, passed, failed, seconds, failures } of results) {
  const label = ENGINES[engine].label.padEnd(9);
  console.log(
    `  ${label} ${ok ? 'ok  ' : 'FAIL'} ${passed} passed, ${failed} failed in ${seconds.toFixed(1)} s`,
  );
  for (const report of failures) console.log(report.replace(/^/gm, '    '));
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
