import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { User } from 'oidc-client-ts';
import type { AnvaSettings } from '../../../src/core/config.js';
import { anva } from '../../../src/core/registry.js';
import { restartSession } from '../../../src/core/testing.js';
import type { SessionState } from '../../../src/core/types.js';
import {
  clearSessionStorage,
  signInAsCustomer,
  useFakeHub,
  useSignedInHub,
  waitForStatus,
} from '../support/fake-hub.js';
import { everyStoredValue } from './auth-support.js';
import type { FakeHub } from '../support/fake-hub.js';

interface TabHandle {
  events: { type: string; detail: unknown }[];
  state(): SessionState;
  renew(): Promise<boolean>;
  accessToken(): Promise<string | undefined>;
  signOut(): Promise<void>;
}

const opened: Window[] = [];

/** Opens another tab of the same site; `window.open` copies this tab's sessionStorage, as browsers do. */
async function openTab(
  hub: FakeHub,
  options: { noLocks?: boolean; fresh?: boolean } = {},
): Promise<TabHandle> {
  const settings: AnvaSettings = { ...hub.settings };
  const query = new URLSearchParams({ settings: JSON.stringify(settings) });
  if (options.noLocks) query.set('nolocks', '1');
  if (options.fresh) query.set('fresh', '1');
  const win = window.open(`/test/browser/support/tab.html?${query}`, '_blank');
  if (!win) throw new Error('window.open was blocked');
  opened.push(win);
  const holder = win as Window & { anvaTab?: TabHandle };
  await waitUntil(() => holder.anvaTab !== undefined, 'the tab did not start', { timeout: 5000 });
  const tab = holder.anvaTab as TabHandle;
  await waitUntil(
    () => !['initializing', 'unconfigured'].includes(tab.state().status),
    'the tab did not settle',
    { timeout: 5000 },
  );
  return tab;
}

/** Closes the opened tabs, and waits until they are gone (a closing tab could still answer). */
async function closeTabs(): Promise<void> {
  const closing = opened.splice(0);
  for (const win of closing) win.close();
  await waitUntil(() => closing.every((win) => win.closed), 'a tab did not close');
  // `closed` turns true when closing starts; the document (and its channel) can live on for a
  // moment and answer the next test's question, so give it that moment.
  if (closing.length) await new Promise((resolve) => setTimeout(resolve, 300));
}

function activeSession() {
  const session = anva().session as unknown as {
    active: { renew(): Promise<boolean>; accessToken(): Promise<string | undefined> };
  };
  return session.active;
}

