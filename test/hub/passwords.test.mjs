/**
 * Passwords and codes: a new password ends every older session and token, the NIST SP 800-63B
 * rules for a chosen password, temporary passwords that expire, authorization codes valid for
 * 10 minutes as ANVA documents.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { reissueActivation } from '../../demo/hub/admin.mjs';
import { StateFile } from '../../demo/hub/state.mjs';
import {
  api,
  authorizeUrl,
  exchangeCode,
  JAN,
  pkce,
  refresh,
  signIn,
  startTestHub,
  tokensFor,
} from './helpers.mjs';

let hub;
const admin = () => ({ dataFile: hub.dataFile, issuer: hub.issuer });

before(async () => {
  hub = await startTestHub();
});

after(() => hub?.close());

/** Posts a new password on an activation link. */
const choose = (activationUrl, password, repeat = password) =>
  fetch(activationUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password, repeat }),
  }).then(async (response) => ({ status: response.status, text: await response.text() }));

describe('a new password', () => {
  test('ends the old access token, refresh token and Hub session of every other sign-in', async () => {
    const pieter = { email: 'pieter@voorbeeld.nl', password: 'Welkom03!' };
    const old = await tokensFor(hub, pieter);
    assert.equal((await api(hub, '/account/mine', { token: old.access_token })).status, 200);
    const silent = await old.client.request(authorizeUrl(hub, { challenge: pkce().challenge }));
    assert.match(silent.location, /[?&]code=/, 'control: the old Hub session signs in silently');

    const { activationUrl } = await reissueActivation({ ...admin(), email: pieter.email });
    const changed = await choose(activationUrl, 'Rode-Fiets-Onder-De-Brug');
    assert.equal(changed.status, 200, changed.text);

    const answer = await api(hub, '/account/mine', { token: old.access_token });
    assert.equal(answer.status, 401, 'the old access token is refused');
    assert.equal(answer.body.error.code, 'revoked');
    assert.equal((await refresh(hub, old.refresh_token)).body.error, 'invalid_grant');
    const again = await old.client.request(authorizeUrl(hub, { challenge: pkce().challenge }));
    assert.match(again.location, /\/interaction\//, 'the old Hub session is gone: log in again');

    assert.equal((await signIn(hub, pieter)).callback, undefined, 'the old password is refused');
    const fresh = await tokensFor(hub, { ...pieter, password: 'Rode-Fiets-Onder-De-Brug' });
    assert.equal((await api(hub, '/account/mine', { token: fresh.access_token })).status, 200);
  });
});

describe('password rules (NIST SP 800-63B)', () => {
  test('at least 8 characters, not on the common-password list, not the e-mail address', async () => {
    const { activationUrl } = await reissueActivation({ ...admin(), email: 'kees@voorbeeld.nl' });
    const refused = {
      kort: /minimaal 8 tekens/,
      12345678: /veelgebruikte of gelekte wachtwoorden/,
      wachtwoord: /veelgebruikte of gelekte wachtwoorden/,
      Welkom01: /veelgebruikte of gelekte wachtwoorden/,
      qwertyuiop: /veelgebruikte of gelekte wachtwoorden/,
      'kees@voorbeeld.nl': /niet gelijk zijn aan uw e-mailadres/,
      'KEES@voorbeeld.nl': /niet gelijk zijn aan uw e-mailadres/,
    };
    for (const [password, message] of Object.entries(refused)) {
      const answer = await choose(activationUrl, password);
      assert.equal(answer.status, 400, password);
      assert.match(answer.text, message, password);
    }
    const spaces = await choose(activationUrl, 'vier woorden met spaties');
    assert.equal(spaces.status, 200, 'any characters, no composition rules');
  });

  test('a temporary password expires like the activation link it came with', async () => {
    const fatima = { email: 'fatima@voorbeeld.nl', password: 'Tijdelijk-4821' };
    const file = new StateFile(hub.dataFile);
    const account = file.read().accounts.find((a) => a.email === fatima.email);
    assert.equal(account.temporaryPasswordExpiresAt, account.activation.expiresAt);
    const days = (Date.parse(account.temporaryPasswordExpiresAt) - Date.now()) / 86400_000;
    assert.ok(days > 13.9 && days <= 14, `valid for 14 days (${days.toFixed(2)})`);
    file.update((state) => {
      state.accounts.find((a) => a.email === fatima.email).temporaryPasswordExpiresAt = new Date(
        Date.now() - 1000,
      ).toISOString();
    });
    const expired = await signIn(hub, { ...fatima, newPassword: 'Nieuw-Wachtwoord-2026' });
    assert.equal(expired.callback, undefined);
    assert.match(expired.text, /Uw tijdelijke wachtwoord is verlopen/);
    assert.deepEqual(expired.steps, ['login'], 'no new-password form');
  });
});

describe('authorization code', () => {
  /** A code for Jan, exchanged `seconds` after it was issued (the Hub's clock is moved). */
  async function exchangeAfter(seconds) {
    const { callback, verifier } = await signIn(hub, JAN);
    const realNow = Date.now;
    Date.now = () => realNow() + seconds * 1000;
    try {
      return await exchangeCode(hub, { code: callback.searchParams.get('code'), verifier });
    } finally {
      Date.now = realNow;
    }
  }

  test('valid for 600 seconds, as ANVA documents', async () => {
    assert.equal((await exchangeAfter(590)).status, 200, 'after 590 s');
    const late = await exchangeAfter(610);
    assert.equal(late.status, 400, 'after 610 s');
    assert.equal(late.body.error, 'invalid_grant');
  });
});
