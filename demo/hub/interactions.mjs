/**
 * The Hub's own pages around oidc-provider: login, a forced new password after a temporary
 * one, consent, and activation links. Plain HTML forms; every POST is tied to the provider's
 * interaction cookie or to the secret in the activation link.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  consentPage,
  layout,
  loginPage,
  messagePage,
  messages,
  pageCsp,
  passwordPage,
  passwordProblem,
  pickLanguage,
} from './pages.mjs';
import { findByEmail, hashPassword, secretHash, verifyPassword } from './state.mjs';
import { API_SCOPE } from './provider.mjs';

const MAX_FORM_BYTES = 8 * 1024;

/** @returns {Promise<Record<string, string>>} */
async function readForm(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw Object.assign(new Error('form too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/**
 * @param {import('./server.mjs').Hub} hub
 * @param {import('oidc-provider').default} provider
 */
export function createInteractions(hub, provider) {
  /** Interactions whose user proved a temporary password and must now choose a new one. */
  const pending = new Map();
  const pendingPassword = {
    set(uid, accountId) {
      // Interactions live 30 minutes; older entries can never be used again.
      for (const [key, { at }] of pending) if (Date.now() - at > 30 * 60_000) pending.delete(key);
      pending.set(uid, { accountId, at: Date.now() });
    },
    get: (uid) => pending.get(uid)?.accountId,
    delete: (uid) => pending.delete(uid),
  };

  const send = (res, status, lang, { title, body }) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp(hub.origins),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(layout({ lang, title, body, assetsBase: hub.assetsPath }));
  };

  const clientName = async (clientId) =>
    (await provider.Client.find(clientId))?.clientName ?? clientId;

  const finishLogin = (req, res, accountId) =>
    provider.interactionFinished(
      req,
      res,
      { login: { accountId: String(accountId) } },
      { mergeWithLastSubmission: false },
    );

  async function showInteraction(req, res, details, lang, error, email) {
    const { uid, prompt, params, session } = details;
    const base = `${hub.mountPath}/interaction/${uid}`;
    const name = await clientName(params.client_id);
    if (prompt.name === 'login') {
      const page = loginPage({
        lang,
        clientName: name,
        action: `${base}/login`,
        abortAction: `${base}/abort`,
        email: email ?? params.login_hint ?? '',
        error,
      });
      return send(res, error ? 401 : 200, lang, page);
    }
    if (prompt.name === 'consent') {
      const account = hub.accountById(session?.accountId);
      const scopes = new Set(String(params.scope ?? '').split(' '));
      const items = [
        ...['profile', 'email'].filter((scope) => scopes.has(scope)),
        'dossier',
        'account',
        'offline',
      ];
      const served = hub.clientOrganizations.get(params.client_id) ?? new Set();
      const page = consentPage({
        lang,
        clientName: name,
        brokers: hub.dossier.organizations
          .filter((org) => served.has(String(org.id)))
          .map((org) => org.name),
        email: account?.email ?? '',
        items,
        action: `${base}/confirm`,
        denyAction: `${base}/abort`,
      });
      return send(res, 200, lang, page);
    }
    const t = messages(lang);
    return send(res, 400, lang, messagePage({ lang, title: t.errorTitle, text: t.errorText }));
  }

  async function login(req, res, details, lang) {
    const form = await readForm(req);
    const email = String(form.email ?? '').trim();
    const ip = req.socket.remoteAddress ?? 'unknown';
    const t = messages(lang);
    // Counted before the password is checked, so simultaneous guesses cannot overtake the lock.
    const attempt = hub.throttle.attempt(email, ip);
    if (attempt.locked) return showInteraction(req, res, details, lang, t.lockedOut, email);
    if (attempt.delayMs) await sleep(attempt.delayMs);

    const account = findByEmail(hub.state, email);
    let valid = false;
    try {
      valid =
        (await verifyPassword(String(form.password ?? ''), account?.passwordHash)) &&
        !account.revoked;
    } finally {
      // Every counted attempt ends once, also when checking throws.
      if (valid) hub.throttle.succeeded(attempt);
      else hub.throttle.failed(attempt);
    }
    if (!valid) return showInteraction(req, res, details, lang, t.badLogin, email);
    if (account.mustChangePassword) {
      // A temporary password expires with the invitation it came with.
      if (Date.parse(account.temporaryPasswordExpiresAt) <= Date.now()) {
        return showInteraction(req, res, details, lang, t.temporaryExpired, email);
      }
      pendingPassword.set(details.uid, account.id);
      const action = `${hub.mountPath}/interaction/${details.uid}/password`;
      return send(
        res,
        200,
        lang,
        passwordPage({ lang, mode: 'temporary', email: account.email, action }),
      );
    }
    return finishLogin(req, res, account.id);
  }

  /** Stores a chosen password; returns the updated account, or an error message. */
  async function setPassword(lang, accountId, form) {
    const email = hub.accountById(accountId)?.email;
    const problem = passwordProblem(lang, form.password, form.repeat, email);
    if (problem) return { error: problem };
    const passwordHash = await hashPassword(form.password);
    const account = hub.update((state) => {
      const found = state.accounts.find((a) => a.id === accountId);
      if (!found || found.revoked) return undefined;
      Object.assign(found, {
        passwordHash,
        mustChangePassword: false,
        temporaryPasswordExpiresAt: null,
        activation: null,
        activatedAt: found.activatedAt ?? new Date().toISOString(),
        passwordChangedAt: new Date().toISOString(),
        // As a revocation does: every session, grant and token from before the change ends.
        tokenGeneration: found.tokenGeneration + 1,
      });
      return found;
    });
    return account ? { account } : { error: messages(lang).linkInvalidText };
  }

  async function newPassword(req, res, details, lang) {
    const accountId = pendingPassword.get(details.uid);
    const form = await readForm(req);
    if (accountId === undefined) return showInteraction(req, res, details, lang);
    const { account, error } = await setPassword(lang, accountId, form);
    if (error) {
      const action = `${hub.mountPath}/interaction/${details.uid}/password`;
      const email = hub.accountById(accountId)?.email;
      return send(res, 400, lang, passwordPage({ lang, mode: 'temporary', email, action, error }));
    }
    pendingPassword.delete(details.uid);
    return finishLogin(req, res, account.id);
  }

  async function confirm(req, res, details) {
    await readForm(req);
    const { prompt, params, session } = details;
    if (prompt.name !== 'consent') return showInteraction(req, res, details, 'nl');
    const grant =
      (details.grantId && (await provider.Grant.find(details.grantId))) ||
      new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope)
      grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    hub.update((state) => {
      const account = state.accounts.find((a) => String(a.id) === String(session.accountId));
      if (account) {
        account.consents[params.client_id] = {
          scope: grant.getOIDCScope(),
          apiScope: grant.getResourceScope(hub.apiBase) || API_SCOPE,
          grantedAt: new Date().toISOString(),
        };
      }
    });
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  async function abort(req, res) {
    await readForm(req);
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  }

  async function activation(req, res, token, lang) {
    const t = messages(lang);
    const hash = secretHash(token);
    const account = hub.state.accounts.find(
      (a) =>
        a.activation?.tokenHash === hash &&
        Date.parse(a.activation.expiresAt) > Date.now() &&
        !a.revoked,
    );
    if (!account) {
      if (req.method === 'POST') await readForm(req);
      return send(
        res,
        404,
        lang,
        messagePage({ lang, title: t.linkInvalidTitle, text: t.linkInvalidText }),
      );
    }
    const action = `${hub.mountPath}/activate/${encodeURIComponent(token)}`;
    if (req.method !== 'POST') {
      return send(
        res,
        200,
        lang,
        passwordPage({ lang, mode: 'activate', email: account.email, action }),
      );
    }
    const { error } = await setPassword(lang, account.id, await readForm(req));
    if (error) {
      return send(
        res,
        400,
        lang,
        passwordPage({ lang, mode: 'activate', email: account.email, action, error }),
      );
    }
    const page = messagePage({
      lang,
      title: t.activatedTitle,
      text: t.activatedText,
      link: `${hub.siteOrigin}/`,
      linkText: t.backToSite,
    });
    return send(res, 200, lang, page);
  }

  /** Handles the request when it is one of these pages; returns false otherwise. */
  return async function handle(req, res, path) {
    const activate = /^\/activate\/([A-Za-z0-9_-]{8,100})$/.exec(path);
    if (activate && (req.method === 'GET' || req.method === 'POST')) {
      await activation(req, res, activate[1], pickLanguage(req.headers['accept-language']));
      return true;
    }
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|password|confirm|abort))?$/.exec(
      path,
    );
    if (!match) return false;
    const [, uid, action] = match;
    if (
      (action === undefined) !== (req.method === 'GET') ||
      !['GET', 'POST'].includes(req.method)
    ) {
      res.writeHead(405, { Allow: action ? 'POST' : 'GET' }).end();
      return true;
    }
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      details = undefined;
    }
    const lang = pickLanguage(req.headers['accept-language'], details?.params.ui_locales);
    if (!details || details.uid !== uid) {
      const t = messages(lang);
      send(res, 400, lang, messagePage({ lang, title: t.errorTitle, text: t.errorText }));
      return true;
    }
    if (action === undefined) {
      const pendingAccount = pendingPassword.get(uid);
      if (pendingAccount !== undefined) {
        const email = hub.accountById(pendingAccount)?.email;
        const formAction = `${hub.mountPath}/interaction/${uid}/password`;
        send(res, 200, lang, passwordPage({ lang, mode: 'temporary', email, action: formAction }));
      } else {
        await showInteraction(req, res, details, lang);
      }
    } else if (action === 'login') await login(req, res, details, lang);
    else if (action === 'password') await newPassword(req, res, details, lang);
    else if (action === 'confirm') await confirm(req, res, details);
    else await abort(req, res);
    return true;
  };
}
