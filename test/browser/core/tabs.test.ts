import { expect, waitUntil } from '@open-wc/testing';
import type { AnvaSettings } from '../../../src/core/config.js';
import { anva } from '../../../src/core/registry.js';
import type { SessionState } from '../../../src/core/types.js';
import { signInAsCustomer, useFakeHub, waitForStatus } from '../support/fake-hub.js';
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

function activeSession() {
  const session = anva().session as unknown as {
    active: { renew(): Promise<boolean>; accessToken(): Promise<string | undefined> };
  };
  return session.active;
}

describe('two tabs of one site', () => {
  afterEach(() => {
    for (const win of opened.splice(0)) win.close();
  });

  it('renewing together spend the rotated refresh token once (Web Locks)', async () => {
    const hub = await useFakeHub({ refreshDelayMs: 150 });
    await signInAsCustomer();
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
    const hub = await useFakeHub({ refreshDelayMs: 150 });
    await signInAsCustomer();
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
    const hub = await useFakeHub();
    await signInAsCustomer();
    const other = await openTab(hub);
    const signedOut = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('anva-signed-out', resolve as EventListener, { once: true }),
    );
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
    const hub = await useFakeHub();
    await signInAsCustomer();
    const fresh = await openTab(hub, { fresh: true });
    expect(fresh.state().status).to.equal('signed-in');
    expect(await fresh.accessToken()).to.equal((await hub.state()).issued.access[0]);
    expect((await hub.state()).counters.tokenByCode).to.equal(1);
  });
});
