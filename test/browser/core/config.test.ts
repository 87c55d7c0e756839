import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/hub/hub.js';
import { parseSettings } from '../../../src/core/config.js';
import { AnvaError } from '../../../src/core/errors.js';
import { anva, configure } from '../../../src/core/registry.js';
import { replaceRuntime } from '../../../src/core/testing.js';
import type { AnvaHubElement } from '../../../src/components/hub/hub.component.js';
import {
  callbackPage,
  fakeHubInfo,
  hubElement,
  signInAsCustomer,
  useFakeHub,
  waitForStatus,
} from '../support/fake-hub.js';
import type { FakeHubInfo } from '../support/fake-hub.js';

const valid = {
  authority: 'https://login.example-hub.nl/identity',
  clientId: 'broker-website',
  apiBase: 'https://api.example-hub.nl/',
};

function configError(settings: Parameters<typeof parseSettings>[0]): AnvaError {
  try {
    parseSettings(settings);
  } catch (error) {
    if (error instanceof AnvaError) return error;
    throw error;
  }
  throw new Error('expected a config error');
}

/** Silences and collects console.error while `run` runs. */
async function quietly<T>(run: () => Promise<T> | T): Promise<{ result: T; logged: string[] }> {
  const original = console.error;
  const logged: string[] = [];
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  try {
    return { result: await run(), logged };
  } finally {
    console.error = original;
  }
}

/** A fresh fake Hub that nothing has configured the page for yet: the test does it. */
const unconfiguredHub = () => useFakeHub({}, { settings: false });

/** A valid `<anva-hub>` for the fake Hub, with any further attributes, configured. */
async function hubFixture(
  info: FakeHubInfo,
  attributes: Record<string, string> = {},
): Promise<AnvaHubElement> {
  const element = await fixture<AnvaHubElement>(
    hubElement({
      authority: info.authority,
      'client-id': info.clientId,
      'api-base': info.apiBase,
      ...attributes,
    }),
  );
  await element.updateComplete;
  return element;
}

/** Adds an `<anva-hub>` with these attributes, and returns the `anva-error` it gets (then removes it). */
async function rejectedHub(attributes: Record<string, string>) {
  const element = hubElement(attributes);
  const { result } = await quietly(async () => {
    const event = oneEvent(element, 'anva-error');
    document.body.append(element);
    return (await event).detail;
  });
  element.remove();
  return result;
}

