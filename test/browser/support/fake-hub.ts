/**
 * Test support: put the page's runtime against the fake Hub (a real HTTP
 * server on another origin) and sign a customer in through the Hub's real
 * authorize and token endpoints. Nothing is stubbed: only the browser's
 * navigation to the Hub is replaced by loading the same URL in a hidden frame.
 */
import type { AnvaSettings } from '../../../src/core/config.js';
import { anva, configure } from '../../../src/core/registry.js';
import { replaceRuntime, restartSession } from '../../../src/core/testing.js';
import type { RuntimeOptions } from '../../../src/core/testing.js';
import type { SessionState, SessionStatus } from '../../../src/core/types.js';

export interface FakeHubInfo {
  origin: string;
  /** The issuer, `<origin>/identity`. */
  authority: string;
  /** `<apiOrigin>/api`: the API's own origin, as at ANVA. */
  apiBase: string;
  clientId: string;
}

export type EndpointName = 'account' | 'organizations' | 'permissions' | 'contracts' | 'contract';

/** How one API endpoint misbehaves (all optional; `times` limits it to the first N requests). */
export interface EndpointBehaviour {
  status?: number;
  delayMs?: number;
  /** Answer `text/html` instead of JSON. */
  html?: boolean;
  /** Answer this JSON body verbatim (e.g. without the envelope). */
  body?: unknown;
  /** Answer these items inside the normal envelope. */
  items?: unknown[];
  /** Destroy the socket: a network drop. */
  drop?: boolean;
  times?: number;
}

export interface FakeHubScenario {
  /**
   * `anna` (two organisations, three contracts), `bert`, `carla` (only at
   * organisation 12), `dirk` (one dossier number at 11 and 12) or `eva`
   * (ANVA-style string values, a contract id `..`).
   */
  customer?: 'anna' | 'bert' | 'carla' | 'dirk' | 'eva';
  accessTokenTtl?: number;
  /** ID token claim overrides, to provoke `auth` errors. */
  idToken?: { iss?: string; aud?: string; expOffset?: number; nonce?: string };
  /** `iss`: another RFC 9207 `iss` parameter in the answer, `null` for none. */
  authorize?: { error?: string; delayMs?: number; iss?: string | null };
  /** Discovery metadata the Hub leaves out, e.g. `revocation_endpoint`. */
  omitMetadata?: string[];
  refreshDelayMs?: number;
  revoked?: boolean;
  endpoints?: Partial<Record<EndpointName, EndpointBehaviour>>;
}

export interface FakeHubCounters {
  discovery: number;
  authorize: number;
  tokenByCode: number;
  tokenByRefresh: number;
  refreshReuse: number;
  /** Refresh tokens revoked. */
  revocations: number;
  /** Access tokens revoked. */
  accessRevocations: number;
  endSession: number;
  /** Every end-session request; `idTokenHint`: it carried a valid ID token. */
  endSessions: {
    method: string;
    idTokenHint: boolean;
    clientId: string | null;
    hintInUrl: boolean;
  }[];
  jwks: number;
  requests: Record<EndpointName, number>;
  bearerOutsideApi: string[];
  unknownApiPaths: string[];
  tokenErrors: Record<string, number>;
}

export interface FakeHubState {
  counters: FakeHubCounters;
  /** Every token the Hub issued (to prove none leaks). */
  issued: { access: string[]; refresh: string[]; id: string[] };
}

export interface FakeHub extends FakeHubInfo {
  /** Every URL the library asked the browser to open: Hub login and logout pages, return addresses. */
  readonly navigations: string[];
  /** The forms the library posted (the Hub's logout), with their fields. */
  readonly forms: { url: string; fields: Record<string, string> }[];
  /** The settings `configure()` received. */
  readonly settings: AnvaSettings;
  /** Merges a scenario into the Hub's current one. */
  scenario(patch: FakeHubScenario): Promise<void>;
  state(): Promise<FakeHubState>;
  /** Makes the Hub reject every access token issued so far (as after expiry). */
  expireAccessTokens(): Promise<void>;
}

export interface UseFakeHubOptions {
  /** Extra settings for `configure()`, or `false` to leave configuration to the test (`<anva-hub>`). */
  settings?: AnvaSettings | false;
  /** Runtime knobs; the defaults here make timeouts and retries fast. */
  runtime?: Partial<RuntimeOptions>;
}

let info: Promise<FakeHubInfo> | undefined;
let current: FakeHub | undefined;

/** Where the fake Hub runs (served by the web-test-runner plugin). */
export function fakeHubInfo(): Promise<FakeHubInfo> {
  info ??= fetch('/__fake-hub__.json').then((response) => response.json() as Promise<FakeHubInfo>);
  return info;
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const { origin } = await fakeHubInfo();
  const response = await fetch(`${origin}/__control/${path}`, {
    method: body === undefined && path === 'state' ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.json();
}

/** The address of the page the fake Hub sends the customer back to in tests. */
export function callbackPage(): string {
  return new URL('/test/browser/support/callback.html', location.origin).href;
}

/** Forgets everything the library kept in this tab's sessionStorage (a fresh tab). */
export function clearSessionStorage(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('anva.')) sessionStorage.removeItem(key);
  }
}

/**
 * A fresh fake Hub (data, counters, scenario) and a fresh page runtime
 * configured against it. Call before creating widget fixtures.
 */
