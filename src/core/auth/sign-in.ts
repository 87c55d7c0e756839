/**
 * Sending the customer to the Hub's login page: in this tab (redirect mode,
 * or a blocked popup) or in a popup whose answer comes back here.
 */
import { ErrorResponse } from 'oidc-client-ts';
import type { OidcClient } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import { pageLang } from '../lang.js';
import type { AnvaConfig } from '../types.js';
import { markPending, withoutAuthParams } from './callback.js';
import { openPopup, popupAnswer } from './popup.js';

/** What the sign-in keeps in the state it sends through the Hub. */
export interface SignInData {
  returnTo?: string;
}

/** A failed sign-in as the contract's `auth` error. */
export function authError(caught: unknown): AnvaError {
  if (caught instanceof AnvaError) return caught;
  const detail =
    caught instanceof ErrorResponse ? (caught.error_description ?? caught.error) : String(caught);
  return new AnvaError('auth', `Sign-in at the Hub failed: ${detail}.`, {
    retryable: true,
    cause: caught,
  });
}

/**
 * Opens the Hub's login page, in the language the page speaks. Resolves with the popup's answer (an address
 * to check), `closed` when the customer closed the popup, or `left` when this
 * page is on its way to the Hub.
 */
export async function toLoginPage(
  client: () => Promise<OidcClient>,
  config: AnvaConfig,
  navigate: (url: string) => void,
  gone: () => boolean,
): Promise<string | 'closed' | 'left'> {
  // Opened before any await, while the click still counts as a user gesture.
  const popup = config.loginMode === 'popup' ? openPopup() : null;
  const data: SignInData = { returnTo: withoutAuthParams(location.href) };
  try {
    const request = await (
      await client()
    ).createSigninRequest({
      // Kept in the sign-in state; oidc-client-ts matches the ID token's to it.
      nonce: crypto.randomUUID(),
      state: data,
      ui_locales: pageLang(config.lang),
      ...(popup && { display: 'popup' }),
    });
    if (!popup) {
      markPending();
      navigate(request.url);
      return 'left';
    }
    popup.location.replace(request.url);
    return (await popupAnswer(popup, gone)) ?? 'closed';
  } catch (caught) {
    popup?.close();
    throw caught;
  }
}
