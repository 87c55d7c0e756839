/**
 * Broker-side administration of the local Hub, the *Account toevoegen* flow of ANVA Hub: works
 * on the data file only, so it reaches a Hub running in another process. Never sends e-mail:
 * links and temporary passwords are returned for the caller to pass on.
 */
import { DEFAULT_DATA_FILE, DEFAULT_PORT } from './config.mjs';
import { DEFAULT_SEED_FILE, loadDossier } from './dossier.mjs';
import {
  findByEmail,
  hashPassword,
  newAccount,
  newActivation,
  StateFile,
  temporaryPassword,
} from './state.mjs';

/** A refused admin command; the message says why. */
export class AdminError extends Error {
  name = 'AdminError';
}

/**
 * @typedef {object} AdminOptions
 * @property {string} [dataFile]
 * @property {string} [seedFile]
 * @property {string} [issuer] for the activation links it prints
 */

async function open({ dataFile = DEFAULT_DATA_FILE, seedFile = DEFAULT_SEED_FILE } = {}) {
  const dossier = loadDossier(seedFile);
  const file = new StateFile(dataFile);
  await file.ensure(dossier);
  return { dossier, file };
}

const activationUrl = (issuer = `http://localhost:${DEFAULT_PORT}/identity`, token) =>
  `${issuer.replace(/\/$/, '')}/activate/${token}`;

export const accountStatus = (account) =>
  account.revoked ? 'revoked' : account.activatedAt ? 'active' : 'invited';

const fullName = (person) =>
  [person.firstName, person.middleName, person.lastName].filter(Boolean).join(' ');

const summary = (account) => ({
  id: account.id,
  email: account.email,
  name: fullName(account),
  status: accountStatus(account),
});

function requireAccount(state, email) {
  const account = findByEmail(state, email);
  if (!account) throw new AdminError(`there is no account with username ${email}`);
  return account;
}

/** Every contact with its organisation, dossier number and account (if any). */
export async function listContacts(options = {}) {
  const { dossier, file } = await open(options);
  const state = file.read();
  return dossier.contacts.map((contact) => {
    const account = state.accounts.find((a) => a.contactIds.includes(contact.id));
    return {
      id: contact.id,
      name: fullName(contact),
      organization: dossier.organizations.find(
        (o) => String(o.id) === String(contact.organizationId),
      )?.name,
      dossierNumber: contact.dossierNumber,
      email: contact.email,
      account: account ? summary(account) : null,
    };
  });
}

/**
 * Adds an account to a contact that has none. Username = the e-mail; the account gets a
 * temporary password (first login forces a new one) and an activation link.
 * @param {AdminOptions & { contactId: string, email?: string }} options
 */
export async function addAccount({ contactId, email, ...options }) {
  const { dossier, file } = await open(options);
  const contact = dossier.contacts.find((c) => c.id === contactId);
  if (!contact)
    throw new AdminError(`there is no contact ${contactId} (see: npm run hub -- contacts)`);
  const username = String(email ?? contact.email ?? '')
    .trim()
    .toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(username)) {
    throw new AdminError(`give the customer's e-mail address with --email (got "${email ?? ''}")`);
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const activation = newActivation();
  const account = file.update((state) => {
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
      }),
      passwordHash,
      temporaryPasswordExpiresAt: activation.record.expiresAt,
      activation: activation.record,
    };
    state.accounts.push(created);
    return created;
  });
  return {
    account: summary(account),
    temporaryPassword: password,
    activationUrl: activationUrl(options.issuer, activation.token),
  };
}

/** A new activation (password reset) link; the previous link stops working. */
export async function reissueActivation({ email, ...options }) {
  const { file } = await open(options);
  const activation = newActivation();
  const account = file.update((state) => {
    const found = requireAccount(state, email);
    found.activation = activation.record;
    return found;
  });
  return {
    account: summary(account),
    activationUrl: activationUrl(options.issuer, activation.token),
  };
}

/**
 * Withdraws access: the account cannot sign in, and every session, access and refresh token it
 * has stops working on the next request, also in a Hub running in another process.
 */
export async function revokeAccount({ email, ...options }) {
  const { file } = await open(options);
  const account = file.update((state) => {
    const found = requireAccount(state, email);
    found.revoked = true;
    found.revokedAt = new Date().toISOString();
    found.tokenGeneration += 1;
    return found;
  });
  return { account: summary(account) };
}

/** Gives access back; tokens from before the revocation stay dead. */
export async function restoreAccount({ email, ...options }) {
  const { file } = await open(options);
  const account = file.update((state) => {
    const found = requireAccount(state, email);
    found.revoked = false;
    return found;
  });
  return { account: summary(account) };
}

/** Starts afresh from the seed (new signing key, seed accounts, no consents). */
export async function resetData({
  dataFile = DEFAULT_DATA_FILE,
  seedFile = DEFAULT_SEED_FILE,
} = {}) {
  await new StateFile(dataFile).reset(loadDossier(seedFile));
}
