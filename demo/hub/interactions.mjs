/**
 * The Hub's own pages around oidc-provider: login, a forced new password after a temporary
 * one, consent, and activation links. Plain HTML forms; every POST is tied to the provider's
 * interaction cookie or to the secret in the activation link.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { requestPasswordReset, retireLink } from './admin.mjs';
import {
  brandingOf,
  brokerOf,
  brokerOfWebsite,
  loadStaff,
  organizationOfAccount,
  signInUrl,
} from './brokers.mjs';
import {
  consentPage,
  forgotPage,
  layout,
  loginPage,
  messagePage,
  messages,
  pageCsp,
  passwordPage,
  passwordProblem,
  pickLanguage,
  reachText,
} from './pages.mjs';
import { findByEmail, hashPassword, secretHash, verifyPassword } from './state.mjs';
import { API_SCOPE } from './provider.mjs';

const MAX_FORM_BYTES = 8 * 1024;

/**
 * Reads a small urlencoded form body (the Hub's pages and the broker console).
 * @returns {Promise<Record<string, string>>}
 */
export async function readForm(req) {
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
  const staff = loadStaff(hub.staffFile);
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

  const send = (res, status, lang, { title, body, script }, brand) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp(hub.origins, { script }),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(layout({ lang, title, body, assetsBase: hub.assetsPath, brand, script }));
  };

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
    const brand = brandingOf(hub, params.client_id);
    const name = brand?.name ?? params.client_id;
    if (prompt.name === 'login') {
      const page = loginPage({
        lang,
        clientName: name,
        action: `${base}/login`,
        abortAction: `${base}/abort`,
        forgotHref: `${base}/forgot`,
        email: email ?? params.login_hint ?? '',
        error,
      });
      return send(res, error ? 401 : 200, lang, page, brand);
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
        origin: new URL(params.redirect_uri).origin,
        broker: brokerOfWebsite(hub.dossier, staff, params.client_id),
        email: account?.email ?? '',
        items,
        action: `${base}/confirm`,
        denyAction: `${base}/abort`,
      });
      return send(res, 200, lang, page, brand);
    }
    const t = messages(lang);
    return send(res, 400, lang, messagePage({ lang, title: t.errorTitle, text: t.errorText }));
  }

  /**
   * *Wachtwoord vergeten?* inside a sign-in: the same throttle as a login (every request counts),
   * and the same answer whether or not the address has an account.
   */
  async function forgot(req, res, details, lang) {
    const base = `${hub.mountPath}/interaction/${details.uid}`;
    const clientId = details.params.client_id;
    const brand = brandingOf(hub, clientId);
    const page = (extra) =>
      forgotPage({ lang, action: `${base}/forgot`, backHref: base, email: '', ...extra });
    if (req.method === 'GET') return send(res, 200, lang, page(), brand);
    const form = await readForm(req);
    const email = String(form.email ?? '').trim();
    const ip = req.socket.remoteAddress ?? 'unknown';
    // Every request counts as a failed login would, so the form cannot probe addresses faster.
    const attempt = hub.throttle.attempt(email, ip);
    if (attempt.locked)
      return send(res, 429, lang, page({ email, error: messages(lang).lockedOut }), brand);
    if (attempt.delayMs) await sleep(attempt.delayMs);
    hub.throttle.failed(attempt);
    if (email) {
      await requestPasswordReset({
        email,
        clientId,
        lang,
        dataFile: hub.dataFile,
        seedFile: hub.seedFile,
        staffFile: hub.staffFile,
        issuer: hub.issuer,
      });
    }
    return send(res, 200, lang, page({ sentTo: email }), brand);
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
        brandingOf(hub, details.params.client_id),
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
      // A link works once: its page says so afterwards, with a way to sign in.
      retireLink(found, found.activation, 'used');
      retireLink(found, found.reset, 'used');
      Object.assign(found, {
        passwordHash,
        mustChangePassword: false,
        temporaryPasswordExpiresAt: null,
        activation: null,
        reset: null,
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
      const page = passwordPage({ lang, mode: 'temporary', email, action, error });
      return send(res, 400, lang, page, brandingOf(hub, details.params.client_id));
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

  /** Finds the account of a link secret: live, or dead (used, replaced, expired) with why. */
  function linkOwner(token) {
    const hash = secretHash(token);
    for (const account of hub.state.accounts) {
      for (const [mode, record] of [
        ['activate', account.activation],
        ['reset', account.reset],
      ]) {
        if (record?.tokenHash !== hash) continue;
        if (account.revoked) return { account, record, dead: 'revoked' };
        if (Date.parse(record.expiresAt) <= Date.now()) return { account, record, dead: 'expired' };
        // A new activation link for an account that is already active sets a new password.
        return { account, record, mode: account.activatedAt ? 'reset' : mode };
      }
      const dead = account.deadLinks?.find((link) => link.tokenHash === hash);
      if (dead) return { account, dead: dead.reason };
    }
    return undefined;
  }

  /** The website a link belongs to: the one it was sent for, else the broker's. */
  function websiteOf(account, record) {
    if (record?.clientId) return record.clientId;
    const organizationId = organizationOfAccount(hub.dossier, account);
    return staff.brokers.find((b) => String(b.organizationId) === String(organizationId))?.website;
  }

  const DEAD_TEXT = {
    used: 'linkUsedText',
    replaced: 'linkReplacedText',
    expired: 'linkExpiredText',
  };

  /** A link that no longer works: why, a way to sign in, and whom to ask. */
  function deadLinkPage(res, lang, found) {
    const t = messages(lang);
    if (!found) {
      const page = messagePage({ lang, title: t.linkInvalidTitle, text: t.linkInvalidText });
      return send(res, 404, lang, page);
    }
    const clientId = websiteOf(found.account, found.record);
    const brand = brandingOf(hub, clientId);
    const broker = brokerOf(hub.dossier, staff, organizationOfAccount(hub.dossier, found.account));
    const brokerName = broker?.name ?? brand?.name;
    if (found.dead === 'revoked') {
      const text = t.accessRevokedText(brokerName, reachText(lang, broker));
      return send(res, 404, lang, messagePage({ lang, title: t.linkInvalidTitle, text }), brand);
    }
    const signIn = brand && signInUrl(hub, clientId);
    const page = messagePage({
      lang,
      title: t.linkInvalidTitle,
      text: t[DEAD_TEXT[found.dead]],
      link: signIn,
      linkText: signIn && t.signInAt(brand.name),
      note: brokerName
        ? t.linkAskAdviser(brokerName, reachText(lang, broker))
        : t.linkAskAnyAdviser,
    });
    return send(res, 404, lang, page, brand);
  }

  /** An activation or password reset link: the new-password form, then a way to sign in. */
  async function passwordLink(req, res, kind, token, lang) {
    const t = messages(lang);
    const found = linkOwner(token);
    if (!found?.mode) {
      if (req.method === 'POST') await readForm(req);
      return deadLinkPage(res, lang, found);
    }
    const { account, record, mode } = found;
    const clientId = websiteOf(account, record);
    const brand = brandingOf(hub, clientId);
    const query = lang === 'en' ? '?ui_locales=en' : '';
    const action = `${hub.mountPath}/${kind}/${encodeURIComponent(token)}${query}`;
    if (req.method !== 'POST') {
      return send(
        res,
        200,
        lang,
        passwordPage({ lang, mode, email: account.email, action }),
        brand,
      );
    }
    const { error } = await setPassword(lang, account.id, await readForm(req));
    if (error) {
      const page = passwordPage({ lang, mode, email: account.email, action, error });
      return send(res, 400, lang, page, brand);
    }
    const signIn = brand && signInUrl(hub, clientId);
    const page = messagePage({
      lang,
      title: mode === 'activate' ? t.activatedTitle : t.passwordSavedTitle,
      text: mode === 'activate' ? t.activatedText : t.passwordSavedText,
      link: signIn,
      linkText: signIn && t.signInAt(brand.name),
    });
    return send(res, 200, lang, page, brand);
  }

  /** Handles the request when it is one of these pages; returns false otherwise. */
  return async function handle(req, res, path) {
    const link = /^\/(activate|reset)\/([A-Za-z0-9_-]{8,100})$/.exec(path);
    if (link && (req.method === 'GET' || req.method === 'POST')) {
      const uiLocales = new URL(req.url, 'http://hub').searchParams.get('ui_locales');
      const lang = pickLanguage(req.headers['accept-language'], uiLocales);
      await passwordLink(req, res, link[1], link[2], lang);
      return true;
    }
    const match =
      /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|password|confirm|abort|forgot))?$/.exec(path);
    if (!match) return false;
    const [, uid, action] = match;
    const allowed = action === 'forgot' ? ['GET', 'POST'] : [action ? 'POST' : 'GET'];
    if (!allowed.includes(req.method)) {
      res.writeHead(405, { Allow: allowed.join(', ') }).end();
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
        const page = passwordPage({ lang, mode: 'temporary', email, action: formAction });
        send(res, 200, lang, page, brandingOf(hub, details.params.client_id));
      } else {
        await showInteraction(req, res, details, lang);
      }
    } else if (action === 'login') await login(req, res, details, lang);
    else if (action === 'password') await newPassword(req, res, details, lang);
    else if (action === 'confirm') await confirm(req, res, details);
    else if (action === 'forgot') await forgot(req, res, details, lang);
    else await abort(req, res);
    return true;
  };
}
