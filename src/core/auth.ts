/**
 * The one auth session of a page: Authorization Code + PKCE with
 * oidc-client-ts, renewal with the refresh token (no iframe), and
 * coordination with the other tabs of the same origin.
 *
 * Storage: tokens live in sessionStorage (`storage="session"`) or in memory
 * (`storage="memory"`), never in localStorage. The sign-in *state* (PKCE
 * verifier, nonce, return address) lives in sessionStorage in both modes,
 * because it must survive the redirect to the Hub and back in the same tab.
 */
import {
  ErrorResponse,
  InMemoryWebStorage,
  OidcClient,
  User,
  WebStorageStateStore,
} from 'oidc-client-ts';
import type { SigninResponse } from 'oidc-client-ts';
import { AnvaError } from './errors.js';
import { emit, report, sessionEventTarget } from './events.js';
import { TabChannel, delay, fingerprint, hasWebLocks, withTabLock } from './tabs.js';
import type { TabMessage } from './tabs.js';
import type { AnvaConfig, AnvaProfile, AuthSession, SessionState, SignOutReason } from './types.js';

export interface AuthOptions {
  /** Opens a Hub page (login, logout) or the return address; `location.assign` unless a test drives it. */
  navigate: (url: string) => void;
  /** Renew this many seconds before the access token expires. */
  renewBeforeSeconds: number;
  /** How long a fresh tab without a session waits for a peer tab's session. */
  peerWaitMs: number;
}

export interface AuthHooks {
  /** The customer signed out or another customer signed in: drop cached data, abort requests. */
  reset(): void;
  /** The session's state changed. */
  changed(): void;
}

const PREFIX = 'anva.';
const PENDING_KEY = 'anva.pending';
const CONSUMED_KEY = 'anva.consumed';
/** The popup's window name: how a page knows it is our sign-in popup. */
const POPUP_NAME = 'anva-widgets-signin';
/** The Hub's authorization codes live at most 10 minutes; a sign-in older than that is abandoned. */
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;
const CLOCK_SKEW_SECONDS = 300;
const RENEW_RETRY_MS = 30_000;
const AUTH_PARAMS = [
  'code',
  'state',
  'session_state',
  'iss',
  'error',
  'error_description',
  'error_uri',
];

interface Discovery {
  issuer?: string;
  end_session_endpoint?: string;
  [key: string]: unknown;
}

/** Discovery documents by authority: one fetch per page, shared by every session and restart. */
const discoveries = new Map<string, Promise<Discovery>>();

function discover(authority: string): Promise<Discovery> {
  let pending = discoveries.get(authority);
  if (!pending) {
    pending = fetch(`${authority}/.well-known/openid-configuration`, {
      credentials: 'omit',
      signal: AbortSignal.timeout(15_000),
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
        const metadata: unknown = await response.json();
        if (!metadata || typeof metadata !== 'object')
          throw new Error('discovery is not a JSON object');
        return metadata as Discovery;
      })
      .catch((caught: unknown) => {
        discoveries.delete(authority);
        throw new AnvaError(
          'auth',
          `The Hub's discovery document could not be read: ${caught instanceof Error ? caught.message : String(caught)}.`,
          {
            retryable: true,
            cause: caught,
          },
        );
      });
    discoveries.set(authority, pending);
  }
  return pending;
}

/** A new page load (tests) reads discovery again. */
export function forgetDiscovery(): void {
  discoveries.clear();
}

interface SignInData {
  returnTo?: string;
  nonce?: string;
}

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The address without the authorization response parameters. */
function withoutAuthParams(href: string): string {
  const url = new URL(href);
  for (const name of AUTH_PARAMS) url.searchParams.delete(name);
  return url.href;
}

function cleanAddressBar(): void {
  const clean = withoutAuthParams(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
}

function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  const payload: unknown = JSON.parse(json);
  if (!payload || typeof payload !== 'object') throw new Error('ID token payload is not an object');
  return payload as Record<string, unknown>;
}

function toProfile(claims: Record<string, unknown>): AnvaProfile {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const joined = [claims.given_name, claims.family_name].map(text).filter(Boolean).join(' ');
  const profile: AnvaProfile = {};
  const name = text(claims.name) ?? text(joined) ?? text(claims.preferred_username);
  const email = text(claims.email);
  if (name) profile.name = name;
  if (email) profile.email = email;
  return profile;
}