describe('two tabs of one site', () => {
  afterEach(closeTabs);

  it('renewing together spend the rotated refresh token once (Web Locks)', async () => {
    const hub = await useSignedInHub({ refreshDelayMs: 150 });
    const first = await openTab(hub);
    const second = await openTab(hub);
    expect(first.state().status).to.equal('signed-in');
    expect(second.state().status).to.equal('signed-in');

    const results = await Promise.all([first.renew(), second.renew(), activeSession().renew()]);

    expect(results).to.deep.equal([true, true, true]);
    const { counters, issued } = await hub.state();
    expect(counters.tokenByRefresh).to.equal(1);
    expect(counters.refreshReuse).to.equal(0);
    const newest = issued.access.at(-1);
    expect(await first.accessToken()).to.equal(newest);
    expect(await second.accessToken()).to.equal(newest);
    expect(await activeSession().accessToken()).to.equal(newest);
  });

  it('without Web Locks, tabs still spend the refresh token once', async () => {
    const hub = await useSignedInHub({ refreshDelayMs: 150 });
    const first = await openTab(hub, { noLocks: true });
    const second = await openTab(hub, { noLocks: true });

    const results = await Promise.all([first.renew(), second.renew()]);

    expect(results).to.deep.equal([true, true]);
    const { counters, issued } = await hub.state();
    expect(counters.tokenByRefresh).to.equal(1);
    expect(counters.refreshReuse).to.equal(0);
    expect(await first.accessToken()).to.equal(issued.access.at(-1));
    expect(await second.accessToken()).to.equal(issued.access.at(-1));
  });

  it('signing out in one tab signs the others out', async () => {
    const hub = await useSignedInHub();
    const other = await openTab(hub);
    const signedOut = oneEvent(document, 'anva-signed-out');
    await other.signOut().catch(() => undefined);
    const event = await signedOut;
    expect(event.detail).to.deep.equal({ reason: 'user' });
    expect(anva().session.state.status).to.equal('signed-out');
    expect((await hub.state()).counters.revocations).to.equal(1);
  });

  it('a sign-in in one tab is picked up by an open signed-out tab', async () => {
    const hub = await useFakeHub();
    await waitForStatus('signed-out');
    const other = await openTab(hub);
    expect(other.state().status).to.equal('signed-out');
    await signInAsCustomer();
    await waitUntil(
      () => other.state().status === 'signed-in',
      'the other tab did not pick up the sign-in',
    );
    expect(other.events.map((event) => event.type)).to.include('anva-signed-in');
  });

  it('a new tab with empty sessionStorage asks the open tabs for their session', async () => {
    const hub = await useSignedInHub();
    const fresh = await openTab(hub, { fresh: true });
    expect(fresh.state().status).to.equal('signed-in');
    expect(await fresh.accessToken()).to.equal((await hub.state()).issued.access[0]);
    expect((await hub.state()).counters.tokenByCode).to.equal(1);
  });
});

/** Every message on every BroadcastChannel the library opens in this page, as a same-origin script sees it. */
function listenToEveryChannel() {
  const Native = BroadcastChannel;
  const seen: { name: string; data: unknown }[] = [];
  const spies = new Map<string, BroadcastChannel>();
  window.BroadcastChannel = class extends Native {
    constructor(name: string) {
      super(name);
      if (spies.has(name)) return;
      const spy = new Native(name);
      spy.onmessage = ({ data }: MessageEvent) => seen.push({ name, data });
      spies.set(name, spy);
    }
  };
  return {
    seen,
    stop() {
      window.BroadcastChannel = Native;
      for (const spy of spies.values()) spy.close();
    },
  };
}

async function issuedTokens(hub: FakeHub): Promise<string[]> {
  const { issued } = await hub.state();
  return [...issued.access, ...issued.refresh, ...issued.id];
}

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** An ID token as a hostile page would make one: any claims, no real signature. */
const plantedIdToken = (claims: Record<string, unknown>) =>
  `${base64url({ alg: 'RS256', kid: 'planted' })}.${base64url(claims)}.c2lnbmF0dXJl`;

