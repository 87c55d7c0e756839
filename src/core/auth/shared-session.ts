/**
 * What widgets hold: the same object for the page's lifetime, while the
 * configured session behind it comes and goes with the configuration.
 */
import { listeners } from '../listeners.js';
import type { AuthSession, SessionState, SignOutReason } from '../types.js';
import type { OidcSession } from './session.js';

export interface SharedSession extends AuthSession {
  /** The configured session, for the Hub client. */
  readonly active: OidcSession | undefined;
  /** Puts a configured session in place (or none, with a fallback state). */
  attach(session: OidcSession | undefined, fallback?: SessionState): void;
  notify(): void;
}

export function sharedSession(): SharedSession {
  let current: OidcSession | undefined;
  let fallback: SessionState = { status: 'unconfigured' };
  const { subscribe, notify } = listeners<[SessionState]>();
  const shared: SharedSession = {
    get state() {
      return current?.state ?? fallback;
    },
    get active() {
      return current;
    },
    subscribe,
    signIn: async () => current?.signIn(),
    signOut: async (reason: SignOutReason = 'user') => current?.signOut(reason),
    attach(session, otherwise = { status: 'unconfigured' }) {
      current?.dispose();
      current = session;
      fallback = otherwise;
      shared.notify();
    },
    notify: () => notify(shared.state),
  };
  return shared;
}
