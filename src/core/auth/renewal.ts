/**
 * Renewal with the refresh token, spent once across tabs: under the tab lock,
 * or, without one, after a claim on the tab channel (oidc-client-ts #430 is
 * the trap: two tabs spending one rotated refresh token sign the customer out).
 */
import { ErrorResponse } from 'oidc-client-ts';
import type { OidcClient } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import { report } from '../events.js';
import type { SignOutReason } from '../types.js';
import { HUB_TIMEOUT_S } from './discovery.js';
import { withTabLock } from './tab-lock.js';
import { fingerprint } from './tab-protocol.js';
import type { TabProtocol } from './tab-protocol.js';
import { fromResponse, secondsLeft } from './tokens.js';
import type { Tokens } from './tokens.js';

/** What a renewal came to. */
export type Renewal = 'renewed' | 'signed-out' | 'unreachable';

/** What a renewal needs of the session. */
export interface Renewing {
  user(): Tokens | null;
  /** Bumped by every sign-out, so a renewal that finishes afterwards cannot sign the customer back in. */
  epoch(): number;
  /** The tokens in storage, where another frame of this tab may have put a successor. */
  stored(): Tokens | null;
  client(): Promise<OidcClient>;
  check(next: Tokens): Promise<void>;
  accept(next: Tokens): void;
  end(reason: SignOutReason): Promise<void>;
  tabs: TabProtocol;
  lockName: string;
  lockWaitMs: number | undefined;
}

/** Longer than a renewal at the Hub may take, so only a stuck lock is given up on. */
const LOCK_WAIT_MS = (HUB_TIMEOUT_S + 5) * 1000;

/** How long a tab with the lock waits for a peer that may have spent the token just before it. */
const SUCCESSOR_WAIT_MS = 300;

/** True when the Hub says the grant or account is gone, not merely expired. */
export const saysRevoked = (...texts: (string | null | undefined)[]): boolean =>
  texts.some((text) => /revoked/i.test(text ?? ''));

/** Spends the refresh token; oidc-client-ts carries over the rest, an unrotated refresh token is kept here. */
async function refreshed(client: OidcClient, current: Tokens, token: string): Promise<Tokens> {
  const response = await client.useRefreshToken({
    state: {
      refresh_token: token,
      id_token: current.id_token,
      session_state: current.session_state,
      scope: current.scope,
      profile: current.profile,
    },
    // The client's own time limit covers only its other requests.
    timeoutInSeconds: HUB_TIMEOUT_S,
  });
  const next = fromResponse(response);
  next.refresh_token ??= token;
  return next;
}

/** Did another tab or frame already spend `spent`? Then take its successor. */
function hasSuccessor(session: Renewing, spent: string): boolean {
  const user = session.user();
  if (user && user.refresh_token !== spent) return true;
  const stored = session.stored();
  if (!stored?.refresh_token || stored.refresh_token === spent || secondsLeft(stored) <= 0)
    return false;
  session.accept(stored);
  return true;
}

/** Renews the session's tokens once; a refusal by the Hub signs out, an unreachable Hub is `unreachable`. */
export async function renewSession(session: Renewing): Promise<Renewal> {
  const spent = session.user()?.refresh_token;
  if (!spent) {
    await session.end('expired');
    return 'signed-out';
  }
  const started = session.epoch();
  const previous = await fingerprint(spent);
  const { tabs } = session;
  try {
    return await withTabLock(
      session.lockName,
      session.lockWaitMs ?? LOCK_WAIT_MS,
      async (locked) => {
        await tabs.settled();
        if (started !== session.epoch()) return 'signed-out';
        if (hasSuccessor(session, spent)) return 'renewed';
        if (locked) {
          // The tab that held the lock just before may have spent the token already.
          const customer = session.user()?.profile.sub;
          const peer = await tabs.successorOf(previous, customer, SUCCESSOR_WAIT_MS);
          if (started !== session.epoch()) return 'signed-out';
          if (peer) {
            session.accept(peer);
            return 'renewed';
          }
        } else if ((await tabs.lost(previous)) && hasSuccessor(session, spent)) {
          // Without the lock: this tab gave way to a rival, which handed over its successor.
          return 'renewed';
        }
        const current = session.user();
        if (!current?.refresh_token) return 'signed-out';
        const next = await refreshed(await session.client(), current, current.refresh_token);
        if (started !== session.epoch()) return 'signed-out';
        await session.check(next);
        session.accept(next);
        tabs.newSession(previous);
        return 'renewed';
      },
    );
  } catch (caught) {
    if (started !== session.epoch()) return 'signed-out';
    if (caught instanceof ErrorResponse) {
      await session.end(
        saysRevoked(caught.error_description, caught.error) ? 'revoked' : 'expired',
      );
      return 'signed-out';
    }
    if (caught instanceof AnvaError && caught.code === 'auth') {
      report(caught);
      await session.end('expired');
      return 'signed-out';
    }
    return 'unreachable';
  }
}
