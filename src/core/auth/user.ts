/** What the ID token says: checked against the contract, and the little widgets may see of it. */
import { jwtDecode } from 'jwt-decode';
import type { IdTokenClaims } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import type { AnvaProfile } from '../types.js';
import type { PeerTokens } from './tokens.js';

/** Name and e-mail only: what events and widgets get, never a token. */
export function toProfile(claims: Record<string, unknown>): AnvaProfile {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const name =
    text(claims.name) ??
    text([claims.given_name, claims.family_name].map(text).filter(Boolean).join(' ')) ??
    text(claims.preferred_username);
  const email = text(claims.email);
  return { ...(name && { name }), ...(email && { email }) };
}

const rejected = (why: string) => new AnvaError('auth', `The ID token was rejected: ${why}.`);

/**
 * The ID token's claims, checked: oidc-client-ts decodes the ID token but checks only `sub`
 * and the nonce; the contract asks for issuer, audience, authorized party and expiry too
 * (5 minutes' clock skew).
 */
export function checkIdToken(
  token: string,
  issuer: string | undefined,
  clientId: string,
): IdTokenClaims {
  let claims: Partial<IdTokenClaims>;
  try {
    claims = jwtDecode<Partial<IdTokenClaims> | null>(token) ?? {};
  } catch {
    throw rejected('it is missing or unreadable');
  }
  const audience = [claims.aud].flat();
  const problems: [boolean, string][] = [
    [claims.iss !== issuer, 'issuer is not the authority'],
    [!audience.includes(clientId), 'audience lacks the client id'],
    // OpenID Connect Core 3.1.3.7: with several audiences, `azp` names the client.
    [
      (audience.length > 1 || claims.azp !== undefined) && claims.azp !== clientId,
      'authorized party is another client',
    ],
    [typeof claims.exp !== 'number' || claims.exp + 300 < Date.now() / 1000, 'expired'],
  ];
  const problem = problems.find(([failed]) => failed);
  if (problem) throw rejected(problem[1]);
  return claims as IdTokenClaims;
}

/**
 * Checks the ID token of `next`: always after a sign-in (whose nonce oidc-client-ts has
 * matched to the one in the sign-in state), after a renewal when it is new.
 */
export function checkNewIdToken(
  next: PeerTokens,
  current: PeerTokens | null,
  issuer: string | undefined,
  clientId: string,
  signingIn = false,
): void {
  const token = next.id_token;
  if (signingIn || (token && token !== current?.id_token))
    checkIdToken(token ?? '', issuer, clientId);
}
