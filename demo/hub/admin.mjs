/**
 * Broker-side administration of the local Hub, the *Account toevoegen* flow of ANVA Hub, shared
 * by the CLI and the broker console: works on the data file only, so it reaches a Hub running
 * in another process. Every e-mail goes to the outbox beside the data file, every action to
 * its activity log. With `organizationId` (a console user) only that organisation's contacts
 * exist; without it (the CLI) all of them.
 */
import {
  brokerOf,
  DEFAULT_STAFF_FILE,
  loadStaff,
  organizationOfAccount,
  sameId,
} from './brokers.mjs';
import { DEFAULT_DATA_FILE, DEFAULT_PORT } from './config.mjs';
import { contractsOf, DEFAULT_SEED_FILE, loadDossier } from './dossier.mjs';
import { composeMail, mailLanguage } from './mails.mjs';
import { logActivity, sendMail } from './outbox.mjs';
import {
  findByEmail,
  hashPassword,
  newAccount,
  newActivation,
  newSecret,
  secretHash,
  StateFile,
  temporaryPassword,
} from './state.mjs';

/** A refused admin command; the message says why. */
export class AdminError extends Error {
  name = 'AdminError';
}

const RESET_MINUTES = 60;
const DEAD_LINKS_KEPT = 5;

/**
 * @typedef {object} AdminOptions
 * @property {string} [dataFile]
 * @property {string} [seedFile]
 * @property {string} [staffFile]
 * @property {string} [issuer] for the links in the e-mails
 * @property {string | number} [organizationId] the acting broker; unset: every organisation
 * @property {string} [actor] who acts, for the activity log (default "cli")
 */

async function open({
  dataFile = DEFAULT_DATA_FILE,
  seedFile = DEFAULT_SEED_FILE,
  staffFile = DEFAULT_STAFF_FILE,
} = {}) {
  const dossier = loadDossier(seedFile);
  const file = new StateFile(dataFile);
  await file.ensure(dossier);
  return { dossier, file, dataFile, staff: loadStaff(staffFile) };
}

const issuerOf = (options) =>
  (options.issuer ?? `http://localhost:${DEFAULT_PORT}/identity`).replace(/\/$/, '');

/** The link in an e-mail; English readers get the English page. */
const linkUrl = (options, kind, token, lang) =>
  `${issuerOf(options)}/${kind}/${token}${lang === 'en' ? '?ui_locales=en' : ''}`;

export const accountStatus = (account) =>
  account.revoked ? 'revoked' : account.activatedAt ? 'active' : 'invited';

export const fullName = (person) =>
  [person.firstName, person.middleName, person.lastName].filter(Boolean).join(' ');

const summary = (account) => ({
  id: account.id,
  email: account.email,
  name: fullName(account),
  status: accountStatus(account),
});

const visible = (contact, options) =>
  contact &&
  (options.organizationId === undefined || sameId(contact.organizationId, options.organizationId));

/** A contact the acting broker may see; another broker's contact does not exist for them. */
function requireContact(dossier, contactId, options) {
  const contact = dossier.contacts.find((c) => c.id === contactId);
  if (!visible(contact, options)) {
    throw new AdminError(`there is no contact ${contactId} (see: npm run hub -- contacts)`);
  }
  return contact;
}

/** The account of `email` or of the contact `contactId`, when the acting broker may see it. */
function requireAccount(dossier, state, { email, contactId, ...options }) {
  const account =
    contactId === undefined
      ? findByEmail(state, email)
      : state.accounts.find((a) => a.contactIds.includes(contactId));
  const mayAct =
    account &&
    dossier.contacts.some((c) => account.contactIds.includes(c.id) && visible(c, options)) &&
    (contactId === undefined || visible(requireContact(dossier, contactId, options), options));
  if (!mayAct) throw new AdminError(`there is no account with username ${email ?? contactId}`);
  return account;
}

/** Marks a link secret as dead, so its page can say why it no longer works. */
export function retireLink(account, record, reason) {
  if (!record) return;
  account.deadLinks = [
    { tokenHash: record.tokenHash, reason, at: new Date().toISOString() },
    ...(account.deadLinks ?? []),
  ].slice(0, DEAD_LINKS_KEPT);
}