describe('configuration', () => {
  it('fills the contract defaults', () => {
    const config = parseSettings(valid);
    expect(config).to.deep.equal({
      authority: 'https://login.example-hub.nl/identity',
      clientId: 'broker-website',
      apiBase: 'https://api.example-hub.nl',
      scope: 'openid profile email',
      redirectUri: location.origin + location.pathname,
      postLogoutRedirectUri: location.origin + location.pathname,
      loginMode: 'redirect',
      storage: 'session',
      currency: 'EUR',
      tone: 'formal',
      timeout: 60,
    });
  });

  it('takes currency, tone and timeout, and names them when invalid', () => {
    expect(
      parseSettings({ ...valid, currency: 'usd', tone: 'informal', timeout: '90' }),
    ).to.include({ currency: 'USD', tone: 'informal', timeout: 90 });
    expect(parseSettings({ ...valid, timeout: 2.5 }).timeout).to.equal(2.5);
    expect(configError({ ...valid, currency: 'euro' }).message).to.contain('"currency" must be');
    expect(configError({ ...valid, currency: 'XYZ' }).message).to.contain('ISO 4217');
    expect(configError({ ...valid, tone: 'je' }).message).to.contain('"tone" must be');
    expect(configError({ ...valid, timeout: '0' }).message).to.contain('"timeout"');
    expect(configError({ ...valid, timeout: 'lang' }).message).to.contain('"timeout"');
  });

  it('names the attribute at fault', () => {
    expect(configError({ ...valid, authority: undefined }).message).to.contain(
      '"authority" is required',
    );
    expect(configError({ ...valid, clientId: '  ' }).message).to.contain('"client-id" is required');
    expect(configError({ ...valid, apiBase: 'api.example' }).message).to.contain(
      '"api-base" must be an absolute',
    );
    expect(configError({ ...valid, storage: 'local' }).message).to.contain('"storage" must be');
    expect(configError({ ...valid, loginMode: 'iframe' }).message).to.contain('"login-mode"');
    expect(configError({ ...valid, lang: 'de' }).message).to.contain('"lang"');
    expect(configError({ ...valid, scope: 'profile' }).message).to.contain(
      '"scope" must include "openid"',
    );
    expect(configError({ ...valid, storage: 'local' }).code).to.equal('config');
  });

  it('resolves a relative redirect-uri against the page', () => {
    expect(parseSettings({ ...valid, redirectUri: '/terug' }).redirectUri).to.equal(
      `${location.origin}/terug`,
    );
  });

  it('keeps one runtime per page on globalThis, shared by a second copy of the script', async () => {
    await useFakeHub();
    const key = Symbol.for('anva-widgets.runtime');
    expect((globalThis as Record<symbol, unknown>)[key]).to.equal(anva());
    const copy = (await import(
      `/src/core/registry.ts?copy=${Date.now()}` as string
    )) as typeof import('../../../src/core/registry.js');
    expect(copy.anva).not.to.equal(anva);
    expect(copy.anva()).to.equal(anva());
  });

  it('reports a missing setting as a config error in the session, the console and an event', async () => {
    replaceRuntime();
    const { logged } = await quietly(async () => {
      const event = oneEvent(document, 'anva-error');
      configure({ ...valid, clientId: undefined });
      expect((await event).detail).to.deep.equal({
        code: 'config',
        message: anva().configError?.message,
        retryable: false,
      });
    });
    expect(anva().session.state.status).to.equal('config-error');
    expect(anva().configError?.message).to.contain('client-id');
    expect(logged.join('\n')).to.contain('client-id');
  });

  it('ignores a second, conflicting configuration and reports it', async () => {
    const hub = await useFakeHub();
    const first = anva().config;
    const { logged } = await quietly(async () => {
      const event = oneEvent(document, 'anva-error');
      configure({ ...hub.settings, clientId: 'someone-else' });
      expect((await event).detail.code).to.equal('config');
    });
    expect(anva().config).to.equal(first);
    expect(anva().configError).to.equal(undefined);
    expect(logged.join('\n')).to.contain('second');
  });

  it('accepts an identical second configuration silently', async () => {
    const hub = await useFakeHub();
    const { logged } = await quietly(() => configure({ ...hub.settings }));
    expect(logged).to.deep.equal([]);
  });

  it('says so when no <anva-hub> or configure() appears', async () => {
    const { logged } = await quietly(async () => {
      replaceRuntime();
      await waitUntil(() => anva().configError !== undefined, 'no missing-configuration error');
    });
    expect(anva().session.state.status).to.equal('config-error');
    expect(logged.join('\n')).to.contain('<anva-hub>');
    // A configuration that arrives later still wins.
    const info = await fakeHubInfo();
    configure({ authority: info.authority, clientId: info.clientId, apiBase: info.apiBase });
    expect(anva().configError).to.equal(undefined);
    await waitForStatus('signed-out');
  });
});

describe('<anva-hub>', () => {
  it('renders nothing and configures the page from its attributes', async () => {
    const info = await unconfiguredHub();
    const element = await hubFixture(info, {
      organization: 'VDB',
      'login-mode': 'popup',
      storage: 'memory',
      lang: 'en',
    });
    expect(getComputedStyle(element).display).to.equal('none');
    expect(element.shadowRoot?.childElementCount ?? 0).to.equal(0);
    expect(anva().config).to.include({
      authority: info.authority,
      organization: 'VDB',
      loginMode: 'popup',
      storage: 'memory',
      lang: 'en',
    });
    await waitForStatus('signed-out');
    await expect(element).to.be.accessible();
  });

  it('follows attribute changes: organization in place, authority with a new session', async () => {
    const info = await unconfiguredHub();
    const element = await hubFixture(info);
    await waitForStatus('signed-out');
    let invalidated = 0;
    anva().client.subscribe(() => (invalidated += 1));
    element.setAttribute('organization', '12');
    await element.updateComplete;
    expect(anva().config?.organization).to.equal('12');
    expect(invalidated).to.equal(1);
    expect(anva().session.state.status).to.equal('signed-out');

    await quietly(async () => {
      element.removeAttribute('api-base');
      await element.updateComplete;
    });
    expect(anva().session.state.status).to.equal('config-error');
    expect(anva().configError?.message).to.contain('api-base');
    element.setAttribute('api-base', info.apiBase);
    await element.updateComplete;
    expect(anva().configError).to.equal(undefined);
    await waitForStatus('signed-out');
  });

  it('reports a second <anva-hub> with other settings on that element', async () => {
    const info = await unconfiguredHub();
    await hubFixture(info);
    const detail = await rejectedHub({
      authority: info.authority,
      'client-id': 'another-client',
      'api-base': info.apiBase,
    });
    expect(detail.code).to.equal('config');
    expect(anva().config?.clientId).to.equal(info.clientId);
  });

  it('dispatches session events on itself, once, bubbling to document', async () => {
    const info = await unconfiguredHub();
    const element = await hubFixture(info, { 'redirect-uri': callbackPage() });
    const seen: [string, EventTarget | null][] = [];
    const listener = (event: Event) => seen.push([event.type, event.target]);
    document.addEventListener('anva-signed-in', listener);
    document.addEventListener('anva-signed-out', listener);
    await signInAsCustomer();
    await anva().session.signOut();
    document.removeEventListener('anva-signed-in', listener);
    document.removeEventListener('anva-signed-out', listener);
    expect(seen).to.deep.equal([
      ['anva-signed-in', element],
      ['anva-signed-out', element],
    ]);
  });
});

