/** The Hub's discovery document (one fetch per page) and the OpenID client built on it. */
import { OidcClient } from 'oidc-client-ts';
import type { OidcMetadata, WebStorageStateStore } from 'oidc-client-ts';
import { AnvaError } from '../errors.js';
import type { AnvaConfig } from '../types.js';

/** The Hub's authorization codes live at most 10 minutes; a sign-in older than that is abandoned. */
export const PENDING_MAX_AGE_MS = 600_000;

/** How long a request to the Hub's identity endpoints (discovery, token, revocation) may take. */
export const HUB_TIMEOUT_S = 15;

/** Discovery documents by authority, shared by every session and restart. */
const documents = new Map<string, Promise<Partial<OidcMetadata>>>();

export function discover(authority: string): Promise<Partial<OidcMetadata>> {
  let pending = documents.get(authority);
  if (!pending) {
    pending = fetch(`${authority}/.well-known/openid-configuration`, {
      credentials: 'omit',
      signal: AbortSignal.timeout(HUB_TIMEOUT_S * 1000),
    })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<Partial<OidcMetadata>>;
      })
      .catch((caught: unknown) => {
        documents.delete(authority);
        throw new AnvaError('auth', `The Hub's discovery document could not be read: ${caught}.`, {
          retryable: true,
          cause: caught,
        });
      });
    documents.set(authority, pending);
  }
  return pending;
}

/** A new page load (tests) reads discovery again. */
export function forgetDiscovery(): void {
  documents.clear();
}

/** Built once discovery is known, so the client never fetches discovery itself. */
export async function openIdClient(
  config: AnvaConfig,
  stateStore: WebStorageStateStore,
): Promise<OidcClient> {
  return new OidcClient({
    authority: config.authority,
    metadata: await discover(config.authority),
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.postLogoutRedirectUri,
    scope: config.scope,
    response_mode: 'query',
    requestTimeoutInSeconds: HUB_TIMEOUT_S,
    staleStateAgeInSeconds: PENDING_MAX_AGE_MS / 1000,
    stateStore,
  });
}
