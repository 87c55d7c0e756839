/**
 * What tabs of one site tell each other, and what they never do. News
 * (signed in, renewed, signed out, a claim to renew) carries no token. Tokens
 * travel only in `session` mode, only in answer to one tab's own request, and
 * only what a peer needs to carry on; the asking tab checks them as it checks
 * a fresh sign-in. In `memory` mode no token ever leaves the tab.
 */
import type { IdTokenClaims } from 'oidc-client-ts';
import type { SignOutReason } from '../types.js';
import type { TabMessage } from './tabs.js';
import { peerTokens, secondsLeft } from './tokens.js';
import type { PeerTokens, Tokens } from './tokens.js';

/** How long a tab that was told of news waits for the session it then asks for. */
const ANSWER_WAIT_MS = 2000;

export const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** A SHA-256 fingerprint, so tabs can name a refresh token without repeating it. */
export async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest, 0, 16), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** What the protocol needs of this tab's session. */
export interface TabHost {
  /** This tab's session while it is signed in. */
  current(): Tokens | null;
  /** Signed out, and ready to take a peer's fresh sign-in. */
  wantsSession(): boolean;
  /** The claims of a peer's ID token, checked as a fresh sign-in's are (`iss`, `aud`, `azp`, `exp`); throws when they fail. */
  checkIdToken(token: string): Promise<IdTokenClaims>;
  /** Takes a peer's session. */
  accept(next: Tokens): void;
  /** Another tab signed the customer out. */
  signedOutElsewhere(reason: SignOutReason): Promise<void>;
}

export class TabProtocol {
  readonly #shared: boolean;
  readonly #host: TabHost;
  /** None where BroadcastChannel is missing: then there is no one to ask or tell. */
  readonly #channel: BroadcastChannel | undefined;
  /** This tab's open requests, by id. */
  readonly #waiting = new Map<string, (tokens: PeerTokens) => void>();
  /** Without Web Locks: the lowest ticket per claimed refresh token. */
  readonly #rivals = new Map<string, number>();
  /** The refresh token this tab spent for its current tokens: a tab that still holds it may ask for them. */
  #predecessor: string | undefined;
  /** Settles once every message received so far is handled. */
  #news: Promise<unknown> = Promise.resolve();

  /** `shared`: `storage="session"`, where tabs may hand each other the session. */
  constructor(name: string, shared: boolean, host: TabHost) {
    this.#shared = shared;
    this.#host = host;
    if (typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      if (!data || typeof data !== 'object') return;
      this.#news = Promise.all([this.#news, this.#receive(data).catch(() => undefined)]);
    };
  }

  /** Lets news a peer posted just now arrive, and be handled, first. */
  async settled(): Promise<void> {
    await delay(0);
    await this.#news;
  }

