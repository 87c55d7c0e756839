/**
 * The broker console (/beheer) over plain HTTP: who sees what, CSRF, cookie flags, the outbox,
 * and *Wachtwoord vergeten?* (the same answer for every address, the login throttle).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { outboxDir, readActivity } from '../../demo/hub/outbox.mjs';
import { httpClient, pkce, authorizeUrl, signIn, startTestHub } from './helpers.mjs';

const ANNE = { username: 'anne@verzekeringendevries.nl', password: 'Beheer-DeVries-1' };
const BRAM = { username: 'bram@verzekeringendevries.nl', password: 'Beheer-DeVries-2' };
const HENK = { username: 'henk@hoekstra-assurantien.nl', password: 'Beheer-Hoekstra-1' };

let hub;
let base;

before(async () => {
  hub = await startTestHub();
  base = `${new URL(hub.issuer).origin}/beheer`;
});

after(() => hub?.close());

const csrfOf = (text) => /name="csrf" value="([^"]+)"/.exec(text)?.[1];

/** A signed-in staff browser: returns its client and the session's CSRF token. */
async function staffSession(credentials) {
  const client = httpClient();
  const form = await client.request(`${base}/inloggen`);
  const signedIn = await client.request(`${base}/inloggen`, {
    method: 'POST',
    form: { ...credentials, csrf: csrfOf(form.text) },
  });
  assert.equal(signedIn.response.status, 303, signedIn.text.slice(0, 300));
  const page = await client.request(signedIn.location);
  return { client, csrf: csrfOf(page.text), signedIn, page };
}

describe('sign-in and sessions', () => {
  test('without a session every page leads to the sign-in; a wrong password is refused', async () => {
    const client = httpClient();
    for (const path of ['', '/relaties', '/relaties/R-100623', '/e-mails', '/activiteit']) {
      const answer = await client.request(`${base}${path}`);
      assert.equal(answer.response.status, 303, path);
      assert.equal(answer.location, `${base}/inloggen`);
    }
    const form = await client.request(`${base}/inloggen`);
    const wrong = await client.request(`${base}/inloggen`, {
      method: 'POST',
      form: { username: ANNE.username, password: 'fout', csrf: csrfOf(form.text) },
    });
    assert.equal(wrong.response.status, 401);
    assert.match(wrong.text, /De gebruikersnaam of het wachtwoord is onjuist/);
  });

  test('session cookie is HttpOnly, SameSite=Strict, limited to /beheer; the page has a strict CSP', async () => {
    const { signedIn, page } = await staffSession(ANNE);
    const cookie = signedIn.response.headers
      .getSetCookie()
      .find((line) => line.startsWith('hub_beheer='));
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/beheer/);
    const csp = page.response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'none'/);
    assert.match(csp, /form-action 'self'(;|$)/);
    assert.doesNotMatch(page.text, /<script|<style|\sstyle=|\son[a-z]+=/i);
  });

  test('a POST without the session CSRF token, or from another origin, changes nothing', async () => {
    const { client, csrf } = await staffSession(ANNE);
    const missing = await client.request(`${base}/relaties/R-100234/intrekken`, {
      method: 'POST',
      form: {},
    });
    assert.equal(missing.response.status, 403);
    assert.match(missing.text, /Formulier verlopen/);
    const foreign = await client.request(`${base}/relaties/R-100234/intrekken`, {
      method: 'POST',
      form: { csrf },
      headers: { origin: 'http://evil.example' },
    });
    assert.equal(foreign.response.status, 403);
    const login = await httpClient().request(`${base}/inloggen`, {
      method: 'POST',
      form: { ...ANNE, csrf: 'guessed' },
    });
    assert.equal(login.response.status, 403, 'sign-in needs the form token too');
    const contact = await client.request(`${base}/relaties/R-100234`);
    assert.match(contact.text, /Actief/, 'Jan still has access');
  });
});

