/**
 * The customer REST API: GET only, every answer in the envelope `{ data: { items: [...] } }`,
 * every error as `{ error: { code, message } }`. Access tokens are the provider's JWTs for this
 * API as resource, checked with jose against the provider's own key set.
 */
import { createPublicKey } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { compress } from '../compression.mjs';
import { contractsOf } from './dossier.mjs';

const ALGORITHMS = ['RS256'];
const REALM = 'ANVA Hub';

class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message, wwwAuthenticate) {
    super(message);
    this.status = status;
    this.code = code;
    this.wwwAuthenticate = wwwAuthenticate;
  }
}

const bearer = (error, description) =>
  `Bearer realm="${REALM}"${error ? `, error="${error}", error_description="${description}"` : ''}`;

const invalidToken = (description, message) =>
  new ApiError(401, 'unauthorized', message, bearer('invalid_token', description));

/** @param {import('./server.mjs').Hub} hub */
export function createApi(hub) {
  const { kid } = hub.state.signingKey;
  const publicKey = createPublicKey({ key: hub.state.signingKey, format: 'jwk' }).export({
    format: 'jwk',
  });
  const jwks = createLocalJWKSet({ keys: [{ ...publicKey, kid, alg: 'RS256', use: 'sig' }] });

  const corsHeaders = (origin) =>
    origin && hub.origins.has(origin)
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Expose-Headers': 'WWW-Authenticate',
          Vary: 'Origin',
        }
      : { Vary: 'Origin' };

  async function authenticate(req, url) {
    if (url.searchParams.has('access_token')) {
      throw new ApiError(
        400,
        'invalid-request',
        'Send the access token in the Authorization header, never in the URL.',
        bearer('invalid_request', 'access token in query string'),
      );
    }
    const header = req.headers.authorization;
    if (!header) {
      throw new ApiError(
        401,
        'unauthorized',
        'Sign in first: this request has no access token.',
        bearer(),
      );
    }
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header);
    if (!match) {
      throw new ApiError(
        400,
        'invalid-request',
        'The Authorization header must be "Bearer <access token>".',
        bearer('invalid_request', 'malformed Authorization header'),
      );
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], jwks, {
        issuer: hub.issuer,
        audience: hub.apiBase,
        typ: 'at+jwt',
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat', 'client_id'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw invalidToken('token expired', 'The access token has expired.');
      }
      throw invalidToken('token invalid', 'The access token is not valid for this API.');
    }
    const account = hub.accountById(payload.sub);
    const organizations = hub.clientOrganizations.get(payload.client_id);
    if (!account || !organizations)
      throw invalidToken('unknown account', 'The access token is not valid for this API.');
    if (account.revoked || payload.gen !== account.tokenGeneration) {
      throw new ApiError(
        401,
        'revoked',
        'Access to this account has been withdrawn.',
        bearer('invalid_token', 'grant revoked'),
      );
    }
    return { account, organizations };
  }

  /** The account's dossiers at the organisations the asking website serves, nothing else. */
  const dossiersOf = (account, organizations) => {
    const map = {};
    for (const contactId of account.contactIds) {
      const contact = hub.dossier.contacts.find((c) => c.id === contactId);
      if (contact && organizations.has(String(contact.organizationId))) {
        map[String(contact.organizationId)] = contact.dossierNumber;
      }
    }
    return map;
  };

  const organization = (org) => ({
    ...org,
    // Logos are the Hub's own assets, on the identity origin like its pages.
    icon: org.icon.startsWith('/') ? new URL(org.icon, hub.assetsBase).href : org.icon,
  });

  const contractItem = ({ organizationId, ...contract }) => ({ ...contract, organizationId });

  /** @returns {unknown[]} the items of the envelope */
  function route(path, { account, organizations }) {
    const dossiers = dossiersOf(account, organizations);
    if (path === '/account/mine') {
      return [
        {
          id: account.id,
          name: account.email,
          email: account.email,
          firstName: account.firstName,
          middleName: account.middleName,
          lastName: account.lastName,
          dossiers,
          groupIds: account.groupIds,
          ...account.extra,
          activatedAt: account.activatedAt,
        },
      ];
    }
    if (path === '/organization/organizations/mine') {
      return hub.dossier.organizations
        .filter((org) => String(org.id) in dossiers)
        .map(organization);
    }
    if (path === '/permission/permissions/mine') return account.permissions;
    if (path === '/contract/contracts/mycontracts')
      return contractsOf(hub.dossier, dossiers).map(contractItem);
    const detail = /^\/contract\/contracts\/([^/]+)\/mine$/.exec(path);
    if (detail) {
      let id;
      try {
        id = decodeURIComponent(detail[1]);
      } catch {
        id = undefined;
      }
      // Another customer's contract, or one at another broker, answers exactly like a missing one.
      const contract = contractsOf(hub.dossier, dossiers).find((c) => String(c.id) === id);
      if (!contract) throw new ApiError(404, 'not-found', 'There is no contract with this id.');
      const organizationName = hub.dossier.organizations.find(
        (org) => String(org.id) === String(contract.organizationId),
      )?.name;
      return [{ ...contractItem(contract), organizationName, documents: [] }];
    }
    throw new ApiError(404, 'not-found', 'There is no such endpoint.');
  }

  /** The route's name for the latency setting (see config.parseLatency). */
  const routeName = (path) =>
    ({
      '/account/mine': 'account',
      '/organization/organizations/mine': 'organizations',
      '/permission/permissions/mine': 'permissions',
      '/contract/contracts/mycontracts': 'contracts',
    })[path] ?? (/^\/contract\/contracts\/[^/]+\/mine$/.test(path) ? 'contract' : undefined);

  /** A slow back end: waits the configured time, or until the client gives up. */
  async function latency(path, res) {
    const ms = hub.latency[routeName(path)] ?? hub.latency['*'];
    if (!ms) return;
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    await sleep(ms, undefined, { signal: gone.signal }).catch(() => {});
  }

  /** Answers a request under the API base; `path` is relative to it. */
  return async function handle(req, res, path, url) {
    const origin = req.headers.origin;
    const headers = {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...corsHeaders(origin),
    };
    if (req.method === 'OPTIONS') {
      if (origin && hub.origins.has(origin)) {
        Object.assign(headers, {
          'Access-Control-Allow-Methods': 'GET',
          'Access-Control-Allow-Headers': 'Authorization, Accept, Accept-Language',
          'Access-Control-Max-Age': '600',
        });
      }
      res.writeHead(204, headers).end();
      return;
    }
    let status = 200;
    let body;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        headers.Allow = 'GET';
        throw new ApiError(
          405,
          'method-not-allowed',
          'The customer API only answers GET requests.',
        );
      }
      const caller = await authenticate(req, url);
      await latency(path, res);
      if (res.destroyed) return;
      body = { data: { items: route(path, caller) } };
    } catch (caught) {
      let error = caught;
      if (!(error instanceof ApiError)) {
        hub.log(`hub: API error: ${error.message}`);
        error = new ApiError(500, 'server-error', 'Something went wrong in the Hub.');
      }
      status = error.status;
      if (error.wwwAuthenticate) headers['WWW-Authenticate'] = error.wwwAuthenticate;
      body = { error: { code: error.code, message: error.message } };
    }
    const type = 'application/json; charset=utf-8';
    const sent = compress(req, type, Buffer.from(JSON.stringify(body)));
    res.writeHead(status, {
      ...headers,
      ...sent.headers,
      Vary: [headers.Vary, sent.headers.Vary].join(', '),
      'Content-Type': type,
      'Content-Length': sent.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : sent.body);
  };
}
