/** The OpenID Connect provider of the local Hub (oidc-provider 8), configured like ANVA Hub. */
import { randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
import { layout, logoutPage, messagePage, messages, pageCsp, pickLanguage } from './pages.mjs';

/** Scopes of the customer API as a resource server; OIDC scopes stay as the client asks. */
export const API_SCOPE = 'openid profile email';

/** @param {import('./server.mjs').Hub} hub */
export function createProvider(hub, { accessTokenTtl, Adapter }) {
  const accountClaims = (account) => ({
    name: [account.firstName, account.middleName, account.lastName].filter(Boolean).join(' '),
    given_name: account.firstName,
    middle_name: account.middleName || undefined,
    family_name: account.lastName,
    preferred_username: account.email,
    email: account.email,
    email_verified: true,
    locale: account.extra?.locale,
  });

  const render = (ctx, page, { script = false } = {}) => {
    const lang = pickLanguage(ctx.get('accept-language'), ctx.oidc?.params?.ui_locales);
    const { title, body } = page(lang);
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', pageCsp(hub.origins, { script }));
    ctx.body = layout({ lang, title, body, assetsBase: hub.assetsPath });
  };

  const configuration = {
    adapter: Adapter,
    clients: hub.clients,
    jwks: { keys: [hub.state.signingKey] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Browsers drop SameSite=None cookies without Secure, so on http the session cookie never
      // stuck (Firefox says so in its console). Lax is enough: the Hub's pages are only opened
      // top-level, by redirect or popup.
      long: { httpOnly: true, overwrite: true, sameSite: 'lax' },
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'middle_name', 'family_name', 'preferred_username', 'locale'],
      email: ['email', 'email_verified'],
    },
    // Profile and e-mail go into the ID token: there is no userinfo endpoint, as the access
    // token is for the customer API.
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    allowOmittingSingleRegisteredRedirectUri: false,
    responseTypes: ['code'],
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // A valid `id_token_hint` of the signed-in account (oidc-provider checked signature and
        // audience) proves the website signed the customer out: end the session without asking.
        logoutSource: async (ctx, form) => {
          const { IdTokenHint: hint, Client: client } = ctx.oidc.entities;
          const sure = !!hint && hint.payload.sub === ctx.oidc.session.accountId;
          const clientName = client?.clientName ?? client?.clientId;
          render(
            ctx,
            (lang) => logoutPage({ lang, form, sure, clientName, assetsBase: hub.assetsPath }),
            { script: sure },
          );
        },
        postLogoutSuccessSource: async (ctx) =>
          render(ctx, (lang) => {
            const t = messages(lang);
            return messagePage({ lang, title: t.loggedOutTitle, text: t.loggedOutText });
          }),
      },
      resourceIndicators: {
        enabled: true,
        // Clients that send no `resource` still get a JWT access token for the customer API.
        defaultResource: async () => hub.apiBase,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx, indicator) => {
          if (indicator !== hub.apiBase) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: hub.apiBase,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: accessTokenTtl,
      // ANVA's Identity API: an authorization code is valid for at most 10 minutes.
      AuthorizationCode: 600,
      IdToken: 3600,
      Interaction: 30 * 60,
      Session: 12 * 3600,
      Grant: 14 * 24 * 3600,
      // Rotation keeps the first token's end: a browser session lasts 12 hours at most.
      RefreshToken: (ctx) => ctx?.oidc.entities.RotatedRefreshToken?.remainingTTL ?? 12 * 3600,
    },
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (ctx, origin, client) =>
      [...client.redirectUris, ...client.postLogoutRedirectUris].some(
        (uri) => new URL(uri).origin === origin,
      ),
    interactions: {
      url: async (ctx, interaction) => `${hub.mountPath}/interaction/${interaction.uid}`,
    },
    findAccount: async (ctx, sub) => {
      const account = hub.accountById(sub);
      if (!account || account.revoked || !account.passwordHash) return undefined;
      return {
        accountId: String(account.id),
        claims: async () => ({ sub, ...accountClaims(account) }),
      };
    },
    // The account's token generation goes into every access token; the API compares it with
    // the data file, so a revocation by the admin CLI kills live tokens at once.
    extraTokenClaims: async (ctx, token) => {
      const account = hub.accountById(token.accountId);
      return account ? { gen: account.tokenGeneration } : undefined;
    },
    // Consent is asked once per client per account: an earlier "Toestaan" is kept in the data
    // file and turned into a grant again for a new session.
    loadExistingGrant: async (ctx) => {
      const { client, session } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const consent = hub.accountById(session.accountId)?.consents?.[client.clientId];
      if (!consent) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        accountId: session.accountId,
        clientId: client.clientId,
      });
      grant.addOIDCScope(consent.scope);
      grant.addResourceScope(hub.apiBase, consent.apiScope ?? API_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) =>
      render(ctx, (lang) => {
        const t = messages(lang);
        const details = Object.entries(out)
          .map(([key, value]) => `${key}: ${value}`)
          .join('\n');
        return messagePage({ lang, title: t.errorTitle, text: t.errorText, details });
      }),
  };

  const provider = new Provider(hub.issuer, configuration);

  // Discovery and JWKS are open to any origin in oidc-provider; here only registered client
  // origins get CORS headers, like every other Hub endpoint.
  provider.use(async (ctx, next) => {
    await next();
    const origin = ctx.get('origin');
    if (origin && !hub.origins.has(origin)) {
      for (const header of Object.keys(ctx.response.headers)) {
        if (header.toLowerCase().startsWith('access-control-')) ctx.remove(header);
      }
    }
  });

  provider.on('server_error', (ctx, error) => hub.log(`hub: provider error: ${error.message}`));
  return provider;
}
