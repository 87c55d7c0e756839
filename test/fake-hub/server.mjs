/**
 * A fake ANVA Hub for browser tests: real HTTP servers on 127.0.0.1, on other
 * origins than the test page, so CORS and "bearer only to api-base" are real.
 * Like ANVA, identity and API are two origins: OpenID Connect under
 * `<origin>/identity` (discovery, authorize with PKCE S256, token with code and
 * rotating refresh tokens, revocation of refresh and access tokens, end session
 * by GET or POST, the RFC 9207 `iss` parameter, JWKS), the five customer
 * endpoints under `<apiOrigin>/api`; each origin answers 404 to the other's
 * paths. `singleOrigin: true` puts both on one server. Tests steer it over HTTP
 * on `origin`:
 *   POST /__control/reset              fresh data, counters and scenario
 *   POST /__control/scenario           merge a scenario (see `defaultScenario`)
 *   POST /__control/expire-access      every access token issued so far is rejected
 *   GET  /__control/state              counters and every token issued
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const CLIENT_ID = 'broker-website';

function defaultScenario() {
  return {
    /** Subject of the customer who "logs in" at the authorize endpoint. */
    customer: 'anna',
    accessTokenTtl: 300,
    /** Overrides of ID token claims, to make the client reject it (`iss`, `aud`, `exp`, `nonce`). */
    idToken: {},
    /**
     * `{ error: 'access_denied' }` makes authorize answer with an error; `delayMs` keeps the login
     * page busy; `iss` answers with another `iss` parameter (RFC 9207), `null` with none.
     */
    authorize: {},
    /** Discovery metadata to leave out (`revocation_endpoint`, `end_session_endpoint`, ...). */
    omitMetadata: [],
    /** Delay of the token endpoint's refresh answers (to make renewals overlap). */
    refreshDelayMs: 0,
    /** The grant or account was revoked at the Hub. */
    revoked: false,
    /**
     * Per endpoint (`account`, `organizations`, `permissions`, `contracts`, `contract`):
     * `{ status, delayMs, html, body, items, drop, times }`.
     */
    endpoints: {},
  };
}

