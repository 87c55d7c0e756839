/** The OpenID provider: discovery, PKCE and redirect rules, CORS, consent, pages, throttling. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  authorizeUrl,
  CLIENT_ID,
  exchangeCode,
  httpClient,
  JAN,
  pkce,
  signIn,
  startTestHub,
  tokensFor,
} from './helpers.mjs';

let hub;

before(async () => {
  hub = await startTestHub({ accessTokenTtl: 20 });
});

after(() => hub?.close());

const EVIL = 'https://evil.example';

describe('discovery and keys', () => {
  test('discovery names the issuer, S256 only, code flow only; JWKS has public keys only', async () => {
    const discovery = await (await fetch(`${hub.issuer}/.well-known/openid-configuration`)).json();
    assert.equal(discovery.issuer, hub.issuer);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.equal(discovery.token_endpoint, `${hub.issuer}/token`);
    assert.ok(discovery.end_session_endpoint && discovery.revocation_endpoint);
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0].d, undefined);
  });

  test('CORS on discovery, JWKS, token and revocation only for registered origins', async () => {
    for (const path of ['/.well-known/openid-configuration', '/jwks']) {
      const good = await fetch(`${hub.issuer}${path}`, { headers: { origin: hub.site } });
      assert.equal(good.headers.get('access-control-allow-origin'), hub.site, path);
      const evil = await fetch(`${hub.issuer}${path}`, { headers: { origin: EVIL } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null, path);
    }
    for (const path of ['/token', '/token/revocation']) {
      const preflight = (origin) =>
        fetch(`${hub.issuer}${path}`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      assert.equal(
        (await preflight(hub.site)).headers.get('access-control-allow-origin'),
        hub.site,
      );
      assert.equal((await preflight(EVIL)).headers.get('access-control-allow-origin'), null);
      const post = await fetch(`${hub.issuer}${path}`, {
        method: 'POST',
        headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: CLIENT_ID,
          grant_type: 'refresh_token',
          refresh_token: 'x',
          token: 'x',
        }),
      });
      assert.equal(post.headers.get('access-control-allow-origin'), null, path);
    }
  });
});

describe('authorization requests', () => {
  test('an unregistered redirect URI is refused on the Hub, never redirected to', async () => {
    for (const redirectUri of [
      `${hub.site}/other.html`,
      `${hub.site}/polis.html?x=1`,
      `${EVIL}/mijn-verzekeringen.html`,
    ]) {
      const { response, location, text } = await httpClient().request(
        authorizeUrl(hub, { challenge: pkce().challenge, redirectUri }),
      );
      assert.equal(response.status, 400, redirectUri);
      assert.equal(location, null);
      assert.match(text, /invalid_redirect_uri/);
    }
  });

  test('missing PKCE and plain PKCE are refused', async () => {
    const missing = await httpClient().request(authorizeUrl(hub));
    assert.equal(new URL(missing.location).searchParams.get('error'), 'invalid_request');
    assert.match(new URL(missing.location).searchParams.get('error_description'), /requires PKCE/);

    const plain = await httpClient().request(
      authorizeUrl(hub, { challenge: 'a'.repeat(43), method: 'plain' }),
    );
    assert.equal(new URL(plain.location).searchParams.get('error'), 'invalid_request');
    assert.match(
      new URL(plain.location).searchParams.get('error_description'),
      /code_challenge_method/,
    );
  });

  test('the API is the only resource: asking for another one is refused', async () => {
    const other = await httpClient().request(
      authorizeUrl(hub, {
        challenge: pkce().challenge,
        extra: { resource: 'https://other-api.example/' },
      }),
    );
    assert.equal(new URL(other.location).searchParams.get('error'), 'invalid_target');
    const explicit = await signIn(hub, { ...JAN, extra: { resource: hub.apiBase } });
    const tokens = await exchangeCode(hub, {
      code: explicit.callback.searchParams.get('code'),
      verifier: explicit.verifier,
    });
    assert.equal(decodeJwt(tokens.body.access_token).aud, hub.apiBase);
  });

  test('the code only works with the right verifier, once', async () => {
    const { callback } = await signIn(hub, JAN);
    const code = callback.searchParams.get('code');
    const wrong = await exchangeCode(hub, { code, verifier: pkce().verifier });
    assert.equal(wrong.body.error, 'invalid_grant');
    const second = await signIn(hub, JAN);
    const good = await exchangeCode(hub, {
      code: second.callback.searchParams.get('code'),
      verifier: second.verifier,
    });
    assert.equal(good.status, 200);
    const again = await exchangeCode(hub, {
      code: second.callback.searchParams.get('code'),
      verifier: second.verifier,
    });
    assert.equal(again.body.error, 'invalid_grant');
  });

  test('tokens: a short-lived JWT access token for the API, claims from the account, a refresh token', async () => {
    const tokens = await tokensFor(hub, JAN);
    assert.equal(tokens.expires_in, 20);
    assert.equal(decodeProtectedHeader(tokens.access_token).typ, 'at+jwt');
    const access = decodeJwt(tokens.access_token);
    assert.equal(access.aud, hub.apiBase);
    assert.equal(access.exp - access.iat, 20);
    const id = decodeJwt(tokens.id_token);
    assert.equal(id.aud, CLIENT_ID);
    assert.deepEqual(
      { name: id.name, email: id.email, given_name: id.given_name, family_name: id.family_name },
      { name: 'Jan van Dijk', email: JAN.email, given_name: 'Jan', family_name: 'Dijk' },
    );
    assert.ok(tokens.refresh_token);
  });

  test('revocation endpoint: a revoked refresh token no longer refreshes', async () => {
    const tokens = await tokensFor(hub, JAN);
    const revoked = await fetch(`${hub.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: hub.site },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        token: tokens.refresh_token,
        token_type_hint: 'refresh_token',
      }),
    });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.headers.get('access-control-allow-origin'), hub.site);
    const refreshed = await fetch(`${hub.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      }),
    });
    assert.equal((await refreshed.json()).error, 'invalid_grant');
  });
});

describe('login and consent', () => {
  test('consent is asked once per client per account, also across sessions', async () => {
    const sanne = { email: 'sanne@voorbeeld.nl', password: 'Welkom02!' };
    assert.deepEqual((await signIn(hub, sanne)).steps, ['login', 'confirm']);
    assert.deepEqual(
      (await signIn(hub, sanne)).steps,
      ['login'],
      'a new browser session, no consent',
    );
    const other = await signIn(hub, { ...sanne, clientId: 'hoekstra-website' });
    assert.deepEqual(other.steps, ['login', 'confirm'], 'another client asks again');
  });

  test('Weigeren sends access_denied back to the website', async () => {
    const kees = { email: 'kees@voorbeeld.nl', password: 'Welkom05!', consent: false };
    const { callback } = await signIn(hub, kees);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
  });

  test('wrong password and unknown user get the same generic message', async () => {
    const wrong = await signIn(hub, { email: JAN.email, password: 'nope-nope' });
    const unknown = await signIn(hub, { email: 'niemand@voorbeeld.nl', password: 'nope-nope' });
    for (const result of [wrong, unknown]) {
      assert.equal(result.response.status, 401);
      assert.match(result.text, /Het e-mailadres of wachtwoord is onjuist\./);
    }
    const message = (text) => /<p class="alert"[^>]*>([^<]*)</.exec(text)[1];
    assert.equal(message(wrong.text), message(unknown.text));
  });

  test('a temporary password signs in once and forces a new password', async () => {
    const fatima = hub.demoLogins.find((login) => login.email === 'fatima@voorbeeld.nl');
    const first = await signIn(hub, {
      email: fatima.email,
      password: fatima.password,
      newPassword: 'Nieuw-wachtwoord-1',
    });
    assert.deepEqual(first.steps, ['login', 'password', 'confirm']);
    assert.ok(first.callback.searchParams.get('code'));
    const old = await signIn(hub, { email: fatima.email, password: fatima.password });
    assert.equal(old.response.status, 401);
    const fresh = await signIn(hub, { email: fatima.email, password: 'Nieuw-wachtwoord-1' });
    assert.deepEqual(fresh.steps, ['login']);
    const link = await fetch(fatima.activationUrl);
    assert.equal(link.status, 404, 'the activation link is used up too');
  });
});

describe('pages', () => {
  const loginPage = async (headers = {}, extra = {}) => {
    const client = httpClient(headers);
    const { location } = await client.request(
      authorizeUrl(hub, { challenge: pkce().challenge, extra }),
    );
    return client.request(location);
  };

  test('Dutch by default, English when the browser or the client asks', async () => {
    assert.match(
      (await loginPage()).text,
      /<html lang="nl">[\s\S]*<label for="email">E-mailadres<\/label>[\s\S]*>Inloggen</,
    );
    const english = await loginPage({ 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' });
    assert.match(english.text, /<html lang="en">[\s\S]*Email address[\s\S]*>Sign in</);
    assert.match(
      (await loginPage({ 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' })).text,
      /lang="nl"/,
    );
    assert.match((await loginPage({}, { ui_locales: 'en' })).text, /lang="en"/);
    const activation = await fetch(`${hub.issuer}/activate/not-a-valid-token`, {
      headers: { 'accept-language': 'en' },
    });
    assert.match(await activation.text(), /This link no longer works/);
  });

  test('no inline script or style, a strict CSP, labelled fields', async () => {
    const { response, text } = await loginPage();
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'none'/);
    // The one script is the Hub's own show-password switch, from a file.
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.deepEqual(text.match(/<script[^>]*>/g), ['<script src="/assets/password.js" defer>']);
    assert.doesNotMatch(text, /<style|\sstyle=|\son[a-z]+=/i);
    for (const id of [...text.matchAll(/<input id="([^"]+)"/g)].map((m) => m[1])) {
      assert.match(text, new RegExp(`<label for="${id}">`), id);
    }
    const css = await fetch(new URL('/assets/hub.css', hub.issuer));
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  });
});

describe('logout', () => {
  test('without a return address the customer ends on the Hub: confirm, then "U bent uitgelogd"', async () => {
    const { client } = await signIn(hub, JAN);
    const confirm = await client.request(`${hub.issuer}/session/end`);
    assert.equal(confirm.response.status, 200);
    assert.match(confirm.text, /Wilt u uitloggen bij ANVA Hub\?/);
    assert.match(confirm.response.headers.get('content-security-policy'), /script-src 'none'/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)[1];
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(confirm.text)[1];
    const done = await client.request(action, { method: 'POST', form: { xsrf, logout: 'yes' } });
    const success = await client.request(done.location);
    assert.equal(success.response.status, 200);
    assert.match(success.text, /U bent uitgelogd/);
    const again = await client.request(authorizeUrl(hub, { challenge: pkce().challenge }));
    assert.match(again.location, /\/interaction\//, 'the session is gone: login again');
    assert.match((await client.request(again.location)).text, /<h1 id="title">Inloggen<\/h1>/);
  });
});

describe('throttling', () => {
  test('failures slow down further attempts, then lock the account for a while, also with the right password', async () => {
    const throttled = await startTestHub({
      throttle: {
        delayAfter: 2,
        baseDelayMs: 300,
        maxDelayMs: 600,
        lockAfter: 5,
        ipLockAfter: 100,
        lockMs: 60_000,
      },
    });
    try {
      const attempt = async (password, email = JAN.email) => {
        const started = Date.now();
        const result = await signIn(throttled, { email, password });
        return { ...result, ms: Date.now() - started };
      };
      const first = await attempt('fout-1');
      await attempt('fout-2');
      const third = await attempt('fout-3');
      assert.ok(
        third.ms >= 300 && third.ms > first.ms,
        `third attempt waited (${first.ms} → ${third.ms} ms)`,
      );
      const fourth = await attempt('fout-4');
      assert.ok(fourth.ms >= 600, `fourth attempt waited longer (${fourth.ms} ms)`);
      await attempt('fout-5');
      const locked = await attempt(JAN.password);
      assert.equal(locked.callback, undefined);
      assert.match(locked.text, /Te veel mislukte pogingen/);
      const other = await attempt('Welkom03!', 'pieter@voorbeeld.nl');
      assert.ok(other.callback, 'other accounts from the same IP still work');
    } finally {
      await throttled.close();
    }
  });

  test('many failures from one IP lock that IP for every account', async () => {
    const throttled = await startTestHub({
      throttle: { delayAfter: 100, lockAfter: 100, ipLockAfter: 3 },
    });
    try {
      for (const email of ['a@voorbeeld.nl', 'b@voorbeeld.nl', 'c@voorbeeld.nl']) {
        await signIn(throttled, { email, password: 'fout' });
      }
      const locked = await signIn(throttled, JAN);
      assert.match(locked.text, /Te veel mislukte pogingen/);
    } finally {
      await throttled.close();
    }
  });
});