/** True when the Hub says the grant or account is gone, not merely expired. */
export function saysRevoked(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => typeof text === 'string' && /revoked/i.test(text));
}

/** Where the sign-in popup posts the Hub's answer back to its opener. */
const POPUP_MESSAGE = 'anva-widgets:signin-response';
const POPUP_CLOSED_POLL_MS = 500;

function centeredPopupFeatures(): string {
  const width = 500;
  const height = 650;
  const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
  return `popup,width=${width},height=${height},left=${left},top=${top}`;
}

/** A User from a token response, keeping what the response leaves out (e.g. an unrotated refresh token). */
function userFrom(response: SigninResponse, previous?: User): User {
  return new User({
    access_token: response.access_token,
    token_type: response.token_type,
    id_token: response.id_token ?? previous?.id_token,
    refresh_token: response.refresh_token ?? previous?.refresh_token,
    scope: response.scope ?? previous?.scope,
    session_state: response.session_state ?? previous?.session_state ?? null,
    profile: response.profile ?? previous?.profile,
    expires_at: response.expires_at,
    userState: previous ? previous.state : response.userState,
  });
}

/** One configured session (a new configuration with another Hub makes a new one). */
export class OidcSession {
  state: SessionState = { status: 'initializing' };

  private readonly stateStore: WebStorageStateStore;
  private readonly userStore: WebStorageStateStore;
  private oidc: Promise<OidcClient> | undefined;
  private readonly channel: TabChannel;
  private readonly lockName: string;
  private user: User | null = null;
  private subject: string | undefined;
  private renewal: Promise<boolean> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every sign-out, so a renewal that finishes afterwards cannot sign the customer back in. */
  private epoch = 0;
  private disposed = false;
  private peerAnswer: ((user: User) => void) | undefined;
  private readonly rivals = new Map<string, number>();

  constructor(
    private readonly config: AnvaConfig,
    private readonly options: AuthOptions,
    private readonly hooks: AuthHooks,
  ) {
    const store = sessionStore();
    this.stateStore = new WebStorageStateStore({
      prefix: PREFIX,
      store: store ?? new InMemoryWebStorage(),
    });
    const userStore =
      config.storage === 'session' && store
        ? new WebStorageStateStore({ prefix: PREFIX, store })
        : new WebStorageStateStore({ prefix: PREFIX, store: new InMemoryWebStorage() });
    this.userStore = userStore;
    const key = `${config.authority}|${config.clientId}`;
    this.lockName = `anva-widgets:renew:${key}`;
    this.channel = new TabChannel(`anva-widgets:${key}`);
    this.channel.listen((message) => void this.onTabMessage(message));
    document.addEventListener('visibilitychange', this.onVisible);
  }

  /** Reads storage, or finishes the sign-in the Hub just sent the customer back from. */
  async start(): Promise<void> {
    void this.discover().catch(() => undefined);
    if (this.isPopupCallback()) {
      // Hand the Hub's answer to the page that opened this popup; it closes us.
      this.setState({ status: 'signing-in' });
      (window.opener as Window).postMessage(
        { type: POPUP_MESSAGE, url: location.href },
        location.origin,
      );
      return;
    }
    let error: AnvaError | undefined;
    try {
      if (await this.handleCallback()) return;
    } catch (caught) {
      error = caught instanceof AnvaError ? caught : this.authError(caught);
    }
    await this.restore(error);
  }

