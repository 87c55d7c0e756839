/**
 * The Hub's mutable state (accounts, credentials, consents, the signing key) in one JSON data
 * file. Every change is read-modify-write of the newest file, written atomically (temp file +
 * rename), so the admin CLI in another process and a running Hub never see half a file.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';
import { HubConfigError } from './config.mjs';

const scryptAsync = promisify(scrypt);
const SCRYPT = { N: 16384, r: 8, p: 1 };
const ACTIVATION_DAYS = 14;

/** @param {string} password @returns {Promise<string>} `scrypt$N$r$p$salt$hash` */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFC'), salt, 32, SCRYPT);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    hash.toString('base64'),
  ].join('$');
}

// Unknown users are checked against this, so a wrong e-mail costs as much time as a wrong password.
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

/** @param {string} password @param {string | null | undefined} stored */
export async function verifyPassword(password, stored) {
  const [kind, N, r, p, salt, hash] = (stored || DUMMY_HASH).split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(
    String(password).normalize('NFC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: Number(N),
      r: Number(r),
      p: Number(p),
    },
  );
  return Boolean(stored) && timingSafeEqual(actual, expected);
}

export const newSecret = () => randomBytes(24).toString('base64url');
export const secretHash = (secret) => createHash('sha256').update(String(secret)).digest('hex');

/** A readable temporary password, e.g. "Tijdelijk-7KQ4-29XM". */
export function temporaryPassword() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(8);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `Tijdelijk-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** When an invitation made now (activation link, temporary password) stops working. */
export const invitationExpiry = (now = Date.now()) =>
  new Date(now + ACTIVATION_DAYS * 86400_000).toISOString();

/** An activation (or password reset) link secret and what the state keeps of it. */
export function newActivation(token = newSecret(), now = Date.now()) {
  return {
    token,
    record: {
      tokenHash: secretHash(token),
      expiresAt: invitationExpiry(now),
    },
  };
}

/** The state of a fresh Hub, made from the seed's accounts. */
async function initialState(dossier) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: newSecret().slice(0, 12),
    alg: 'RS256',
    use: 'sig',
  };
  const accounts = [];
  for (const seed of dossier.accounts) {
    const contact = dossier.contacts.find((c) => c.id === seed.contactIds[0]);
    if (!contact)
      throw new HubConfigError(
        `seed account ${seed.email} links to unknown contact ${seed.contactIds[0]}`,
      );
    const password = seed.password ?? seed.temporaryPassword;
    accounts.push({
      ...newAccount({
        id: seed.id,
        contact,
        email: seed.email,
        permissions: seed.permissions,
        extra: seed.extra,
      }),
      contactIds: seed.contactIds,
      passwordHash: password ? await hashPassword(password) : null,
      mustChangePassword: !seed.password,
      temporaryPasswordExpiresAt: seed.password ? null : invitationExpiry(),
      activation: seed.activationToken ? newActivation(seed.activationToken).record : null,
      activatedAt: seed.password ? '2025-01-01T09:00:00.000Z' : null,
    });
  }
  return { version: 1, signingKey, accounts };
}

/** A new account record for a contact; credentials are set by the caller. */
export function newAccount({ id, contact, email, permissions, extra }) {
  return {
    id,
    contactIds: [contact.id],
    email,
    firstName: contact.firstName,
    middleName: contact.middleName,
    lastName: contact.lastName,
    groupIds: ['101'],
    permissions: permissions ?? ['account.read', 'contract.read', 'document.read'],
    extra: extra ?? {},
    passwordHash: null,
    mustChangePassword: true,
    temporaryPasswordExpiresAt: null,
    activation: null,
    activatedAt: null,
    createdAt: new Date().toISOString(),
    revoked: false,
    revokedAt: null,
    // Bumped when access is revoked: tokens carrying an older generation are dead.
    tokenGeneration: 1,
    consents: {},
  };
}

export class StateFile {
  /** @param {string} file */
  constructor(file) {
    this.file = file;
  }

  /** Creates the data file from the seed when it does not exist yet. */
  async ensure(dossier) {
    if (existsSync(this.file)) return this.read();
    const state = await initialState(dossier);
    if (!existsSync(this.file)) this.write(state);
    return this.read();
  }

  async reset(dossier) {
    this.write(await initialState(dossier));
  }

  read() {
    let state;
    try {
      state = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      throw new HubConfigError(`data file ${this.file} is not readable JSON (${error.message})`);
    }
    if (state?.version !== 1 || !Array.isArray(state.accounts) || !state.signingKey) {
      throw new HubConfigError(
        `data file ${this.file} is not a Hub data file (delete it to start afresh)`,
      );
    }
    return state;
  }

  write(state) {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
  }

  /** Applies `change` to the newest state and writes it; returns what `change` returns. */
  update(change) {
    const state = this.read();
    const result = change(state);
    this.write(state);
    return result;
  }

  /** Identifies the file's current version: a rename gives a new inode even within one mtime tick. */
  stamp() {
    const { ino, mtimeMs, size } = statSync(this.file);
    return `${ino}:${mtimeMs}:${size}`;
  }
}

/** Case-insensitive account lookup by e-mail (the username). */
export function findByEmail(state, email) {
  const wanted = String(email ?? '')
    .trim()
    .toLowerCase();
  return state.accounts.find((account) => account.email.toLowerCase() === wanted);
}
