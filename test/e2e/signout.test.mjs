/**
 * The next person at a shared computer: after *Uitloggen* the Hub session is really over (no
 * question on the way, the next *Inloggen* asks for the password, the old access token is
 * dead), and a customer who stops at the Hub (*Annuleren*, *Weigeren*) comes back calmly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CUSTOMERS,
  eventsSince,
  openContext,
  signIn,
  useStack,
  waitForState,
  WAIT,
} from './harness.mjs';

const e2e = useStack();

const hubOrigin = () => new URL(e2e.stack.hub.issuer).origin;
const siteOrigin = () => new URL(e2e.stack.site.url).origin;

/** Presses a button of the page's `<anva-login>`. */
const pressInLogin = (page, name) =>
  page.locator('anva-login').first().getByRole('button', { name }).click();

/** No token the Hub issued in any address the browser asked for. */
function assertNoTokenInUrls(ctx) {
  for (const { url } of ctx.record.requests) {
    for (const token of ctx.record.tokens)
      assert.ok(!url.includes(token), `token in a URL: ${url.slice(0, 80)}`);
  }
}

test('sign-out ends the Hub session: no question, the next sign-in asks for the password', async () => {
  const ctx = await openContext(e2e.browser, e2e.stack);
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await signIn(page, e2e.stack, CUSTOMERS.jan);
  await waitForState(page, 'anva-contracts', 'ready');
  const refreshToken = [...ctx.record.tokens].find((token) => token.split('.').length !== 3);
  const clientId = await page.evaluate(async () => {
    const { anva } = await import('/anva-widgets.js');
    return anva().config.clientId;
  });
  const mark = ctx.record.events.length;
  const requestsBefore = ctx.record.requests.length;

  await pressInLogin(page, /uitloggen/i);
  // Straight back to the site: the Hub asks nothing.
  await page.waitForURL((url) => url.origin === hubOrigin(), { timeout: WAIT.step });
  await page.waitForURL((url) => url.origin === siteOrigin(), { timeout: WAIT.step });
  await page.locator('anva-login').first().getByText('U bent uitgelogd.').waitFor();
  await waitForState(page, 'anva-contracts', 'signed-out');

  const toHub = ctx.record.requests
    .slice(requestsBefore)
    .filter(({ url }) => url.startsWith(`${e2e.stack.hub.issuer}/session/end`));
  assert.equal(toHub[0]?.method, 'POST', 'the logout request is a POST form');
  assert.deepEqual(
    eventsSince(ctx.record, mark)
      .filter((e) => e.type === 'anva-signed-out')
      .map((e) => e.detail.reason),
    ['user'],
  );
  // The refresh token (and with it the grant) is revoked: nothing renews the old session.
  const renewal = await fetch(`${e2e.stack.hub.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: refreshToken,
    }),
  });
  assert.equal((await renewal.json()).error, 'invalid_grant', 'the refresh token was revoked');
  await pressInLogin(page, /inloggen/i);
  await page.waitForURL((url) => url.origin === hubOrigin());
  await page.getByLabel(/^wachtwoord/i).waitFor({ timeout: WAIT.step });
  assertNoTokenInUrls(ctx);
  await ctx.assertClean(page);
  await ctx.close();
});

/** Starts a sign-in and stops at the Hub with `button`; `consent`: after logging in. */
async function stopAtHub(customer, button, { consent = false } = {}) {
  const ctx = await openContext(e2e.browser, e2e.stack);
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await waitForState(page, 'anva-contracts', 'signed-out');
  const mark = ctx.record.events.length;
  await pressInLogin(page, /inloggen/i);
  await page.waitForURL((url) => url.origin === hubOrigin());
  if (consent) {
    await page.getByLabel(/e-mail/i).fill(customer.email);
    await page.getByLabel(/^wachtwoord/i).fill(customer.password);
    await page.getByRole('button', { name: /inloggen/i }).click();
  }
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => url.origin === siteOrigin());
  const login = page.locator('anva-login').first();
  await login.getByText('U bent niet ingelogd. U kunt altijd opnieuw inloggen.').waitFor();
  await waitForState(page, 'anva-contracts', 'signed-out');
  // Once per page: the contracts show their usual invitation, no error.
  assert.equal(
    await page
      .locator('anva-contracts')
      .getByText(/niet ingelogd/)
      .count(),
    0,
  );
  assert.equal(await page.locator('anva-contracts').locator('[part="error"]').count(), 0);
  assert.deepEqual(
    eventsSince(ctx.record, mark).filter((e) => e.type === 'anva-error'),
    [],
    'no anva-error for a cancel',
  );
  assert.equal(new URL(page.url()).search, '', 'error and state leave the address bar');
  assertNoTokenInUrls(ctx);
  await ctx.assertClean(page);
  await ctx.close();
}

test('Annuleren on the Hub login page: back signed out, one calm sentence', () =>
  stopAtHub(CUSTOMERS.jan, 'Annuleren'));

test('Weigeren on the consent page: back signed out, one calm sentence', () =>
  stopAtHub(CUSTOMERS.pieter, 'Weigeren', { consent: true }));
