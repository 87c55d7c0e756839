/**
 * Signing out at the Hub, as far as it supports: both tokens revoked (RFC 7009)
 * and its session ended (RP-Initiated Logout 1.0) by a POST form that carries
 * the ID token as `id_token_hint`, so the Hub ends it without a question and
 * no token is ever in an address bar. What the Hub lacks is said in the console.
 */
import type { OidcClient, OidcMetadata } from 'oidc-client-ts';
import type { AnvaConfig } from '../types.js';
import type { Tokens } from './tokens.js';

/** The `state` sent to the logout page; it comes back with the customer. */
const SIGNED_OUT_STATE = 'signed-out';

const lacks = (what: string) => console.warn(`[anva-widgets] auth: ${what}`);

export async function endAtHub(
  client: OidcClient,
  metadata: Partial<OidcMetadata>,
  ended: Tokens,
  config: AnvaConfig,
  navigate: (url: string, fields?: Record<string, string>) => void,
): Promise<void> {
  if (metadata.revocation_endpoint) {
    const revoke = (token: string | undefined, type: 'access_token' | 'refresh_token') =>
      token &&
      client
        .revokeToken(token, type)
        .catch(() => lacks(`the Hub did not revoke the ${type.replace('_', ' ')}.`));
    await Promise.all([
      revoke(ended.access_token, 'access_token'),
      revoke(ended.refresh_token, 'refresh_token'),
    ]);
  } else {
    lacks('the Hub offers no token revocation; the tokens stay valid until they expire.');
  }
  const endpoint = metadata.end_session_endpoint;
  if (!endpoint) {
    lacks('the Hub offers no logout endpoint; the customer stays signed in at the Hub.');
    return;
  }
  const request = await client.createSignoutRequest({
    id_token_hint: ended.id_token,
    client_id: config.clientId,
    post_logout_redirect_uri: config.postLogoutRedirectUri,
    state: SIGNED_OUT_STATE,
  });
  // The endpoint's own query stays in its address; what the request added goes in the form.
  const own = new URL(endpoint).searchParams;
  const fields = Object.fromEntries(
    [...new URL(request.url).searchParams].filter(([name]) => !own.has(name)),
  );
  navigate(endpoint, fields);
}