/** Writes one e-mail to the account holder in the broker's name. */
function mail(context, account, kind, data = {}) {
  const { dossier, staff, dataFile } = context;
  const organizationId = organizationOfAccount(dossier, account, context.organizationId);
  const broker = brokerOf(dossier, staff, organizationId);
  const lang = data.lang ?? mailLanguage(account);
  const to = { name: fullName(account), email: account.email };
  const message = composeMail(kind, lang, { broker, name: to.name, email: to.email, ...data });
  return sendMail(dataFile, { to, broker, kind, lang, ...message });
}

function log(context, action, account, detail = {}) {
  return logActivity(context.dataFile, {
    actor: context.actor ?? 'cli',
    organizationId:
      context.organizationId ?? organizationOfAccount(context.dossier, account) ?? null,
    action,
    account: account.email,
    ...detail,
  });
}

const withContext = async (options) => ({ ...options, ...(await open(options)) });

/** Every contact the acting broker may see, with organisation, dossier number and account. */
export async function listContacts({ query, ...options } = {}) {
  const { dossier, file } = await open(options);
  const state = file.read();
  const words = String(query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return dossier.contacts
    .filter((contact) => visible(contact, options))
    .map((contact) => {
      const account = state.accounts.find((a) => a.contactIds.includes(contact.id));
      return {
        id: contact.id,
        name: fullName(contact),
        organizationId: contact.organizationId,
        organization: dossier.organizations.find((o) => sameId(o.id, contact.organizationId))?.name,
        dossierNumber: contact.dossierNumber,
        email: contact.email,
        account: account ? summary(account) : null,
      };
    })
    .filter((contact) => {
      const haystack = [contact.id, contact.name, contact.dossierNumber, contact.email]
        .join(' ')
        .toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
}

/** One contact with its contracts and account, for the contact's page. */
export async function contactDetails({ contactId, ...options }) {
  const { dossier, file } = await open(options);
  const contact = requireContact(dossier, contactId, options);
  const account = file.read().accounts.find((a) => a.contactIds.includes(contact.id));
  return {
    contact: { ...contact, name: fullName(contact) },
    organization: dossier.organizations.find((o) => sameId(o.id, contact.organizationId)),
    contracts: contractsOf(dossier, { [String(contact.organizationId)]: contact.dossierNumber }),
    account: account ? { ...summary(account), lang: mailLanguage(account) } : null,
  };
}

/**
 * Adds an account to a contact that has none. Username = the e-mail; the account gets a
 * temporary password (first login forces a new one) and an activation link, each e-mailed.
 * @param {AdminOptions & { contactId: string, email?: string, lang?: 'nl' | 'en' }} options
 */
export async function addAccount({ contactId, email, lang = 'nl', ...options }) {
  const context = await withContext(options);
  const contact = requireContact(context.dossier, contactId, options);
  const username = String(email ?? contact.email ?? '')
    .trim()
    .toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(username)) {
    throw new AdminError(`give the customer's e-mail address with --email (got "${email ?? ''}")`);
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const activation = newActivation();
  const website = brokerOf(context.dossier, context.staff, contact.organizationId)?.website;
  const account = context.file.update((state) => {
    const existing = state.accounts.find((a) => a.contactIds.includes(contact.id));
    if (existing) {
      throw new AdminError(`contact ${contact.id} already has an account: ${existing.email}`);
    }
    if (findByEmail(state, username)) {
      throw new AdminError(`the username ${username} is already used by another account`);
    }
    const created = {
      ...newAccount({
        id: Math.max(5000, ...state.accounts.map((a) => Number(a.id) || 0)) + 1,
        contact,
        email: username,
        extra: { locale: lang === 'en' ? 'en-GB' : 'nl-NL' },
      }),
      passwordHash,
      temporaryPasswordExpiresAt: activation.record.expiresAt,
      activation: { ...activation.record, clientId: website },
    };
    state.accounts.push(created);
    return created;
  });
  const activationUrl = linkUrl(options, 'activate', activation.token, lang);
  const mails = [
    mail(context, account, 'invitation', {
      link: activationUrl,
      expiresAt: activation.record.expiresAt,
    }),
    mail(context, account, 'temporary-password', { password }),
  ];
  log(context, 'account-added', account, { contactId });
  return { account: summary(account), temporaryPassword: password, activationUrl, mails };
}

/**
 * A new activation link (a password reset link once the account is active), e-mailed; the
 * previous link stops working at once.
 */
export async function reissueActivation({ email, contactId, ...options }) {
  const context = await withContext(options);
  const activation = newActivation();
  const account = context.file.update((state) => {
    const found = requireAccount(context.dossier, state, { email, contactId, ...options });
    retireLink(found, found.activation, 'replaced');
    const organizationId = organizationOfAccount(context.dossier, found, options.organizationId);
    const website = brokerOf(context.dossier, context.staff, organizationId)?.website;
    found.activation = { ...activation.record, clientId: website };
    return found;
  });
  const lang = mailLanguage(account);
  const activationUrl = linkUrl(options, 'activate', activation.token, lang);
  const kind = account.activatedAt ? 'reset' : 'invitation';
  const sent = mail(context, account, kind, {
    link: activationUrl,
    expiresAt: activation.record.expiresAt,
  });
  log(context, 'link-reissued', account, { contactId });
  return { account: summary(account), activationUrl, mails: [sent] };
}

/**
 * Withdraws access: the account cannot sign in, and every session, access and refresh token it
 * has stops working on the next request, also in a Hub running in another process.
 */
export async function revokeAccount({ email, contactId, ...options }) {
  const context = await withContext(options);
  const account = context.file.update((state) => {
    const found = requireAccount(context.dossier, state, { email, contactId, ...options });
    found.revoked = true;
    found.revokedAt = new Date().toISOString();
    found.tokenGeneration += 1;
    return found;
  });
  const sent = mail(context, account, 'revoked');
  log(context, 'access-revoked', account, { contactId });
  return { account: summary(account), mails: [sent] };
}

/** Gives access back; tokens from before the revocation stay dead. */
export async function restoreAccount({ email, contactId, ...options }) {
  const context = await withContext(options);
  const account = context.file.update((state) => {
    const found = requireAccount(context.dossier, state, { email, contactId, ...options });
    found.revoked = false;
    return found;
  });
  const sent = mail(context, account, 'restored');
  log(context, 'access-restored', account, { contactId });
  return { account: summary(account), mails: [sent] };
}

/**
 * *Wachtwoord vergeten?*: e-mails a reset link when the address belongs to an account that may
 * sign in; otherwise does nothing. The caller answers the same either way. An outstanding
 * activation link stays valid: a stranger asking for a reset must not void an invitation.
 */
export async function requestPasswordReset({ email, clientId, lang, ...options }) {
  const context = await withContext(options);
  const token = newSecret();
  const record = {
    tokenHash: secretHash(token),
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000).toISOString(),
    clientId,
  };
  const account = context.file.update((state) => {
    const found = findByEmail(state, email);
    if (!found || found.revoked) return undefined;
    retireLink(found, found.reset, 'replaced');
    found.reset = record;
    return found;
  });
  if (!account) return { sent: false };
  const mailLang = lang ?? mailLanguage(account);
  // In the name of the broker whose website asked, when the customer is theirs.
  const website = context.staff.brokers.find((b) => b.website === clientId);
  const organizationId = organizationOfAccount(context.dossier, account, website?.organizationId);
  mail({ ...context, organizationId, actor: 'customer' }, account, 'reset', {
    lang: mailLang,
    link: linkUrl(options, 'reset', token, mailLang),
    expiresAt: record.expiresAt,
  });
  log({ ...context, organizationId, actor: 'customer' }, 'reset-requested', account, { clientId });
  return { sent: true };
}

/** Starts afresh from the seed (new signing key, seed accounts, no consents). */
export async function resetData({
  dataFile = DEFAULT_DATA_FILE,
  seedFile = DEFAULT_SEED_FILE,
} = {}) {
  await new StateFile(dataFile).reset(loadDossier(seedFile));
}
