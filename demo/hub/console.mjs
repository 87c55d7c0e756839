/**
 * The broker console at /beheer: staff of a broker (Relatiebeheerder, Organisatie-beheerder)
 * sign in, search their organisation's contacts, add accounts, send new activation links,
 * revoke and restore access, and read the outbox. The actions are admin.mjs, the same code as
 * the CLI, on the same data file.
 *
 * Sessions live in this process (cookie `HttpOnly`, `SameSite=Strict`, path /beheer); every
 * POST needs the session's CSRF token and, when the browser sends one, this origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  addAccount,
  AdminError,
  contactDetails,
  listContacts,
  reissueActivation,
  restoreAccount,
  revokeAccount,
} from './admin.mjs';
import { loadStaff, sameId } from './brokers.mjs';
import {
  activityPage,
  addAccountDialog,
  consoleLayout,
  contactPage,
  contactsPage,
  mailPage,
  outboxPage,
  problemPage,
  signInPage,
} from './console-pages.mjs';
import { consoleText } from './console-text.mjs';
import { readForm } from './interactions.mjs';
import { listMail, logActivity, readActivity } from './outbox.mjs';
import { pickLanguage } from './pages.mjs';
import { hashPassword, verifyPassword } from './state.mjs';

const BASE = '/beheer';
const SESSION_COOKIE = 'hub_beheer';
const LOGIN_COOKIE = 'hub_beheer_login';
const IDLE_MS = 30 * 60_000;

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "script-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const secret = () => randomBytes(24).toString('base64url');

const sameSecret = (a, b) => {
  const x = Buffer.from(String(a ?? ''));
  const y = Buffer.from(String(b ?? ''));
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
};

function cookies(req) {
  const jar = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name) jar[name] = value.join('=');
  }
  return jar;
}

/** @param {import('./server.mjs').Hub} hub */
export function createConsole(hub) {
  const staffData = loadStaff(hub.staffFile);
  const secure = hub.issuer.startsWith('https:');
  const hubOrigin = new URL(hub.issuer).origin;
  // Staff passwords are demo values in staff.json; only their hashes are kept, made at the
  // first staff sign-in so they never compete with a customer's login at start.
  let staff;
  const staffMembers = () =>
    (staff ??= Promise.all(
      staffData.staff.map(async ({ password, ...member }) => ({
        ...member,
        passwordHash: await hashPassword(password),
        organizationName: hub.dossier.organizations.find((o) => sameId(o.id, member.organizationId))
          ?.name,
      })),
    ));
  /** @type {Map<string, { user: any, csrf: string, seen: number }>} */
  const sessions = new Map();

  const cookie = (name, value, maxAge) =>
    `${name}=${value}; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;

  const admin = (user) => ({
    dataFile: hub.dataFile,
    seedFile: hub.seedFile,
    staffFile: hub.staffFile,
    issuer: hub.issuer,
    organizationId: user.organizationId,
    actor: `${user.name} (${user.role})`,
  });

  const log = (user, action, detail = {}) => {
    hub.log(`hub: beheer: ${user.username} ${action}${detail.account ? ` ${detail.account}` : ''}`);
    logActivity(hub.dataFile, {
      actor: `${user.name} (${user.role})`,
      organizationId: user.organizationId,
      action,
      ...detail,
    });
  };

  function currentSession(req) {
    const id = cookies(req)[SESSION_COOKIE];
    const session = id && sessions.get(id);
    if (!session) return undefined;
    if (Date.now() - session.seen > IDLE_MS) {
      sessions.delete(id);
      return undefined;
    }
    session.seen = Date.now();
    return { id, ...session };
  }

  function send(res, status, lang, page, { session, current, query, dialog, headers = {} } = {}) {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      // Not no-referrer: with it, browsers send "Origin: null" on the console's own forms.
      'Referrer-Policy': 'same-origin',
      ...headers,
    });
    res.end(
      consoleLayout({
        lang,
        ...page,
        user: session?.user,
        csrf: session?.csrf,
        current,
        query,
        dialog,
      }),
    );
  }

  const redirect = (res, location, headers = {}) =>
    res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...headers }).end();

  async function signIn(req, res, lang) {
    const t = consoleText(lang);
    if (req.method === 'GET') {
      const csrf = secret();
      const notice = new URL(req.url, hubOrigin).searchParams.has('uitgelogd')
        ? t.signedOut
        : undefined;
      return send(res, 200, lang, signInPage({ lang, csrf, notice }), {
        headers: { 'Set-Cookie': cookie(LOGIN_COOKIE, csrf, 1800) },
      });
    }
    const form = await readForm(req);
    const loginCsrf = cookies(req)[LOGIN_COOKIE];
    if (!sameSecret(form.csrf, loginCsrf)) return refuseCsrf(res, lang);
    const username = String(form.username ?? '')
      .trim()
      .toLowerCase();
    const ip = req.socket.remoteAddress ?? 'unknown';
    const again = (error, status) =>
      send(res, status, lang, signInPage({ lang, csrf: loginCsrf, username, error }));
    // Counted before the password is checked, as the customers' login is.
    const attempt = hub.throttle.attempt(username, ip);
    if (attempt.locked) return again(t.lockedOut, 429);
    if (attempt.delayMs) await sleep(attempt.delayMs);
    let user;
    let valid = false;
    try {
      user = (await staffMembers()).find((member) => member.username === username);
      valid =
        Boolean(user) && (await verifyPassword(String(form.password ?? ''), user?.passwordHash));
    } finally {
      if (valid) hub.throttle.succeeded(attempt);
      else hub.throttle.failed(attempt);
    }
    if (!valid || !user) return again(t.badLogin, 401);
    // A new session id on every sign-in: a planted cookie never becomes a signed-in one.
    const id = secret();
    sessions.set(id, { user, csrf: secret(), seen: Date.now() });
    log(user, 'signed-in');
    return redirect(res, `${BASE}/relaties`, {
      'Set-Cookie': [cookie(SESSION_COOKIE, id, 8 * 3600), cookie(LOGIN_COOKIE, '', 0)],
    });
  }

  function refuseCsrf(res, lang, session) {
    const t = consoleText(lang);
    const page = problemPage({ lang, title: t.csrfTitle, text: t.csrfText });
    return send(res, 403, lang, page, { session });
  }

  const notFound = (res, lang, session) => {
    const t = consoleText(lang);
    const page = problemPage({ lang, title: t.notFoundTitle, text: t.notFoundText });
    return send(res, 404, lang, page, { session, current: 'relaties' });
  };

  /** The contact's page, or its *Account toevoegen* dialog over it. */
  async function showContact(res, lang, session, contactId, url, dialog) {
    const details = await contactDetails({ ...admin(session.user), contactId });
    const t = consoleText(lang);
    const done = url.searchParams.get('gedaan');
    const notice =
      details.account && t.done[done] ? t.done[done](details.account.email) : undefined;
    const page = contactPage({
      lang,
      details,
      csrf: session.csrf,
      page: Number(url.searchParams.get('pagina')) || 1,
      notice,
    });
    if (!dialog) return send(res, 200, lang, page, { session, current: 'relaties' });
    if (details.account) return redirect(res, `${BASE}/relaties/${encodeURIComponent(contactId)}`);
    const html = addAccountDialog({
      lang,
      details,
      csrf: session.csrf,
      email: details.contact.email ?? '',
      ...dialog,
    });
    return send(
      res,
      dialog.error ? 400 : 200,
      lang,
      { ...page, title: t.addAccount },
      {
        session,
        current: 'relaties',
        dialog: html,
      },
    );
  }

  const ACTIONS = {
    'nieuwe-link': [reissueActivation, 'link'],
    intrekken: [revokeAccount, 'revoked'],
    herstellen: [restoreAccount, 'restored'],
  };

  /** Form errors the broker can fix, in words. */
  function addError(t, error, email) {
    if (/e-mail address/.test(error.message)) return t.errors.email;
    if (/already used/.test(error.message)) return t.errors.taken(email);
    if (/already has an account/.test(error.message)) return t.errors.exists(email);
    return undefined;
  }

  async function contactAction(req, res, lang, session, contactId, action, url) {
    const href = `${BASE}/relaties/${encodeURIComponent(contactId)}`;
    if (action === 'account-toevoegen' && req.method === 'GET') {
      return showContact(res, lang, session, contactId, url, {});
    }
    if (req.method !== 'POST' || !(action === 'account-toevoegen' || ACTIONS[action])) {
      return notFound(res, lang, session);
    }
    const form = await readForm(req);
    if (!sameSecret(form.csrf, session.csrf)) return refuseCsrf(res, lang, session);
    const options = { ...admin(session.user), contactId };
    if (action === 'account-toevoegen') {
      const email = String(form.email ?? '').trim();
      const mailLang = form.lang === 'en' ? 'en' : 'nl';
      try {
        await addAccount({ ...options, email, lang: mailLang });
      } catch (error) {
        const message = error instanceof AdminError && addError(consoleText(lang), error, email);
        if (!message) throw error;
        return showContact(res, lang, session, contactId, url, { email, mailLang, error: message });
      }
      hub.log(`hub: beheer: ${session.user.username} added an account to ${contactId}`);
      return redirect(res, `${href}?gedaan=added`);
    }
    const [run, done] = ACTIONS[action];
    const result = await run(options);
    hub.log(`hub: beheer: ${session.user.username} ${action} ${result.account.email}`);
    return redirect(res, `${href}?gedaan=${done}`);
  }

  async function handle(req, res, path, url) {
    const lang = pickLanguage(req.headers['accept-language'], url.searchParams.get('ui_locales'));
    // A form from another site never reaches an action, whatever cookies it carries.
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin && origin !== hubOrigin) return refuseCsrf(res, lang);
    if (!['GET', 'HEAD', 'POST'].includes(req.method)) {
      res.writeHead(405, { Allow: 'GET, POST' }).end();
      return;
    }
    const inner = path.slice(BASE.length) || '/';
    if (inner === '/inloggen') return signIn(req, res, lang);
    const session = currentSession(req);
    if (!session) return redirect(res, `${BASE}/inloggen`);
    const { user } = session;
    if (inner === '/uitloggen' && req.method === 'POST') {
      const form = await readForm(req);
      if (!sameSecret(form.csrf, session.csrf)) return refuseCsrf(res, lang, session);
      sessions.delete(session.id);
      log(user, 'signed-out');
      return redirect(res, `${BASE}/inloggen?uitgelogd`, {
        'Set-Cookie': cookie(SESSION_COOKIE, '', 0),
      });
    }
    if (inner === '/' || inner === '/relaties') {
      if (inner === '/') return redirect(res, `${BASE}/relaties`);
      const query = String(url.searchParams.get('q') ?? '').trim();
      const contacts = await listContacts({ ...admin(user), query });
      return send(res, 200, lang, contactsPage({ lang, contacts, query }), {
        session,
        current: 'relaties',
        query,
      });
    }
    const contact = /^\/relaties\/([A-Za-z0-9_-]{1,40})(?:\/([a-z-]+))?$/.exec(inner);
    if (contact) {
      const [, contactId, action] = contact;
      try {
        if (!action && req.method !== 'POST') {
          return await showContact(res, lang, session, contactId, url);
        }
        return await contactAction(req, res, lang, session, contactId, action, url);
      } catch (error) {
        // Another broker's contact is answered exactly like a missing one.
        if (error instanceof AdminError) return notFound(res, lang, session);
        throw error;
      }
    }
    if (inner === '/e-mails') {
      const mails = listMail(hub.dataFile, { organizationId: user.organizationId });
      return send(res, 200, lang, outboxPage({ lang, mails }), { session, current: 'e-mails' });
    }
    const mail = /^\/e-mails\/([A-Za-z0-9-]{1,80})$/.exec(inner);
    if (mail) {
      const found = listMail(hub.dataFile, { organizationId: user.organizationId }).find(
        (m) => m.id === mail[1],
      );
      if (!found) return notFound(res, lang, session);
      return send(res, 200, lang, mailPage({ lang, mail: found }), { session, current: 'e-mails' });
    }
    if (inner === '/activiteit') {
      if (user.role !== 'Organisatie-beheerder') {
        const t = consoleText(lang);
        const page = problemPage({ lang, title: t.forbiddenTitle, text: t.forbiddenText });
        return send(res, 403, lang, page, { session });
      }
      const entries = readActivity(hub.dataFile, { organizationId: user.organizationId });
      return send(res, 200, lang, activityPage({ lang, entries }), {
        session,
        current: 'activiteit',
      });
    }
    return notFound(res, lang, session);
  }

  handle.info = {
    url: `${hubOrigin}${BASE}`,
    logins: staffData.staff.map(({ username, password, name, role, organizationId }) => ({
      username,
      password,
      name,
      role,
      organization: hub.dossier.organizations.find((o) => sameId(o.id, organizationId))?.name,
    })),
  };
  return handle;
}
