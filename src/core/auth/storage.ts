/**
 * Where the session keeps things. Tokens: sessionStorage (`storage="session"`)
 * or memory (`storage="memory"`), never localStorage. The sign-in *state*
 * (PKCE verifier, nonce, return address) lives in sessionStorage in both
 * modes: it must survive the redirect to the Hub and back in the same tab.
 */
import { InMemoryWebStorage, WebStorageStateStore } from 'oidc-client-ts';
import type { AnvaConfig } from '../types.js';
import type { Tokens } from './tokens.js';

/**
 * Every sign-in and sign-out state lives under this prefix, and nothing else
 * does: a crafted `state` parameter can only ever name a state, never the
 * tokens or the bookkeeping below.
 */
const STATE_PREFIX = 'anva.state.';
/** When this tab last sent the customer to the Hub to sign in. */
export const PENDING_KEY = 'anva.pending';
/** The last states whose code was exchanged: a reload never spends a code twice. */
export const CONSUMED_KEY = 'anva.consumed';

/** This tab's sessionStorage, or undefined where the browser refuses it (privacy modes). */
export function tabStorage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/** oidc-client-ts's store of sign-in state. */
export function stateStore(): WebStorageStateStore {
  return new WebStorageStateStore({
    prefix: STATE_PREFIX,
    store: tabStorage() ?? new InMemoryWebStorage(),
  });
}

export interface UserStore {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  remove(): void;
}

/** The customer's tokens, where the `storage` setting says; readable without the Hub. */
export function userStore(config: AnvaConfig): UserStore {
  const storage = (config.storage === 'session' && tabStorage()) || new InMemoryWebStorage();
  const key = `anva.user:${config.authority}:${config.clientId}`;
  return {
    get: () => JSON.parse(storage.getItem(key) ?? 'null') as Tokens | null,
    set: (tokens) => storage.setItem(key, JSON.stringify(tokens)),
    remove: () => storage.removeItem(key),
  };
}
