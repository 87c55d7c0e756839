/**
 * The session over time: an access token that expires while the customer reads, access
 * revoked by the broker mid-session, and an API that goes down or turns slow and comes back.
 * The browser reaches the Hub through a proxy this test controls.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { revokeAccount } from '../../demo/hub/admin.mjs';
import {
  CUSTOMERS,
  eventsSince,
  launchBrowser,
  openContext,
  signIn,
  startStack,
  waitForState,
} from './harness.mjs';

const ACCESS_TOKEN_TTL = 15;

let stack;
let browser;

before(async () => {
  [stack, browser] = await Promise.all([
    startStack({ accessTokenTtl: ACCESS_TOKEN_TTL, proxy: true }),
    launchBrowser(),
  ]);
});

after(async () => {
  await browser?.close();
  await stack?.close();
});

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

const HTTP_ERRORS = [/Failed to load resource/];

test('access token expiry: silent renewal without a visible blip', async () => {
  const ctx = await openContext(browser, stack);
  const page = await ctx.newPage();
  const apiStatuses = [];
  page.on('response', (response) => {
    if (
      response.url().startsWith(`${stack.hub.apiBase}/`) &&
      response.request().method() === 'GET'
    ) {
      apiStatuses.push(response.status());
    }
  });
  const renewals = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /grant_type=refresh_token/.test(request.postData() ?? '')) {
      renewals.push(Date.now());
    }
  });
  await page.goto(stack.url('/hostile/twice.html'));
  await signIn(page, stack, CUSTOMERS.jan);
  const signedInAt = Date.now();
  await waitForState(page, 'anva-contracts', 'ready');
  await recordStates(page);
  const mark = ctx.record.events.length;

  // The one fixed wait: past the lifetime of the first access token.
  await page.waitForTimeout(Math.max(0, signedInAt + (ACCESS_TOKEN_TTL + 1) * 1000 - Date.now()));
  assert.ok(renewals.length >= 1, 'the session renewed with the refresh token');

  // A new API call after the first token expired: choose a contract, show it on this page.
  await page.evaluate(() =>
    window.addEventListener('anva-contract-select', (e) => e.preventDefault()),
  );
  await page.locator('anva-contracts').getByRole('row').nth(1).click();
  await waitForState(page, 'anva-contract-detail', 'ready');

  const states = await page.evaluate(() => window.__states);
  assert.ok(
    !states.some((s) => /:(signed-out|error)$/.test(s)),
    `no widget went signed-out or error: ${states.join(', ')}`,
  );
  assert.ok(!eventsSince(ctx.record, mark).some((e) => e.type === 'anva-signed-out'));
  assert.ok(
    !apiStatuses.includes(401),
    `no request was sent with an expired token (${apiStatuses})`,
  );
  await page
    .locator('anva-login')
    .getByRole('button', { name: /uitloggen/i })
    .waitFor();
  await ctx.assertClean(page);
  await ctx.close();
});

test('access revoked during a session: the widgets sign out with a clear message', async () => {
  const ctx = await openContext(browser, stack, { allowConsole: HTTP_ERRORS });
  const page = await ctx.newPage();
  await page.goto(stack.url('/mijn-verzekeringen.html'));
  await signIn(page, stack, CUSTOMERS.sanne);
  await waitForState(page, 'anva-contracts', 'ready');
  const mark = ctx.record.events.length;

  await admin.revokeAccess({
    dataFile: stack.dataFile,
    email: CUSTOMERS.sanne.email,
    hub: stack.hub,
  });

  await page.goto(stack.url('/mijn-gegevens.html'));
  await waitForState(page, 'anva-account', 'signed-out');
  const signedOut = eventsSince(ctx.record, mark).filter((e) => e.type === 'anva-signed-out');
  assert.deepEqual(
    signedOut.map((e) => e.detail.reason),
    ['revoked'],
    'one anva-signed-out with reason revoked',
  );
  await page
    .locator('anva-account')
    .getByText(/toegang|ingetrokken|afgemeld/i)
    .first()
    .waitFor();
  await ctx.assertClean(page);
  await ctx.close();
});

test('Hub API down: an error with a retry that works once the API is back', async () => {
  const ctx = await openContext(browser, stack, {
    allowConsole: [...HTTP_ERRORS, /ERR_EMPTY_RESPONSE|ERR_CONNECTION/],
  });
  const page = await ctx.newPage();
  await page.goto(stack.url('/index.html'));
  await signIn(page, stack, CUSTOMERS.jan);

  stack.proxy.mode = 'down';
  await page.goto(stack.url('/mijn-verzekeringen.html'));
  await waitForState(page, 'anva-contracts', 'error', 30_000);
  const retry = page.locator('anva-contracts').getByRole('button', { name: 'Opnieuw proberen' });
  await retry.waitFor();
  const errors = ctx.record.events
    .filter((e) => e.type === 'anva-error')
    .map((e) => JSON.parse(e.detail));
  assert.ok(
    errors.some((e) => e.code === 'network' && e.retryable),
    JSON.stringify(errors),
  );

  stack.proxy.mode = 'pass';
  await retry.click();
  await waitForState(page, 'anva-contracts', 'ready');
  await page
    .locator('anva-login')
    .getByRole('button', { name: /uitloggen/i })
    .waitFor();
  await ctx.assertClean(page);
  await ctx.close();
});

test('Hub API slow: a skeleton while waiting, then the data', async () => {
  const ctx = await openContext(browser, stack);
  const page = await ctx.newPage();
  await page.goto(stack.url('/index.html'));
  await signIn(page, stack, CUSTOMERS.jan);

  Object.assign(stack.proxy, { mode: 'slow', delayMs: 3_000 });
  try {
    await page.goto(stack.url('/mijn-verzekeringen.html'));
    await waitForState(page, 'anva-contracts', 'loading');
    const box = await page.locator('anva-contracts').boundingBox();
    assert.ok(box && box.height > 100, `the skeleton takes room while loading (${box?.height}px)`);
    await waitForState(page, 'anva-contracts', 'ready');
  } finally {
    stack.proxy.mode = 'pass';
  }
  await ctx.assertClean(page);
  await ctx.close();
});
