/**
 * The journey with identity and customer API on two origins, as ANVA serves them (the other
 * e2e files run on two origins too); the single-origin layout; the customer whose contracts
 * come in ANVA's string formats.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CUSTOMERS,
  launchBrowser,
  openContext,
  signIn,
  startStack,
  waitForState,
} from './harness.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(() => browser?.close());

/** Signs Jan in and walks contracts → detail → account, recording which origin got what. */
async function journey(stack) {
  const ctx = await openContext(browser, stack);
  const page = await ctx.newPage();
  const bearerTo = new Set();
  page.on('request', (request) => {
    if (request.headers().authorization) bearerTo.add(new URL(request.url()).origin);
  });
  await page.goto(stack.url('/mijn-verzekeringen.html'));
  await signIn(page, stack, CUSTOMERS.jan);
  await waitForState(page, 'anva-contracts', 'ready');
  await page.locator('anva-contracts').getByText('60129384756').first().click();
  await waitForState(page, 'anva-contract-detail', 'ready');
  await page.goto(stack.url('/hostile/csp.html'));
  await waitForState(page, 'anva-contracts', 'ready');
  await waitForState(page, 'anva-account', 'ready');
  await ctx.assertClean(page);
  const origins = (predicate) =>
    new Set(ctx.record.requests.filter(predicate).map(({ url }) => new URL(url).origin));
  const result = {
    bearerTo,
    tokenAt: origins(({ method, url }) => method === 'POST' && /\/token$/.test(url)),
    apiAt: origins(({ url }) => url.includes('/contract/contracts/')),
  };
  await ctx.close();
  return result;
}

test('identity and API on different origins: sign-in, contracts, detail, account under a strict CSP', async () => {
  const stack = await startStack();
  try {
    const identity = new URL(stack.hub.issuer).origin;
    const apiOrigin = new URL(stack.hub.apiBase).origin;
    assert.notEqual(identity, apiOrigin);
    const seen = await journey(stack);
    assert.deepEqual([...seen.tokenAt], [identity], 'tokens from the identity origin');
    assert.deepEqual([...seen.apiAt], [apiOrigin], 'the dossier from the API origin');
    assert.deepEqual([...seen.bearerTo], [apiOrigin], 'the access token goes to the API only');

    const ctx = await openContext(browser, stack);
    const page = await ctx.newPage();
    const response = await page.goto(stack.url('/snippet.html'));
    const served = response.headers()['content-security-policy'];
    assert.match(served, new RegExp(`connect-src 'self' ${identity} ${apiOrigin};`));
    const csp = page.locator('#code-csp');
    await csp.filter({ hasText: 'connect-src' }).waitFor();
    assert.match(await csp.textContent(), new RegExp(`connect-src ${identity} ${apiOrigin};`));
    assert.match(await csp.textContent(), new RegExp(`img-src 'self' ${identity} ${apiOrigin};`));
    await ctx.assertClean(page);
    await ctx.close();
  } finally {
    await stack.close();
  }
});

test('the single-origin layout still works', async () => {
  const stack = await startStack({ singleOrigin: true });
  try {
    assert.equal(stack.hub.apiBase, `${new URL(stack.hub.issuer).origin}/api`);
    const seen = await journey(stack);
    assert.deepEqual([...seen.bearerTo], [new URL(stack.hub.issuer).origin]);
  } finally {
    await stack.close();
  }
});

test('the customer with ANVA-style strings sees every contract', async () => {
  const stack = await startStack();
  try {
    const ctx = await openContext(browser, stack);
    const page = await ctx.newPage();
    await page.goto(stack.url('/mijn-verzekeringen.html'));
    await signIn(page, stack, CUSTOMERS.willem);
    await waitForState(page, 'anva-contracts', 'ready');
    for (const number of ['60144400101', '60144400102', '35255618470003']) {
      await page.locator('anva-contracts').getByText(number).first().waitFor();
    }
    await ctx.assertClean(page);
    await ctx.close();
  } finally {
    await stack.close();
  }
});
