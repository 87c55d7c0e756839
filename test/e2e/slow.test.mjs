/**
 * A slow but healthy back end, in Chromium: the Hub answers the contracts after 20 s (ANVA's
 * back-end messages may take up to 60 s). The list says it takes longer than usual while
 * it waits, then shows the contracts: it ends ready, never in error.
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

const CONTRACTS_MS = 20_000;

const e2e = useStack({ latency: { contracts: CONTRACTS_MS } });

test('contracts that take 20 s: the slow notice while waiting, then the list, no error', async () => {
  const ctx = await openContext(e2e.browser, e2e.stack);
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/index.html'));
  await signIn(page, e2e.stack, CUSTOMERS.jan);
  const mark = ctx.record.events.length;

  const started = Date.now();
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  const contracts = page.locator('anva-contracts');
  const notice = contracts.getByRole('status').filter({ hasText: 'Dit duurt langer dan normaal' });
  await notice.waitFor({ timeout: WAIT.step });
  assert.equal(await contracts.getAttribute('state'), 'loading', 'still waiting, no error');
  const noticeAfter = Date.now() - started;

  await waitForState(page, 'anva-contracts', 'ready', CONTRACTS_MS + WAIT.step);
  const readyAfter = Date.now() - started;
  console.log(`slow notice after ${noticeAfter} ms, contracts after ${readyAfter} ms`);
  assert.ok(readyAfter >= CONTRACTS_MS, `the Hub held the contracts (${readyAfter} ms)`);
  assert.equal(await notice.count(), 0, 'the notice is gone once the contracts are in');
  await contracts.getByText('60129384756').first().waitFor();
  const errors = eventsSince(ctx.record, mark).filter((e) => e.type === 'anva-error');
  assert.deepEqual(errors, [], 'no anva-error');
  await ctx.assertClean(page);
  await ctx.close();
});
