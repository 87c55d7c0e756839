/** The login throttle: counted before the password is checked, a lock that holds, bounded memory. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createThrottle } from '../../demo/hub/throttle.mjs';
import { JAN, openLoginForm, signIn, startTestHub } from './helpers.mjs';

const outcome = ({ location, text }) => {
  if (location) return 'signed-in';
  if (/Te veel mislukte pogingen/.test(text)) return 'locked';
  if (/Het e-mailadres of wachtwoord is onjuist/.test(text)) return 'wrong';
  return 'other';
};

describe('login throttle under concurrency', () => {
  test('29 wrong passwords and the right one at once: no more than 10 checked, no success, the lock holds', async (t) => {
    const hub = await startTestHub({ throttle: { baseDelayMs: 5, maxDelayMs: 20 } });
    try {
      const forms = await Promise.all(Array.from({ length: 30 }, () => openLoginForm(hub)));
      const post = ({ client, action }, password) =>
        client.request(action, { method: 'POST', form: { email: JAN.email, password } });
      const wrong = forms.slice(0, 29).map((form, index) => post(form, `fout-${index}`));
      // The right one leaves last, a moment after the others: they are all still being checked.
      await sleep(20);
      const right = post(forms[29], JAN.password);
      const results = (await Promise.all([...wrong, right])).map(outcome);
      const counts = {};
      for (const result of results) (counts[result] ??= []).push(result);
      const checked = (counts.wrong?.length ?? 0) + (counts['signed-in']?.length ?? 0);
      t.diagnostic(
        `outcomes: ${JSON.stringify(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.length])))}`,
      );
      assert.ok(checked <= 10, `passwords checked: ${checked} (limit 10)`);
      assert.equal(counts['signed-in'], undefined, 'no success past the limit');
      assert.equal(counts.locked?.length, 30 - checked, 'the rest refused as locked');
      assert.equal(counts.other, undefined);
      const later = await signIn(hub, JAN);
      assert.equal(later.callback, undefined, 'the lock stays for the right password too');
      assert.match(later.text, /Te veel mislukte pogingen/);
    } finally {
      await hub.close();
    }
  });
});

describe('the throttle itself', () => {
  const clock = () => {
    let now = Date.parse('2026-01-01T09:00:00Z');
    return { now: () => now, advance: (ms) => (now += ms) };
  };

  test('attempts in flight count: the 11th simultaneous attempt is refused before any has failed', () => {
    const throttle = createThrottle({ now: clock().now });
    const admitted = Array.from({ length: 10 }, () => throttle.attempt(JAN.email, '10.0.0.1'));
    assert.ok(admitted.every((attempt) => !attempt.locked));
    assert.equal(throttle.attempt(JAN.email, '10.0.0.2').locked, true);
    assert.equal(throttle.attempt('pieter@voorbeeld.nl', '10.0.0.1').locked, false);
  });

  test('a success clears the failure count but never a lock', () => {
    const time = clock();
    const throttle = createThrottle({ now: time.now, lockAfter: 3, delayAfter: 100 });
    const fail = (email, ip = '10.0.0.1') => throttle.failed(throttle.attempt(email, ip));
    fail(JAN.email);
    fail(JAN.email);
    throttle.succeeded(throttle.attempt(JAN.email, '10.0.0.1'));
    fail(JAN.email);
    fail(JAN.email);
    assert.equal(throttle.attempt(JAN.email, '10.0.0.1').locked, false, 'the count restarted');

    for (let i = 0; i < 3; i += 1) fail('sanne@voorbeeld.nl');
    assert.equal(throttle.attempt('sanne@voorbeeld.nl', '10.0.0.2').locked, true, 'locked');
    throttle.succeeded(throttle.attempt('pieter@voorbeeld.nl', '10.0.0.1'));
    time.advance(throttle.config.lockMs - 1000);
    assert.equal(throttle.attempt('sanne@voorbeeld.nl', '10.0.0.3').locked, true, 'still locked');
    time.advance(1001);
    assert.equal(throttle.attempt('sanne@voorbeeld.nl', '10.0.0.3').locked, false, 'ran out');
  });

  test('memory: no entry for a mere check, expired entries swept (200 000 addresses)', () => {
    const time = clock();
    const throttle = createThrottle({ now: time.now });
    const address = (i) => [
      `klant${i}@voorbeeld.nl`,
      `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    ];
    for (let i = 0; i < 200_000; i += 1) throttle.succeeded(throttle.attempt(...address(i)));
    assert.equal(throttle.size, 0, 'successful logins leave nothing behind');
    for (let i = 0; i < 200_000; i += 1) throttle.failed(throttle.attempt(...address(i)));
    assert.equal(throttle.size, 400_000, 'failures within the window are remembered');
    time.advance(throttle.config.windowMs + throttle.config.sweepEveryMs);
    throttle.succeeded(throttle.attempt('nog-een@voorbeeld.nl', '10.255.0.1'));
    assert.equal(throttle.size, 0, 'past the window everything is swept out');
  });
});
