/**
 * The local ANVA Hub on 127.0.0.1, on two origins as ANVA serves it: the OpenID Connect
 * provider under the issuer's path (default /identity) with the Hub's pages and static assets
 * under /assets on one, the customer API on another (default: the next port). With
 * `singleOrigin` the API is under /api on the identity origin instead.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { compress } from '../compression.mjs';
import { createAdapterStore } from './adapter.mjs';
import { createApi } from './api.mjs';
import { brandStylesheet } from './brokers.mjs';
import { createConsole } from './console.mjs';
import {
  clientOrganizations,
  clientOrigins,
  DEFAULT_DATA_FILE,
  HubConfigError,
  loadClients,
  resolveOptions,
} from './config.mjs';
import { DEFAULT_SEED_FILE, loadDossier } from './dossier.mjs';
import { createInteractions } from './interactions.mjs';
import { createProvider } from './provider.mjs';
import { secretHash, StateFile } from './state.mjs';
import { createThrottle } from './throttle.mjs';

export { HubConfigError } from './config.mjs';

const ASSETS = new URL('./assets/', import.meta.url);
const ASSET_TYPES = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * What the provider, the pages and the API share.
 * @typedef {object} Hub
 * @property {string} issuer
 * @property {string} apiBase
 * @property {string} mountPath the issuer's path, e.g. "/identity"
 * @property {string} assetsPath
 * @property {string} assetsBase absolute URL of the assets, for links the API hands out
 * @property {Record<string, number>} latency extra milliseconds per API route, `*` for all
 * @property {string} siteOrigin
 * @property {Array<Record<string, any>>} clients
 * @property {Set<string>} origins registered client origins (CORS, form targets)
 * @property {Map<string, Set<string>>} clientOrganizations organisation ids each client serves
 * @property {import('./dossier.mjs').Dossier} dossier
 * @property {any} state the data file's current content
 * @property {(id: unknown) => any} accountById
 * @property {<T>(change: (state: any) => T) => T} update
 * @property {ReturnType<typeof createThrottle>} throttle
 * @property {(line: string) => void} log
 * @property {string} dataFile
 * @property {string} [seedFile]
 * @property {string} [staffFile]
 */

/** @param {import('node:http').Server} server */
function listen(server, port, host, setting = '--port or HUB_PORT') {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new HubConfigError(
              `port ${port} on ${host} is already in use (choose another with ${setting})`,
            )
          : error,
      ),
    );
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/** The port of a server: listened on here, or already listening when the caller made it. */
const portOf = (server, port, host, given, setting) =>
  given ? Promise.resolve(server.address().port) : listen(server, port, host, setting);

/**
 * Starts a Hub. Throws HubConfigError (one-line message) on bad configuration.
 * `servers: { identity, api }` hands it HTTP servers that already listen (on port 0, so a test
 * never loses its port to another process); the Hub answers on them and closes them.
 * @param {import('./config.mjs').HubOptions & { servers?: { identity?:
 *   import('node:http').Server, api?: import('node:http').Server } }} [options]
 * @returns {Promise<{ issuer: string, apiBase: string, port: number, apiPort: number,
 *   dataFile: string, close(): Promise<void>, demoLogins: Array<{ label: string, email: string,
 *   password?: string, activationUrl?: string }> }>}
 */
