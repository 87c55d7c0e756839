/**
 * One configured auth session: Authorization Code + PKCE with oidc-client-ts,
 * renewal with the refresh token (no iframe), news shared with the other tabs.
 */
import type { OidcClient } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import { emit, report, sessionEventTarget } from '../events.js';
import type { AnvaConfig, SessionState, SignOutReason } from '../types.js';
import { checkAnswer, hubReturn, returnTo } from './callback.js';
import type { HubReturn } from './callback.js';
import { discover, openIdClient } from './discovery.js';
import { answerOpener } from './popup.js';
import { RenewalTimer } from './renewal-timer.js';
import { renewSession } from './renewal.js';
import type { Renewal, Renewing } from './renewal.js';
import { authError, toLoginPage } from './sign-in.js';
import type { SignInData } from './sign-in.js';
import { endAtHub } from './sign-out.js';
import { stateStore, userStore } from './storage.js';
import { TabProtocol } from './tab-protocol.js';
import { fromResponse, secondsLeft } from './tokens.js';
import type { Tokens } from './tokens.js';
import { checkIdToken, checkNewIdToken, toProfile } from './user.js';
import type { AuthHooks, AuthOptions } from './options.js';

export type { AuthHooks, AuthOptions } from './options.js';

export class OidcSession {
  readonly #config: AnvaConfig;
  readonly #options: AuthOptions;
  readonly #hooks: AuthHooks;
  readonly #states = stateStore();
  readonly #users;
  readonly #tabs: TabProtocol;
  readonly #timer: RenewalTimer;
  readonly #renewing: Renewing;
  #state: SessionState = { status: 'initializing' };
  #client: Promise<OidcClient> | undefined;
  #user: Tokens | null = null;
  #renewal: Promise<Renewal> | undefined;
  /** Bumped by every sign-out, so a renewal that finishes afterwards cannot sign the customer back in. */
  #epoch = 0;
  #disposed = false;

