/**
 * Slows down password guessing: failed logins are counted per account (the e-mail typed, known
 * or not) and per client IP. From `delayAfter` failures on, every further attempt waits longer
 * (doubling, capped); from `lockAfter` failures the key is locked for `lockMs`.
 */

/**
 * @typedef {object} ThrottleOptions
 * @property {number} windowMs how long a failure counts
 * @property {number} delayAfter failures before attempts are delayed
 * @property {number} baseDelayMs first delay, doubled per further failure
 * @property {number} maxDelayMs cap of one delay
 * @property {number} lockAfter failures per account before a temporary lock
 * @property {number} ipLockAfter failures per IP before a temporary lock
 * @property {number} lockMs length of a lock
 */

/** @type {ThrottleOptions} */
export const DEFAULT_THROTTLE = {
  windowMs: 15 * 60_000,
  delayAfter: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  lockAfter: 10,
  ipLockAfter: 50,
  lockMs: 5 * 60_000,
};

/** @param {Partial<ThrottleOptions>} options */
export function createThrottle(options = {}) {
  const config = { ...DEFAULT_THROTTLE, ...options };
  /** @type {Map<string, { failures: number[], lockedUntil: number }>} */
  const records = new Map();

  const record = (key) => {
    const now = Date.now();
    let entry = records.get(key);
    if (!entry) records.set(key, (entry = { failures: [], lockedUntil: 0 }));
    entry.failures = entry.failures.filter((at) => now - at < config.windowMs);
    return entry;
  };

  const keys = (email, ip) => [
    { key: `account:${String(email).trim().toLowerCase()}`, lockAfter: config.lockAfter },
    { key: `ip:${ip}`, lockAfter: config.ipLockAfter },
  ];

  return {
    config,

    /** What to do before checking a password: wait `delayMs`, or refuse while `locked`. */
    check(email, ip) {
      let delayMs = 0;
      let locked = false;
      for (const { key } of keys(email, ip)) {
        const entry = record(key);
        if (entry.lockedUntil > Date.now()) locked = true;
        const over = entry.failures.length - config.delayAfter;
        if (over >= 0)
          delayMs = Math.max(delayMs, Math.min(config.baseDelayMs * 2 ** over, config.maxDelayMs));
      }
      return { delayMs, locked };
    },

    failed(email, ip) {
      for (const { key, lockAfter } of keys(email, ip)) {
        const entry = record(key);
        entry.failures.push(Date.now());
        if (entry.failures.length >= lockAfter) {
          entry.lockedUntil = Date.now() + config.lockMs;
          entry.failures = [];
        }
      }
    },

    /** A correct login clears the account's count; the IP's count only ages out. */
    succeeded(email) {
      records.delete(`account:${String(email).trim().toLowerCase()}`);
    },
  };
}