  dispose(): void {
    this.disposed = true;
    this.epoch += 1;
    clearTimeout(this.renewTimer);
    this.channel.close();
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  async signIn(): Promise<void> {
    if (this.disposed || this.state.status === 'signing-in') return;
    // Opened before any await, while the click still counts as a user gesture.
    const popup =
      this.config.loginMode === 'popup'
        ? window.open('', POPUP_NAME, centeredPopupFeatures())
        : null;
    const nonce = randomId();
    const data: SignInData = { returnTo: withoutAuthParams(location.href), nonce };
    this.setState({ status: 'signing-in' });
    try {
      const client = await this.client();
      if (popup) {
        const request = await client.createSigninRequest({
          request_type: 'si:p',
          nonce,
          state: data,
          display: 'popup',
        });
        popup.location.replace(request.url);
        const answer = await this.popupAnswer(popup);
        if (!answer) {
          // The customer closed the popup: back to where they were, nothing to report.
          this.setState({ status: 'signed-out' });
          return;
        }
        const user = userFrom(await client.processSigninResponse(answer));
        await this.checkIdToken(user, nonce);
        await this.store(user);
        this.accept(user, 'sign-in');
        return;
      }
      // Redirect mode, or a blocked popup: the customer still gets to sign in.
      const request = await client.createSigninRequest({
        request_type: 'si:r',
        nonce,
        state: data,
      });
      sessionStore()?.setItem(PENDING_KEY, String(Date.now()));
      this.options.navigate(request.url);
    } catch (caught) {
      popup?.close();
      this.fail(caught);
    }
  }

  /** The URL the popup came back with, or undefined when the customer closed it. */
  private popupAnswer(popup: Window): Promise<string | undefined> {
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent<{ type?: unknown; url?: unknown }>) => {
        if (event.origin !== location.origin || event.source !== popup) return;
        if (event.data?.type !== POPUP_MESSAGE || typeof event.data.url !== 'string') return;
        done(event.data.url);
      };
      const timer = setInterval(() => {
        if (popup.closed || this.disposed) done(undefined);
      }, POPUP_CLOSED_POLL_MS);
      const done = (url: string | undefined) => {
        clearInterval(timer);
        window.removeEventListener('message', onMessage);
        if (!popup.closed) popup.close();
        resolve(url);
      };
      window.addEventListener('message', onMessage);
    });
  }

  /**
   * Ends the session. `user`: revoke, clear, log out at the Hub. `expired` and
   * `revoked`: clear locally (the Hub already ended it). `local` is for news
   * from another tab, which already did the remote part.
   */
  async signOut(reason: SignOutReason = 'user', local = false): Promise<void> {
    const user = this.user;
    const wasSignedIn = this.state.status === 'signed-in' || user !== null;
    this.epoch += 1;
    this.user = null;
    this.subject = undefined;
    clearTimeout(this.renewTimer);
    this.hooks.reset();
    await this.userStore.remove(this.userKey());
    const client =
      reason === 'user' && !local ? await this.client().catch(() => undefined) : undefined;
    if (client && user?.refresh_token) {
      await client.revokeToken(user.refresh_token, 'refresh_token').catch(() => undefined);
    }
    if (!wasSignedIn && reason !== 'user') return;
    this.setState({ status: 'signed-out', signedOutReason: reason });
    if (wasSignedIn) emit(sessionEventTarget(), 'anva-signed-out', { reason });
    if (local) return;
    this.channel.post({ type: 'signed-out', reason });
    if (reason === 'user' && user) {
      const metadata = await this.discover().catch(() => undefined);
      if (client && metadata?.end_session_endpoint) {
        const request = await client
          .createSignoutRequest({
            id_token_hint: user.id_token,
            post_logout_redirect_uri: this.config.postLogoutRedirectUri,
          })
          .catch(() => undefined);
        if (request) this.options.navigate(request.url);
      }
    }
  }

  /** The access token for a request, renewed first when it is about to expire. */
  async accessToken(): Promise<string | undefined> {
    const user = this.user;
    if (!user) return undefined;
    if ((user.expires_in ?? Infinity) <= 5) await this.renew();
    return this.user?.access_token;
  }

  /**
   * After a 401 with `rejected`: renew once (unless another caller already did).
   * True when a fresh token is in place; false when the session ended.
   */
  async recover(rejected: string): Promise<boolean> {
    if (!this.user) return false;
    if (this.user.access_token !== rejected) return true;
    return this.renew();
  }

  /** One renewal per tab at a time, and across tabs one spend per refresh token. */
  renew(): Promise<boolean> {
    this.renewal ??= this.runRenewal().finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
  }

  private async runRenewal(): Promise<boolean> {
    const spent = this.user?.refresh_token;
    if (!spent) {
      await this.signOut('expired');
      return false;
    }
    const epoch = this.epoch;
    const previous = await fingerprint(spent);
    try {
      return await withTabLock(this.lockName, async () => {
        // Let news a peer posted just before releasing the lock arrive first.
        await delay(0);
        if (epoch !== this.epoch) return false;
        if (await this.hasSuccessor(spent)) return true;
        // Without Web Locks: give way to a rival tab, and spend only if it produced nothing.
        if (
          !hasWebLocks() &&
          (await this.lostClaim(previous)) &&
          (await this.hasSuccessor(spent))
        ) {
          return true;
        }
        const current = this.user;
        if (!current?.refresh_token) return false;
        const response = await (
          await this.client()
        ).useRefreshToken({
          state: {
            refresh_token: current.refresh_token,
            id_token: current.id_token,
            session_state: current.session_state,
            scope: current.scope,
            profile: current.profile,
            data: current.state,
          },
          timeoutInSeconds: 15,
        });
        if (epoch !== this.epoch) return false;
        const user = userFrom(response, current);
        await this.checkIdToken(user);
        await this.store(user);
        this.channel.post({ type: 'renewed', previous, user: user.toStorageString() });
        this.accept(user, 'renewal');
        return true;
      });
    } catch (caught) {
      if (epoch !== this.epoch) return false;
      if (caught instanceof ErrorResponse) {
        await this.signOut(
          saysRevoked(caught.error_description, caught.error) ? 'revoked' : 'expired',
        );
        return false;
      }
      if (caught instanceof AnvaError && caught.code === 'auth') {
        report(caught);
        await this.signOut('expired');
        return false;
      }
      throw new AnvaError('network', 'Could not reach the Hub to renew the session.', {
        retryable: true,
        cause: caught,
      });
    }
  }

  /** Did another tab or frame already spend `spent`? Then take its successor. */
  private async hasSuccessor(spent: string): Promise<boolean> {
    if (this.user && this.user.refresh_token !== spent) return true;
    const stored = await this.storedUser();
    if (stored?.refresh_token && stored.refresh_token !== spent && !stored.expired) {
      this.accept(stored, 'peer');
      return true;
    }
    return false;
  }

  /**
   * Without Web Locks: announce the spend, wait a moment, and give way to a
   * rival with a lower ticket; then wait for its successor.
   */
  private async lostClaim(previous: string): Promise<boolean> {
    if (!this.channel.available) return false;
    const ticket = Math.random();
    this.channel.post({ type: 'renewing', previous, ticket });
    await delay(100);
    const rival = this.rivals.get(previous);
    if (rival === undefined || rival > ticket) return false;
    for (let waited = 0; waited < 10_000 && this.rivals.has(previous); waited += 100)
      await delay(100);
    return true;
  }

  private async onTabMessage(message: TabMessage): Promise<void> {
    if (this.disposed) return;
    switch (message.type) {
      case 'hello':
        if (this.user && this.state.status === 'signed-in' && this.config.storage === 'session') {
          this.channel.post({ type: 'session', user: this.user.toStorageString() });
        }
        return;
      case 'session': {
        if (this.config.storage !== 'session' || this.user) return;
        if (this.state.status !== 'signed-out' && !this.peerAnswer) return;
        const user = User.fromStorageString(message.user);
        if (user.expired) return;
        await this.store(user);
        if (this.peerAnswer) this.peerAnswer(user);
        else this.accept(user, 'peer');
        return;
      }
      case 'renewed': {
        this.rivals.delete(message.previous);
        const current = this.user?.refresh_token;
        if (!current || (await fingerprint(current)) !== message.previous) return;
        const user = User.fromStorageString(message.user);
        await this.store(user);
        this.accept(user, 'peer');
        return;
      }
      case 'renewing': {
        const known = this.rivals.get(message.previous);
        if (known === undefined || message.ticket < known)
          this.rivals.set(message.previous, message.ticket);
        return;
      }
      case 'signed-out':
        if (this.user) await this.signOut(message.reason, true);
        return;
    }
  }

  private readonly onVisible = (): void => {
    if (document.visibilityState !== 'visible' || !this.user) return;
    // Timers sleep in background tabs; catch up when the customer comes back.
    if ((this.user.expires_in ?? Infinity) <= this.options.renewBeforeSeconds) {
      this.renew().catch(() => this.schedule(RENEW_RETRY_MS));
    }
  };

  /** Handles `?code=&state=` when (and only when) it answers a sign-in this library started. */
  private async handleCallback(): Promise<boolean> {
    const params = new URL(location.href).searchParams;
    const stateId = params.get('state');
    if (!stateId) return false;
    const stored = await this.stateStore.get(stateId);
    if (!params.has('code') && !params.has('error')) {
      // The Hub's return from logout carries only our `state`.
      if (stored) {
        await this.stateStore.remove(stateId);
        cleanAddressBar();
      }
      return false;
    }
    const store = sessionStore();
    const pendingSince = Number(store?.getItem(PENDING_KEY) ?? 0);
    const pending = Date.now() - pendingSince < PENDING_MAX_AGE_MS;
    const consumed = (store?.getItem(CONSUMED_KEY) ?? '').split(',');
    if (stored) {
      const href = location.href;
      cleanAddressBar();
      store?.removeItem(PENDING_KEY);
      store?.setItem(CONSUMED_KEY, [stateId, ...consumed].slice(0, 10).join(','));
      const client = await this.client();
      const user = userFrom(
        await client.processSigninResponse(href).catch((caught: unknown) => {
          throw this.authError(caught);
        }),
      );
      const data = (user.state ?? {}) as SignInData;
      await this.checkIdToken(user, data.nonce);
      await this.store(user);
      this.accept(user, 'sign-in');
      this.returnTo(data.returnTo);
      return true;
    }
    if (consumed.includes(stateId)) {
      // Reload or back button onto a used callback: the code was spent once, never again.
      cleanAddressBar();
      return false;
    }
    if (pending) {
      cleanAddressBar();
      store?.removeItem(PENDING_KEY);
      throw new AnvaError(
        'auth',
        'The sign-in response does not match the sign-in this page started; it was rejected.',
        {
          retryable: true,
        },
      );
    }
    // A host page's own `?code=`: not ours, left alone.
    return false;
  }

  private returnTo(target: string | undefined): void {
    if (!target) return;
    const url = new URL(target, location.href);
    if (url.origin !== location.origin || url.href === location.href) return;
    if (url.pathname === location.pathname) history.replaceState(history.state, '', url.href);
    else this.options.navigate(url.href);
  }

  private async restore(error?: AnvaError): Promise<void> {
    let user = await this.storedUser();
    if (!user && this.config.storage === 'session') user = await this.askPeers();
    if (this.disposed) return;
    if (error) report(error);
    if (!user) {
      this.setState({ status: 'signed-out', ...(error ? { error } : {}) });
      return;
    }
    this.user = user;
    if (user.expired || (user.expires_in ?? Infinity) <= this.options.renewBeforeSeconds) {
      // A renewal refused by the Hub signs out; an unreachable Hub keeps the session for a retry.
      const renewed = await this.renew().catch(() => undefined);
      if (renewed === false) return;
      if (renewed === undefined && this.user) {
        this.accept(this.user, 'restore');
        this.schedule(RENEW_RETRY_MS);
        return;
      }
    }
    if (this.user) this.accept(this.user, 'restore');
  }

  /** A new tab has empty sessionStorage: ask the other tabs of this site for their session. */
  private async askPeers(): Promise<User | null> {
    if (!this.channel.available || this.options.peerWaitMs <= 0) return null;
    const answer = new Promise<User | null>((resolve) => {
      this.peerAnswer = resolve;
      setTimeout(() => resolve(null), this.options.peerWaitMs);
    });
    this.channel.post({ type: 'hello' });
    const user = await answer;
    this.peerAnswer = undefined;
    return user;
  }

  private accept(user: User, how: 'sign-in' | 'restore' | 'renewal' | 'peer'): void {
    if (this.disposed) return;
    const subject = typeof user.profile.sub === 'string' ? user.profile.sub : undefined;
    if (this.subject !== undefined && subject !== this.subject) this.hooks.reset();
    this.subject = subject;
    this.user = user;
    const profile = toProfile(user.profile);
    const wasSignedIn = this.state.status === 'signed-in';
    this.setState({ status: 'signed-in', profile });
    if (!wasSignedIn) emit(sessionEventTarget(), 'anva-signed-in', { profile: { ...profile } });
    if (how === 'sign-in' && this.config.storage === 'session') {
      this.channel.post({ type: 'session', user: user.toStorageString() });
    }
    this.schedule();
  }

  private schedule(retryInMs?: number): void {
    clearTimeout(this.renewTimer);
    const user = this.user;
    if (!user?.expires_at || this.disposed) return;
    const due = (user.expires_at - this.options.renewBeforeSeconds) * 1000 - Date.now();
    this.renewTimer = setTimeout(
      () => {
        if (!user.refresh_token) {
          void this.signOut('expired');
          return;
        }
        this.renew().catch(() => this.schedule(RENEW_RETRY_MS));
      },
      Math.min(retryInMs ?? Math.max(due, 0), 2 ** 31 - 1),
    );
  }

  /**
   * oidc-client-ts decodes the ID token but checks only `sub` and the nonce;
   * the contract asks for issuer, audience and expiry too.
   */
  private async checkIdToken(user: User, nonce?: string): Promise<void> {
    const token = user.id_token;
    const fresh = token !== undefined && token !== this.user?.id_token;
    if (!token) {
      if (nonce !== undefined) throw new AnvaError('auth', 'The Hub sent no ID token.');
      return;
    }
    if (!fresh && nonce === undefined) return;
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwtPayload(token);
    } catch {
      throw new AnvaError('auth', 'The ID token could not be read.');
    }
    const metadata = await this.discover();
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const problem =
      claims.iss !== metadata.issuer
        ? 'its issuer is not the configured authority'
        : !audience.includes(this.config.clientId)
          ? 'its audience does not contain the client id'
          : typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS < Date.now() / 1000
            ? 'it has expired'
            : nonce !== undefined && claims.nonce !== nonce
              ? 'its nonce does not match the sign-in'
              : undefined;
    if (problem) throw new AnvaError('auth', `The ID token was rejected: ${problem}.`);
  }

  private discover(): Promise<Discovery> {
    return discover(this.config.authority);
  }

  /** The OpenID client, built once discovery is known so it never fetches discovery itself. */
  private client(): Promise<OidcClient> {
    this.oidc ??= this.discover().then(
      (metadata) =>
        new OidcClient({
          authority: this.config.authority,
          metadata,
          client_id: this.config.clientId,
          redirect_uri: this.config.redirectUri,
          post_logout_redirect_uri: this.config.postLogoutRedirectUri,
          scope: this.config.scope,
          response_type: 'code',
          response_mode: 'query',
          loadUserInfo: false,
          requestTimeoutInSeconds: 15,
          staleStateAgeInSeconds: PENDING_MAX_AGE_MS / 1000,
          stateStore: this.stateStore,
        }),
      (caught: unknown) => {
        this.oidc = undefined;
        throw caught;
      },
    );
    return this.oidc;
  }

  private async store(user: User): Promise<void> {
    await this.userStore.set(this.userKey(), user.toStorageString());
  }

  private userKey(): string {
    return `user:${this.config.authority}:${this.config.clientId}`;
  }

  /** The stored session, readable without the Hub (discovery) being reachable. */
  private async storedUser(): Promise<User | null> {
    const stored = await this.userStore.get(this.userKey());
    return stored ? User.fromStorageString(stored) : null;
  }

  private isPopupCallback(): boolean {
    const params = new URL(location.href).searchParams;
    return (
      window.name === POPUP_NAME &&
      !!window.opener &&
      window.opener !== window &&
      params.has('state') &&
      (params.has('code') || params.has('error'))
    );
  }

  private authError(caught: unknown): AnvaError {
    if (caught instanceof AnvaError) return caught;
    const detail =
      caught instanceof ErrorResponse
        ? (caught.error_description ?? caught.error ?? 'error response')
        : caught instanceof Error
          ? caught.message
          : 'unknown error';
    return new AnvaError('auth', `Sign-in at the Hub failed: ${detail}.`, {
      retryable: true,
      cause: caught,
    });
  }

  private fail(caught: unknown): void {
    const error = this.authError(caught);
    report(error);
    this.setState({ status: 'signed-out', error });
  }

  private setState(state: SessionState): void {
    if (this.disposed) return;
    this.state = state;
    this.hooks.changed();
  }
}

/**
 * What widgets hold: stays the same object for the page's lifetime while the
 * configured session behind it comes and goes.
 */
export class SharedSession implements AuthSession {
  private current: OidcSession | undefined;
  private fallback: SessionState = { status: 'unconfigured' };
  private readonly listeners = new Set<(state: SessionState) => void>();

  get state(): SessionState {
    return this.current?.state ?? this.fallback;
  }

  /** The configured session, for the Hub client. */
  get active(): OidcSession | undefined {
    return this.current;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(): Promise<void> {
    return this.current?.signIn() ?? Promise.resolve();
  }

  signOut(reason: SignOutReason = 'user'): Promise<void> {
    return this.current?.signOut(reason) ?? Promise.resolve();
  }

  /** Puts a configured session in place (or none, with a fallback state). */
  attach(
    session: OidcSession | undefined,
    fallback: SessionState = { status: 'unconfigured' },
  ): void {
    this.current?.dispose();
    this.current = session;
    this.fallback = fallback;
    this.notify();
  }

  notify(): void {
    const state = this.state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