function seed() {
  return {
    anna: {
      profile: {
        name: 'Anna de Vries',
        email: 'anna@example.nl',
        given_name: 'Anna',
        family_name: 'de Vries',
      },
      account: {
        id: 501,
        name: 'anna@example.nl',
        email: 'anna@example.nl',
        firstName: 'Anna',
        middleName: 'de',
        lastName: 'Vries',
        dossiers: { 11: 'D-1001', 12: 2002 },
        groupIds: ['101'],
        createdAt: '2024-02-01T09:00:00Z',
      },
      organizations: [
        { id: 11, type: 'broker', code: 'VDB', name: 'Van den Berg Assurantiën', icon: null },
        {
          id: '12',
          type: 'broker',
          code: 'ZEKR',
          name: 'Zeker & Zo',
          icon: null,
          website: 'https://zeker.example',
        },
      ],
      permissions: ['contracts.read', { name: 'account', granted: true }],
      contracts: [
        {
          id: 9001,
          dossierNumber: 'D-1001',
          format: 'AFD2',
          status: 'Lopend',
          metadata: { contractNumber: 'PP-77-1', businessLine: '021', porCompany: 'N013' },
        },
        {
          id: '9002',
          dossierNumber: 'D-1001',
          format: 'AFD2',
          status: 'Opgeschort',
          metadata: { contractNumber: 'PP-77-2', businessLine: '040' },
        },
        {
          id: 9003,
          dossierNumber: 2002,
          format: 'AFD1',
          status: 'Lopend',
          metadata: { PP_NUMMER: 'ZZ-3' },
          extraTopLevel: { kept: true },
        },
      ],
    },
    bert: {
      profile: { name: 'Bert Jansen', email: 'bert@example.nl' },
      account: {
        id: '777',
        name: 'bert@example.nl',
        email: 'bert@example.nl',
        dossiers: { 11: 'D-2002' },
      },
      organizations: [{ id: 11, type: 'broker', code: 'VDB', name: 'Van den Berg Assurantiën' }],
      permissions: [],
      contracts: [{ id: 'B-1', dossierNumber: 'D-2002', status: 'Lopend', metadata: {} }],
    },
    /** A customer whose only dossier is at Zeker & Zo (12), not at Van den Berg (11). */
    carla: {
      profile: { name: 'Carla Smit', email: 'carla@example.nl' },
      account: { id: '801', email: 'carla@example.nl', dossiers: { 12: 'Z-300' } },
      organizations: [{ id: '12', type: 'broker', code: 'ZEKR', name: 'Zeker & Zo' }],
      permissions: [],
      contracts: [
        { id: 'C-1', dossierNumber: 'Z-300', organizationId: 12, status: 'Lopend', metadata: {} },
      ],
    },
    /**
     * The same dossier number at two brokers: which contract is whose only the
     * organisation says (D-3 says nothing, so no one-broker page may show it).
     */
    dirk: {
      profile: { name: 'Dirk de Wit', email: 'dirk@example.nl' },
      account: { id: '802', email: 'dirk@example.nl', dossiers: { 11: 'D-5', 12: 'D-5' } },
      organizations: [
        {
          id: 11,
          type: 'broker',
          code: 'VDB',
          name: 'Van den Berg Assurantiën',
          icon: '/icons/vdb.svg',
        },
        {
          id: '12',
          type: 'broker',
          code: 'ZEKR',
          name: 'Zeker & Zo',
          icon: 'https://tracker.example/pixel.gif',
        },
      ],
      permissions: [],
      contracts: [
        { id: 'D-1', dossierNumber: 'D-5', organizationId: 11, status: 'Lopend', metadata: {} },
        { id: 'D-2', dossierNumber: 'D-5', organizationId: '12', status: 'Lopend', metadata: {} },
        { id: 'D-3', dossierNumber: 'D-5', status: 'Lopend', metadata: {} },
      ],
    },
    /** ANVA-style values: amounts and dates as strings, Dutch keys; and a contract id of dots. */
    eva: {
      profile: { name: 'Eva Bakker', email: 'eva@example.nl' },
      account: { id: '803', email: 'eva@example.nl', dossiers: { 11: 'E-1' } },
      organizations: [{ id: 11, type: 'broker', code: 'VDB', name: 'Van den Berg Assurantiën' }],
      permissions: [],
      contracts: [
        {
          id: 'E-1',
          dossierNumber: 'E-1',
          status: 'Lopend',
          metadata: {
            verzekerdBedrag: '2500000',
            eigenRisico: '1.234,56',
            premie: '1234.56',
            ingangsdatum: '19791018',
            expiryDate: '2031-01-01',
            contractNumber: '20240101',
          },
        },
        { id: '..', dossierNumber: 'E-1', status: 'Lopend', metadata: {} },
      ],
    },
  };
}

function freshCounters() {
  return {
    discovery: 0,
    authorize: 0,
    tokenByCode: 0,
    tokenByRefresh: 0,
    refreshReuse: 0,
    /** Refresh tokens revoked. */
    revocations: 0,
    /** Access tokens revoked. */
    accessRevocations: 0,
    endSession: 0,
    /** End-session requests, as `{ method, idTokenHint, clientId, hintInUrl }` (`idTokenHint`: a valid one). */
    endSessions: [],
    jwks: 0,
    /** GET requests per API endpoint name. */
    requests: { account: 0, organizations: 0, permissions: 0, contracts: 0, contract: 0 },
    /** Paths outside `/api` that arrived with an Authorization header. */
    bearerOutsideApi: [],
    /** Paths under `/api` that are no endpoint (a request that escaped its own). */
    unknownApiPaths: [],
    /** Token endpoint failures, by error code. */
    tokenErrors: {},
  };
}

