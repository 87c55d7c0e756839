import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { anva } from '../../../src/core/registry.js';
import {
  followHubRedirect,
  reloadSession,
  returnFromHub,
  useFakeHub,
  useSignedInHub,
  waitForStatus,
} from '../support/fake-hub.js';
import {
  everyStoredValue,
  expectSignInRefused,
  forgedAnswer,
  hubAnswer,
  record,
  returnRecorded,
} from './auth-support.js';

const start = location.href;

describe('auth session', () => {
  afterEach(() => history.replaceState(history.state, '', start));

  it('signs in with code + PKCE, cleans the address bar and returns to where the customer was', async () => {
    const hub = await useFakeHub();
    history.replaceState(history.state, '', `${start}#polis-9001`);
    const answer = await hubAnswer(hub);
    const url = new URL(hub.navigations[0] ?? '');
    expect(url.origin + url.pathname).to.equal(`${hub.authority}/connect/authorize`);
    expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(url.searchParams.get('nonce')).to.be.a('string');
    // While the customer is at the Hub, the sign-in state waits in this tab's sessionStorage only.
    const stateKey = `anva.state.${url.searchParams.get('state') ?? ''}`;
    expect(sessionStorage.getItem(stateKey)).to.contain('code_verifier');
    expect(Object.keys(localStorage).filter((key) => /^(oidc|anva)\./.test(key))).to.deep.equal([]);
    const signedIn = oneEvent(document, 'anva-signed-in');
    const state = await returnFromHub(answer);
    expect(state.status).to.equal('signed-in');
    expect(state.profile).to.deep.equal({ name: 'Anna de Vries', email: 'anna@example.nl' });
    expect((await signedIn).detail).to.deep.equal({
      profile: { name: 'Anna de Vries', email: 'anna@example.nl' },
    });
    expect(location.href).to.equal(`${start}#polis-9001`);
    expect((await hub.state()).counters.tokenByCode).to.equal(1);
  });

  it('exchanges a code once: a reload or the back button onto the callback does nothing', async () => {
    const hub = await useFakeHub();
    const answer = await hubAnswer(hub);
    await returnFromHub(answer);
    const again = await returnFromHub(answer);
    expect(again.status).to.equal('signed-in');
    expect(location.search).not.to.contain('code=');
    expect(location.search).not.to.contain('state=');
    expect((await hub.state()).counters.tokenByCode).to.equal(1);
  });

  it('rejects a forged callback during a sign-in and cleans the address bar', async () => {
    const hub = await useFakeHub();
    const { state, recorded } = await returnRecorded(
      await forgedAnswer(hub, 'state', 'forged-state'),
    );
    expectSignInRefused(state);
    expect(recorded.events.map((event) => event.type)).to.deep.equal(['anva-error']);
    expect(location.search).not.to.contain('code=');
    expect(location.search).not.to.contain('state=');
    expect((await hub.state()).counters.tokenByCode).to.equal(0);
  });

  it('rejects a forged code with a real state', async () => {
    const hub = await useFakeHub();
    const { state } = await returnRecorded(await forgedAnswer(hub, 'code', 'forged-code'));
    expectSignInRefused(state);
    expect(location.search).not.to.contain('code=');
    expect((await hub.state()).counters.tokenErrors).to.deep.equal({ invalid_grant: 1 });
  });

  it("leaves a host page's own ?code= alone", async () => {
    const hub = await useFakeHub();
    await waitForStatus('signed-out');
    const own = `${start}${start.includes('?') ? '&' : '?'}code=host-code&state=host-state`;
    history.replaceState(history.state, '', own);
    const state = await reloadSession();
    expect(state.status).to.equal('signed-out');
    expect(state.error).to.equal(undefined);
    expect(location.href).to.equal(own);
    expect((await hub.state()).counters.tokenByCode).to.equal(0);
  });

  it('turns a refused consent into a calm sign-out, not an error', async () => {
    const hub = await useFakeHub({ authorize: { error: 'access_denied' } });
    const { state, recorded } = await returnRecorded(await hubAnswer(hub));
    expect(state.status).to.equal('signed-out');
    expect(state.error).to.equal(undefined);
    expect(state.signedOutReason).to.equal('cancelled');
    expect(recorded.events).to.deep.equal([]);
    expect(location.search).not.to.contain('error=');
  });

  for (const [claim, idToken] of [
    ['issuer', { iss: 'https://someone-else.example' }],
    ['audience', { aud: 'another-client' }],
    ['expiry', { expOffset: -3600 }],
    ['nonce', { nonce: 'not-the-nonce' }],
  ] as const) {
    it(`rejects an ID token with the wrong ${claim}`, async () => {
      const hub = await useFakeHub({ idToken });
      const { state, recorded } = await returnRecorded(await hubAnswer(hub));
      expectSignInRefused(state);
      expect(recorded.events.at(-1)).to.deep.include({ type: 'anva-error' });
      expect(everyStoredValue(sessionStorage)).not.to.contain('access_token');
    });
  }

  it('keeps tokens out of localStorage, events and the console', async () => {
    localStorage.clear();
    const recorded = record();
    const hub = await useSignedInHub({
      endpoints: { permissions: { status: 500 }, organizations: { html: true } },
    });
    await anva().client.account();
    await anva()
      .client.permissions()
      .catch(() => undefined);
    await anva()
      .client.organizations()
      .catch(() => undefined);
    await hub.expireAccessTokens();
    await anva().client.contracts();
    await anva().session.signOut('user');
    recorded.stop();
    const { issued, counters } = await hub.state();
    expect(counters.tokenByRefresh).to.equal(1);
    const tokens = [...issued.access, ...issued.refresh, ...issued.id];
    expect(tokens.length).to.be.greaterThan(3);
    const places = {
      localStorage: everyStoredValue(localStorage),
      events: JSON.stringify(recorded.events),
      console: recorded.console.join('\n'),
    };
    // Not even the sign-in state (PKCE verifier, nonce) goes to localStorage.
    expect(Object.keys(localStorage).filter((key) => /^(oidc|anva)\./.test(key))).to.deep.equal([]);
    for (const [place, text] of Object.entries(places)) {
      for (const token of tokens)
        expect(text.includes(token), `a token in ${place}`).to.equal(false);
    }
    expect(recorded.events.map((event) => event.type)).to.include.members([
      'anva-signed-in',
      'anva-signed-out',
    ]);
  });

  it('keeps tokens in sessionStorage by default and in memory with storage="memory"', async () => {
    let hub = await useSignedInHub();
    const token = (await hub.state()).issued.access[0] ?? 'missing';
    expect(everyStoredValue(sessionStorage)).to.contain(token);

    hub = await useSignedInHub({}, { settings: { storage: 'memory' } });
    const memoryToken = (await hub.state()).issued.access[0] ?? 'missing';
    expect(everyStoredValue(sessionStorage)).not.to.contain(memoryToken);
    expect(everyStoredValue(localStorage)).not.to.contain(memoryToken);
    expect((await anva().client.account()).id).to.equal('501');
  });

  it('restores the session on the next page load without the Hub', async () => {
    const hub = await useSignedInHub();
    const state = await reloadSession();
    expect(state.status).to.equal('signed-in');
    const { counters } = await hub.state();
    expect(counters.tokenByCode).to.equal(1);
    expect(counters.tokenByRefresh).to.equal(0);
  });

  it('signs out: revokes both tokens, clears storage, logs out at the Hub by a POST form', async () => {
    const hub = await useSignedInHub();
    const signedOut = oneEvent(document, 'anva-signed-out');
    await anva().session.signOut();
    expect((await signedOut).detail).to.deep.equal({ reason: 'user' });
    expect(anva().session.state).to.deep.include({ status: 'signed-out', signedOutReason: 'user' });
    const { counters, issued } = await hub.state();
    expect(counters.revocations).to.equal(1);
    expect(counters.accessRevocations).to.equal(1);
    expect(everyStoredValue(sessionStorage)).not.to.contain(issued.access[0] ?? 'missing');
    const logout = new URL(hub.navigations.at(-1) ?? '');
    expect(logout.origin + logout.pathname).to.equal(`${hub.authority}/connect/endsession`);
    // No token in the address bar: the ID token goes as the hint in a POST form.
    for (const token of [...issued.id, ...issued.access, ...issued.refresh])
      expect(logout.href).not.to.contain(token);
    const form = hub.forms.at(-1);
    expect(form?.url).to.equal(logout.href);
    expect(form?.fields).to.include({
      client_id: hub.clientId,
      id_token_hint: issued.id[0],
      post_logout_redirect_uri: location.origin + location.pathname,
    });
    expect(form?.fields.state).to.be.a('string');
  });

  it('signs out once when two sign-out buttons are pressed at the same time', async () => {
    const hub = await useSignedInHub();
    const events = record();
    const before = hub.navigations.length;
    try {
      await Promise.all([anva().session.signOut(), anva().session.signOut()]);
    } finally {
      events.stop();
    }
    expect(events.events).to.deep.equal([{ type: 'anva-signed-out', detail: { reason: 'user' } }]);
    expect((await hub.state()).counters.revocations).to.equal(1);
    expect(hub.navigations.length - before).to.equal(1);
  });

  it('renews with the refresh token before the access token expires', async () => {
    const hub = await useSignedInHub({ accessTokenTtl: 3 }, { runtime: { renewBeforeSeconds: 2 } });
    await waitUntil(async () => (await hub.state()).counters.tokenByRefresh >= 1, 'no renewal', {
      timeout: 4000,
    });
    expect(anva().session.state.status).to.equal('signed-in');
    expect((await hub.state()).counters.refreshReuse).to.equal(0);
  });

  it('renews a token shorter-lived than the renewal window once per lifetime, staying signed in', async () => {
    // The default window (renew 60 s before expiry) is longer than this token's whole life.
    const hub = await useSignedInHub({ accessTokenTtl: 3 });
    const statuses: string[] = [];
    const unsubscribe = anva().session.subscribe((state) => statuses.push(state.status));
    const events = record();
    const client = anva().client;
    try {
      // About two lifetimes of a widget asking the Hub again every 250 ms.
      for (const end = Date.now() + 6500; Date.now() < end;) {
        client.invalidate();
        expect((await client.account()).id).to.equal('501');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      unsubscribe();
      events.stop();
    }
    const { counters } = await hub.state();
    expect(counters.tokenByRefresh).to.be.within(2, 3);
    expect(counters.refreshReuse).to.equal(0);
    expect(counters.requests.account).to.be.above(10);
    expect(new Set(statuses)).to.deep.equal(new Set(['signed-in']));
    expect(events.events.map(({ type }) => type)).to.deep.equal([]);
  });

  it('never renews sooner than two seconds apart, however short the token lives', async () => {
    const hub = await useSignedInHub({ accessTokenTtl: 1 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await hub.state()).counters.tokenByRefresh).to.be.within(1, 2);
    expect(anva().session.state.status).to.equal('signed-in');
  });

  it('signs out as expired when renewal is refused', async () => {
    const hub = await useSignedInHub();
    const signedOut = oneEvent(document, 'anva-signed-out');
    // Spend the refresh token elsewhere (a stolen copy): the Hub revokes the rotated family.
    const { issued } = await hub.state();
    await fetch(`${hub.authority}/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: hub.clientId,
        refresh_token: issued.refresh[0] ?? '',
      }),
    });
    const session = anva().session as unknown as { active: { renew(): Promise<boolean> } };
    expect(await session.active.renew()).to.equal(false);
    expect((await signedOut).detail).to.deep.equal({ reason: 'expired' });
  });

  it('signs in with a popup and notices when the customer closes it', async () => {
    const hub = await useFakeHub({}, { settings: { loginMode: 'popup' } });
    await waitForStatus('signed-out');
    const signIn = anva().session.signIn();
    await waitUntil(() => anva().session.state.status === 'signing-in');
    await signIn;
    expect(anva().session.state.status).to.equal('signed-in');
    expect(hub.navigations).to.deep.equal([]);

    await anva().session.signOut('expired');
    await hub.scenario({ authorize: { delayMs: 3000 } });
    const closing = anva().session.signIn();
    await waitUntil(
      async () => (await hub.state()).counters.authorize === 2,
      'the popup did not open',
    );
    // The same name reaches the library's popup (an empty URL does not navigate it).
    window.open('', 'anva-widgets-signin')?.close();
    await closing;
    expect(anva().session.state.status).to.equal('signed-out');
    expect(anva().session.state.error).to.equal(undefined);
  });

  it('falls back to the redirect when the browser blocks the popup', async () => {
    const hub = await useFakeHub({}, { settings: { loginMode: 'popup' } });
    await waitForStatus('signed-out');
    const open = window.open;
    window.open = () => null;
    try {
      await anva().session.signIn();
    } finally {
      window.open = open;
    }
    const authorize = new URL(hub.navigations[0] ?? '');
    expect(authorize.pathname).to.equal(new URL(`${hub.authority}/connect/authorize`).pathname);
    const state = await returnFromHub(await followHubRedirect(authorize.href));
    expect(state.status).to.equal('signed-in');
  });
});