describe('the tab channel against other pages of the same site', () => {
  afterEach(closeTabs);

  it('in memory mode no token ever goes on the channel', async () => {
    const spy = listenToEveryChannel();
    try {
      const hub = await useFakeHub({ accessTokenTtl: 3 }, { settings: { storage: 'memory' } });
      const other = await openTab(hub);
      await signInAsCustomer();
      expect(await activeSession().renew()).to.equal(true);
      await anva().session.signOut('user');
      await waitUntil(() => spy.seen.length > 0, 'the library posted nothing');
      const text = JSON.stringify(spy.seen);
      for (const token of await issuedTokens(hub))
        expect(text.includes(token), 'a token on the channel').to.equal(false);
      expect(other.state().status).to.equal('signed-out');
    } finally {
      spy.stop();
    }
  });

  it('in session mode tokens travel only in answer to a tab that asks, and only the tokens', async () => {
    const spy = listenToEveryChannel();
    try {
      const hub = await useSignedInHub();
      expect(await activeSession().renew()).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const news = JSON.stringify(spy.seen);
      for (const token of await issuedTokens(hub))
        expect(news.includes(token), 'a token in news nobody asked for').to.equal(false);

      // The renewal asked for a successor too (nobody had one): the new tab's question comes after.
      const beforeTab = spy.seen.length;
      const fresh = await openTab(hub, { fresh: true });
      expect(fresh.state().status).to.equal('signed-in');
      const messages = spy.seen.map(({ data }) => data as Record<string, unknown>);
      const tokens = await issuedTokens(hub);
      const withTokens = messages.filter((message) =>
        tokens.some((token) => JSON.stringify(message).includes(token)),
      );
      expect(withTokens.map((message) => message.type)).to.deep.equal(['answer']);
      const ask = messages.slice(beforeTab).find((message) => message.type === 'ask');
      expect(withTokens[0]?.to).to.equal(ask?.id);
      expect(Object.keys(withTokens[0]?.tokens as object).sort()).to.deep.equal([
        'access_token',
        'expires_at',
        'id_token',
        'refresh_token',
        'scope',
        'token_type',
      ]);
    } finally {
      spy.stop();
    }
  });

  it('a signed-out tab asks for a session on news of new tokens, and on no other message', async () => {
    const hub = await useFakeHub();
    await waitForStatus('signed-out');
    const channel = new BroadcastChannel(`anva-widgets:${hub.authority}|${hub.clientId}`);
    const asked: unknown[] = [];
    channel.onmessage = ({ data }: MessageEvent<{ type?: string }>) => {
      if (data.type === 'ask') asked.push(data);
    };
    try {
      for (const message of [{ type: 'signed-in' }, { type: 'session' }, { type: 'hello' }, {}])
        channel.postMessage(message);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(asked).to.deep.equal([]);

      channel.postMessage({ type: 'new-session' });
      await waitUntil(() => asked.length > 0, 'the news of a sign-in was not taken');
      expect(anva().session.state.status).to.equal('signed-out');
    } finally {
      channel.close();
    }
  });

  for (const [what, claims] of [
    ['a foreign issuer', { iss: 'https://attacker.example/identity' }],
    ['another audience', { aud: 'attacker-client' }],
    [
      'another authorized party',
      { aud: ['broker-website', 'attacker-client'], azp: 'attacker-client' },
    ],
    ['an expired ID token', { exp: Math.floor(Date.now() / 1000) - 3600 }],
  ] as const) {
    it(`refuses a session planted by a same-origin page with ${what}`, async () => {
      const hub = await useFakeHub({}, { runtime: { peerWaitMs: 400 } });
      const valid = {
        iss: hub.authority,
        aud: hub.clientId,
        sub: 'mallory',
        name: 'Mallory',
        exp: Math.floor(Date.now() / 1000) + 600,
      };
      const id_token = plantedIdToken({ ...valid, ...claims });
      const tokens = {
        access_token: 'planted-access-token',
        refresh_token: 'planted-refresh-token',
        id_token,
        token_type: 'Bearer',
        expires_at: Math.floor(Date.now() / 1000) + 600,
      };
      const planted = new User({ ...tokens, profile: { sub: 'mallory' } as User['profile'] });
      const hostile = new BroadcastChannel(`anva-widgets:${hub.authority}|${hub.clientId}`);
      // Answers every question, in every shape a tab has ever spoken, and offers unasked too.
      hostile.onmessage = ({ data }: MessageEvent<{ type?: string; id?: string }>) => {
        hostile.postMessage({ type: 'session', user: planted.toStorageString() });
        hostile.postMessage({ type: 'answer', to: data.id, tokens });
      };
      try {
        await waitForStatus('signed-out');
        hostile.postMessage({ type: 'session', user: planted.toStorageString() });
        hostile.postMessage({ type: 'answer', to: 'guessed', tokens });
        // A new tab with empty sessionStorage asks its peers.
        clearSessionStorage();
        restartSession();
        await waitForStatus('signed-out');
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(anva().session.state.status).to.equal('signed-out');
        expect(await activeSession().accessToken()).to.equal(undefined);
        expect(everyStoredValue(sessionStorage)).not.to.contain('planted');
        expect((await hub.state()).counters.requests.account).to.equal(0);
      } finally {
        hostile.close();
      }
    });
  }
});