describe('who configures', () => {
  const attacker = 'http://127.0.0.1:9/api';

  it('lets the web team\'s configure() win over an editor\'s data-anva="hub" and <anva-hub>', async () => {
    const info = await unconfiguredHub();
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const { startMounting } = await import('../../../src/mount.js');
    startMounting();
    const { result: errors } = await quietly(async () => {
      const warn = console.warn;
      console.warn = () => undefined;
      box.innerHTML = `<div data-anva="hub" data-authority="${info.authority}"
        data-client-id="${info.clientId}" data-api-base="${attacker}"></div>
        <anva-hub authority="${info.authority}" client-id="${info.clientId}" api-base="${attacker}"></anva-hub>`;
      const hub = box.querySelector('anva-hub') as AnvaHubElement;
      await hub.updateComplete;
      console.warn = warn;
      expect(anva().config?.apiBase).to.equal(attacker);
      const seen: string[] = [];
      hub.addEventListener('anva-error', (event) => seen.push(event.detail.message));
      configure({
        authority: info.authority,
        clientId: info.clientId,
        apiBase: info.apiBase,
        redirectUri: callbackPage(),
      });
      return seen;
    });
    expect(anva().config?.apiBase).to.equal(info.apiBase);
    expect(errors.join('\n')).to.contain('configure() replaces');
    await signInAsCustomer();
    expect((await anva().client.account()).id).to.equal('501');
    // The element can no longer take the page back.
    const hub = box.querySelector('anva-hub') as AnvaHubElement;
    await quietly(async () => {
      hub.setAttribute('api-base', `${attacker}/v2`);
      await hub.updateComplete;
    });
    expect(anva().config?.apiBase).to.equal(info.apiBase);
  });

  it('refuses a configuration whose origins the script tag does not pin, and lets the pinned one in after it', async () => {
    const info = await unconfiguredHub();
    const pin = document.createElement('script');
    pin.type = 'application/json';
    pin.setAttribute(
      'data-anva-origins',
      `${new URL(info.authority).origin} ${new URL(info.apiBase).origin}`,
    );
    document.head.append(pin);
    try {
      const detail = await rejectedHub({
        authority: 'https://login.attacker.example',
        'client-id': info.clientId,
        'api-base': info.apiBase,
      });
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain('https://login.attacker.example');
      expect(anva().config).to.equal(undefined);
      // The refused one owns nothing: the web team's configuration still gets in.
      configure({ authority: info.authority, clientId: info.clientId, apiBase: info.apiBase });
      expect(anva().config?.apiBase).to.equal(info.apiBase);
      await waitForStatus('signed-out');
    } finally {
      pin.remove();
    }
  });

  it('dispatches session events on the <anva-hub> that owns the configuration, not the first one', async () => {
    const info = await unconfiguredHub();
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    await quietly(async () => {
      box.innerHTML = `<anva-hub authority="nonsense"></anva-hub>
        <anva-hub authority="${info.authority}" client-id="${info.clientId}"
          api-base="${info.apiBase}" redirect-uri="${callbackPage()}"></anva-hub>`;
      await Promise.all(
        [...box.querySelectorAll('anva-hub')].map((hub) => (hub as AnvaHubElement).updateComplete),
      );
    });
    const owner = box.querySelectorAll('anva-hub')[1];
    const targets: (EventTarget | null)[] = [];
    const listener = (event: Event) => targets.push(event.target);
    document.addEventListener('anva-signed-in', listener);
    try {
      await signInAsCustomer();
    } finally {
      document.removeEventListener('anva-signed-in', listener);
    }
    expect(targets).to.deep.equal([owner]);
  });

  it("does not let a broken <anva-hub> block the web team's", async () => {
    const info = await unconfiguredHub();
    await quietly(async () => {
      const broken = await fixture<AnvaHubElement>(
        html`<anva-hub authority="nonsense"></anva-hub>`,
      );
      await broken.updateComplete;
    });
    expect(anva().configError?.code).to.equal('config');
    await hubFixture(info);
    expect(anva().configError).to.equal(undefined);
    expect(anva().config?.apiBase).to.equal(info.apiBase);
  });
});
