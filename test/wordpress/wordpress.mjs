/**
 * A real WordPress from Debian's packages for one test run: MariaDB on a unix socket in a
 * throwaway folder, a copy of /usr/share/wordpress with its own wp-config.php, the built plugin
 * zip unpacked and activated, and `php -S` on 127.0.0.1. `close()` stops exactly what it started.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chown,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/free-port.mjs';

const run = promisify(execFile);
const here = fileURLToPath(new URL('./site/', import.meta.url));
export const WORDPRESS_DIR = '/usr/share/wordpress';

/** What is missing for a WordPress run here, or '' when everything is installed. */
export function wordpressMissing() {
  const needs = {
    [WORDPRESS_DIR]: 'wordpress',
    '/usr/bin/php': 'php-cli',
    '/usr/sbin/mariadbd': 'mariadb-server',
    '/usr/bin/unzip': 'unzip',
    '/usr/bin/zip': 'zip',
    '/usr/bin/msgfmt': 'gettext',
  };
  return Object.entries(needs)
    .filter(([path]) => !existsSync(path))
    .map(([, name]) => name)
    .join(', ');
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check, what, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`WordPress test site: ${what} did not come up`);
    await wait(100);
  }
}

/** Starts a process in its own group, so stopping it stops its children (php -S workers) too. */
function start(command, args, options) {
  const child = spawn(command, args, { stdio: 'ignore', detached: true, ...options });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // A test run that dies early still takes its servers with it.
  const orphaned = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', orphaned);
  exited.then(() => process.off('exit', orphaned));
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      if (await Promise.race([exited.then(() => true), wait(5000)])) return;
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}

async function startDatabase(dir) {
  const data = join(dir, 'db');
  const socket = join(dir, 'mysqld.sock');
  await mkdir(data, { recursive: true });
  const asRoot = userInfo().uid === 0;
  const user = asRoot ? ['--user=mysql'] : [];
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'mysql']);
    const { stdout: gid } = await run('id', ['-g', 'mysql']);
    await chown(data, Number(stdout), Number(gid));
    await chown(dir, Number(stdout), Number(gid));
  }
  await run('mariadb-install-db', [
    '--no-defaults',
    ...user,
    `--datadir=${data}`,
    '--auth-root-authentication-method=socket',
    '--skip-test-db',
    '--innodb-log-file-size=8M',
  ]);
  const server = start('mariadbd', [
    '--no-defaults',
    ...user,
    `--datadir=${data}`,
    `--socket=${socket}`,
    '--skip-networking',
    `--log-error=${join(dir, 'mariadb.log')}`,
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=8M',
    '--innodb-flush-log-at-trx-commit=2',
  ]);
  const sql = (statement) => run('mariadb', [`--socket=${socket}`, '-uroot', '-e', statement]);
  await until(() => sql('SELECT 1').then(() => true), 'MariaDB');
  await sql(
    "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';",
  );
  return { socket, stop: server.stop };
}

/**
 * Copies Debian's WordPress (its wp-config.php only reads /etc/wordpress). Debian links some
 * libraries (underscore, getID3, …) relatively into /usr/share; in the copy they point at
 * the originals again.
 */
async function copySite(site) {
  await run('cp', ['-a', WORDPRESS_DIR, site]);
  const { stdout } = await run('find', [site, '-type', 'l']);
  for (const link of stdout.split('\n').filter(Boolean)) {
    const original = join(WORDPRESS_DIR, relative(site, link));
    const target = await realpath(original).catch(() => undefined);
    if (!target) continue;
    await rm(link);
    await symlink(target, link);
  }
}

function wpConfig({ dir, socket, origin }) {
  const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
    .flatMap((name) => [`${name}_KEY`, `${name}_SALT`])
    .map((name) => `define('${name}', '${name.toLowerCase()}-test-only');`)
    .join('\n');
  return `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
${salts}
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${join(dir, 'debug.log')}');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ENVIRONMENT_TYPE', 'local');
// The test switches DISALLOW_UNFILTERED_HTML on and off with this file, without a restart.
if (file_exists('${join(dir, 'disallow-unfiltered-html')}')) define('DISALLOW_UNFILTERED_HTML', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

/**
 * Starts the site with the plugin from `pluginZip` installed and activated. `muPlugins` maps
 * file names to PHP code placed in wp-content/mu-plugins.
 */
export async function startWordPress({ pluginZip, muPlugins = {} }) {
  const dir = await mkdtemp(join(tmpdir(), 'anva-wp-'));
  const stops = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const db = await startDatabase(dir);
    stops.push(db.stop);
    const site = join(dir, 'site');
    await copySite(site);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    await writeFile(join(site, 'wp-config.php'), wpConfig({ dir, socket: db.socket, origin }));
    const content = join(site, 'wp-content');
    for (const folder of ['themes', 'plugins', 'mu-plugins', 'uploads']) {
      await mkdir(join(content, folder), { recursive: true });
    }
    await cp(join(here, 'theme'), join(content, 'themes', 'anva-test'), { recursive: true });
    await copyFile(join(here, 'mu-test-env.php'), join(content, 'mu-plugins', 'test-env.php'));
    for (const [name, code] of Object.entries(muPlugins)) {
      await writeFile(join(content, 'mu-plugins', name), code);
    }
    await run('unzip', ['-q', pluginZip, '-d', join(content, 'plugins')]);
    const { stdout } = await run('php', [join(here, 'install.php'), site]);
    const users = JSON.parse(stdout);

    const server = start('php', ['-S', `127.0.0.1:${port}`, '-t', site], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    stops.push(server.stop);
    await until(async () => (await fetch(`${origin}/wp-login.php`)).ok, 'php -S');

    return {
      dir,
      origin,
      users,
      url: (path) => new URL(path, `${origin}/`).href,
      /** Runs PHP inside WordPress and returns what it printed. */
      async php(code) {
        const { stdout: out } = await run('php', [join(here, 'eval.php'), site, code]);
        return out;
      },
      /** A REST request as `login` (application password). */
      async rest(login, method, route, body) {
        const auth = Buffer.from(`${login}:${users[login].appPassword}`).toString('base64');
        const response = await fetch(`${origin}/?rest_route=${encodeURIComponent(route)}`, {
          method,
          headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
          body: body && JSON.stringify(body),
        });
        const json = await response.json();
        if (!response.ok)
          throw new Error(`${method} ${route} as ${login}: ${JSON.stringify(json)}`);
        return json;
      },
      async disallowUnfilteredHtml(on) {
        const flag = join(dir, 'disallow-unfiltered-html');
        if (on) await writeFile(flag, '');
        else await rm(flag, { force: true });
      },
      async debugLog() {
        const files = await readdir(dir);
        return files.includes('debug.log') ? join(dir, 'debug.log') : undefined;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
