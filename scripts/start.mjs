/**
 * `npm start`: builds the widgets bundle (and the React demo page) when stale, starts the
 * local ANVA Hub and the demo broker website, prints where everything is and how to log in.
 *
 * Options (flag, or environment variable): --site-port / SITE_PORT (8080),
 * --hub-port / HUB_PORT (4000, the Hub's identity origin), --api-port / HUB_API_PORT (4001, the
 * customer API's own origin), --single-origin / HUB_SINGLE_ORIGIN=1 (the API under /api on the
 * identity origin instead), --data / HUB_DATA (the Hub's default data file),
 * --access-ttl / HUB_ACCESS_TTL (the Hub's default access token lifetime), HUB_LATENCY and
 * HUB_LATENCY_MS (slow API answers, see demo/hub/README.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Newest modification time of the files under `paths` (0 when none exist). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

function mtimeOf(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(command, args, label) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${label} failed`))));
  });
}

const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Builds `dist/anva-widgets.js` when it is missing or older than `src/`, and the React demo
 * page when it is missing or older than its sources or the bundle. Returns what it built.
 */
export async function ensureBuilt({ react = true, quiet = false } = {}) {
  const built = [];
  const bundle = join(root, 'dist', 'anva-widgets.js');
  const sources = newestMtime([
    join(root, 'src'),
    join(root, 'vite.config.ts'),
    join(root, 'package.json'),
  ]);
  if (mtimeOf(bundle) < sources) {
    if (!quiet) console.log('Building dist/anva-widgets.js ...');
    await run(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], 'vite build');
    built.push('bundle');
  }
  if (react) {
    const page = join(root, 'demo', 'react', 'dist', 'index.html');
    const reactSources = Math.max(newestMtime([join(root, 'demo', 'react')]), mtimeOf(bundle));
    if (mtimeOf(page) < reactSources) {
      if (!quiet) console.log('Building the React demo page ...');
      await run(
        process.execPath,
        [viteBin, 'build', '--config', 'demo/react/vite.config.mjs', '--logLevel', 'warn'],
        'React page build',
      );
      built.push('react');
    }
  }
  return built;
}

function fail(line) {
  console.error(`npm start: ${line}`);
  process.exit(2);
}

