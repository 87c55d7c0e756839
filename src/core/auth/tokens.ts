/**
 * A signed-in session as this library keeps it: the Hub's tokens and the ID token's
 * claims, a plain record (stored as JSON in the shape oidc-client-ts's `User` stores).
 */
import type { IdTokenClaims, SigninResponse } from 'oidc-client-ts';

/** What a peer tab needs to carry on a session: the tokens, never the profile or the sign-in state. */
export interface PeerTokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  token_type: string;
  scope?: string;
  /** Seconds since the epoch. */
  expires_at?: number;
}

/** The session's record: the tokens and what the ID token says of the customer. */
export interface Tokens extends PeerTokens {
  /** The ID token's claims. */
  profile: IdTokenClaims;
  session_state: string | null;
}

/** The tokens alone, without whatever else the record carries. */
export function peerTokens(from: PeerTokens): PeerTokens {
  const { access_token, refresh_token, id_token, token_type, scope, expires_at } = from;
  return { access_token, refresh_token, id_token, token_type, scope, expires_at };
}

/** The session the Hub's answer to a sign-in or a renewal brings. */
export const fromResponse = (response: SigninResponse): Tokens => ({
  ...peerTokens(response),
  profile: response.profile,
  session_state: response.session_state,
});

/** Seconds the access token has left; Infinity when it has no expiry. */
export const secondsLeft = ({ expires_at }: PeerTokens): number =>
  expires_at === undefined ? Infinity : expires_at - Math.floor(Date.now() / 1000);
