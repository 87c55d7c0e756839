/**
 * Makes sure the engines the tests run in are there: installs Debian's packages when it can
 * (root with apt-get), otherwise says in one line what to install. Engines: the command-line
 * names, else `BROWSERS`, else Chromium, Firefox and WebKit. No browser comes from anywhere
 * but Debian's packages.
 */
import { execFileSync } from 'node:child_process';
import { ENGINES, isInstalled, selectedEngines } from './browsers.mjs';

function fail(line) {
  console.error(line);
  process.exit(1);
}

let engines;
try {
  engines = selectedEngines();
} catch (error) {
  fail(error.message);
}
for (const [variable, engine] of [
  ['CHROME_PATH', 'chromium'],
  ['FIREFOX_PATH', 'firefox'],
  ['WEBKIT_DRIVER_PATH', 'webkit'],
]) {
  if (process.env[variable] && engines.includes(engine) && !isInstalled(engine))
    fail(
      `${variable}=${process.env[variable]} does not exist: point it at the binary, or unset it.`,
    );
}

const missing = engines.filter((engine) => !isInstalled(engine));
if (missing.length) {
  const labels = missing.map((engine) => ENGINES[engine].label).join(', ');
  const packages = missing.flatMap((engine) => ENGINES[engine].packages);
  const advice = `install them (Debian: \`apt-get install ${packages.join(' ')}\`), or pick engines with BROWSERS=${engines.filter((e) => !missing.includes(e)).join(',') || 'chromium'}.`;
  const canApt =
    process.getuid?.() === 0 &&
    (() => {
      try {
        execFileSync('which', ['apt-get'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
  if (!canApt)
    fail(`Not found: ${labels}. As root, \`npm run browsers\` installs them; else ${advice}`);
  console.log(`Not found: ${labels}. Installing Debian packages: ${packages.join(' ')} ...`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    fail(`Installing failed: ${advice}`);
  }
  const still = missing.filter((engine) => !isInstalled(engine));
  if (still.length)
    fail(`Still not found after installing: ${still.map((e) => ENGINES[e].label).join(', ')}.`);
}
for (const engine of engines) {
  const found = Object.values(ENGINES[engine].executables()).join(', ');
  console.log(`${ENGINES[engine].label}: ${found}`);
}
