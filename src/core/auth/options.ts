/** What the page runtime gives a session: how to leave the page, timing, and hooks for its data. */

export interface AuthOptions {
  /** Opens a Hub page or the return address (`fields`: as a POST form); `openPage` unless a test drives it. */
  navigate: (url: string, fields?: Record<string, string>) => void;
  /** Renew this many seconds before the access token expires (at most a quarter of its lifetime). */
  renewBeforeSeconds: number;
  /** How long a fresh tab without a session waits for a peer tab's session. */
  peerWaitMs: number;
  /** How long a renewal waits for another tab's renewal lock before renewing without it. */
  lockWaitMs?: number;
}

export interface AuthHooks {
  /** The customer signed out or another customer signed in: drop cached data, abort requests. */
  reset(): void;
  /** The session's state changed. */
  changed(): void;
}
