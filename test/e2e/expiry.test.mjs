/**
 * Access token expiry while the customer reads: a short-lived token (Hub started with a
 * 15-second access token lifetime) is renewed with the refresh token, without any widget
 * flickering to signed-out or error, and without a renewal storm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOMERS, eventsSince, openContext, signIn, useStack, waitForState } from './harness.mjs';
import { ENGINE, launchEngine } from './engines.mjs';

const ACCESS_TOKEN_TTL = 15;

const e2e = useStack({ accessTokenTtl: ACCESS_TOKEN_TTL }, { launch: launchEngine });

/** Records every value the `state` attribute of any anva-* widget takes from now on. */
async function recordStates(page) {
  await page.evaluate(() => {
    window.__states = [];
    const observer = new MutationObserver((mutations) => {
      for (const { target } of mutations)
        window.__states.push(`${target.localName}:${target.getAttribute('state')}`);
    });
    for (const element of document.querySelectorAll(
      'anva-contracts, anva-contract-detail, anva-account',
    )) {
      observer.observe(element, { attributes: true, attributeFilter: ['state'] });
    }
  });
}

test('access token expiry: silent renewal without a visible blip', async (t) => {
  const ctx = await openContext(e2e.browser, e2e.stack);
  const page = await ctx.newPage();
  const apiStatuses = [];
  page.on('response', (response) => {
    if (
      response.url().startsWith(`${e2e.stack.hub.apiBase}/`) &&
      response.request().method() === 'GET'
    ) {
      apiStatuses.push(response.status());
    }
  });
  await page.goto(e2e.stack.url('/hostile/twice.html'));
  await signIn(page, e2e.stack, CUSTOMERS.jan);
  const signedInAt = Date.now();
  // Calls to the token endpoint from here on are renewals (the page's own record, which every
  // engine keeps: not all drivers show requests).
  const tokenEndpoint = `${e2e.stack.hub.issuer}/token`;
  const tokenCalls = () =>
    page.evaluate(
      (url) => performance.getEntriesByType('resource').filter((e) => e.name === url).length,
      tokenEndpoint,
    );
  const callsAtSignIn = await tokenCalls();
  await waitForState(page, 'anva-contracts', 'ready');
  await recordStates(page);
  const mark = ctx.record.events.length;

  // The one fixed wait: past the lifetime of the first access token.
  await page.waitForTimeout(Math.max(0, signedInAt + (ACCESS_TOKEN_TTL + 1) * 1000 - Date.now()));
  const renewals = (await tokenCalls()) - callsAtSignIn;
  assert.ok(renewals >= 1, 'the session renewed with the refresh token');
  assert.ok(
    renewals <= 3,
    `one renewal per token lifetime, not a storm: ${renewals} in ${ACCESS_TOKEN_TTL + 1} s`,
  );

  // A new API call after the first token expired: show a contract on this page.
  await page
    .locator('anva-contract-detail')
    .evaluate((detail) => detail.setAttribute('contract-id', '48213001'));
  await waitForState(page, 'anva-contract-detail', 'ready');

  const states = await page.evaluate(() => window.__states);
  assert.ok(
    !states.some((s) => /:(signed-out|error)$/.test(s)),
    `no widget went signed-out or error: ${states.join(', ')}`,
  );
  assert.ok(!eventsSince(ctx.record, mark).some((e) => e.type === 'anva-signed-out'));
  if (e2e.browser.supports.network) {
    assert.ok(
      !apiStatuses.includes(401),
      `no request was sent with an expired token (${apiStatuses})`,
    );
  } else {
    t.diagnostic(
      `${ENGINE}: the driver shows no responses, so 401s are not counted here; checked that no widget went signed-out or error and no anva-error was sent`,
    );
    assert.ok(!eventsSince(ctx.record, mark).some((e) => e.type === 'anva-error'));
  }
  await page
    .locator('anva-login')
    .getByRole('button', { name: /uitloggen/i })
    .waitFor();
  await ctx.assertClean(page);
  await ctx.close();
});
