/**
 * One configured auth session: Authorization Code + PKCE with oidc-client-ts,
 * renewal with the refresh token (no iframe), news shared with the other tabs.
 */
import { ErrorResponse, User } from 'oidc-client-ts';
import type { OidcClient } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import { emit, report, sessionEventTarget } from '../events.js';
import type { AnvaConfig, SessionState, SignOutReason } from '../types.js';
import { markPending, ourCallback, returnTo, withoutAuthParams } from './callback.js';
import { discover, openIdClient } from './discovery.js';
import { answerOpener, openPopup, popupAnswer } from './popup.js';
import {
  claims,
  delay,
  fingerprint,
  hasWebLocks,
  refreshed,
  saysRevoked,
  withTabLock,
} from './renewal.js';
import { stateStore, userStore } from './storage.js';
import { tabChannel } from './tabs.js';
import type { TabMessage } from './tabs.js';
import { checkIdToken, toProfile } from './user.js';

export interface AuthOptions {
  /** Opens a Hub page (login, logout) or the return address; `location.assign` unless a test drives it. */
  navigate: (url: string) => void;
  /** Renew this many seconds before the access token expires (at most a quarter of its lifetime). */
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

export interface OidcSession {
  readonly state: SessionState;
  /** Reads storage, or finishes the sign-in the Hub just sent the customer back from. */
  start(): Promise<void>;
  dispose(): void;
  signIn(): Promise<void>;
  /**
   * `user`: revoke, clear, log out at the Hub. `expired`, `revoked`: clear
   * locally (the Hub already ended it). `local`: news from another tab, which
   * already did the remote part.
   */
  signOut(reason?: SignOutReason, local?: boolean): Promise<void>;
  /** The access token for a request, renewed first when it is about to expire. */
  accessToken(): Promise<string | undefined>;
  /** After a 401 for `rejected`: true when a fresh token is in place, false when the session ended. */
  recover(rejected: string): Promise<boolean>;
  /** One renewal per tab at a time, and across tabs one spend per refresh token. */
  renew(): Promise<boolean>;
}

/** What the sign-in keeps in the state it sends through the Hub. */
interface SignInData {
  returnTo?: string;
  nonce?: string;
}

const RETRY_MS = 30_000;
/** However short the token's life, a renewal never follows the previous one sooner than this. */
const MIN_RENEW_MS = 2000;

function authError(caught: unknown): AnvaError {
  if (caught instanceof AnvaError) return caught;
  const detail =
    caught instanceof ErrorResponse ? (caught.error_description ?? caught.error) : String(caught);
  return new AnvaError('auth', `Sign-in at the Hub failed: ${detail}.`, {
    retryable: true,
    cause: caught,
  });
}

export function createSession(
  config: AnvaConfig,
  { navigate, renewBeforeSeconds, peerWaitMs }: AuthOptions,
  hooks: AuthHooks,
): OidcSession {
  const shared = config.storage === 'session';
  const states = stateStore();
  const users = userStore(config);
  const key = `${config.authority}|${config.clientId}`;
  /** Settles once every tab message received so far is handled. */
  let news: Promise<unknown> = Promise.resolve();
  const tabs = tabChannel(`anva-widgets:${key}`, (message) => {
    news = Promise.all([news, onTabMessage(message).catch(() => undefined)]);
  });
  const rivals = claims(tabs);
  let state: SessionState = { status: 'initializing' };
  let oidc: Promise<OidcClient> | undefined;
  let user: User | null = null;
  let subject: unknown;
  let renewal: Promise<boolean> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the current token is due for renewal (ms). */
  let dueAt = Infinity;
  /** Bumped by every sign-out, so a renewal that finishes afterwards cannot sign the customer back in. */
  let epoch = 0;
  let disposed = false;
  let peerAnswer: ((user: User) => void) | undefined;

  const setState = (next: SessionState) => {
    if (disposed) return;
    state = next;
    hooks.changed();
  };
  const expiresIn = (of: User) => of.expires_in ?? Infinity;
  const client = () =>
    (oidc ??= openIdClient(config, states).catch((caught: unknown) => {
      oidc = undefined;
      throw caught;
    }));

  /** Checks a new ID token (`nonce`: one from a sign-in) against the contract. */
  const check = async (next: User, nonce?: string) => {
    const token = next.id_token;
    if (!token) {
      if (nonce !== undefined) throw new AnvaError('auth', 'The Hub sent no ID token.');
    } else if (token !== user?.id_token || nonce !== undefined) {
      checkIdToken(token, (await discover(config.authority)).issuer, config.clientId, nonce);
    }
  };

  /** Stores and uses `next`; `announce`: a fresh sign-in that tabs sharing the storage pick up. */
  const accept = (next: User, announce?: boolean) => {
    if (disposed) return;
    users.set(next);
    const sub = next.profile.sub;
    if (subject !== undefined && sub !== subject) hooks.reset();
    subject = sub;
    user = next;
    const profile = toProfile(next.profile);
    const wasSignedIn = state.status === 'signed-in';
    setState({ status: 'signed-in', profile });
    if (!wasSignedIn) emit(sessionEventTarget(), 'anva-signed-in', { profile: { ...profile } });
    if (announce && shared) tabs.post({ type: 'session', user: next.toStorageString() });
    schedule();
  };

  const retry = () => schedule(RETRY_MS);
  const schedule = (retryInMs?: number) => {
    clearTimeout(timer);
    const current = user;
    if (!current?.expires_at || disposed) return;
    // `renewBeforeSeconds` before expiry, but never in the first three quarters of the token's life.
    const left = current.expires_at * 1000 - Date.now();
    const wait = retryInMs ?? Math.max(left - renewBeforeSeconds * 1000, left * 0.75, MIN_RENEW_MS);
    if (retryInMs === undefined) dueAt = Date.now() + wait;
    timer = setTimeout(
      () => (current.refresh_token ? renew().catch(retry) : signOut('expired')),
      Math.min(wait, 2 ** 31 - 1),
    );
  };

  /** Takes the tokens from the Hub's answer at `href`; the state sent with the sign-in comes back. */
  const finishSignIn = async (href: string) => {
    const next = new User(await (await client()).processSigninResponse(href));
    const data = (next.state ?? {}) as SignInData;
    await check(next, data.nonce);
    accept(next, true);
    return data;
  };

  const signIn = async () => {
    if (disposed || state.status === 'signing-in') return;
    const popup = config.loginMode === 'popup' ? openPopup() : null;
    const nonce = crypto.randomUUID();
    const data: SignInData = { returnTo: withoutAuthParams(location.href), nonce };
    setState({ status: 'signing-in' });
    try {
      const request = await (
        await client()
      ).createSigninRequest({
        request_type: popup ? 'si:p' : 'si:r',
        nonce,
        state: data,
        ...(popup && { display: 'popup' }),
      });
      if (popup) {
        popup.location.replace(request.url);
        const answer = await popupAnswer(popup, () => disposed);
        // Closed by the customer: back to where they were, nothing to report.
        if (answer) await finishSignIn(answer);
        else setState({ status: 'signed-out' });
      } else {
        // Redirect mode, or a blocked popup: the customer still gets to sign in.
        markPending();
        navigate(request.url);
      }
    } catch (caught) {
      popup?.close();
      const error = authError(caught);
      report(error);
      setState({ status: 'signed-out', error });
    }
  };

  const signOut = async (reason: SignOutReason = 'user', local = false) => {
    const ended = user;
    const wasSignedIn = state.status === 'signed-in' || ended !== null;
    epoch += 1;
    user = null;
    subject = undefined;
    clearTimeout(timer);
    hooks.reset();
    users.remove();
    // Settled before any await: concurrent 401s end the session, and tell the page, once.
    if (!wasSignedIn && reason !== 'user') return;
    setState({ status: 'signed-out', signedOutReason: reason });
    if (wasSignedIn) emit(sessionEventTarget(), 'anva-signed-out', { reason });
    if (local) return;
    tabs.post({ type: 'signed-out', reason });
    const remote = reason === 'user' ? await client().catch(() => undefined) : undefined;
    if (remote && ended?.refresh_token)
      await remote.revokeToken(ended.refresh_token, 'refresh_token').catch(() => undefined);
    // RP-initiated logout, where the Hub offers it. The client id, not the ID token,
    // names the website: no token ever travels in a URL.
    const request =
      ended &&
      (await remote
        ?.createSignoutRequest({ post_logout_redirect_uri: config.postLogoutRedirectUri })
        .catch(() => undefined));
    if (request) navigate(request.url);
  };

  /** Did another tab or frame already spend `spent`? Then take its successor. */
  const hasSuccessor = (spent: string) => {
    if (user && user.refresh_token !== spent) return true;
    const stored = users.get();
    if (!stored?.refresh_token || stored.refresh_token === spent || stored.expired) return false;
    accept(stored);
    return true;
  };

  const runRenewal = async (): Promise<boolean> => {
    const spent = user?.refresh_token;
    if (!spent) {
      await signOut('expired');
      return false;
    }
    const started = epoch;
    const previous = await fingerprint(spent);
    try {
      return await withTabLock(`anva-widgets:renew:${key}`, async () => {
        // Let news a peer posted just before releasing the lock arrive, and be handled, first.
        await delay(0);
        await news;
        if (started !== epoch) return false;
        // Without Web Locks: give way to a rival tab, and spend only if it produced nothing.
        if (
          hasSuccessor(spent) ||
          (!hasWebLocks() && (await rivals.lost(previous)) && hasSuccessor(spent))
        )
          return true;
        const current = user;
        if (!current?.refresh_token) return false;
        const next = await refreshed(await client(), current, current.refresh_token);
        if (started !== epoch) return false;
        await check(next);
        tabs.post({ type: 'renewed', previous, user: next.toStorageString() });
        accept(next);
        return true;
      });
    } catch (caught) {
      if (started !== epoch) return false;
      if (caught instanceof ErrorResponse) {
        await signOut(saysRevoked(caught.error_description, caught.error) ? 'revoked' : 'expired');
        return false;
      }
      if (caught instanceof AnvaError && caught.code === 'auth') {
        report(caught);
        await signOut('expired');
        return false;
      }
      throw new AnvaError('network', 'Could not reach the Hub to renew the session.', {
        retryable: true,
        cause: caught,
      });
    }
  };

  const renew = () =>
    (renewal ??= runRenewal().finally(() => {
      renewal = undefined;
    }));

  async function onTabMessage(message: TabMessage) {
    if (disposed) return;
    rivals.note(message);
    const type = message.type;
    if (type === 'hello') {
      if (user && state.status === 'signed-in' && shared)
        tabs.post({ type: 'session', user: user.toStorageString() });
    } else if (type === 'signed-out') {
      if (user) await signOut(message.reason, true);
    } else if (type === 'session') {
      if (!shared || user || (state.status !== 'signed-out' && !peerAnswer)) return;
      const peer = User.fromStorageString(message.user);
      if (peer.expired) return;
      if (peerAnswer) peerAnswer(peer);
      else accept(peer);
    } else if (type === 'renewed') {
      const current = user?.refresh_token;
      if (!current || (await fingerprint(current)) !== message.previous) return;
      accept(User.fromStorageString(message.user));
    }
  }

  const restore = async (error?: AnvaError) => {
    const found =
      users.get() ??
      // A new tab has empty sessionStorage: ask the other tabs of this site for their session.
      (shared && tabs.available && peerWaitMs > 0
        ? await new Promise<User | null>((resolve) => {
            peerAnswer = resolve;
            setTimeout(resolve, peerWaitMs, null);
            tabs.post({ type: 'hello' });
          }).finally(() => {
            peerAnswer = undefined;
          })
        : null);
    if (disposed) return;
    if (error) report(error);
    if (!found) return setState({ status: 'signed-out', ...(error && { error }) });
    user = found;
    // A renewal refused by the Hub signs out; an unreachable Hub keeps the session for a retry.
    const renewed = expiresIn(found) > 5 || (await renew().catch(() => undefined));
    if (renewed === false || !user) return;
    accept(user);
    if (renewed === undefined) retry();
  };

  // Timers sleep in background tabs; catch up when the customer comes back.
  const onVisible = () => {
    if (document.visibilityState === 'visible' && user && Date.now() >= dueAt) renew().catch(retry);
  };
  document.addEventListener('visibilitychange', onVisible);

  return {
    get state() {
      return state;
    },
    async start() {
      void discover(config.authority).catch(() => undefined);
      if (answerOpener()) return setState({ status: 'signing-in' });
      let error: AnvaError | undefined;
      try {
        const href = await ourCallback(states);
        if (href) return returnTo((await finishSignIn(href)).returnTo, navigate);
      } catch (caught) {
        error = authError(caught);
      }
      await restore(error);
    },
    dispose() {
      disposed = true;
      epoch += 1;
      clearTimeout(timer);
      tabs.close();
      document.removeEventListener('visibilitychange', onVisible);
    },
    signIn,
    signOut,
    async accessToken() {
      // Past its renewal point and about to expire: a sleeping timer's catch-up.
      if (user && Date.now() >= dueAt && expiresIn(user) <= 5) await renew();
      return user?.access_token;
    },
    async recover(rejected) {
      return !!user && (user.access_token !== rejected || renew());
    },
    renew,
  };
}