function portFrom(value, name) {
  if (!/^\d+$/.test(String(value))) fail(`${name} must be a port number, got "${value}".`);
  const port = Number(value);
  if (port < 1 || port > 65535) fail(`${name} must be between 1 and 65535, got ${port}.`);
  return port;
}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        'site-port': { type: 'string' },
        'hub-port': { type: 'string' },
        'api-port': { type: 'string' },
        'single-origin': { type: 'boolean' },
        data: { type: 'string' },
        'access-ttl': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${error.message} (try --help).`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(
      'Usage: npm start -- [--site-port 8080] [--hub-port 4000] [--api-port 4001] [--single-origin]\n' +
        '                   [--data file] [--access-ttl seconds]\n' +
        'Environment: SITE_PORT, HUB_PORT, HUB_API_PORT, HUB_SINGLE_ORIGIN=1, HUB_DATA, HUB_ACCESS_TTL,\n' +
        '             HUB_LATENCY (e.g. contracts:20000), HUB_LATENCY_MS.',
    );
    process.exit(0);
  }
  const sitePort = portFrom(values['site-port'] ?? process.env.SITE_PORT ?? 8080, 'site port');
  const hubPort = portFrom(values['hub-port'] ?? process.env.HUB_PORT ?? 4000, 'Hub port');
  const singleOrigin =
    values['single-origin'] ?? ['1', 'true'].includes(process.env.HUB_SINGLE_ORIGIN ?? '');
  const apiPort = singleOrigin
    ? hubPort
    : portFrom(values['api-port'] ?? process.env.HUB_API_PORT ?? hubPort + 1, 'API port');
  if (new Set([sitePort, hubPort, apiPort]).size !== (singleOrigin ? 2 : 3)) {
    fail(
      `the site, the Hub and its API need different ports (site ${sitePort}, Hub ${hubPort}, API ${apiPort}).`,
    );
  }
  const dataFile = values.data ?? process.env.HUB_DATA;
  const accessTokenTtl = values['access-ttl'] ?? process.env.HUB_ACCESS_TTL;
  return {
    sitePort,
    hubPort,
    apiPort,
    singleOrigin,
    dataFile: dataFile ? resolve(dataFile) : undefined,
    accessTokenTtl,
  };
}

function printBanner({ site, hub, dataFile, outboxDir }) {
  const lines = [
    '',
    '  ANVA widgets demo is running',
    '',
    `  Broker website    ${site.url}/`,
    `  Snippet builder   ${site.url}/snippet.html`,
    `  React page        ${site.url}/react/index.html`,
    `  Hostile pages     ${site.url}/hostile/csp.html, csp-nonce, wordpress, twice, host-code, styles`,
    `  ANVA Hub          ${hub.issuer}`,
    `  Customer API      ${hub.apiBase}${hub.apiPort === hub.port ? '   (same origin as the Hub)' : ''}`,
    ...Object.entries(hub.latency ?? {}).map(
      ([route, ms]) =>
        `  Slow answers      ${route === '*' ? 'every API endpoint' : route}: ${ms} ms`,
    ),
    '',
    '  Demo customers: click "Inloggen" on the website, then log in on the Hub with',
  ];
  const logins = hub.demoLogins ?? [];
  const width = Math.max(0, ...logins.map((login) => login.label.length));
  for (const login of logins) {
    const how = login.activationUrl
      ? `${login.email}  not activated yet: open ${login.activationUrl}` +
        (login.password ? ` (or log in with temporary password ${login.password})` : '')
      : `${login.email}  /  ${login.password ?? '(no password)'}`;
    lines.push(`    ${login.label.padEnd(width)}  ${how}`);
  }
  lines.push(
    '',
    `  Broker console    ${hub.console.url}   (Account toevoegen, new links, revoking)`,
  );
  for (const login of hub.console.logins) {
    lines.push(
      `    ${`${login.role}, ${login.organization}`.padEnd(width)}  ${login.username}  /  ${login.password}`,
    );
  }
  lines.push(
    `  Outbox            ${outboxDir(hub.dataFile)}   (every e-mail the Hub sends; also in the console)`,
  );
  const data = dataFile ? ` --data ${dataFile}` : '';
  lines.push(
    '',
    `  Broker administration (another terminal): npm run hub -- account revoke --email <e>${data}`,
    `                                             npm run hub -- contacts${data}`,
    '',
    '  Ctrl-C stops everything.',
    '',
  );
  console.log(lines.join('\n'));
}

async function main() {
  const { sitePort, hubPort, apiPort, singleOrigin, dataFile, accessTokenTtl } = readOptions();
  const [{ startHub }, { startSite }, { outboxDir }] = await Promise.all([
    import(pathToFileURL(join(root, 'demo', 'hub', 'server.mjs')).href),
    import(pathToFileURL(join(root, 'demo', 'site-server.mjs')).href),
    import(pathToFileURL(join(root, 'demo', 'hub', 'outbox.mjs')).href),
  ]);
  const siteOrigin = `http://localhost:${sitePort}`;
  let hub;
  let site;
  try {
    hub = await startHub({
      port: hubPort,
      apiPort,
      singleOrigin,
      host: '127.0.0.1',
      issuer: `http://localhost:${hubPort}/identity`,
      siteOrigin,
      latency: process.env.HUB_LATENCY,
      latencyMs: process.env.HUB_LATENCY_MS,
      ...(dataFile ? { dataFile } : {}),
      ...(accessTokenTtl === undefined ? {} : { accessTokenTtl }),
    });
  } catch (error) {
    fail(
      error.code === 'EADDRINUSE' || /already in use/.test(error.message)
        ? `${error.message.replace(/ \(choose.*\)$/, '')}: stop what runs there or pick others with --hub-port / --api-port.`
        : `the Hub did not start: ${error.message}`,
    );
  }
  // The Hub checks its configuration first, so a bad setting fails before a slow build.
  try {
    await ensureBuilt();
  } catch (error) {
    await hub.close();
    fail(`${error.message}; see the output above.`);
  }
  try {
    site = await startSite({ port: sitePort, hubIssuer: hub.issuer, apiBase: hub.apiBase });
  } catch (error) {
    await hub.close();
    fail(
      error.code === 'EADDRINUSE'
        ? `port ${sitePort} is in use: stop what runs there or pick another with --site-port.`
        : `the demo site did not start: ${error.message}`,
    );
  }
  printBanner({ site, hub, dataFile, outboxDir });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping the demo site and the Hub ...`);
    await Promise.allSettled([site.close(), hub.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
