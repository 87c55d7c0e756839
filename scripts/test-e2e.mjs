/**
 * Runs the end-to-end tests per engine, one after the other: every file in Chromium; in
 * Firefox and WebKit the files whose cases run in every engine (the journey, two tabs, expiry
 * and renewal, the strict-CSP page). Ends with each engine's count and time.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ENGINES, selectedEngines } from './browsers.mjs';

const dir = 'test/e2e';
const all = readdirSync(dir)
  .filter((name) => name.endsWith('.test.mjs'))
  .map((name) => `${dir}/${name}`);
const EVERY_ENGINE = ['journey', 'expiry', 'hostile'].map((name) => `${dir}/${name}.test.mjs`);
const COUNT = /^# (pass|fail|skipped) (\d+)$/gm;

function run(engine) {
  const files = engine === 'chromium' ? all : EVERY_ENGINE;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files],
      { env: { ...process.env, E2E_ENGINE: engine }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const stop = (signal) => child.kill(signal);
    process.on('SIGINT', stop).on('SIGTERM', stop);
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on('close', (code) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      const counts = Object.fromEntries([...out.matchAll(COUNT)].map((m) => [m[1], m[2]]));
      resolve({ engine, ok: code === 0, counts, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const results = [];
for (const engine of selectedEngines()) results.push(await run(engine));
console.log('\nEnd-to-end tests per engine:');
for (const { engine, ok, counts, seconds } of results) {
  console.log(
    `  ${ENGINES[engine].label.padEnd(9)} ${ok ? 'ok  ' : 'FAIL'} ${counts.pass ?? 0} passed, ${counts.fail ?? 0} failed, ${counts.skipped ?? 0} Chromium-only in ${seconds.toFixed(1)} s`,
  );
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
