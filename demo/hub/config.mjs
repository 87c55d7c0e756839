/** Configuration of the local Hub: defaults, validation, and the registered clients. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A configuration problem, meant to be shown as one line. */
export class HubConfigError extends Error {
  name = 'HubConfigError';
}

export const DEFAULT_PORT = 4000;
/** The customer API's own origin, as ANVA serves its APIs on another host than the Hub. */
export const DEFAULT_API_PORT = 4001;
/** The API endpoints a latency can be set for (see parseLatency). */
export const API_ROUTES = ['account', 'organizations', 'permissions', 'contracts', 'contract'];
export const DEFAULT_SITE_ORIGIN = 'http://localhost:8080';
/** The data file of `npm start` and the CLI, so admin commands reach the running demo Hub. */
export const DEFAULT_DATA_FILE = fileURLToPath(
  new URL('../../.hub-data/state.json', import.meta.url),
);
export const DEFAULT_CLIENTS_FILE = fileURLToPath(new URL('./clients.json', import.meta.url));
export const DEFAULT_ACCESS_TOKEN_TTL = 300;

/**
 * @typedef {object} HubOptions
 * @property {number} [port] identity port; 0 picks a free port (only when no issuer is given)
 * @property {number} [apiPort] customer API port (default: the identity port + 1, or 0 with 0)
 * @property {boolean} [singleOrigin] the API under `/api` on the identity origin instead
 * @property {string} [host]
 * @property {string} [issuer]
 * @property {string} [apiBase] the API's public URL, when something else stands in front of it
 * @property {Record<string, number> | string} [latency] extra milliseconds per API endpoint,
 *   `{ contracts: 20000 }` or `"contracts:20000"`; `*` for every endpoint
 * @property {number | string} [latencyMs] extra milliseconds for every API endpoint
 * @property {string} [siteOrigin]
 * @property {string} [dataFile]
 * @property {string} [clientsFile]
 * @property {number} [accessTokenTtl] seconds
 * @property {string} [seedFile]
 * @property {(line: string) => void} [log]
 * @property {Partial<import('./throttle.mjs').ThrottleOptions>} [throttle]
 */

/** @param {unknown} value @param {string} name */
export function parsePort(value, name = 'port') {
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || value === '') {
    throw new HubConfigError(`${name} must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** @param {unknown} value @param {string} name */
export function parseTtl(value, name = 'access-ttl') {
  const ttl = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(ttl) || ttl < 5 || ttl > 86400 || value === '') {
    throw new HubConfigError(`${name} must be a number of seconds from 5 to 86400, got "${value}"`);
  }
  return ttl;
}

/** An http(s) URL without query or fragment; trailing slashes are dropped. */
export function parseBaseUrl(value, name) {
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new HubConfigError(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new HubConfigError(
      `${name} must be an http(s) URL without query or fragment, got "${value}"`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** @param {unknown} value */
export function parseOrigin(value, name = 'site origin') {
  const href = parseBaseUrl(value, name);
  const { origin } = new URL(href);
  if (href !== origin) {
    throw new HubConfigError(
      `${name} must be an origin like http://localhost:8080, got "${value}"`,
    );
  }
  return origin;
}

/**
 * Extra time per API endpoint before it answers: `"contracts:20000,account:500"` or an
 * object; `latencyMs` applies to every endpoint that is not named.
 * @returns {Record<string, number>} milliseconds per route name, `*` for the others
 */
export function parseLatency(latency, latencyMs, name = 'latency') {
  const entries =
    typeof latency === 'string'
      ? latency
          .split(',')
          .filter((part) => part.trim())
          .map((part) => part.split(':').map((piece) => piece.trim()))
      : Object.entries(latency ?? {});
  if (latencyMs !== undefined && latencyMs !== '') entries.push(['*', latencyMs]);
  const result = {};
  for (const [route, value] of entries) {
    const ms = typeof value === 'number' ? value : Number(value);
    if (route !== '*' && !API_ROUTES.includes(route)) {
      throw new HubConfigError(
        `${name}: unknown endpoint "${route}" (one of ${API_ROUTES.join(', ')})`,
      );
    }
    if (!Number.isInteger(ms) || ms < 0 || ms > 300_000 || value === '') {
      throw new HubConfigError(
        `${name}: ${route} must be a whole number of milliseconds up to 300000, got "${value}"`,
      );
    }
    result[route] = ms;
  }
  return result;
}

/**
 * Fills in defaults and validates; throws HubConfigError on the first problem.
 * @param {HubOptions} options
 */
