/**
 * The session against crafted links, a Hub that names another issuer, a sign-in left
 * too long, a Hub that lacks revocation or logout, and a page that holds the renewal
 * lock forever. Every case also checks that no token reaches localStorage, events,
 * the console or an address.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { anva } from '../../../src/core/registry.js';
import { restartSession } from '../../../src/core/testing.js';
import type { SessionState } from '../../../src/core/types.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';
import { textOf, until } from '../support/dom.js';
import {
  returnFromHub,
  signInAsCustomer,
  useFakeHub,
  useSignedInHub,
  waitForSession,
  waitForStatus,
} from '../support/fake-hub.js';
import type { FakeHub } from '../support/fake-hub.js';
import {
  everyStoredValue,
  expectSignInRefused,
  hubAnswer,
  record,
  returnRecorded,
} from './auth-support.js';
import type { Recorded } from './auth-support.js';

const start = location.href;

/** No token the Hub issued in localStorage, the recorded events and console, or this page's address. */
async function assertNoTokenLeft(hub: FakeHub, recorded: Recorded): Promise<void> {
  const { issued } = await hub.state();
  const places = {
    localStorage: everyStoredValue(localStorage),
    events: JSON.stringify(recorded.events),
    console: recorded.console.join('\n'),
    address: location.href,
    navigations: hub.navigations.join('\n'),
  };
  for (const [place, text] of Object.entries(places)) {
    for (const token of [...issued.access, ...issued.refresh, ...issued.id])
      expect(text.includes(token), `a token in ${place}`).to.equal(false);
  }
}

