/** Shared helpers of the Hub tests: a started Hub, PKCE, and a cookie-keeping HTTP client. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '../../demo/hub/server.mjs';

export const SITE = 'http://localhost:8080';
export const CLIENT_ID = 'broker-website';
export const REDIRECT_PATH = '/mijn-verzekeringen.html';
export const JAN = { email: 'jan@voorbeeld.nl', password: 'Welkom01!' };
export const SANNE = { email: 'sanne@voorbeeld.nl', password: 'Welkom02!' };

/** A Hub on a free port with its own data file in a temp directory. */
export async function startTestHub(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'anva-hub-test-'));
  const hub = await startHub({
    port: 0,
    siteOrigin: SITE,
    dataFile: join(dir, 'state.json'),
    log: () => {},
    ...options,
  });
  return {
    ...hub,
    site: options.siteOrigin ?? SITE,
    dir,
    /** Stops the server but keeps the data file, for a restart. */
    stop: hub.close,
    async close() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorizeUrl(
  hub,
  {
    challenge,
    method = 'S256',
    redirectUri = `${hub.site}${REDIRECT_PATH}`,
    clientId = CLIENT_ID,
    scope = 'openid profile email',
    extra = {},
  } = {},
) {
  const url = new URL(`${hub.issuer}/auth`);
  const params = {
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    ...(challenge ? { code_challenge: challenge, code_challenge_method: method } : {}),
    ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** fetch with a cookie jar and manual redirects, like a very plain browser. */
export function httpClient(headers = {}) {
  const jar = new Map();
  return {
    jar,
    async request(url, { method = 'GET', form, headers: extra } = {}) {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: {
          ...headers,
          ...extra,
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair.split('=');
        if (/expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
        else jar.set(name, value.join('='));
      }
      const location = response.headers.get('location');
      return {
        response,
        location: location && new URL(location, url).href,
        text: await response.text(),
      };
    },
  };
}

/**
 * Runs authorize → login → (new password) → (consent) with plain HTTP and returns the callback
 * URL. `steps` records the pages seen.
 */
export async function signIn(
  hub,
  { email, password, newPassword, consent = true, client = httpClient(), ...auth } = {},
) {
  const { verifier, challenge } = pkce();
  const steps = [];
  let { location, response, text } = await client.request(
    authorizeUrl(hub, { challenge, ...auth }),
  );
  for (let hop = 0; hop < 12; hop += 1) {
    if (!location) return { client, verifier, steps, response, text };
    if (!location.startsWith(hub.issuer))
      return { client, verifier, steps, callback: new URL(location) };
    ({ location, response, text } = await client.request(location));
    if (location) continue;
    const action = /action="([^"]+\/(login|confirm|password))"/.exec(text);
    if (!action) return { client, verifier, steps, response, text };
    const target = new URL(action[1], hub.issuer).href;
    steps.push(action[2]);
    if (action[2] === 'login') {
      ({ location, response, text } = await client.request(target, {
        method: 'POST',
        form: { email, password },
      }));
      if (!location && !/action="[^"]+\/password"/.test(text))
        return { client, verifier, steps, response, text };
      if (!location) {
        steps.push('password');
        const next = /action="([^"]+\/password)"/.exec(text)[1];
        const form = { password: newPassword, repeat: newPassword };
        ({ location, response, text } = await client.request(new URL(next, hub.issuer).href, {
          method: 'POST',
          form,
        }));
      }
    } else if (action[2] === 'confirm') {
      if (!consent) {
        const deny = /action="([^"]+\/abort)"/.exec(text)[1];
        ({ location, response, text } = await client.request(new URL(deny, hub.issuer).href, {
          method: 'POST',
          form: {},
        }));
      } else {
        ({ location, response, text } = await client.request(target, { method: 'POST', form: {} }));
      }
    }
  }
  throw new Error('too many redirects');
}

/** Exchanges an authorization code at the token endpoint. */
export async function exchangeCode(
  hub,
  {
    code,
    verifier,
    redirectUri = `${hub.site}${REDIRECT_PATH}`,
    clientId = CLIENT_ID,
    origin = hub.site,
  },
) {
  return tokenRequest(
    hub,
    {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      client_id: clientId,
    },
    origin,
  );
}

export async function refresh(hub, refreshToken, origin = hub.site) {
  return tokenRequest(
    hub,
    { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID },
    origin,
  );
}

async function tokenRequest(hub, form, origin) {
  const response = await fetch(`${hub.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Signs a customer in over HTTP and returns their tokens. */
export async function tokensFor(hub, credentials, options = {}) {
  const result = await signIn(hub, { ...credentials, ...options });
  if (!result.callback)
    throw new Error(`sign-in failed: ${result.response?.status} ${result.text?.slice(0, 200)}`);
  const tokens = await exchangeCode(hub, {
    code: result.callback.searchParams.get('code'),
    verifier: result.verifier,
    ...(options.clientId ? { clientId: options.clientId } : {}),
  });
  if (tokens.status !== 200)
    throw new Error(`token exchange failed: ${JSON.stringify(tokens.body)}`);
  return { ...tokens.body, client: result.client };
}

/** GET on the customer API with a bearer token (or other headers). */
export async function api(hub, path, { token, headers = {} } = {}) {
  const response = await fetch(`${hub.apiBase}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** Opens the Hub's login page in a fresh client; returns the client and the form's address. */
export async function openLoginForm(hub, auth = {}) {
  const client = httpClient();
  const { challenge } = pkce();
  let { location, text } = await client.request(authorizeUrl(hub, { challenge, ...auth }));
  while (location) ({ location, text } = await client.request(location));
  const action = /action="([^"]+\/login)"/.exec(text);
  if (!action) throw new Error(`no login form: ${text.slice(0, 200)}`);
  return { client, action: new URL(action[1], hub.issuer).href };
}