describe('one organisation each', () => {
  test('a Relatiebeheerder of De Vries cannot see or change a Hoekstra contact', async () => {
    const { client, csrf } = await staffSession(ANNE);
    const list = await client.request(`${base}/relaties`);
    assert.match(list.text, /R-100623/);
    assert.doesNotMatch(list.text, /H-5601|Yılmaz/);
    const search = await client.request(`${base}/relaties?q=Ahmed`);
    assert.doesNotMatch(search.text, /H-5601/);
    const page = await client.request(`${base}/relaties/H-5601`);
    assert.equal(page.response.status, 404);
    for (const action of ['account-toevoegen', 'nieuwe-link', 'intrekken', 'herstellen']) {
      const attempt = await client.request(`${base}/relaties/H-5530/${action}`, {
        method: 'POST',
        form: { csrf, email: 'ahmed@voorbeeld.nl' },
      });
      assert.equal(attempt.response.status, 404, action);
    }
    const henk = await staffSession(HENK);
    assert.match((await henk.client.request(`${base}/relaties/H-5530`)).text, /Actief/);
    assert.doesNotMatch((await henk.client.request(`${base}/relaties`)).text, /R-100234/);
  });

  test('the activity log is for Organisatie-beheerders', async () => {
    const anne = await staffSession(ANNE);
    assert.equal((await anne.client.request(`${base}/activiteit`)).response.status, 403);
    const bram = await staffSession(BRAM);
    const log = await bram.client.request(`${base}/activiteit`);
    assert.equal(log.response.status, 200);
    assert.match(log.text, /Ingelogd in Beheer/);
  });
});

describe('Account toevoegen and the outbox', () => {
  test('the dialog is pre-filled; Opslaan creates the account, shows the username, mails the invitation', async () => {
    const { client, csrf } = await staffSession(ANNE);
    const contact = await client.request(`${base}/relaties/R-100623`);
    assert.match(contact.text, /Account toevoegen/);
    const dialog = await client.request(`${base}/relaties/R-100623/account-toevoegen`);
    assert.match(dialog.text, /<dialog open/);
    assert.match(dialog.text, /value="lotte\.mulder@voorbeeld\.nl"/);
    const saved = await client.request(`${base}/relaties/R-100623/account-toevoegen`, {
      method: 'POST',
      form: { csrf, email: 'lotte@voorbeeld.nl', lang: 'nl' },
    });
    assert.equal(saved.response.status, 303);
    const after = await client.request(saved.location);
    assert.match(
      after.text,
      /Account toegevoegd\. De uitnodiging is verstuurd naar lotte@voorbeeld\.nl/,
    );
    assert.doesNotMatch(after.text, /account-toevoegen/);
    assert.match(after.text, /class="username">lotte@voorbeeld\.nl</);

    const outbox = await client.request(`${base}/e-mails`);
    assert.match(outbox.text, /Activeer uw account bij Verzekeringen De Vries/);
    assert.match(outbox.text, /Uw tijdelijke wachtwoord voor Verzekeringen De Vries/);
    const id = /href="\/beheer\/e-mails\/([^"]+invitation[^"]*)"/.exec(outbox.text)[1];
    const mail = await client.request(`${base}/e-mails/${id}`);
    assert.match(mail.text, /Beste Lotte Mulder,/);
    assert.match(mail.text, /Verzekeringen De Vries via ANVA Hub/);
    assert.match(mail.text, /href="http:\/\/localhost:\d+\/identity\/activate\/[\w-]+"/);
    assert.match(mail.text, /Met vriendelijke groet,\nVerzekeringen De Vries/);

    const henk = await staffSession(HENK);
    const other = await henk.client.request(`${base}/e-mails`);
    assert.doesNotMatch(other.text, /Lotte/, 'another broker does not see these e-mails');
    assert.equal((await henk.client.request(`${base}/e-mails/${id}`)).response.status, 404);

    const actions = readActivity(hub.dataFile).map((e) => `${e.action} ${e.actor}`);
    assert.ok(actions.includes('account-added Anne de Vries (Relatiebeheerder)'), actions.join());
  });

  test('a new link kills the old one; revoking and restoring each mail the customer', async () => {
    const { client, csrf } = await staffSession(ANNE);
    const outboxLinks = async () =>
      [
        ...(await client.request(`${base}/e-mails`)).text.matchAll(
          /href="\/beheer\/e-mails\/([^"]+)"/g,
        ),
      ].map((m) => m[1]);
    const before = await outboxLinks();
    await client.request(`${base}/relaties/R-100512/nieuwe-link`, {
      method: 'POST',
      form: { csrf },
    });
    const [newest] = (await outboxLinks()).filter((id) => !before.includes(id));
    const mail = await client.request(`${base}/e-mails/${newest}`);
    const link = /href="(http[^"]+\/activate\/[^"]+)"/.exec(mail.text)[1];
    assert.equal((await fetch(link)).status, 200);
    const old = await fetch(`${hub.issuer}/activate/fatima-welkom-4f7d2a`);
    assert.equal(old.status, 404);
    assert.match(await old.text(), /Er is een nieuwere link verstuurd/);

    await client.request(`${base}/relaties/R-100455/intrekken`, { method: 'POST', form: { csrf } });
    const revoked = await client.request(`${base}/relaties/R-100455`);
    assert.match(revoked.text, /Toegang ingetrokken/);
    assert.match(revoked.text, /Toegang herstellen/);
    await client.request(`${base}/relaties/R-100455/herstellen`, {
      method: 'POST',
      form: { csrf },
    });
    const subjects = (await client.request(`${base}/e-mails`)).text;
    assert.match(subjects, /Uw toegang tot de website van Verzekeringen De Vries is stopgezet/);
    assert.match(subjects, /Uw toegang tot de website van Verzekeringen De Vries is hersteld/);
  });
});

