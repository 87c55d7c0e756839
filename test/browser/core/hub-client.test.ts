import { expect, oneEvent } from '@open-wc/testing';
import { AnvaError } from '../../../src/core/errors.js';
import { anva } from '../../../src/core/registry.js';
import type { AnvaSettings } from '../../../src/core/config.js';
import type { EndpointName, FakeHub, FakeHubScenario } from '../support/fake-hub.js';
import {
  signInAsCustomer,
  useFakeHub,
  useSignedInHub,
  waitForStatus,
} from '../support/fake-hub.js';

/** A fake Hub with its customer signed in, on a page configured with these further settings. */
const signedIn = (scenario: FakeHubScenario = {}, settings: AnvaSettings = {}) =>
  useSignedInHub(scenario, { settings });

/** A customer signed in whose grant the Hub has revoked since. */
async function signedInThenRevoked(): Promise<FakeHub> {
  const hub = await signedIn();
  await hub.scenario({ revoked: true });
  return hub;
}

async function failure(promise: Promise<unknown>): Promise<AnvaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AnvaError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

/** Signed out as revoked, and no renewal attempted: none can help against a revoked grant. */
async function expectRevokedWithoutRenewal(hub: FakeHub): Promise<void> {
  expect(anva().session.state).to.deep.include({
    status: 'signed-out',
    signedOutReason: 'revoked',
  });
  expect((await hub.state()).counters.tokenByRefresh).to.equal(0);
}

async function requests(hub: FakeHub, name: EndpointName): Promise<number> {
  return (await hub.state()).counters.requests[name];
}

/** Collects console.warn or console.error output while `run` runs. */
async function consoleLines(
  kind: 'warn' | 'error',
  run: () => Promise<unknown>,
): Promise<string[]> {
  const original = console[kind];
  const lines: string[] = [];
  console[kind] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console[kind] = original;
  }
  return lines;
}
const consoleWarnings = (run: () => Promise<unknown>) => consoleLines('warn', run);
const consoleErrors = (run: () => Promise<unknown>) => consoleLines('error', run);

