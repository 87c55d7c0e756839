/**
 * The whole customer journey in a real browser against a started Hub: activation → login →
 * consent → code → tokens (PKCE, exchanged from node) → every endpoint → refresh (rotation,
 * reuse revokes) → silent sign-in without consent → logout.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { createServer } from 'node:http';
import {
  api,
  authorizeUrl,
  exchangeCode,
  pkce,
  refresh,
  REDIRECT_PATH,
  startTestHub,
} from './helpers.mjs';

let hub;
let site;
let SITE;
let REDIRECT_URI;
let browser;
let page;

before(async () => {
  // A stand-in for the broker website: every page is an empty one.
  site = createServer((req, res) => res.end('<!doctype html><title>Website</title>'));
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  hub = await startTestHub({ siteOrigin: `http://localhost:${site.address().port}` });
  SITE = hub.site;
  REDIRECT_URI = `${SITE}${REDIRECT_PATH}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
});

after(async () => {
  await browser?.close();
  await hub?.close();
  site?.close();
});

/** Opens the authorization URL and returns the code once the browser lands on the site. */
async function authorize(signIn) {
  const { verifier, challenge } = pkce();
  const url = authorizeUrl(hub, { challenge });
  const state = new URL(url).searchParams.get('state');
  await page.goto(url);
  await signIn?.();
  await page.waitForURL((u) => u.href.startsWith(REDIRECT_URI));
  const callback = new URL(page.url());
  assert.equal(callback.searchParams.get('state'), state);
  assert.equal(callback.searchParams.get('iss'), hub.issuer);
  return { code: callback.searchParams.get('code'), verifier };
}

test('a customer activates, signs in, consents, reads the dossier, refreshes and logs out', async (t) => {
  const fatima = hub.demoLogins.find((login) => login.email === 'fatima@voorbeeld.nl');
  const password = 'Zomer-2026-fiets';

  await t.test('activation link: choose a password, see the confirmation', async () => {
    await page.goto(fatima.activationUrl);
    assert.equal(await page.getByRole('heading').textContent(), 'Account activeren');
    await page.getByLabel('Nieuw wachtwoord').fill(password);
    await page.getByLabel('Herhaal wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.getByRole('heading', { name: 'Uw account is geactiveerd' }).waitFor();
    assert.equal(
      await page
        .getByRole('link', { name: 'Inloggen bij Verzekeringen De Vries' })
        .getAttribute('href'),
      `${SITE}/mijn-verzekeringen.html`,
    );
  });

  let tokens;
  await t.test(
    'login and consent give a code; the code and PKCE verifier give tokens',
    async () => {
      const { code, verifier } = await authorize(async () => {
        await page.getByLabel('E-mailadres').fill(fatima.email);
        await page.getByLabel('Wachtwoord').fill(password);
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await page.getByRole('heading', { name: 'Toestemming geven' }).waitFor();
        assert.match(
          await page.textContent('main'),
          /De website van Verzekeringen De Vries vraagt toegang/,
        );
        await page.getByRole('button', { name: 'Toestaan' }).click();
      });
      const exchanged = await exchangeCode(hub, { code, verifier });
      assert.equal(exchanged.status, 200);
      assert.equal(exchanged.headers.get('access-control-allow-origin'), SITE);
      tokens = exchanged.body;
      assert.equal(tokens.token_type, 'Bearer');
      assert.ok(tokens.refresh_token && tokens.id_token);
    },
  );

  await t.test('every customer endpoint answers in the envelope', async () => {
    const account = await api(hub, '/account/mine', { token: tokens.access_token });
    assert.equal(account.status, 200);
    assert.equal(account.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(account.body.data.items[0].dossiers, { 1201: '100512' });
    assert.equal(account.body.data.items[0].name, 'fatima@voorbeeld.nl');

    const orgs = await api(hub, '/organization/organizations/mine', { token: tokens.access_token });
    assert.deepEqual(
      orgs.body.data.items.map((o) => o.code),
      ['DEVRIES'],
    );
    const permissions = await api(hub, '/permission/permissions/mine', {
      token: tokens.access_token,
    });
    assert.ok(permissions.body.data.items.includes('contract.read'));
    const contracts = await api(hub, '/contract/contracts/mycontracts', {
      token: tokens.access_token,
    });
    assert.deepEqual(
      contracts.body.data.items.map((c) => c.id),
      [48216001],
    );
    const detail = await api(hub, '/contract/contracts/48216001/mine', {
      token: tokens.access_token,
    });
    assert.equal(detail.body.data.items.length, 1);
    assert.equal(
      detail.body.data.items[0].metadata.productDescription,
      'Inboedelverzekering, Uitgebreid',
    );
  });

  let rotated;
  await t.test(
    'refresh rotates the refresh token; reusing the old one revokes the grant',
    async () => {
      const first = await refresh(hub, tokens.refresh_token);
      assert.equal(first.status, 200);
      rotated = first.body.refresh_token;
      assert.notEqual(rotated, tokens.refresh_token);
      assert.equal(
        (await api(hub, '/account/mine', { token: first.body.access_token })).status,
        200,
      );

      const reuse = await refresh(hub, tokens.refresh_token);
      assert.equal(reuse.status, 400);
      assert.equal(reuse.body.error, 'invalid_grant');
      const afterReuse = await refresh(hub, rotated);
      assert.equal(
        afterReuse.body.error,
        'invalid_grant',
        'the whole grant is gone, also the newest token',
      );
    },
  );

  await t.test('a second sign-in in the same browser needs no login and no consent', async () => {
    const { code, verifier } = await authorize();
    const exchanged = await exchangeCode(hub, { code, verifier });
    assert.equal(exchanged.status, 200);
    tokens = exchanged.body;
  });

  await t.test(
    'RP-initiated logout with an ID token hint ends the session without a question',
    async () => {
      const logout = new URL(`${hub.issuer}/session/end`);
      logout.searchParams.set('id_token_hint', tokens.id_token);
      logout.searchParams.set('post_logout_redirect_uri', `${SITE}/index.html`);
      logout.searchParams.set('state', 'bye');
      // A valid id_token_hint: the Hub ends its session without asking.
      await page.goto(logout.href);
      await page.waitForURL((u) => u.href.startsWith(`${SITE}/index.html`));
      assert.equal(new URL(page.url()).searchParams.get('state'), 'bye');

      assert.equal((await refresh(hub, tokens.refresh_token)).body.error, 'invalid_grant');
      await page.goto(authorizeUrl(hub, { challenge: pkce().challenge }));
      await page.getByLabel('E-mailadres').waitFor();
    },
  );
});
