/** The customer API: what it answers, and every way a request is refused. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { revokeAccount } from '../../demo/hub/admin.mjs';
import { api, JAN, SANNE, startTestHub, tokensFor } from './helpers.mjs';

let hub;
let jan;
let signingKey;

before(async () => {
  hub = await startTestHub();
  jan = await tokensFor(hub, JAN);
  signingKey = JSON.parse(readFileSync(hub.dataFile, 'utf8')).signingKey;
});

after(() => hub?.close());

/** A token like the Hub's, with the given changes, signed with the Hub's own key by default. */
async function forge({ claims = {}, header = {}, key } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: hub.issuer,
    aud: hub.apiBase,
    sub: '5001',
    client_id: 'broker-website',
    gen: 1,
  };
  return new SignJWT({ ...payload, ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signingKey.kid, ...header })
    .setIssuedAt(now)
    .setExpirationTime(claims.exp ?? now + 60)
    .sign(key ?? (await importJWK(signingKey, 'RS256')));
}

function assertInvalidToken(result, description) {
  assert.equal(result.status, 401);
  assert.equal(result.body.error.code, 'unauthorized');
  assert.equal(typeof result.body.error.message, 'string');
  assert.match(
    result.headers.get('www-authenticate'),
    /^Bearer realm="ANVA Hub", error="invalid_token"/,
  );
  if (description)
    assert.match(
      result.headers.get('www-authenticate'),
      new RegExp(`error_description="${description}"`),
    );
}