describe('Hub client', () => {
  it('makes one request per endpoint and one discovery fetch when four consumers ask at once', async () => {
    const hub = await signedIn();
    const client = anva().client;
    const consumer = () =>
      Promise.all([
        client.account(),
        client.organizations(),
        client.permissions(),
        client.contracts(),
      ]);
    const results = await Promise.all([consumer(), consumer(), consumer(), consumer()]);
    expect(results[0]?.[0].id).to.equal('501');
    for (const result of results) expect(result).to.deep.equal(results[0]);
    const { counters } = await hub.state();
    expect(counters.discovery).to.equal(1);
    expect(counters.requests).to.deep.equal({
      account: 1,
      organizations: 1,
      permissions: 1,
      contracts: 1,
      contract: 0,
    });
    // Cached for the session: asking again costs nothing.
    await consumer();
    expect((await hub.state()).counters.requests.contracts).to.equal(1);
  });

  it('normalises ids to strings and keeps unknown fields', async () => {
    await signedIn();
    const contracts = await anva().client.contracts();
    expect(contracts.map((contract) => contract.id)).to.deep.equal(['9001', '9002', '9003']);
    expect(contracts[2]?.extraTopLevel).to.deep.equal({ kept: true });
    expect(contracts[0]?.metadata).to.include({ porCompany: 'N013' });
    const detail = await anva().client.contract('9001');
    expect(detail.detailOnly).to.equal('only in the detail');
    const organizations = await anva().client.organizations();
    expect(organizations[0]).to.include({ id: '11', code: 'VDB' });
    expect(organizations[1]?.website).to.equal('https://zeker.example');
  });

  it('keeps extra fields of items the seeds do not name', async () => {
    await signedIn({
      endpoints: {
        contracts: { items: [{ id: 1, metadata: null, premium: { amount: 12.5 }, brandNew: 'x' }] },
      },
    });
    const [contract] = await anva().client.contracts();
    expect(contract).to.deep.equal({
      id: '1',
      metadata: {},
      premium: { amount: 12.5 },
      brandNew: 'x',
    });
  });

  it('reads absent metadata as none', async () => {
    await signedIn({ endpoints: { contracts: { items: [{ id: 'A-1' }] } } });
    const [contract] = await anva().client.contracts();
    expect(contract).to.deep.equal({ id: 'A-1', metadata: {} });
  });

  it('shares one fetch between callers and aborts it only when every caller left', async () => {
    const hub = await signedIn({ endpoints: { account: { delayMs: 300 } } });
    const client = anva().client;
    const first = new AbortController();
    const second = new AbortController();
    const a = client.account({ signal: first.signal });
    const b = client.account({ signal: second.signal });
    first.abort();
    await a.then(
      () => expect.fail('the aborted caller must not get a result'),
      (error: unknown) => expect((error as DOMException).name).to.equal('AbortError'),
    );
    expect((await b).id).to.equal('501');
    expect(await requests(hub, 'account')).to.equal(1);

    anva().client.invalidate();
    const third = new AbortController();
    const c = client.account({ signal: third.signal });
    third.abort();
    await c.catch(() => undefined);
    // Aborted before it reached the Hub; the next caller starts afresh instead of joining it.
    expect((await client.account()).id).to.equal('501');
    expect(await requests(hub, 'account')).to.equal(2);
  });

  it('forgets results on invalidate() and tells subscribers', async () => {
    const hub = await signedIn();
    const client = anva().client;
    await client.permissions();
    let told = 0;
    const unsubscribe = client.subscribe(() => (told += 1));
    client.invalidate();
    await client.permissions();
    unsubscribe();
    expect(told).to.equal(1);
    expect(await requests(hub, 'permissions')).to.equal(2);
  });

  it('maps 403 to forbidden and 404 to not-found, without retries', async () => {
    const hub = await signedIn({
      endpoints: { permissions: { status: 403 }, account: { status: 404 } },
    });
    const forbidden = await failure(anva().client.permissions());
    expect(forbidden.code).to.equal('forbidden');
    expect(forbidden.retryable).to.equal(false);
    const missing = await failure(anva().client.account());
    expect(missing.code).to.equal('not-found');
    expect(missing.retryable).to.equal(false);
    const unknown = await failure(anva().client.contract('does-not-exist'));
    expect(unknown.code).to.equal('not-found');
    expect(await requests(hub, 'permissions')).to.equal(1);
    expect(await requests(hub, 'account')).to.equal(1);
  });

  it('maps 500 to server, retried twice with backoff', async () => {
    const hub = await signedIn({ endpoints: { contracts: { status: 500 } } });
    const error = await failure(anva().client.contracts());
    expect(error.code).to.equal('server');
    expect(error.retryable).to.equal(true);
    expect(await requests(hub, 'contracts')).to.equal(3);
  });

  it('recovers when a retry succeeds', async () => {
    const hub = await signedIn({ endpoints: { contracts: { status: 503, times: 1 } } });
    expect(await anva().client.contracts()).to.have.length(3);
    expect(await requests(hub, 'contracts')).to.equal(2);
  });

  it('maps a Hub slower than the timeout setting to timeout, not retried (retries never multiply the wait)', async () => {
    const hub = await signedIn({ endpoints: { account: { delayMs: 600 } } }, { timeout: 0.2 });
    const started = performance.now();
    const error = await failure(anva().client.account());
    expect(performance.now() - started).to.be.below(550);
    expect(error.code).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(await requests(hub, 'account')).to.equal(1);
  });

  it('retries a server error only within the one time limit', async () => {
    const hub = await signedIn(
      { endpoints: { contracts: { status: 500, delayMs: 300 } } },
      { timeout: 0.5 },
    );
    const started = performance.now();
    const error = await failure(anva().client.contracts());
    // Three attempts of 300 ms would take 900 ms; the second is cut off at the 500 ms limit.
    expect(performance.now() - started).to.be.below(800);
    expect(error.code).to.equal('timeout');
    expect(await requests(hub, 'contracts')).to.equal(2);
  });

  it('tells a waiting caller when the answer is slow, and still ends with the answer', async () => {
    // The answer comes 1.5 s after the notice is due: far apart, so a busy machine cannot blur it.
    const hub = await useSignedInHub(
      { endpoints: { contracts: { delayMs: 1600 } } },
      { runtime: { slowAfterMs: 100 }, settings: { timeout: 10 } },
    );
    let slow = 0;
    const contracts = await anva().client.contracts({ onSlow: () => (slow += 1) });
    expect(contracts).to.have.length(3);
    expect(slow).to.equal(1);
    expect(await requests(hub, 'contracts')).to.equal(1);
  });

  it('never tells a caller of slowness once the answer is in', async () => {
    // A generous threshold: the answer surely comes first, and the test then waits past it.
    await useSignedInHub({}, { runtime: { slowAfterMs: 1500 } });
    let slow = 0;
    await anva().client.permissions({ onSlow: () => (slow += 1) });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(slow).to.equal(0);
  });

  it('waits past the old 15 s limit by default: a 16 s answer still ends with the data', async function () {
    this.timeout(40_000);
    const hub = await signedIn(
      { endpoints: { contracts: { delayMs: 16_000 } } },
      { timeout: undefined },
    );
    expect(anva().config?.timeout).to.equal(60);
    expect(await anva().client.contracts()).to.have.length(3);
    expect(await requests(hub, 'contracts')).to.equal(1);
  });

  it('aborts running requests when the page is left', async () => {
    await signedIn({ endpoints: { contracts: { delayMs: 500 } } });
    const running = anva().client.contracts();
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    const error = await running.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('maps a dropped connection to network (retried)', async () => {
    const hub = await signedIn({ endpoints: { organizations: { drop: true } } });
    const error = await failure(anva().client.organizations());
    expect(error.code).to.equal('network');
    expect(error.retryable).to.equal(true);
    expect(await requests(hub, 'organizations')).to.equal(3);
  });

  it('maps HTML instead of JSON to invalid-response and names the endpoint', async () => {
    const hub = await signedIn({ endpoints: { contracts: { html: true } } });
    let error: AnvaError | undefined;
    const logged = await consoleErrors(async () => {
      error = await failure(anva().client.contracts());
    });
    expect(error?.code).to.equal('invalid-response');
    expect(error?.retryable).to.equal(false);
    expect(logged.join('\n')).to.contain('contracts (GET /contract/contracts/mycontracts)');
    expect(logged.join('\n')).to.contain('text/html');
    expect(await requests(hub, 'contracts')).to.equal(1);
  });

  it('maps a missing envelope to invalid-response with the failing path', async () => {
    await signedIn({ endpoints: { account: { body: { items: [{ id: 1 }] } } } });
    let error: AnvaError | undefined;
    const logged = await consoleErrors(async () => {
      error = await failure(anva().client.account());
    });
    expect(error?.code).to.equal('invalid-response');
    expect(logged.join('\n')).to.contain('account (GET /account/mine)');
    expect(logged.join('\n')).to.match(/: data: /);
  });

  it('maps an item without id to invalid-response at data.items[1].id', async () => {
    await signedIn({
      endpoints: {
        contracts: {
          items: [
            { id: 1, metadata: {} },
            { dossierNumber: 'D-1', metadata: {} },
          ],
        },
      },
    });
    let error: AnvaError | undefined;
    const logged = await consoleErrors(async () => {
      error = await failure(anva().client.contracts());
    });
    expect(error?.code).to.equal('invalid-response');
    expect(error?.message).to.contain('data.items[1].id');
    expect(logged.join('\n')).to.contain('data.items[1].id');
  });

  it('renews once on 401 and repeats the request', async () => {
    const hub = await signedIn();
    await hub.expireAccessTokens();
    expect((await anva().client.account()).id).to.equal('501');
    const { counters } = await hub.state();
    expect(counters.tokenByRefresh).to.equal(1);
    expect(counters.requests.account).to.equal(2);
    expect(anva().session.state.status).to.equal('signed-in');
  });

  it('maps a 401 that survives renewal to unauthorized and signs out as expired', async () => {
    const hub = await signedIn({ endpoints: { account: { status: 401 } } });
    const signedOut = oneEvent(document, 'anva-signed-out');
    const error = await failure(anva().client.account());
    expect(error.code).to.equal('unauthorized');
    expect(error.retryable).to.equal(false);
    expect((await signedOut).detail).to.deep.equal({ reason: 'expired' });
    expect((await hub.state()).counters.tokenByRefresh).to.equal(1);
    expect(anva().session.state.status).to.equal('signed-out');
  });

  it('signs out with reason revoked when the Hub revoked the account', async () => {
    const hub = await signedInThenRevoked();
    const signedOut = oneEvent(document, 'anva-signed-out');
    const error = await failure(anva().client.contracts());
    expect(error.code).to.equal('unauthorized');
    expect((await signedOut).detail).to.deep.equal({ reason: 'revoked' });
    await expectRevokedWithoutRenewal(hub);
  });

  it('signs out once, as revoked, when four consumers get a 401 at the same time', async () => {
    const hub = await signedInThenRevoked();
    const reasons: unknown[] = [];
    const listener = (event: Event) => reasons.push((event as CustomEvent).detail);
    document.addEventListener('anva-signed-out', listener);
    const client = anva().client;
    const consumer = () =>
      Promise.all(
        [client.account(), client.organizations(), client.permissions(), client.contracts()].map(
          failure,
        ),
      );
    try {
      const errors = (await Promise.all([consumer(), consumer(), consumer(), consumer()])).flat();
      expect(errors.map(({ code }) => code)).to.deep.equal(Array(16).fill('unauthorized'));
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      document.removeEventListener('anva-signed-out', listener);
    }
    expect(reasons).to.deep.equal([{ reason: 'revoked' }]);
    await expectRevokedWithoutRenewal(hub);
  });

  it('signs out as revoked when renewal is refused because the grant was revoked', async () => {
    await signedInThenRevoked();
    const signedOut = oneEvent(document, 'anva-signed-out');
    const session = anva().session as unknown as { active: { renew(): Promise<boolean> } };
    expect(await session.active.renew()).to.equal(false);
    expect((await signedOut).detail).to.deep.equal({ reason: 'revoked' });
  });

  it('aborts running requests and clears the cache on sign-out', async () => {
    const hub = await signedIn({ endpoints: { contracts: { delayMs: 500 } } });
    await anva().client.account();
    const running = failure(anva().client.contracts());
    await anva().session.signOut('user');
    const error = await running;
    expect(error.code).to.equal('unauthorized');
    expect((await failure(anva().client.account())).code).to.equal('unauthorized');
    expect(await requests(hub, 'account')).to.equal(1);
  });

  it('forgets cached data when another customer signs in', async () => {
    const hub = await signedIn();
    expect((await anva().client.account()).id).to.equal('501');
    let told = 0;
    anva().client.subscribe(() => (told += 1));
    await hub.scenario({ customer: 'bert' });
    await signInAsCustomer();
    expect(told).to.be.greaterThan(0);
    expect((await anva().client.account()).id).to.equal('777');
    expect(await requests(hub, 'account')).to.equal(2);
  });

  it('sends the bearer token to api-base only', async () => {
    const hub = await signedIn();
    await anva().client.account();
    const escaped = await failure(anva().client.contract('../../../identity/connect/token'));
    expect(escaped.code).to.equal('not-found');
    await anva().session.signOut('user');
    const { counters } = await hub.state();
    expect(counters.bearerOutsideApi).to.deep.equal([]);
  });

  it('never lets a contract id of dots address another endpoint', async () => {
    const hub = await signedIn({ customer: 'eva' });
    for (const id of ['..', '.', '...']) {
      expect((await failure(anva().client.contract(id))).code).to.equal('not-found');
    }
    const { counters } = await hub.state();
    expect(counters.unknownApiPaths).to.deep.equal([]);
    expect(counters.requests.contract).to.equal(0);
    expect(counters.requests.contracts).to.equal(0);
  });

  it('loads organisation icons only from the Hub or API origin', async () => {
    const hub = await signedIn({ customer: 'dirk' });
    const organizations = await anva().client.organizations();
    expect(organizations.map((org) => org.icon)).to.deep.equal([
      `${new URL(hub.apiBase).origin}/icons/vdb.svg`,
      null,
    ]);
  });

  it('normalises ANVA-style amounts and dates to numbers and ISO dates', async () => {
    await signedIn({ customer: 'eva' });
    const [contract] = await anva().client.contracts();
    expect(contract?.metadata).to.deep.equal({
      verzekerdBedrag: 2500000,
      eigenRisico: 1234.56,
      premie: 1234.56,
      ingangsdatum: '1979-10-18',
      expiryDate: '2031-01-01',
      // A contract number that looks like a date stays as sent.
      contractNumber: '20240101',
    });
  });

  it('answers unauthorized when nobody is signed in', async () => {
    const hub = await useFakeHub();
    await waitForStatus('signed-out');
    expect((await failure(anva().client.account())).code).to.equal('unauthorized');
    expect(await requests(hub, 'account')).to.equal(0);
  });

  describe('organization', () => {
    it('shows only the contracts of the organisation given by code', async () => {
      await signedIn({}, { organization: 'vdb' });
      const contracts = await anva().client.contracts();
      expect(contracts.map((contract) => contract.id)).to.deep.equal(['9001', '9002']);
    });

    it('shows only the contracts of the organisation given by id', async () => {
      await signedIn({}, { organization: '12' });
      const contracts = await anva().client.contracts();
      expect(contracts.map((contract) => contract.id)).to.deep.equal(['9003']);
    });

    it('shows nothing (and warns) for an organisation the customer does not have', async () => {
      await signedIn({}, { organization: 'OTHER' });
      const original = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      try {
        expect(await anva().client.contracts()).to.deep.equal([]);
      } finally {
        console.warn = original;
      }
      expect(warnings.join('\n')).to.contain('OTHER');
    });

    it('lists only the configured organisation, and none when the customer has not got it', async () => {
      await signedIn({}, { organization: 'vdb' });
      expect((await anva().client.organizations()).map((org) => org.code)).to.deep.equal(['VDB']);
      await signedIn({}, { organization: 'OTHER' });
      const warnings = await consoleWarnings(async () => {
        expect(await anva().client.organizations()).to.deep.equal([]);
      });
      expect(warnings.join('\n')).to.contain('OTHER');
    });

    it("shows the one organisation's contracts when it is the configured one", async () => {
      await signedIn({ customer: 'bert' }, { organization: 'VDB' });
      expect((await anva().client.contracts()).map((contract) => contract.id)).to.deep.equal([
        'B-1',
      ]);
    });

    it('shows nothing (and says so in the console) to a customer whose dossiers are all at another broker', async () => {
      for (const customer of ['bert', 'carla'] as const) {
        await signedIn({ customer }, { organization: customer === 'bert' ? 'ZEKR' : 'VDB' });
        const warnings = await consoleWarnings(async () => {
          expect(await anva().client.contracts()).to.deep.equal([]);
          expect(await anva().client.organizations()).to.deep.equal([]);
        });
        expect(warnings.join('\n')).to.match(/organization "(ZEKR|VDB)"/);
      }
    });

    it('matches organisation and dossier together when two brokers share a dossier number', async () => {
      await signedIn({ customer: 'dirk' }, { organization: 'VDB' });
      expect((await anva().client.contracts()).map((contract) => contract.id)).to.deep.equal([
        'D-1',
      ]);
      expect((await failure(anva().client.contract('D-2'))).code).to.equal('not-found');
      expect((await failure(anva().client.contract('D-3'))).code).to.equal('not-found');
      expect((await anva().client.contract('D-1')).id).to.equal('D-1');
      await signedIn({ customer: 'dirk' }, { organization: '12' });
      expect((await anva().client.contracts()).map((contract) => contract.id)).to.deep.equal([
        'D-2',
      ]);
    });

    it('tells each contract its organisation when no organisation is configured', async () => {
      await signedIn({ customer: 'dirk' });
      const contracts = await anva().client.contracts();
      expect(contracts.map(({ id, organization }) => [id, organization])).to.deep.equal([
        ['D-1', { id: '11', name: 'Van den Berg Assurantiën', code: 'VDB' }],
        ['D-2', { id: '12', name: 'Zeker & Zo', code: 'ZEKR' }],
        // The dossier number is at both: whose it is cannot be told.
        ['D-3', undefined],
      ]);
      await signedIn();
      const anna = await anva().client.contracts();
      expect(anna.map(({ organization }) => organization?.code)).to.deep.equal([
        'VDB',
        'VDB',
        'ZEKR',
      ]);
    });
  });
});
