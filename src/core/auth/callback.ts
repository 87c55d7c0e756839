/**
 * The return from the Hub: handled only when the page's `state` names a
 * sign-in or sign-out this library started, once, and then removed from the
 * address bar.
 */
import type { OidcMetadata, WebStorageStateStore } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import { PENDING_MAX_AGE_MS } from './discovery.js';
import { CONSUMED_KEY, PENDING_KEY, tabStorage } from './storage.js';

/** What the page's address says about the Hub's answer. */
export type HubReturn =
  /** Not an answer to us (a host page's own `?code=`, a used or crafted one): nothing to do. */
  | { kind: 'none' }
  /** The answer to our sign-in at `href`: exchange its code. */
  | { kind: 'sign-in'; href: string }
  /** The customer pressed *Annuleren* or *Weigeren* at the Hub. */
  | { kind: 'cancelled' }
  /** Back from the Hub's logout page. */
  | { kind: 'signed-out' };

const NONE: HubReturn = { kind: 'none' };

/** The address without the authorization response parameters. */
export function withoutAuthParams(href: string): string {
  const url = new URL(href);
  for (const name of [
    'code',
    'state',
    'session_state',
    'iss',
    'error',
    'error_description',
    'error_uri',
  ])
    url.searchParams.delete(name);
  return url.href;
}

function cleanAddressBar(): void {
  const clean = withoutAuthParams(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
}

/** Called just before the customer goes to the Hub, so a forged answer can be told apart. */
export function markPending(): void {
  tabStorage()?.setItem(PENDING_KEY, String(Date.now()));
}

interface StoredState {
  id: string;
  /** Seconds since the epoch. */
  created: number;
  /** Only a sign-in has one: its PKCE verifier. */
  code_verifier?: unknown;
}

/** The stored state named `id`, when what is stored there really is one of ours with that id. */
async function storedState(states: WebStorageStateStore, id: string) {
  try {
    const parsed = JSON.parse((await states.get(id)) ?? 'null') as Partial<StoredState> | null;
    return parsed?.id === id && typeof parsed.created === 'number'
      ? (parsed as StoredState)
      : undefined;
  } catch {
    return undefined;
  }
}

const refused = (why: string) =>
  new AnvaError('auth', `A sign-in response was rejected: ${why}.`, { retryable: true });
const NOT_OURS = 'this page did not start that sign-in';

/**
 * Checks the Hub's answer `href` against the sign-in state it names: fresh
 * (10 minutes), from our Hub (RFC 9207 `iss`), and not a cancel. Throws an
 * `auth` error for an answer to refuse; the state is used up either way.
 */
export async function checkAnswer(
  href: string,
  states: WebStorageStateStore,
  metadata: Partial<OidcMetadata> & { authorization_response_iss_parameter_supported?: boolean },
): Promise<HubReturn> {
  const params = new URL(href).searchParams;
  const id = params.get('state') ?? '';
  const stored = await storedState(states, id);
  if (!stored?.code_verifier) throw refused(NOT_OURS);
  if (Date.now() - stored.created * 1000 > PENDING_MAX_AGE_MS) {
    await states.remove(id);
    throw refused('the sign-in was started more than 10 minutes ago');
  }
  // RFC 9207: a Hub that names itself in its answers must name itself, and a name is always checked.
  const iss = params.get('iss');
  if (
    (iss !== null || metadata.authorization_response_iss_parameter_supported) &&
    iss !== metadata.issuer
  ) {
    await states.remove(id);
    throw refused('it names another issuer');
  }
  if (params.get('error') === 'access_denied') {
    await states.remove(id);
    return { kind: 'cancelled' };
  }
  return { kind: 'sign-in', href };
}

/**
 * What the page's address brings back from the Hub. An answer to a sign-in
 * this tab started is checked by `checkAnswer`; a forged one during a sign-in
 * is an `auth` error; anything else is left alone.
 */
export async function hubReturn(
  states: WebStorageStateStore,
  metadata: () => Promise<Partial<OidcMetadata>>,
): Promise<HubReturn> {
  const href = location.href;
  const params = new URL(href).searchParams;
  const id = params.get('state');
  if (!id) return NONE;
  const stored = await storedState(states, id);
  if (!params.has('code') && !params.has('error')) {
    // The Hub's return from logout carries only our `state`.
    if (!stored || stored.code_verifier) return NONE;
    await states.remove(id);
    cleanAddressBar();
    return { kind: 'signed-out' };
  }
  const storage = tabStorage();
  const pending = Date.now() - Number(storage?.getItem(PENDING_KEY)) < PENDING_MAX_AGE_MS;
  const consumed = (storage?.getItem(CONSUMED_KEY) ?? '').split(',');
  if (stored?.code_verifier) {
    cleanAddressBar();
    storage?.removeItem(PENDING_KEY);
    storage?.setItem(CONSUMED_KEY, [id, ...consumed].slice(0, 10).join(','));
    return checkAnswer(href, states, await metadata());
  }
  // A reload or the back button onto a used callback: the code was spent once, never again.
  if (consumed.includes(id)) cleanAddressBar();
  else if (pending) {
    cleanAddressBar();
    storage?.removeItem(PENDING_KEY);
    throw refused(NOT_OURS);
  }
  return NONE;
}

/** Back to where the customer was before signing in (same origin only). */
export function returnTo(target: string | undefined, navigate: (url: string) => void): void {
  if (!target) return;
  const url = new URL(target, location.href);
  if (url.origin !== location.origin || url.href === location.href) return;
  if (url.pathname === location.pathname) history.replaceState(history.state, '', url.href);
  else navigate(url.href);
}