const base64url = (buffer) => Buffer.from(buffer).toString('base64url');
const random = (prefix) => `${prefix}_${base64url(randomBytes(24))}`;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeHub({
  port = 0,
  apiPort = 0,
  host = '127.0.0.1',
  singleOrigin = false,
} = {}) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-hub-1', alg: 'RS256', use: 'sig' };
  let world;
  const reset = () => {
    world = {
      scenario: defaultScenario(),
      counters: freshCounters(),
      data: seed(),
      codes: new Map(),
      grants: new Map(),
      access: new Map(),
      refresh: new Map(),
      issued: { access: [], refresh: [], id: [] },
      applied: {},
    };
  };
  reset();

  let origin = '';
  let apiOrigin = '';
  const issuer = () => `${origin}/identity`;

  function cors(request, response) {
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader('Vary', 'Origin');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    response.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate');
    // No keep-alive: Chromium silently repeats a request once when a reused
    // connection drops, which would blur the client's own retry count.
    response.setHeader('Connection', 'close');
  }

  function json(response, status, body, headers = {}) {
    response.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
    response.end(JSON.stringify(body));
  }

  function tokenError(response, error, description) {
    world.counters.tokenErrors[error] = (world.counters.tokenErrors[error] ?? 0) + 1;
    json(response, 400, { error, error_description: description });
  }

  async function issueTokens(grant, nonce) {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = random('at');
    const refreshToken = random('rt');
    world.access.set(accessToken, { grantId: grant.id, exp: now + world.scenario.accessTokenTtl });
    world.refresh.set(refreshToken, { grantId: grant.id, spent: 0 });
    const customer = world.data[grant.sub];
    const overrides = world.scenario.idToken ?? {};
    const claims = { ...customer.profile, nonce, ...overrides };
    if (!nonce && !('nonce' in overrides)) delete claims.nonce;
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(overrides.iss ?? issuer())
      .setAudience(overrides.aud ?? CLIENT_ID)
      .setSubject(grant.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + (overrides.expOffset ?? 600))
      .sign(privateKey);
    world.issued.access.push(accessToken);
    world.issued.refresh.push(refreshToken);
    world.issued.id.push(idToken);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: world.scenario.accessTokenTtl,
      refresh_token: refreshToken,
      id_token: idToken,
      scope: grant.scope,
    };
  }

  async function token(request, response) {
    const form = new URLSearchParams(await readBody(request));
    const grantType = form.get('grant_type');
    if (form.get('client_id') !== CLIENT_ID)
      return tokenError(response, 'invalid_client', 'unknown client');
    if (grantType === 'authorization_code') {
      world.counters.tokenByCode += 1;
      const code = world.codes.get(form.get('code') ?? '');
      if (!code || code.used) return tokenError(response, 'invalid_grant', 'unknown or used code');
      code.used = true;
      if (code.redirectUri !== form.get('redirect_uri'))
        return tokenError(response, 'invalid_grant', 'redirect_uri mismatch');
      const verifier = form.get('code_verifier') ?? '';
      if (base64url(createHash('sha256').update(verifier).digest()) !== code.challenge) {
        return tokenError(response, 'invalid_grant', 'PKCE verification failed');
      }
      const grant = { id: random('grant'), sub: code.sub, scope: code.scope, revoked: false };
      world.grants.set(grant.id, grant);
      return json(response, 200, await issueTokens(grant, code.nonce));
    }
    if (grantType === 'refresh_token') {
      world.counters.tokenByRefresh += 1;
      if (world.scenario.refreshDelayMs) await sleep(world.scenario.refreshDelayMs);
      const presented = form.get('refresh_token') ?? '';
      const entry = world.refresh.get(presented);
      if (!entry) return tokenError(response, 'invalid_grant', 'unknown refresh token');
      entry.spent += 1;
      const grant = world.grants.get(entry.grantId);
      if (entry.spent > 1) {
        // Reuse of a rotated refresh token: the whole grant is revoked, as real servers do.
        world.counters.refreshReuse += 1;
        grant.revoked = true;
        return tokenError(response, 'invalid_grant', 'refresh token reuse detected');
      }
      if (grant.revoked || world.scenario.revoked)
        return tokenError(response, 'invalid_grant', 'grant revoked');
      return json(response, 200, await issueTokens(grant));
    }
    return tokenError(response, 'unsupported_grant_type', String(grantType));
  }

  async function authorize(url, response) {
    world.counters.authorize += 1;
    if (world.scenario.authorize?.delayMs) await sleep(world.scenario.authorize.delayMs);
    const params = url.searchParams;
    const redirectUri = params.get('redirect_uri');
    if (params.get('client_id') !== CLIENT_ID || !redirectUri) {
      response.writeHead(400, { 'Content-Type': 'text/plain' });
      return response.end('unknown client or redirect_uri');
    }
    const target = new URL(redirectUri);
    target.searchParams.set('state', params.get('state') ?? '');
    const iss = world.scenario.authorize?.iss;
    if (iss !== null) target.searchParams.set('iss', iss ?? issuer());
    if (world.scenario.authorize?.error) {
      target.searchParams.set('error', world.scenario.authorize.error);
    } else if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      target.searchParams.set('error', 'invalid_request');
    } else {
      const code = random('code');
      world.codes.set(code, {
        redirectUri,
        challenge: params.get('code_challenge'),
        nonce: params.get('nonce') ?? undefined,
        sub: world.scenario.customer,
        scope: params.get('scope') ?? 'openid',
        used: false,
      });
      target.searchParams.set('code', code);
    }
    response.writeHead(302, { Location: target.href });
    response.end();
  }

  const routes = [
    ['account', /^\/api\/account\/mine$/],
    ['organizations', /^\/api\/organization\/organizations\/mine$/],
    ['permissions', /^\/api\/permission\/permissions\/mine$/],
    ['contracts', /^\/api\/contract\/contracts\/mycontracts$/],
    ['contract', /^\/api\/contract\/contracts\/([^/]+)\/mine$/],
  ];

  async function api(request, response, path) {
    const route = routes.find(([, pattern]) => pattern.test(path));
    if (!route) {
      if (request.method === 'GET') world.counters.unknownApiPaths.push(path);
      return json(response, 404, { error: { code: 'not-found' } });
    }
    const [name, pattern] = route;
    world.counters.requests[name] += 1;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const access = bearer ? world.access.get(bearer) : undefined;
    const grant = access ? world.grants.get(access.grantId) : undefined;
    if (grant && (grant.revoked || world.scenario.revoked)) {
      return json(
        response,
        401,
        { error: { code: 'revoked', message: 'grant revoked' } },
        { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="grant revoked"' },
      );
    }
    if (!access || access.exp < Date.now() / 1000 || access.expired) {
      return json(
        response,
        401,
        { error: { code: 'invalid_token', message: 'token expired or unknown' } },
        { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="token expired"' },
      );
    }
    const customer = world.data[grant.sub];
    const override = world.scenario.endpoints?.[name];
    const applied = (world.applied[name] = (world.applied[name] ?? 0) + 1);
    const active = override && (override.times === undefined || applied <= override.times);
    if (active && override.delayMs) await sleep(override.delayMs);
    if (active && override.drop) {
      request.socket.destroy();
      return;
    }
    if (active && override.html) {
      response.writeHead(override.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8' });
      return response.end('<!doctype html><html><body><h1>Gateway</h1></body></html>');
    }
    if (active && override.status) {
      return json(
        response,
        override.status,
        override.body ?? { error: { code: String(override.status) } },
      );
    }
    if (active && override.body !== undefined) return json(response, 200, override.body);
    let items;
    if (active && override.items) items = override.items;
    else if (name === 'account') items = [customer.account];
    else if (name === 'contract') {
      const id = decodeURIComponent(pattern.exec(path)[1]);
      const contract = customer.contracts.find((item) => String(item.id) === id);
      if (!contract) return json(response, 404, { error: { code: 'not-found' } });
      items = [{ ...contract, detailOnly: 'only in the detail' }];
    } else items = customer[name];
    return json(response, 200, { data: { items } });
  }

  async function control(request, response, path) {
    if (path === '/__control/reset') {
      reset();
      return json(response, 200, { ok: true });
    }
    if (path === '/__control/scenario') {
      const patch = JSON.parse((await readBody(request)) || '{}');
      world.scenario = { ...world.scenario, ...patch };
      world.applied = {};
      return json(response, 200, world.scenario);
    }
    if (path === '/__control/expire-access') {
      for (const entry of world.access.values()) entry.expired = true;
      return json(response, 200, { ok: true });
    }
    if (path === '/__control/state') {
      return json(response, 200, {
        counters: world.counters,
        issued: world.issued,
        scenario: world.scenario,
      });
    }
    return json(response, 404, { error: 'unknown control' });
  }

  /** `side` is the origin the request came in on: `identity`, `api`, or `both` (single origin). */
  async function handle(request, response, side = 'both') {
    cors(request, response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204);
      return response.end();
    }
    const url = new URL(request.url, side === 'api' ? apiOrigin : origin);
    const path = url.pathname;
    const apiPath = path.startsWith('/api/');
    if (request.headers.authorization && !(apiPath && side !== 'identity')) {
      world.counters.bearerOutsideApi.push(path);
    }
    // Each origin serves its own part only, as two hosts would.
    if ((side === 'api' && !apiPath) || (side === 'identity' && apiPath)) {
      return json(response, 404, { error: { code: 'not-found' } });
    }
    if (path.startsWith('/__control/')) return control(request, response, path);
    if (path.startsWith('/api/')) return api(request, response, path);
    switch (path) {
      case '/identity/.well-known/openid-configuration': {
        world.counters.discovery += 1;
        const metadata = {
          issuer: issuer(),
          authorization_endpoint: `${issuer()}/connect/authorize`,
          token_endpoint: `${issuer()}/connect/token`,
          revocation_endpoint: `${issuer()}/connect/revocation`,
          end_session_endpoint: `${issuer()}/connect/endsession`,
          jwks_uri: `${issuer()}/.well-known/jwks`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
          code_challenge_methods_supported: ['S256'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          authorization_response_iss_parameter_supported: true,
        };
        for (const name of world.scenario.omitMetadata ?? []) delete metadata[name];
        return json(response, 200, metadata);
      }
      case '/identity/.well-known/jwks':
        world.counters.jwks += 1;
        return json(response, 200, { keys: [jwk] });
      case '/identity/connect/authorize':
        return authorize(url, response);
      case '/identity/connect/token':
        return token(request, response);
      case '/identity/connect/revocation': {
        const form = new URLSearchParams(await readBody(request));
        const presented = form.get('token') ?? '';
        const entry = world.refresh.get(presented);
        if (entry) {
          world.counters.revocations += 1;
          world.grants.get(entry.grantId).revoked = true;
        }
        const access = world.access.get(presented);
        if (access) {
          world.counters.accessRevocations += 1;
          access.expired = true;
        }
        response.writeHead(200);
        return response.end();
      }
      case '/identity/connect/endsession': {
        world.counters.endSession += 1;
        // RP-Initiated Logout 1.0: the parameters by GET in the query, or by POST as a form.
        const params =
          request.method === 'POST'
            ? new URLSearchParams(await readBody(request))
            : url.searchParams;
        const hint = params.get('id_token_hint');
        world.counters.endSessions.push({
          method: request.method,
          idTokenHint: !!hint && world.issued.id.includes(hint),
          clientId: params.get('client_id'),
          hintInUrl: url.searchParams.has('id_token_hint'),
        });
        const back = params.get('post_logout_redirect_uri');
        if (back) {
          const target = new URL(back);
          const state = params.get('state');
          if (state) target.searchParams.set('state', state);
          response.writeHead(303, { Location: target.href });
          return response.end();
        }
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        return response.end('signed out');
      }
      default:
        return json(response, 404, { error: 'not found' });
    }
  }

  const serve = async (side, listenPort) => {
    const server = createServer((request, response) => {
      handle(request, response, side).catch((error) => {
        if (!response.headersSent) json(response, 500, { error: String(error) });
        else response.destroy();
      });
    });
    await new Promise((resolve) => server.listen(listenPort, host, resolve));
    return server;
  };
  const servers = singleOrigin
    ? [await serve('both', port)]
    : [await serve('identity', port), await serve('api', apiPort)];
  const originOf = (server) => `http://${host}:${server.address().port}`;
  origin = originOf(servers[0]);
  apiOrigin = originOf(servers.at(-1));

  return {
    origin,
    apiOrigin,
    issuer: issuer(),
    apiBase: `${apiOrigin}/api`,
    clientId: CLIENT_ID,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise((resolve) => {
              server.closeAllConnections?.();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
