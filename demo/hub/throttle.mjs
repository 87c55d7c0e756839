/**
 * Slows down password guessing: failed logins are counted per account (the e-mail typed, known
 * or not) and per client IP. From `delayAfter` failures on, every further attempt waits longer
 * (doubling, capped); from `lockAfter` failures the key is locked for `lockMs`.
 *
 * An attempt is counted when it starts, before its password is checked, so requests sent at
 * the same moment cannot all pass the check before the first failure is written: at most
 * `lockAfter` of them get their password checked. A success only ends its own attempt and
 * clears the account's failure count; a lock stays until it runs out. Keys with nothing left
 * to remember are dropped at once, expired ones by a sweep, so memory follows the failures of
 * the last window, not every address ever seen.
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
 * @property {number} sweepEveryMs how often expired keys are swept out
 * @property {() => number} now the clock (tests move it)
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
  sweepEveryMs: 60_000,
  now: () => Date.now(),
};

/**
 * An attempt that passed the check; hand it back to `failed` or `succeeded` exactly once.
 * @typedef {{ keys: Array<{ key: string, lockAfter: number }>, locked: false, delayMs: number }
 *   | { locked: true, delayMs: 0 }} Attempt
 */

/** @param {Partial<ThrottleOptions>} options */
export function createThrottle(options = {}) {
  const config = { ...DEFAULT_THROTTLE, ...options };
  /** @type {Map<string, { failures: number[], inFlight: number, lockedUntil: number }>} */
  const records = new Map();
  let lastSweep = config.now();

  /** The key's record with old failures aged out; undefined when there is nothing to keep. */
  const current = (key, now) => {
    const entry = records.get(key);
    if (!entry) return undefined;
    entry.failures = entry.failures.filter((at) => now - at < config.windowMs);
    if (entry.failures.length === 0 && entry.inFlight === 0 && entry.lockedUntil <= now) {
      records.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = (now) => {
    if (now - lastSweep < config.sweepEveryMs) return;
    lastSweep = now;
    for (const key of records.keys()) current(key, now);
  };

  const keys = (email, ip) => [
    { key: `account:${String(email).trim().toLowerCase()}`, lockAfter: config.lockAfter },
    { key: `ip:${ip}`, lockAfter: config.ipLockAfter },
  ];

  /** Ends an attempt on every key; `change` updates a key's record before it may be dropped. */
  const settle = (attempt, change) => {
    const now = config.now();
    for (const { key, lockAfter } of attempt.keys) {
      const entry = records.get(key);
      if (!entry) continue;
      entry.inFlight = Math.max(0, entry.inFlight - 1);
      change(entry, key, lockAfter, now);
      current(key, now);
    }
  };

  return {
    config,

    /** How many keys are remembered (for the memory bound). */
    get size() {
      return records.size;
    },

    /**
     * Starts a login attempt: refused while `locked`, else counted at once and to be awaited
     * for `delayMs` before the password is checked.
     * @returns {Attempt}
     */
    attempt(email, ip) {
      const now = config.now();
      sweep(now);
      const wanted = keys(email, ip);
      let delayMs = 0;
      for (const { key, lockAfter } of wanted) {
        const entry = current(key, now);
        if (!entry) continue;
        const counted = entry.failures.length + entry.inFlight;
        if (entry.lockedUntil > now || counted >= lockAfter) return { locked: true, delayMs: 0 };
        const over = counted - config.delayAfter;
        if (over >= 0)
          delayMs = Math.max(delayMs, Math.min(config.baseDelayMs * 2 ** over, config.maxDelayMs));
      }
      for (const { key } of wanted) {
        const entry = records.get(key) ?? { failures: [], inFlight: 0, lockedUntil: 0 };
        entry.inFlight += 1;
        records.set(key, entry);
      }
      return { keys: wanted, locked: false, delayMs };
    },

    /** The attempt's password was wrong: one more failure, and a lock from `lockAfter` on. */
    failed(attempt) {
      settle(attempt, (entry, key, lockAfter, now) => {
        entry.failures.push(now);
        if (entry.failures.length >= lockAfter) {
          entry.lockedUntil = Math.max(entry.lockedUntil, now + config.lockMs);
          entry.failures = [];
        }
      });
    },

    /** A correct login clears the account's failures (never its lock); the IP's only age out. */
    succeeded(attempt) {
      settle(attempt, (entry, key) => {
        if (key.startsWith('account:')) entry.failures = [];
      });
    },
  };
}
