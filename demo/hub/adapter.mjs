/**
 * In-memory storage for oidc-provider (sessions, grants, codes, refresh tokens), one per Hub
 * instance. Unlike the provider's shared built-in one it can drop everything of one account at
 * once, which is how a revocation reaches refresh tokens and sessions immediately.
 */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

export function createAdapterStore() {
  /** @type {Map<string, { payload: any, expiresAt: number }>} */
  const entries = new Map();
  const byGrant = new Map();
  const byUid = new Map();

  const live = (key) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  class Adapter {
    constructor(model) {
      this.model = model;
    }

    key(id) {
      return `${this.model}:${id}`;
    }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      entries.set(key, { payload, expiresAt: Date.now() + (expiresIn ?? 3600) * 1000 });
      if (this.model === 'Session') byUid.set(payload.uid, id);
      if (GRANTABLE.has(this.model) && payload.grantId) {
        if (!byGrant.has(payload.grantId)) byGrant.set(payload.grantId, new Set());
        byGrant.get(payload.grantId).add(key);
      }
    }

    async find(id) {
      return live(this.key(id));
    }

    async findByUid(uid) {
      const id = byUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode() {
      return undefined;
    }

    async consume(id) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id) {
      entries.delete(this.key(id));
    }

    async revokeByGrantId(grantId) {
      for (const key of byGrant.get(grantId) ?? []) entries.delete(key);
      byGrant.delete(grantId);
    }
  }

  /** Removes every session, grant and token that belongs to the account. */
  function purgeAccount(accountId) {
    const id = String(accountId);
    for (const [key, { payload }] of entries) {
      // A sign-in in progress carries no token; it may be the one that just set a new password.
      if (key.startsWith('Interaction:')) continue;
      const owner = payload.accountId ?? payload.session?.accountId;
      if (owner !== undefined && String(owner) === id) {
        entries.delete(key);
        if (key.startsWith('Grant:')) {
          for (const tokenKey of byGrant.get(payload.jti) ?? []) entries.delete(tokenKey);
        }
      }
    }
  }

  return { Adapter, purgeAccount };
}