describe('answers', () => {
  test('account, organisations, permissions and contracts of the signed-in customer, in the envelope', async () => {
    const account = await api(hub, '/account/mine', { token: jan.access_token });
    assert.equal(account.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(account.headers.get('cache-control'), 'no-store');
    const [me] = account.body.data.items;
    assert.deepEqual(
      {
        id: me.id,
        name: me.name,
        email: me.email,
        firstName: me.firstName,
        middleName: me.middleName,
        lastName: me.lastName,
        dossiers: me.dossiers,
        groupIds: me.groupIds,
      },
      {
        id: 5001,
        name: JAN.email,
        email: JAN.email,
        firstName: 'Jan',
        middleName: 'van',
        lastName: 'Dijk',
        dossiers: { 1201: '100234' },
        groupIds: ['101'],
      },
    );
    const orgs = (await api(hub, '/organization/organizations/mine', { token: jan.access_token }))
      .body.data.items;
    assert.deepEqual(orgs, [
      {
        id: 1201,
        type: 'intermediair',
        code: 'DEVRIES',
        name: 'Verzekeringen De Vries',
        icon: `${new URL(hub.issuer).origin}/assets/icons/de-vries.svg`,
      },
    ]);
    const icon = await fetch(orgs[0].icon);
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');

    const permissions = (
      await api(hub, '/permission/permissions/mine', { token: jan.access_token })
    ).body.data.items;
    assert.ok(permissions.every((p) => typeof p === 'string'));

    const contracts = (
      await api(hub, '/contract/contracts/mycontracts', { token: jan.access_token })
    ).body.data.items;
    assert.equal(contracts.length, 9);
    assert.deepEqual(
      new Set(contracts.map((c) => c.status)),
      new Set(['Lopend', 'Opgeschort', 'Premievrij', 'Geroyeerd']),
    );
    for (const contract of contracts) {
      assert.deepEqual(Object.keys(contract).slice(0, 5), [
        'id',
        'dossierNumber',
        'format',
        'status',
        'metadata',
      ]);
      assert.equal(contract.dossierNumber, '100234');
    }
    const future = contracts.find((c) => c.metadata.businessLine === '090');
    assert.ok(
      future.metadata.effectiveDate > new Date().toISOString().slice(0, 10),
      'one starts in the future',
    );
    assert.ok(
      contracts.some(
        (c) =>
          c.metadata.expiryDate && c.metadata.expiryDate < '2026-01-01' && c.status === 'Lopend',
      ),
    );

    const detail = (
      await api(hub, '/contract/contracts/48213001/mine', { token: jan.access_token })
    ).body.data.items;
    assert.equal(detail.length, 1);
    assert.equal(detail[0].metadata.insuredObject.licensePlate, 'GZ-845-T');
    assert.deepEqual(detail[0].metadata.bonusMalus, {
      step: 14,
      discountPercentage: 75,
      protected: true,
    });
  });

  test('a customer with dossiers at two organisations sees both on a broker group website, string ids and permission objects', async () => {
    const sanne = await tokensFor(hub, SANNE, { clientId: 'noord-groep-website' });
    const account = (await api(hub, '/account/mine', { token: sanne.access_token })).body.data
      .items[0];
    assert.deepEqual(account.dossiers, { 1201: '100871', 'org-hoekstra': '5530' });
    const orgs = (await api(hub, '/organization/organizations/mine', { token: sanne.access_token }))
      .body.data.items;
    assert.deepEqual(
      orgs.map((o) => o.code),
      ['DEVRIES', 'HOEKSTRA'],
    );
    const contracts = (
      await api(hub, '/contract/contracts/mycontracts', { token: sanne.access_token })
    ).body.data.items;
    assert.equal(contracts.length, 4);
    assert.ok(contracts.every((c) => typeof c.id === 'string'));
    const detail = await api(
      hub,
      `/contract/contracts/${encodeURIComponent('f3b9c2d4-1a7e-4c55-9e0b-6d2a8f41c731')}/mine`,
      { token: sanne.access_token },
    );
    assert.equal(detail.status, 200);
    const permissions = (
      await api(hub, '/permission/permissions/mine', { token: sanne.access_token })
    ).body.data.items;
    assert.deepEqual(permissions[2], { code: 'claim.create', description: 'Schade melden' });
  });

  test('the customer without contracts gets an empty list; the large one gets 1 000, the same every start', async () => {
    const pieter = await tokensFor(hub, { email: 'pieter@voorbeeld.nl', password: 'Welkom03!' });
    const none = await api(hub, '/contract/contracts/mycontracts', { token: pieter.access_token });
    assert.deepEqual(none.body, { data: { items: [] } });
    const kees = await tokensFor(hub, { email: 'kees@voorbeeld.nl', password: 'Welkom05!' });
    const many = (await api(hub, '/contract/contracts/mycontracts', { token: kees.access_token }))
      .body.data.items;
    assert.equal(many.length, 1000);
    assert.equal(new Set(many.map((c) => c.id)).size, 1000);
    assert.equal(many[0].id, 70000001);
    assert.equal(many[0].metadata.contractNumber, many[0].metadata.contractNumber.toUpperCase());
    assert.equal(many[999].metadata.contractNumber.slice(0, 7), 'SM01000');
  });
});

describe('ANVA-style values', () => {
  test("a customer whose contracts use ANVA's strings: amounts and compact dates as text, Dutch keys", async () => {
    const willem = await tokensFor(hub, { email: 'willem@voorbeeld.nl', password: 'Welkom06!' });
    const contracts = (
      await api(hub, '/contract/contracts/mycontracts', { token: willem.access_token })
    ).body.data.items;
    assert.equal(contracts.length, 3);
    const keys = new Set(
      contracts.flatMap((c) => [
        ...Object.keys(c.metadata),
        ...Object.keys(c.metadata.insuredObject),
      ]),
    );
    for (const key of [
      'verzekerdBedrag',
      'eigenRisico',
      'premie',
      'termijn',
      'ingangsdatum',
      'einddatum',
      'postcodeCijfers',
      'postcodeLetters',
      'huisnummer',
      'straat',
      'woonplaats',
      'kenteken',
      'merk',
      'model',
      'bouwjaar',
      'geboortedatum',
      'schadevrijeJaren',
    ]) {
      assert.ok(keys.has(key), key);
    }
    const [car, house, liability] = contracts.map((c) => c.metadata);
    assert.equal(liability.verzekerdBedrag, '2500000');
    assert.equal(house.premie, '1.234,56');
    assert.equal(car.geboortedatum, '19791018');
    assert.match(house.einddatum, /^\d{8}$/);
    assert.equal(car.insuredObject.bouwjaar, '2019');
    for (const metadata of [car, house, liability]) {
      for (const key of ['verzekerdBedrag', 'eigenRisico', 'premie', 'termijn', 'ingangsdatum']) {
        assert.equal(typeof metadata[key], 'string', key);
      }
    }
  });
});

describe('refusals', () => {
  test('no token → 401 with a Bearer challenge', async () => {
    const result = await api(hub, '/account/mine');
    assert.equal(result.status, 401);
    assert.equal(result.headers.get('www-authenticate'), 'Bearer realm="ANVA Hub"');
    assert.equal(result.body.error.code, 'unauthorized');
  });

  test('a malformed Authorization header → 400 invalid_request', async () => {
    for (const value of [
      'Basic amFuOnB3',
      'Bearer',
      `Bearer ${jan.access_token} extra`,
      `bearer:${jan.access_token}`,
    ]) {
      const result = await api(hub, '/account/mine', { headers: { authorization: value } });
      assert.equal(result.status, 400, value);
      assert.equal(result.body.error.code, 'invalid-request');
      assert.match(result.headers.get('www-authenticate'), /error="invalid_request"/);
    }
  });

  test('a token in the query string is refused, even a valid one', async () => {
    const result = await api(hub, `/account/mine?access_token=${jan.access_token}`);
    assert.equal(result.status, 400);
    assert.equal(result.body.error.code, 'invalid-request');
    const both = await api(hub, `/account/mine?access_token=${jan.access_token}`, {
      token: jan.access_token,
    });
    assert.equal(both.status, 400);
  });

  test('a forged token signed with the Hub key and correct claims is accepted (control)', async () => {
    assert.equal((await api(hub, '/account/mine', { token: await forge() })).status, 200);
  });

  test('an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    assertInvalidToken(
      await api(hub, '/account/mine', { token: await forge({ claims: { exp: now - 60 } }) }),
      'token expired',
    );
  });

  test('a token for another audience', async () => {
    const token = await forge({ claims: { aud: 'https://other-api.example' } });
    assertInvalidToken(await api(hub, '/account/mine', { token }), 'token invalid');
  });

  test('a token from another issuer', async () => {
    const token = await forge({ claims: { iss: 'https://login.example-hub.nl/identity' } });
    assertInvalidToken(await api(hub, '/account/mine', { token }), 'token invalid');
  });

  test('an ID token used as access token', async () => {
    assertInvalidToken(await api(hub, '/account/mine', { token: jan.id_token }), 'token invalid');
  });

  test('alg "none"', async () => {
    const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: hub.issuer,
      aud: hub.apiBase,
      sub: '5001',
      client_id: 'broker-website',
      iat: now,
      exp: now + 60,
      gen: 1,
    };
    const token = `${part({ alg: 'none', typ: 'at+jwt' })}.${part(claims)}.`;
    assertInvalidToken(await api(hub, '/account/mine', { token }), 'token invalid');
  });

  test('a token signed by another key (with the Hub key id)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    assertInvalidToken(
      await api(hub, '/account/mine', { token: await forge({ key: privateKey }) }),
      'token invalid',
    );
  });

  test('a token without typ at+jwt', async () => {
    assertInvalidToken(
      await api(hub, '/account/mine', { token: await forge({ header: { typ: 'JWT' } }) }),
      'token invalid',
    );
  });

  test("another customer's contract answers 404 exactly like a missing one", async () => {
    const sanneContract = await api(hub, `/contract/contracts/AVP-100871-1/mine`, {
      token: jan.access_token,
    });
    const missing = await api(hub, '/contract/contracts/99999999/mine', {
      token: jan.access_token,
    });
    assert.equal(sanneContract.status, 404);
    assert.deepEqual(sanneContract.body, missing.body);
    assert.equal(missing.body.error.code, 'not-found');
    assert.equal(
      (await api(hub, '/contract/contracts/70000001/mine', { token: jan.access_token })).status,
      404,
    );
  });

  test('unknown endpoints → 404, other methods → 405', async () => {
    assert.equal((await api(hub, '/claims/mine', { token: jan.access_token })).status, 404);
    const post = await fetch(`${hub.apiBase}/account/mine`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jan.access_token}` },
    });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
  });

  test('a token of a revoked account → 401 revoked, distinguishable from an invalid token', async () => {
    const pieter = await tokensFor(hub, { email: 'pieter@voorbeeld.nl', password: 'Welkom03!' });
    assert.equal((await api(hub, '/account/mine', { token: pieter.access_token })).status, 200);
    await revokeAccount({ dataFile: hub.dataFile, email: 'pieter@voorbeeld.nl' });
    const result = await api(hub, '/account/mine', { token: pieter.access_token });
    assert.equal(result.status, 401);
    assert.equal(result.body.error.code, 'revoked');
    assert.equal(
      result.headers.get('www-authenticate'),
      'Bearer realm="ANVA Hub", error="invalid_token", error_description="grant revoked"',
    );
  });
});

describe('CORS', () => {
  test('registered origins get CORS headers on the API, others none', async () => {
    const good = await api(hub, '/account/mine', {
      token: jan.access_token,
      headers: { origin: hub.site },
    });
    assert.equal(good.headers.get('access-control-allow-origin'), hub.site);
    assert.match(good.headers.get('access-control-expose-headers'), /WWW-Authenticate/);
    const evil = await api(hub, '/account/mine', {
      token: jan.access_token,
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);

    const preflight = (origin) =>
      fetch(`${hub.apiBase}/contract/contracts/mycontracts`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight(hub.site);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), hub.site);
    assert.match(allowed.headers.get('access-control-allow-headers'), /Authorization/);
    const refused = await preflight('https://evil.example');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal(refused.headers.get('access-control-allow-methods'), null);
  });
});