/** The page's address with the Hub's answer parameters replaced by `params`. */
function callback(params: Record<string, string>): string {
  const url = new URL(start);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

describe('auth boundaries', () => {
  afterEach(() => history.replaceState(history.state, '', start));

  it('a crafted state naming a stored entry never touches the session', async () => {
    const hub = await useSignedInHub();
    const stored = everyStoredValue(sessionStorage);
    const recorded = record();
    // Every key the library keeps, as a `state` (and the names it had before prefixes).
    const names = Object.keys(sessionStorage).flatMap((key) => [
      key,
      key.replace(/^anva\./, ''),
      key.replace(/^anva\.state\./, ''),
    ]);
    names.push(`user:${hub.authority}:${hub.clientId}`, 'pending', 'consumed');
    try {
      for (const state of names) {
        const after = await returnFromHub(callback({ code: 'x', state }));
        expect(after.status, `state=${state}`).to.equal('signed-in');
      }
    } finally {
      recorded.stop();
    }
    expect(everyStoredValue(sessionStorage)).to.equal(stored);
    const { counters } = await hub.state();
    expect(counters.tokenByCode).to.equal(1);
    expect(counters.revocations).to.equal(0);
    // Each page load restores the session (`anva-signed-in`); nothing fails or signs out.
    expect(new Set(recorded.events.map(({ type }) => type))).to.deep.equal(
      new Set(['anva-signed-in']),
    );
    await assertNoTokenLeft(hub, recorded);
  });

  for (const [what, iss] of [
    ['another issuer', 'https://someone-else.example/identity'],
    ['no issuer though discovery promises one', null],
  ] as const) {
    it(`refuses an answer that names ${what} (RFC 9207)`, async () => {
      const hub = await useFakeHub({ authorize: { iss } });
      const { state, recorded } = await returnRecorded(await hubAnswer(hub));
      expectSignInRefused(state);
      expect(location.search).not.to.contain('code=');
      expect((await hub.state()).counters.tokenByCode).to.equal(0);
      await assertNoTokenLeft(hub, recorded);
    });
  }

  it('refuses a sign-in state older than 10 minutes', async () => {
    const hub = await useFakeHub();
    const answer = await hubAnswer(hub);
    const id = new URL(answer).searchParams.get('state') ?? '';
    const key = Object.keys(sessionStorage).find((name) => name.endsWith(id)) ?? '';
    const state = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { created: number };
    state.created -= 11 * 60;
    sessionStorage.setItem(key, JSON.stringify(state));
    const { state: after, recorded } = await returnRecorded(answer);
    expectSignInRefused(after);
    expect(after.error?.message).to.contain('10 minutes');
    expect((await hub.state()).counters.tokenByCode).to.equal(0);
    await assertNoTokenLeft(hub, recorded);
  });

  it('a cancel at the Hub is one calm sentence in <anva-login>, no error anywhere', async () => {
    const hub = await useFakeHub({ authorize: { error: 'access_denied' } });
    const page = await fixture<HTMLDivElement>(
      html`<div><anva-login></anva-login><anva-contracts></anva-contracts></div>`,
    );
    const login = page.querySelector('anva-login')!;
    const contracts = page.querySelector('anva-contracts')!;
    await until(contracts, 'signed-out');
    const recorded = record();
    await returnFromHub(await hubAnswer(hub));
    await waitUntil(() => textOf(login).includes('U bent niet ingelogd.'), 'no notice');
    recorded.stop();
    expect(textOf(contracts)).not.to.contain('niet ingelogd');
    expect(contracts.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect(recorded.events).to.deep.equal([]);
    expect(recorded.console.filter((line) => /error/i.test(line))).to.deep.equal([]);
    await expect(login).to.be.accessible();
  });

  it('after signing out, the widgets say U bent uitgelogd', async () => {
    const hub = await useFakeHub();
    const page = await fixture<HTMLDivElement>(
      html`<div><anva-login></anva-login><anva-contracts></anva-contracts></div>`,
    );
    await signInAsCustomer();
    await anva().session.signOut();
    const [login, contracts] = [
      page.querySelector('anva-login')!,
      page.querySelector('anva-contracts')!,
    ];
    await until(contracts, 'signed-out');
    expect(textOf(login)).to.contain('U bent uitgelogd.');
    expect(textOf(contracts)).to.contain('U bent uitgelogd.');
    // Back from the Hub's logout page (its `state` comes back): the same notice.
    const form = hub.forms.at(-1);
    const state = await returnFromHub(callback({ state: form?.fields.state ?? '' }));
    expect(state).to.deep.include({ status: 'signed-out', signedOutReason: 'user' });
    expect(location.search).not.to.contain('state=');
    await waitUntil(() => textOf(login).includes('U bent uitgelogd.'), 'no notice after the Hub');
    await expect(login).to.be.accessible();
  });

  it('signs out locally, saying so in the console, where the Hub lacks revocation and logout', async () => {
    const hub = await useSignedInHub({
      omitMetadata: ['revocation_endpoint', 'end_session_endpoint'],
    });
    const before = hub.navigations.length;
    const recorded = record();
    await anva().session.signOut();
    recorded.stop();
    expect(anva().session.state).to.deep.include({ status: 'signed-out', signedOutReason: 'user' });
    expect(anva().session.state.error).to.equal(undefined);
    expect(hub.navigations.length).to.equal(before);
    expect(recorded.console.join('\n')).to.match(/no token revocation/);
    expect(recorded.console.join('\n')).to.match(/no logout endpoint/);
    const { counters } = await hub.state();
    expect(counters.revocations + counters.accessRevocations + counters.endSession).to.equal(0);
    await assertNoTokenLeft(hub, recorded);
  });

  it('a page holding the renewal lock forever does not freeze the session', async () => {
    const hub = await useSignedInHub({ accessTokenTtl: 3 }, { runtime: { lockWaitMs: 300 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    void navigator.locks.request(`anva-widgets:renew:${hub.authority}|${hub.clientId}`, () => held);
    const recorded = record();
    try {
      // The next page load finds a token about to expire: it must renew to get ready.
      restartSession();
      const state: SessionState = await waitForStatus('signed-in', 4000);
      expect(state.status).to.equal('signed-in');
      expect((await anva().client.account()).id).to.equal('501');
    } finally {
      release();
      recorded.stop();
    }
    const { counters } = await hub.state();
    expect(counters.tokenByRefresh).to.equal(1);
    expect(counters.refreshReuse).to.equal(0);
    expect(recorded.console.join('\n')).to.contain('renewal lock');
    await assertNoTokenLeft(hub, recorded);
    await waitForSession();
  });
});
