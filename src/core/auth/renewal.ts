/**
 * Renewal with the refresh token, spent once across tabs: Web Locks where the
 * browser has them, else a claim on the tab channel (oidc-client-ts #430 is
 * the trap: two tabs spending one rotated refresh token sign the customer out).
 */
import { User } from 'oidc-client-ts';
import type { OidcClient } from 'oidc-client-ts';
import type { TabMessage, Tabs } from './tabs.js';

export const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export const hasWebLocks = (): boolean => typeof navigator.locks?.request === 'function';

/** Runs `task` holding an origin-wide exclusive lock, or directly without Web Locks. */
export async function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  return hasWebLocks() ? navigator.locks.request(name, task) : task();
}

/** A SHA-256 fingerprint, so tabs can name a refresh token without repeating it. */
export async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest, 0, 16), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** True when the Hub says the grant or account is gone, not merely expired. */
export const saysRevoked = (...texts: (string | null | undefined)[]): boolean =>
  texts.some((text) => /revoked/i.test(text ?? ''));

/** Spends the refresh token; oidc-client-ts carries over the rest, an unrotated refresh token is kept here. */
export async function refreshed(client: OidcClient, current: User, token: string): Promise<User> {
  const response = await client.useRefreshToken({
    state: {
      refresh_token: token,
      id_token: current.id_token,
      session_state: current.session_state,
      scope: current.scope,
      profile: current.profile,
      data: current.state,
    },
    timeoutInSeconds: 15,
  });
  const user = new User(response);
  user.refresh_token ??= token;
  return user;
}

/** Without Web Locks: the lowest ticket among tabs that claim the same refresh token wins. */
export function claims(tabs: Tabs) {
  const rivals = new Map<string, number>();
  return {
    /** Reads the claims and news of other tabs. */
    note(message: TabMessage): void {
      if (message.type === 'renewed') rivals.delete(message.previous);
      if (message.type !== 'renewing') return;
      const known = rivals.get(message.previous);
      if (known === undefined || message.ticket < known)
        rivals.set(message.previous, message.ticket);
    },
    /** Claims `previous`; true when a rival won (after waiting up to 10 s for its news). */
    async lost(previous: string): Promise<boolean> {
      if (!tabs.available) return false;
      const ticket = Math.random();
      tabs.post({ type: 'renewing', previous, ticket });
      await delay(100);
      const rival = rivals.get(previous);
      if (rival === undefined || rival > ticket) return false;
      for (let waited = 0; waited < 10_000 && rivals.has(previous); waited += 100) await delay(100);
      return true;
    },
  };
}