  constructor(config: AnvaConfig, options: AuthOptions, hooks: AuthHooks) {
    this.#config = config;
    this.#options = options;
    this.#hooks = hooks;
    this.#users = userStore(config);
    const key = `${config.authority}|${config.clientId}`;
    this.#tabs = new TabProtocol(`anva-widgets:${key}`, config.storage === 'session', {
      current: () => (this.#state.status === 'signed-in' ? this.#user : null),
      wantsSession: () => !this.#user && this.#state.status === 'signed-out',
      checkIdToken: async (token) =>
        checkIdToken(token, (await this.#metadata()).issuer, config.clientId),
      accept: (next) => this.#accept(next),
      signedOutElsewhere: async (reason) => {
        if (this.#user) await this.#end(reason, 'here');
      },
    });
    this.#timer = new RenewalTimer(options.renewBeforeSeconds, () => void this.#renew());
    this.#renewing = {
      user: () => this.#user,
      epoch: () => this.#epoch,
      stored: () => this.#users.get(),
      client: () => this.#oidc(),
      check: (next) => this.#check(next),
      accept: (next) => this.#accept(next),
      end: (reason) => this.#end(reason, 'everywhere'),
      tabs: this.#tabs,
      lockName: `anva-widgets:renew:${key}`,
      lockWaitMs: options.lockWaitMs,
    };
  }

  get state(): SessionState {
    return this.#state;
  }

  /** Reads storage, or finishes the sign-in (or sign-out) the Hub just sent the customer back from. */
  async start(): Promise<void> {
    void this.#metadata().catch(() => undefined);
    if (answerOpener()) return this.#setState({ status: 'signing-in' });
    let error: AnvaError | undefined;
    try {
      const back = await hubReturn(this.#states, () => this.#metadata());
      if (back.kind !== 'none') return await this.#cameBack(back);
    } catch (caught) {
      error = authError(caught);
    }
    await this.#restore(error);
  }

  dispose(): void {
    this.#disposed = true;
    this.#epoch += 1;
    this.#timer.dispose();
    this.#tabs.close();
  }

  async signIn(): Promise<void> {
    if (this.#disposed || this.#state.status === 'signing-in') return;
    const gone = () => this.#disposed;
    const leaving = toLoginPage(() => this.#oidc(), this.#config, this.#options.navigate, gone);
    this.#setState({ status: 'signing-in' });
    try {
      const answer = await leaving;
      if (answer === 'left') return;
      // Closed by the customer: back to where they were, nothing to report.
      if (answer === 'closed') return this.#setState({ status: 'signed-out' });
      await this.#cameBack(await checkAnswer(answer, this.#states, await this.#metadata()));
    } catch (caught) {
      const error = authError(caught);
      report(error);
      this.#setState({ status: 'signed-out', error });
    }
  }

  /** `user`: revoke, clear, log out at the Hub. `expired`, `revoked`: clear locally (the Hub already ended it). */
  signOut(reason: SignOutReason = 'user'): Promise<void> {
    return this.#end(reason, 'everywhere');
  }

  /** The access token for a request, renewed first when it is about to expire. */
  async accessToken(): Promise<string | undefined> {
    // Past its renewal point and about to expire: a sleeping timer's catch-up.
    if (this.#user && this.#timer.due && secondsLeft(this.#user) <= 5) await this.renew();
    return this.#user?.access_token;
  }

  /** After a 401 for `rejected`: true when a fresh token is in place, false when the session ended. */
  async recover(rejected: string): Promise<boolean> {
    return !!this.#user && (this.#user.access_token !== rejected || this.renew());
  }

  /** One renewal per tab at a time, and across tabs one spend per refresh token. */
  async renew(): Promise<boolean> {
    const outcome = await this.#renew();
    if (outcome === 'unreachable')
      throw new AnvaError('network', 'Could not reach the Hub to renew the session.', {
        retryable: true,
      });
    return outcome === 'renewed';
  }

  #setState(next: SessionState): void {
    if (this.#disposed) return;
    this.#state = next;
    this.#hooks.changed();
  }

  #metadata() {
    return discover(this.#config.authority);
  }

  #oidc(): Promise<OidcClient> {
    return (this.#client ??= openIdClient(this.#config, this.#states).catch((caught: unknown) => {
      this.#client = undefined;
      throw caught;
    }));
  }

  /** Back from the Hub: signed in (then to where the customer was), cancelled, or signed out. */
  async #cameBack(back: HubReturn): Promise<void> {
    if (back.kind === 'sign-in') {
      const response = await (await this.#oidc()).processSigninResponse(back.href);
      const next = fromResponse(response);
      const data = (response.userState ?? {}) as SignInData;
      await this.#check(next, true);
      this.#accept(next);
      this.#tabs.newSession();
      returnTo(data.returnTo, this.#options.navigate);
    } else if (back.kind !== 'none') {
      const signedOutReason = back.kind === 'cancelled' ? 'cancelled' : 'user';
      this.#setState({ status: 'signed-out', signedOutReason });
    }
  }

  /** Checks a new ID token (`signingIn`: the one a sign-in must bring) against the contract. */
  async #check(next: Tokens, signingIn?: boolean): Promise<void> {
    const { issuer } = await this.#metadata();
    checkNewIdToken(next, this.#user, issuer, this.#config.clientId, signingIn);
  }

  /** Stores and uses `next`. */
  #accept(next: Tokens): void {
    if (this.#disposed) return;
    this.#users.set(next);
    if (this.#user && next.profile.sub !== this.#user.profile.sub) this.#hooks.reset();
    this.#user = next;
    const profile = toProfile(next.profile);
    const wasSignedIn = this.#state.status === 'signed-in';
    this.#setState({ status: 'signed-in', profile });
    if (!wasSignedIn) emit(sessionEventTarget(), 'anva-signed-in', { profile: { ...profile } });
    this.#timer.schedule(next.expires_at);
  }

  /** Ends the session here; `everywhere`: also in the other tabs and, for `user`, at the Hub. */
  async #end(reason: SignOutReason, where: 'here' | 'everywhere'): Promise<void> {
    const ended = this.#user;
    const wasSignedIn = this.#state.status === 'signed-in' || ended !== null;
    this.#epoch += 1;
    this.#user = null;
    this.#timer.stop();
    this.#hooks.reset();
    this.#users.remove();
    // Settled before any await: concurrent 401s end the session, and tell the page, once.
    if (!wasSignedIn && reason !== 'user') return;
    this.#setState({ status: 'signed-out', signedOutReason: reason });
    if (wasSignedIn) emit(sessionEventTarget(), 'anva-signed-out', { reason });
    if (where === 'here') return;
    this.#tabs.signedOut(reason);
    if (reason !== 'user' || !ended) return;
    try {
      const [client, metadata] = await Promise.all([this.#oidc(), this.#metadata()]);
      await endAtHub(client, metadata, ended, this.#config, this.#options.navigate);
    } catch (caught) {
      console.warn(`[anva-widgets] auth: signing out at the Hub failed: ${caught}`);
    }
  }

  #renew(): Promise<Renewal> {
    return (this.#renewal ??= renewSession(this.#renewing)
      .then((outcome) => {
        if (outcome === 'unreachable') this.#timer.retry();
        return outcome;
      })
      .finally(() => (this.#renewal = undefined)));
  }

  async #restore(error?: AnvaError): Promise<void> {
    const found =
      this.#users.get() ??
      // A new tab has empty sessionStorage: ask the other tabs of this site for their session.
      (await this.#tabs.askSession(this.#options.peerWaitMs));
    if (this.#disposed) return;
    if (error) report(error);
    if (!found) return this.#setState({ status: 'signed-out', ...(error && { error }) });
    this.#user = found;
    // A renewal refused by the Hub signs out; an unreachable Hub keeps the session for a retry.
    const renewal: Renewal = secondsLeft(found) > 5 ? 'renewed' : await this.#renew();
    if (renewal === 'signed-out' || !this.#user) return;
    this.#accept(this.#user);
    if (renewal === 'unreachable') this.#timer.retry();
  }
}

export const createSession = (config: AnvaConfig, options: AuthOptions, hooks: AuthHooks) =>
  new OidcSession(config, options, hooks);
