/** Makes sure a Chromium is there for the browser tests: installs Debian's package when it can. */
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

function fail(line) {
  console.error(line);
  process.exit(1);
}

if (process.env.CHROME_PATH && !chromiumPath())
  fail(
    `CHROME_PATH=${process.env.CHROME_PATH} does not exist: point it at a Chrome/Chromium binary, or unset it.`,
  );
if (!chromiumPath()) {
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
  if (!canApt) {
    fail(
      'Chromium not found: install it (Debian: `apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  console.log('Chromium not found: installing Debian package "chromium" ...');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    fail(
      'Installing Chromium failed: run `apt-get install chromium` as root, or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  if (!chromiumPath())
    fail('Chromium still not found after installing: set CHROME_PATH to a Chrome/Chromium binary.');
}
console.log(`Chromium: ${chromiumPath()}`);