export async function useFakeHub(
  scenario: FakeHubScenario = {},
  options: UseFakeHubOptions = {},
): Promise<FakeHub> {
  const hub = await fakeHubInfo();
  await control('reset', {});
  if (Object.keys(scenario).length > 0) await control('scenario', scenario);
  clearSessionStorage();
  const navigations: string[] = [];
  const forms: FakeHub['forms'] = [];
  replaceRuntime({
    navigate: (url, fields) => {
      navigations.push(url);
      if (fields) forms.push({ url, fields });
    },
    peerWaitMs: 0,
    retryDelayMs: 10,
    ...options.runtime,
  });
  const settings: AnvaSettings = {
    authority: hub.authority,
    clientId: hub.clientId,
    apiBase: hub.apiBase,
    redirectUri: callbackPage(),
    timeout: 1.5,
    ...(options.settings || {}),
  };
  if (options.settings !== false) configure(settings);
  current = {
    ...hub,
    navigations,
    forms,
    settings,
    scenario: async (patch) => {
      await control('scenario', patch);
    },
    state: () => control('state') as Promise<FakeHubState>,
    expireAccessTokens: async () => {
      await control('expire-access', {});
    },
  };
  return current;
}

/** Resolves when the session status satisfies `accept` (default: no longer busy). */
export function waitForSession(
  accept: (state: SessionState) => boolean = (state) =>
    state.status !== 'initializing' &&
    state.status !== 'signing-in' &&
    state.status !== 'unconfigured',
  timeoutMs = 5000,
): Promise<SessionState> {
  const session = anva().session;
  return new Promise((resolve, reject) => {
    if (accept(session.state)) {
      resolve(session.state);
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Session stayed "${session.state.status}" for ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = session.subscribe((state) => {
      if (!accept(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    });
  });
}

export function waitForStatus(status: SessionStatus, timeoutMs = 5000): Promise<SessionState> {
  return waitForSession((state) => state.status === status, timeoutMs);
}

/**
 * Opens a Hub URL as the browser would (in a hidden frame: the Hub auto-approves
 * and redirects) and returns the address it finally sent the customer to.
 */
export function followHubRedirect(url: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.title = 'Hub sign-in (test)';
    const timer = setTimeout(() => {
      frame.remove();
      reject(new Error(`The Hub did not redirect back from ${url}`));
    }, timeoutMs);
    frame.addEventListener('load', () => {
      let href: string | undefined;
      try {
        href = frame.contentWindow?.location.href;
      } catch {
        href = undefined;
      }
      if (!href || href === 'about:blank') return;
      clearTimeout(timer);
      frame.remove();
      resolve(href);
    });
    frame.src = url;
    document.body.append(frame);
  });
}

/**
 * The customer comes back from the Hub: the callback's query lands in this
 * page's address bar and the session starts again, as on a real page load.
 */
export async function returnFromHub(callbackUrl: string): Promise<SessionState> {
  const here = new URL(location.href);
  for (const [name, value] of new URL(callbackUrl).searchParams) here.searchParams.set(name, value);
  history.replaceState(history.state, '', here.href);
  return reloadSession();
}

/** As on the next page load: the session starts again from what this tab kept, and settles. */
export function reloadSession(): Promise<SessionState> {
  restartSession();
  return waitForSession();
}

/** The last URL the library asked the browser to open. */
export function lastNavigation(): string {
  const url = current?.navigations.at(-1);
  if (!url) throw new Error('The library did not navigate anywhere');
  return url;
}

/**
 * Signs the fake Hub's customer in for real: authorize with PKCE, code
 * exchange, tokens in the session. Resolves with the signed-in state.
 */
export async function signInAsCustomer(): Promise<SessionState> {
  if (!current) throw new Error('Call useFakeHub() first');
  await waitForSession();
  const before = current.navigations.length;
  await anva().session.signIn();
  const authorizeUrl = current.navigations[before];
  if (!authorizeUrl)
    throw new Error(`signIn() did not go to the Hub: ${JSON.stringify(anva().session.state)}`);
  const state = await returnFromHub(await followHubRedirect(authorizeUrl));
  if (state.status !== 'signed-in') {
    throw new Error(`Sign-in failed: ${state.status} ${state.error?.message ?? ''}`);
  }
  return state;
}

/** A fresh fake Hub (as `useFakeHub`) with its customer signed in: where every signed-in test starts. */
export async function useSignedInHub(
  scenario: FakeHubScenario = {},
  options: UseFakeHubOptions = {},
): Promise<FakeHub> {
  const hub = await useFakeHub(scenario, options);
  await signInAsCustomer();
  return hub;
}

/** An `<anva-hub>` with these attributes, not yet in the page. */
export function hubElement(attributes: Record<string, string>): HTMLElement {
  const hub = document.createElement('anva-hub');
  for (const [name, value] of Object.entries(attributes)) hub.setAttribute(name, value);
  return hub;
}

/**
 * Runs `test` on a page a web team configured by markup alone: an `<anva-hub>` with these
 * attributes and no `configure()`. The element is removed afterwards. The test file registers
 * `<anva-hub>`: an undefined one would configure nothing, and every widget would report that
 * the page has no configuration at all.
 */
export async function withHubElement(
  attributes: Record<string, string>,
  test: () => Promise<void>,
): Promise<void> {
  if (!customElements.get('anva-hub')) throw new Error('Import src/components/hub/hub.js first');
  await useFakeHub({}, { settings: false });
  const hub = hubElement(attributes);
  document.body.append(hub);
  try {
    await test();
  } finally {
    hub.remove();
  }
}
