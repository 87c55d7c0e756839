/**
 * The session under trouble: access revoked by the broker mid-session, and an API that goes
 * down or turns slow and comes back. The browser reaches the Hub through a proxy this test
 * controls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restoreAccount, revokeAccount } from '../../demo/hub/admin.mjs';
import {
  CUSTOMERS,
  eventsSince,
  openContext,
  signIn,
  useStack,
  waitForState,
  WAIT,
} from './harness.mjs';

const e2e = useStack({ proxy: true });

const HTTP_ERRORS = [/Failed to load resource/];

/**
 * Signs Sanne in on the contracts page, lets the broker revoke her access, runs `next`
 * (what makes the page ask the Hub again), then expects `tag` to sign out once, for
 * reason `revoked`, saying so.
 */
async function revokedDuringSession(tag, next) {
  // Access is given back first, so each scenario starts from a working account.
  await restoreAccount({ dataFile: e2e.stack.dataFile, email: CUSTOMERS.sanne.email });
  const ctx = await openContext(e2e.browser, e2e.stack, { allowConsole: HTTP_ERRORS });
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await signIn(page, e2e.stack, CUSTOMERS.sanne);
  await waitForState(page, 'anva-contracts', 'ready');
  const mark = ctx.record.events.length;

  await revokeAccount({ dataFile: e2e.stack.dataFile, email: CUSTOMERS.sanne.email });
  await next(page);

  await waitForState(page, tag, 'signed-out');
  const signedOut = eventsSince(ctx.record, mark).filter((e) => e.type === 'anva-signed-out');
  assert.deepEqual(
    signedOut.map((e) => e.detail.reason),
    ['revoked'],
    'one anva-signed-out with reason revoked',
  );
  await page
    .locator(tag)
    .getByText(/toegang|ingetrokken/i)
    .first()
    .waitFor();
  await ctx.assertClean(page);
  await ctx.close();
}

test('access revoked during a session: the next page signs out with a clear message', () =>
  revokedDuringSession('anva-account', (page) => page.goto(e2e.stack.url('/mijn-gegevens.html'))));

test('access revoked while the page stays open: its next request signs it out', () =>
  revokedDuringSession('anva-contracts', (page) =>
    // A broker's own "refresh" (the public API) makes the open page ask the Hub again.
    page.evaluate(async () => {
      const { anva } = await import('/anva-widgets.js');
      anva().client.invalidate();
    }),
  ));

test('Hub API down: an error with a retry that works once the API is back', async () => {
  const ctx = await openContext(e2e.browser, e2e.stack, {
    allowConsole: [...HTTP_ERRORS, /ERR_EMPTY_RESPONSE|ERR_CONNECTION/],
  });
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/index.html'));
  await signIn(page, e2e.stack, CUSTOMERS.jan);

  e2e.stack.proxy.mode = 'down';
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await waitForState(page, 'anva-contracts', 'error', WAIT.longStep);
  const retry = page.locator('anva-contracts').getByRole('button', { name: 'Opnieuw proberen' });
  await retry.waitFor();
  const errors = ctx.record.events
    .filter((e) => e.type === 'anva-error')
    .map((e) => JSON.parse(e.detail));
  assert.ok(
    errors.some((e) => e.code === 'network' && e.retryable),
    JSON.stringify(errors),
  );

  e2e.stack.proxy.mode = 'pass';
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
  const ctx = await openContext(e2e.browser, e2e.stack);
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/index.html'));
  await signIn(page, e2e.stack, CUSTOMERS.jan);

  Object.assign(e2e.stack.proxy, { mode: 'slow', delayMs: 3_000 });
  try {
    await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
    await waitForState(page, 'anva-contracts', 'loading');
    const box = await page.locator('anva-contracts').boundingBox();
    assert.ok(box && box.height > 100, `the skeleton takes room while loading (${box?.height}px)`);
    await waitForState(page, 'anva-contracts', 'ready');
  } finally {
    e2e.stack.proxy.mode = 'pass';
  }
  await ctx.assertClean(page);
  await ctx.close();
});

test('Hub API too slow: a timeout error with a retry that works once it is fast again', async () => {
  // The pages' own time limit, short: the case waits seconds for it, not the default minute.
  const ctx = await openContext(e2e.browser, e2e.stack, {
    allowConsole: HTTP_ERRORS,
    timeout: WAIT.requestSeconds,
  });
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/index.html'));
  await signIn(page, e2e.stack, CUSTOMERS.jan);

  // Longer than the widgets' time limit (`timeout`, retries included) on every attempt.
  Object.assign(e2e.stack.proxy, { mode: 'slow', delayMs: 120_000 });
  try {
    await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
    await waitForState(page, 'anva-contracts', 'error', WAIT.requestSeconds * 1000 + WAIT.step);
  } finally {
    e2e.stack.proxy.mode = 'pass';
  }
  const errors = ctx.record.events
    .filter((e) => e.type === 'anva-error')
    .map((e) => JSON.parse(e.detail));
  assert.ok(
    errors.some((e) => e.code === 'timeout' && e.retryable),
    JSON.stringify(errors),
  );
  await page.locator('anva-contracts').getByRole('button', { name: 'Opnieuw proberen' }).click();
  await waitForState(page, 'anva-contracts', 'ready');
  await ctx.assertClean(page);
  await ctx.close();
});