describe('Wachtwoord vergeten?', () => {
  async function forgotForm(hubUnderTest, client = httpClient()) {
    const { challenge } = pkce();
    let { location } = await client.request(authorizeUrl(hubUnderTest, { challenge }));
    const login = await client.request(location);
    const href = /href="([^"]+\/forgot)"/.exec(login.text)[1];
    return { client, url: new URL(href, hubUnderTest.issuer).href };
  }

  test('the same answer for a known and an unknown address; only the known one gets a reset mail', async () => {
    const count = () => readdirSync(outboxDir(hub.dataFile)).length;
    const answers = [];
    for (const email of ['jan@voorbeeld.nl', 'niemand@voorbeeld.nl']) {
      const { client, url } = await forgotForm(hub);
      const before = count();
      const answer = await client.request(url, { method: 'POST', form: { email } });
      answers.push({
        status: answer.response.status,
        text: answer.text
          .replace(email, '<email>')
          .replace(/interaction\/[\w-]+/g, 'interaction/x'),
        mails: count() - before,
      });
    }
    assert.equal(answers[0].status, 200);
    assert.equal(answers[0].text, answers[1].text);
    assert.deepEqual(
      answers.map((a) => a.mails),
      [1, 0],
    );
    assert.match(answers[0].text, /Kijk in uw e-mail/);
  });

  test('the reset link sets a new password, then offers sign-in at the website', async () => {
    const { client, url } = await forgotForm(hub);
    await client.request(url, { method: 'POST', form: { email: 'kees@voorbeeld.nl' } });
    const staff = await staffSession(ANNE);
    const outbox = (await staff.client.request(`${base}/e-mails`)).text;
    const id = /href="\/beheer\/e-mails\/([^"]+reset[^"]*)"/.exec(outbox)[1];
    const mail = (await staff.client.request(`${base}/e-mails/${id}`)).text;
    assert.match(mail, /Beste Kees Smit/);
    const link = /href="(http[^"]+\/reset\/[^"]+)"/.exec(mail)[1];
    const page = await fetch(link);
    assert.match(await page.text(), /Kies een nieuw wachtwoord/);
    const done = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: 'Nieuw-2026-kees', repeat: 'Nieuw-2026-kees' }),
    });
    const text = await done.text();
    assert.match(text, /Uw nieuwe wachtwoord is opgeslagen/);
    assert.match(
      text,
      /href="http:\/\/localhost:8080\/mijn-verzekeringen\.html">Inloggen bij Verzekeringen De Vries/,
    );
    const again = await fetch(link);
    assert.equal(again.status, 404);
    assert.match(await again.text(), /Deze link is al gebruikt/);
    const signedIn = await signIn(hub, { email: 'kees@voorbeeld.nl', password: 'Nieuw-2026-kees' });
    assert.ok(signedIn.callback, 'the new password signs in');
  });

  test('reset requests count in the login throttle', async () => {
    const throttled = await startTestHub({
      throttle: { delayAfter: 100, lockAfter: 3, ipLockAfter: 100, lockMs: 60_000 },
    });
    try {
      let last;
      for (let i = 0; i < 4; i += 1) {
        const { client, url } = await forgotForm(throttled);
        last = await client.request(url, { method: 'POST', form: { email: 'jan@voorbeeld.nl' } });
      }
      assert.equal(last.response.status, 429);
      assert.match(last.text, /Te veel mislukte pogingen/);
    } finally {
      await throttled.close();
    }
  });
});