  /** This tab has new tokens: from a sign-in, or from spending the refresh token `previous`. */
  newSession(previous?: string): void {
    this.#predecessor = previous;
    if (this.#shared) this.#post({ type: 'new-session', ...(previous && { previous }) });
  }

  signedOut(reason: SignOutReason): void {
    this.#predecessor = undefined;
    this.#post({ type: 'signed-out', reason });
  }

  /** The session of another tab, checked; none in `memory` mode or after `waitMs`. */
  async askSession(waitMs: number, previous?: string): Promise<Tokens | undefined> {
    const tokens = await this.#ask(waitMs, previous);
    if (!tokens) return undefined;
    try {
      const profile = await this.#host.checkIdToken(tokens.id_token ?? '');
      const peer: Tokens = { ...peerTokens(tokens), profile, session_state: null };
      return secondsLeft(peer) > 0 ? peer : undefined;
    } catch (caught) {
      console.warn(`[anva-widgets] auth: a session from another tab was refused: ${caught}`);
      return undefined;
    }
  }

  /**
   * Under the tab lock, before spending `previous`: the session of a tab that spent it just
   * before, for the same customer (`sub`). Its news may still be on the way (the lock and the
   * channel keep no order between them), so this tab asks; only the tab holding the successor
   * answers.
   */
  async successorOf(
    previous: string,
    sub: string | undefined,
    waitMs: number,
  ): Promise<Tokens | undefined> {
    const peer = await this.askSession(waitMs, previous);
    if (!peer || peer.profile.sub !== sub) return undefined;
    this.#predecessor = previous;
    return peer;
  }

  /**
   * Without the tab lock: claims `previous` and gives way to a rival tab with
   * a lower ticket. True when a rival won (after waiting up to 10 s for its
   * news, and for the successor it hands over).
   */
  async lost(previous: string): Promise<boolean> {
    if (!this.#shared || !this.#channel) return false;
    const ticket = Math.random();
    this.#post({ type: 'renewing', previous, ticket });
    await delay(100);
    const rival = this.#rivals.get(previous);
    if (rival === undefined || rival > ticket) return false;
    for (let waited = 0; waited < 10_000 && this.#rivals.has(previous); waited += 100)
      await delay(100);
    await this.settled();
    return true;
  }

  close(): void {
    this.#channel?.close();
  }

  #post(message: TabMessage): void {
    this.#channel?.postMessage(message);
  }

  #ask(waitMs: number, previous?: string): Promise<PeerTokens | undefined> {
    if (!this.#shared || !this.#channel || waitMs <= 0) return Promise.resolve(undefined);
    const id = crypto.randomUUID();
    return new Promise<PeerTokens | undefined>((resolve) => {
      this.#waiting.set(id, resolve);
      setTimeout(resolve, waitMs, undefined);
      this.#post({ type: 'ask', id, ...(previous && { previous }) });
    }).finally(() => this.#waiting.delete(id));
  }

  async #refreshFingerprint(): Promise<string | undefined> {
    const token = this.#host.current()?.refresh_token;
    return token && fingerprint(token);
  }

  async #receive(message: TabMessage): Promise<void> {
    if (message.type === 'renewing') {
      const known = this.#rivals.get(message.previous);
      if (known === undefined || message.ticket < known)
        this.#rivals.set(message.previous, message.ticket);
    } else if (message.type === 'signed-out') {
      await this.#host.signedOutElsewhere(message.reason);
    } else if (!this.#shared) {
      // Memory mode: no token is given, and none is taken.
    } else if (message.type === 'ask') {
      const current = this.#host.current();
      // A session goes with its ID token, and a successor only to a tab that names the refresh token it replaced.
      if (
        current?.id_token &&
        (message.previous === undefined || message.previous === this.#predecessor)
      )
        this.#post({ type: 'answer', to: message.id, tokens: peerTokens(current) });
    } else if (message.type === 'answer') {
      // Whatever it carries is checked as a fresh sign-in's tokens are, in `askSession`.
      this.#waiting.get(message.to)?.(message.tokens);
    } else if (message.type !== 'new-session') {
      // A kind of message this version does not speak: nothing to do.
    } else if (message.previous === undefined) {
      // A sign-in: a signed-out tab may take it.
      if (!this.#host.wantsSession()) return;
      const peer = await this.askSession(ANSWER_WAIT_MS);
      if (peer && this.#host.wantsSession()) this.#host.accept(peer);
    } else {
      // A renewal: the tabs that still hold the spent token may take its successor.
      this.#rivals.delete(message.previous);
      if ((await this.#refreshFingerprint()) !== message.previous) return;
      const peer = await this.askSession(ANSWER_WAIT_MS, message.previous);
      // Still the same customer, still holding the spent token.
      if (
        peer &&
        peer.profile.sub === this.#host.current()?.profile.sub &&
        (await this.#refreshFingerprint()) === message.previous
      ) {
        this.#predecessor = message.previous;
        this.#host.accept(peer);
      }
    }
  }
}
