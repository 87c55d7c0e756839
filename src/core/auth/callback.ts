/**
 * The return from the Hub's login page: handled only when the page's
 * `code`/`state` answer a sign-in this library started, once, and then
 * removed from the address bar.
 */
import type { WebStorageStateStore } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import { PENDING_MAX_AGE_MS } from './discovery.js';
import { CONSUMED_KEY, PENDING_KEY, tabStorage } from './storage.js';

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

/**
 * The address to finish the sign-in from, when it answers ours; nothing for a
 * host page's own `?code=` or a used one; an `auth` error for a forged answer.
 */
export async function ourCallback(states: WebStorageStateStore): Promise<string | undefined> {
  const href = location.href;
  const params = new URL(href).searchParams;
  const id = params.get('state');
  if (!id) return;
  const ours = await states.get(id);
  if (!params.has('code') && !params.has('error')) {
    // The Hub's return from logout carries only our `state`.
    if (ours) {
      await states.remove(id);
      cleanAddressBar();
    }
    return;
  }
  const storage = tabStorage();
  const pending = Date.now() - Number(storage?.getItem(PENDING_KEY)) < PENDING_MAX_AGE_MS;
  const consumed = (storage?.getItem(CONSUMED_KEY) ?? '').split(',');
  if (ours) {
    cleanAddressBar();
    storage?.removeItem(PENDING_KEY);
    storage?.setItem(CONSUMED_KEY, [id, ...consumed].slice(0, 10).join(','));
    return href;
  }
  // A reload or the back button onto a used callback: the code was spent once, never again.
  if (consumed.includes(id)) cleanAddressBar();
  else if (pending) {
    cleanAddressBar();
    storage?.removeItem(PENDING_KEY);
    throw new AnvaError('auth', 'A sign-in response that this page did not start was rejected.', {
      retryable: true,
    });
  }
}

/** Back to where the customer was before signing in (same origin only). */
export function returnTo(target: string | undefined, navigate: (url: string) => void): void {
  if (!target) return;
  const url = new URL(target, location.href);
  if (url.origin !== location.origin || url.href === location.href) return;
  if (url.pathname === location.pathname) history.replaceState(history.state, '', url.href);
  else navigate(url.href);
}
