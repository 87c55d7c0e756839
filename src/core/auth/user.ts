/** What the ID token says: checked against the contract, and the little widgets may see of it. */
import { AnvaError } from '../errors.js';
import type { AnvaProfile } from '../types.js';

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

/**
 * oidc-client-ts decodes the ID token but checks only `sub` and the nonce;
 * the contract asks for issuer, audience and expiry too (5 minutes' clock skew).
 */
export function checkIdToken(
  token: string,
  issuer: string | undefined,
  clientId: string,
  nonce: string | undefined,
): void {
  let claims: Record<string, unknown>;
  try {
    const payload = atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'));
    claims = (JSON.parse(
      new TextDecoder().decode(Uint8Array.from(payload, (char) => char.charCodeAt(0))),
    ) ?? {}) as Record<string, unknown>;
  } catch {
    throw new AnvaError('auth', 'The ID token could not be read.');
  }
  const problem =
    claims.iss !== issuer
      ? 'issuer is not the authority'
      : ![claims.aud].flat().includes(clientId)
        ? 'audience lacks the client id'
        : typeof claims.exp !== 'number' || claims.exp + 300 < Date.now() / 1000
          ? 'expired'
          : nonce !== undefined && claims.nonce !== nonce
            ? 'nonce does not match'
            : '';
  if (problem) throw new AnvaError('auth', `The ID token was rejected: ${problem}.`);
}