export function resolveOptions(options = {}) {
  const port = parsePort(options.port ?? DEFAULT_PORT);
  const singleOrigin = options.singleOrigin === true || options.singleOrigin === 'true';
  const apiPort = parsePort(options.apiPort ?? (port === 0 ? 0 : port + 1), 'api port');
  const issuer = options.issuer === undefined ? undefined : parseBaseUrl(options.issuer, 'issuer');
  const apiBase =
    options.apiBase === undefined ? undefined : parseBaseUrl(options.apiBase, 'api base');
  if (port === 0 && issuer) {
    throw new HubConfigError('port 0 (any free port) cannot be combined with a fixed issuer');
  }
  if (!singleOrigin && apiPort === 0 && apiBase) {
    throw new HubConfigError('api port 0 (any free port) cannot be combined with a fixed api base');
  }
  if (!singleOrigin && apiPort !== 0 && apiPort === port) {
    throw new HubConfigError(
      `identity and API need different ports (both ${port}); or choose the single-origin layout`,
    );
  }
  return {
    port,
    apiPort,
    singleOrigin,
    host: options.host ?? '127.0.0.1',
    issuer,
    apiBase,
    latency: parseLatency(options.latency, options.latencyMs),
    siteOrigin: parseOrigin(options.siteOrigin ?? DEFAULT_SITE_ORIGIN),
    dataFile: options.dataFile === undefined ? undefined : resolve(options.dataFile),
    clientsFile: resolve(options.clientsFile ?? DEFAULT_CLIENTS_FILE),
    accessTokenTtl: parseTtl(options.accessTokenTtl ?? DEFAULT_ACCESS_TOKEN_TTL),
    seedFile: options.seedFile === undefined ? undefined : resolve(options.seedFile),
    log: options.log ?? ((line) => console.log(line)),
    throttle: options.throttle ?? {},
  };
}

/**
 * Reads the clients file: `{ "clients": [ { client_id, client_name, organizations,
 * redirect_uris, ... } ] }`. `{SITE}` anywhere in a string is replaced by the demo site's
 * origin. `organizations` is the Hub's own setting (oidc-provider ignores it).
 * @returns {Array<Record<string, any>>} client metadata for oidc-provider
 */
export function loadClients(file, siteOrigin) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8').replaceAll('{SITE}', siteOrigin));
  } catch (error) {
    throw new HubConfigError(`clients file ${file} is not readable JSON (${error.message})`);
  }
  if (!Array.isArray(parsed?.clients) || parsed.clients.length === 0) {
    throw new HubConfigError(`clients file ${file} must have a non-empty "clients" list`);
  }
  return parsed.clients.map((client, index) => {
    const where = `clients file ${file}, client ${client?.client_id ?? index + 1}`;
    if (typeof client?.client_id !== 'string' || !client.client_id) {
      throw new HubConfigError(`${where}: "client_id" is required`);
    }
    if (typeof client.client_name !== 'string' || !client.client_name) {
      throw new HubConfigError(`${where}: "client_name" is required`);
    }
    // The broker (or broker group) whose website this is: its token reads only their dossiers.
    const organizations = client.organizations;
    if (
      !Array.isArray(organizations) ||
      organizations.length === 0 ||
      !organizations.every((id) => ['string', 'number'].includes(typeof id) && id !== '')
    ) {
      throw new HubConfigError(
        `${where}: "organizations" must list the organisation ids it serves`,
      );
    }
    for (const key of ['redirect_uris', 'post_logout_redirect_uris']) {
      const list = client[key] ?? [];
      if (!Array.isArray(list) || (key === 'redirect_uris' && list.length === 0)) {
        throw new HubConfigError(`${where}: "${key}" must be a list of URLs`);
      }
      for (const uri of list) parseBaseUrl(uri, `${where}: ${key} entry`);
    }
    return {
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      ...client,
    };
  });
}

/** Every origin a registered client may call the Hub from (CORS). */
export function clientOrigins(clients) {
  const origins = new Set();
  for (const client of clients) {
    for (const uri of [...client.redirect_uris, ...(client.post_logout_redirect_uris ?? [])]) {
      origins.add(new URL(uri).origin);
    }
  }
  return origins;
}

/** Organisation ids (as strings) per client id: whose dossiers a client's tokens may read. */
export function clientOrganizations(clients) {
  return new Map(
    clients.map((client) => [client.client_id, new Set(client.organizations.map(String))]),
  );
}
