/**
 * Two origins, as ANVA serves the Hub (identity under /identity) and its APIs on another host;
 * the single-origin layout by a setting; slow answers by a latency setting per endpoint.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { resolveOptions } from '../../demo/hub/config.mjs';
import { api, JAN, SITE, startTestHub, tokensFor } from './helpers.mjs';

const preflight = (url, origin = SITE) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    },
  });

describe('two origins by default', () => {
  test('discovery on the identity origin, the API on its own origin, CORS for the site on both', async () => {
    const hub = await startTestHub();
    try {
      const identity = new URL(hub.issuer).origin;
      const apiOrigin = new URL(hub.apiBase).origin;
      assert.notEqual(identity, apiOrigin);
      assert.equal(hub.apiBase, apiOrigin, 'the API sits at the root of its origin');

      const discovery = await fetch(`${hub.issuer}/.well-known/openid-configuration`, {
        headers: { origin: SITE },
      });
      assert.equal(discovery.status, 200);
      assert.equal(discovery.headers.get('access-control-allow-origin'), SITE);
      const endpoints = await discovery.json();
      for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
        assert.ok(endpoints[key].startsWith(`${identity}/identity/`), key);
      }

      const { access_token: token } = await tokensFor(hub, JAN);
      assert.equal(decodeJwt(token).aud, hub.apiBase, 'the token is for the API origin');
      const allowed = await preflight(`${hub.apiBase}/account/mine`);
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), SITE);
      assert.match(allowed.headers.get('access-control-allow-headers'), /Authorization/);
      const account = await api(hub, '/account/mine', { token, headers: { origin: SITE } });
      assert.equal(account.status, 200);
      assert.equal(account.headers.get('access-control-allow-origin'), SITE);
      const evil = await api(hub, '/account/mine', {
        token,
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);

      const apiOnIdentity = await fetch(`${identity}/api/account/mine`, {
        headers: { authorization: `Bearer ${token}` },
        redirect: 'manual',
      });
      assert.notEqual(apiOnIdentity.status, 200, 'no API on the identity origin');
      assert.equal(apiOnIdentity.headers.get('content-type'), null);
      const identityOnApi = await fetch(`${apiOrigin}/identity/.well-known/openid-configuration`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(identityOnApi.status, 404, 'no identity on the API origin');
      assert.equal((await identityOnApi.json()).error.code, 'not-found');
    } finally {
      await hub.close();
    }
  });

  test('the single-origin layout stays possible: the API under /api on the identity origin', async () => {
    const hub = await startTestHub({ singleOrigin: true });
    try {
      assert.equal(hub.apiBase, `${new URL(hub.issuer).origin}/api`);
      const { access_token: token } = await tokensFor(hub, JAN);
      const contracts = await api(hub, '/contract/contracts/mycontracts', { token });
      assert.equal(contracts.status, 200);
      assert.equal(contracts.body.data.items.length, 9);
    } finally {
      await hub.close();
    }
  });

  test('the same port twice is a configuration error, unless single-origin', () => {
    assert.throws(
      () => resolveOptions({ port: 5000, apiPort: 5000 }),
      /identity and API need different ports/,
    );
    assert.equal(resolveOptions({ port: 5000 }).apiPort, 5001);
    assert.equal(resolveOptions({ port: 5000, apiPort: 5000, singleOrigin: true }).port, 5000);
  });
});

describe('latency per endpoint', () => {
  test('contracts answer after the set time, the other endpoints at once', async () => {
    const hub = await startTestHub({ latency: 'contracts:400', latencyMs: 0 });
    try {
      const { access_token: token } = await tokensFor(hub, JAN);
      const timed = async (path) => {
        const started = performance.now();
        const { status } = await api(hub, path, { token });
        return { status, ms: performance.now() - started };
      };
      const contracts = await timed('/contract/contracts/mycontracts');
      const account = await timed('/account/mine');
      assert.equal(contracts.status, 200);
      assert.ok(contracts.ms >= 400, `contracts took ${contracts.ms.toFixed(0)} ms`);
      assert.ok(account.ms < 400, `account took ${account.ms.toFixed(0)} ms`);
    } finally {
      await hub.close();
    }
  });

  test('settings: per route, for every endpoint, and clear errors', () => {
    assert.deepEqual(resolveOptions({ latency: 'contracts:20000, contract:500' }).latency, {
      contracts: 20000,
      contract: 500,
    });
    assert.deepEqual(resolveOptions({ latencyMs: '1500' }).latency, { '*': 1500 });
    assert.throws(() => resolveOptions({ latency: 'polissen:100' }), /unknown endpoint "polissen"/);
    assert.throws(() => resolveOptions({ latencyMs: 'snel' }), /whole number of milliseconds/);
  });
});