export async function startHub({ servers = {}, ...options } = {}) {
  const config = resolveOptions({
    ...options,
    ...(servers.identity ? { port: servers.identity.address().port } : {}),
    ...(servers.api ? { apiPort: servers.api.address().port } : {}),
  });
  const dossier = loadDossier(config.seedFile ?? DEFAULT_SEED_FILE);
  const clients = loadClients(config.clientsFile, config.siteOrigin);
  const dataFile = config.dataFile ?? DEFAULT_DATA_FILE;
  const stateFile = new StateFile(dataFile);
  let state = await stateFile.ensure(dossier);
  let stamp = stateFile.stamp();

  const server = servers.identity ?? createServer();
  const port = await portOf(server, config.port, config.host, servers.identity);
  const apiServer = config.singleOrigin ? undefined : (servers.api ?? createServer());
  const apiPort = apiServer
    ? await portOf(
        apiServer,
        config.apiPort,
        config.host,
        servers.api,
        '--api-port or HUB_API_PORT',
      ).catch(async (error) => {
        server.close();
        throw error;
      })
    : port;
  const issuer = config.issuer ?? `http://localhost:${port}/identity`;
  const issuerUrl = new URL(issuer);
  const apiBase =
    config.apiBase ??
    (config.singleOrigin ? `${issuerUrl.origin}/api` : `http://localhost:${apiPort}`);
  const apiPath = new URL(apiBase).pathname.replace(/\/+$/, '');
  const { Adapter, purgeAccount } = createAdapterStore();
  // Logos the Hub serves itself are registered as {HUB}/assets/...: its origin is known now.
  for (const client of clients) {
    if (client.logo_uri) client.logo_uri = client.logo_uri.replace('{HUB}', issuerUrl.origin);
  }

  /** Takes the newest data file; sessions and tokens of accounts whose access changed go. */
  const reload = () => {
    const next = stateFile.read();
    for (const before of state.accounts) {
      const after = next.accounts.find((a) => a.id === before.id);
      if (!after || after.tokenGeneration !== before.tokenGeneration || after.revoked) {
        purgeAccount(before.id);
      }
    }
    state = next;
    stamp = stateFile.stamp();
  };

  // Another process (the admin CLI) may have changed the data file: checked on every request.
  const refresh = () => {
    try {
      if (stateFile.stamp() !== stamp) reload();
    } catch (error) {
      config.log(
        `hub: keeping the last good state, the data file could not be read (${error.message})`,
      );
    }
  };

  /** @type {Hub} */
  const hub = {
    issuer,
    apiBase,
    mountPath: issuerUrl.pathname.replace(/\/$/, ''),
    assetsPath: '/assets',
    assetsBase: `${issuerUrl.origin}/assets`,
    latency: config.latency,
    siteOrigin: config.siteOrigin,
    clients,
    origins: clientOrigins(clients),
    clientOrganizations: clientOrganizations(clients),
    dossier,
    get state() {
      return state;
    },
    accountById: (id) => state.accounts.find((account) => String(account.id) === String(id)),
    update(change) {
      const result = stateFile.update(change);
      reload();
      return result;
    },
    throttle: createThrottle(config.throttle),
    log: config.log,
    dataFile,
    seedFile: config.seedFile,
    staffFile: options.staffFile,
  };

  const provider = createProvider(hub, { accessTokenTtl: config.accessTokenTtl, Adapter });
  const providerCallback = provider.callback();
  const interactions = createInteractions(hub, provider);
  const api = createApi(hub);
  const brokerConsole = createConsole(hub);

  /** Answers the API when the path is under the API base's path; returns false otherwise. */
  const answerApi = async (req, res, url) => {
    const path = url.pathname;
    if (path !== apiPath && !path.startsWith(`${apiPath}/`)) return false;
    await api(req, res, path.slice(apiPath.length) || '/', url);
    return true;
  };

  const handler = (answer) => async (req, res) => {
    try {
      refresh();
      await answer(req, res);
    } catch (error) {
      config.log(`hub: ${error.message}`);
      if (!res.headersSent) res.writeHead(error.status ?? 500, { 'Content-Type': 'text/plain' });
      res.end();
    }
  };

  apiServer?.on(
    'request',
    handler(async (req, res) => {
      const url = new URL(req.url ?? '/', new URL(apiBase).origin);
      if (!(await answerApi(req, res, url))) await api(req, res, '/', url);
    }),
  );

  server.on(
    'request',
    handler(async (req, res) => {
      const url = new URL(req.url ?? '/', issuerUrl.origin);
      const path = url.pathname;
      if (config.singleOrigin && (await answerApi(req, res, url))) return;
      if (path.startsWith('/assets/brand/')) {
        serveBrandStylesheet(hub, req, res, path.slice('/assets/brand/'.length));
      } else if (path.startsWith('/assets/')) {
        serveAsset(req, res, path.slice('/assets/'.length));
      } else if (path === '/beheer' || path.startsWith('/beheer/')) {
        await brokerConsole(req, res, path, url);
      } else if (path.startsWith(`${hub.mountPath}/`)) {
        const inner = path.slice(hub.mountPath.length);
        if (await interactions(req, res, inner)) return;
        // Mounted like app.use('/identity', ...): oidc-provider reads the prefix from originalUrl.
        Object.assign(req, { originalUrl: req.url, url: req.url.slice(hub.mountPath.length) });
        providerCallback(req, res);
      } else {
        res.writeHead(302, { Location: `${issuer}/.well-known/openid-configuration` }).end();
      }
    }),
  );

  const demoLogins = dossier.accounts.map((seed) => {
    const account = state.accounts.find((a) => a.id === seed.id);
    const activationLive =
      seed.activationToken && account?.activation?.tokenHash === secretHash(seed.activationToken);
    return {
      label: seed.label,
      email: seed.email,
      ...(seed.password || (account?.mustChangePassword && seed.temporaryPassword)
        ? { password: seed.password ?? seed.temporaryPassword }
        : {}),
      ...(activationLive ? { activationUrl: `${issuer}/activate/${seed.activationToken}` } : {}),
    };
  });

  return {
    issuer,
    apiBase,
    port,
    apiPort,
    latency: config.latency,
    dataFile,
    demoLogins,
    console: brokerConsole.info,
    async close() {
      await Promise.all(
        [server, apiServer].filter(Boolean).map((each) => {
          each.closeAllConnections();
          return new Promise((resolve) => each.close(resolve));
        }),
      );
    },
  };
}

function serveAsset(req, res, name) {
  const match = /^(hub\.css|console\.css|logout\.js|password\.js|icons\/[a-z0-9-]+\.svg)$/.exec(
    name,
  );
  let body;
  try {
    body = match && readFileSync(new URL(name, ASSETS));
  } catch {
    body = undefined;
  }
  if (!body) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const type = ASSET_TYPES[name.split('.').pop()];
  const sent = compress(req, type, body);
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': 'public, max-age=300',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
    ...sent.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : sent.body);
}

/** `/assets/brand/<client_id>.css`: a website's colour from its registration. */
function serveBrandStylesheet(hub, req, res, name) {
  const css = name.endsWith('.css') && brandStylesheet(hub, decodeURIComponent(name.slice(0, -4)));
  if (!css) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const sent = compress(req, ASSET_TYPES.css, Buffer.from(css));
  res.writeHead(200, {
    'Content-Type': ASSET_TYPES.css,
    'Cache-Control': 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
    ...sent.headers,
  });
  res.end(sent.body);
}
