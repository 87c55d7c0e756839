/**
 * Makes sure the WordPress test can run: installs Debian's `wordpress`, `php-cli` and
 * `mariadb-server` when it can (root with apt-get), as `npm run chromium` does for Chromium.
 * Elsewhere it says in one line what the WordPress test will skip and why; never fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { wordpressMissing } from '../test/wordpress/wordpress.mjs';

const PACKAGES = ['wordpress', 'php-cli', 'php-mysql', 'mariadb-server', 'unzip', 'zip', 'gettext'];
const POLICY = '/usr/sbin/policy-rc.d';

const canApt = () => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('which', ['apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function install() {
  console.log(`WordPress test: installing Debian packages ${PACKAGES.join(' ')} ...`);
  // The packages pull in apache2 and start MariaDB on their own; the test starts its own, on
  // a socket in a throwaway folder. A policy-rc.d for the install's duration keeps them stopped.
  const ownPolicy = !existsSync(POLICY);
  if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } finally {
    if (ownPolicy) rmSync(POLICY, { force: true });
  }
}

let missing = wordpressMissing();
if (missing && canApt()) {
  try {
    install();
  } catch {
    console.log('WordPress test: installing the Debian packages failed.');
  }
  missing = wordpressMissing();
}
if (missing) {
  console.log(
    `WordPress test skipped: ${missing} not installed (as root on Debian \`npm run test:wordpress\` installs them).`,
  );
} else {
  console.log('WordPress test: Debian packages present.');
}
