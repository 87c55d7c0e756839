/**
 * Coordination between tabs (and frames) of one origin that run the same
 * session: a BroadcastChannel for news, Web Locks for the one renewal at a time.
 */
import type { SignOutReason } from './types.js';

export type TabMessage =
  /** A tab without a session asks whether a peer has one. */
  | { type: 'hello' }
  /** A peer's session (its answer to `hello`, or news of a fresh sign-in). */
  | { type: 'session'; user: string }
  /** The refresh token with fingerprint `previous` was spent; this is its successor. */
  | { type: 'renewed'; previous: string; user: string }
  /** Claim to spend `previous` (only used where Web Locks are missing). */
  | { type: 'renewing'; previous: string; ticket: number }
  | { type: 'signed-out'; reason: SignOutReason };

export class TabChannel {
  private readonly channel: BroadcastChannel | undefined;

  constructor(name: string) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  }

  get available(): boolean {
    return this.channel !== undefined;
  }

  post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  listen(listener: (message: TabMessage) => void): void {
    if (!this.channel) return;
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => {
      if (event.data && typeof event.data === 'object') listener(event.data);
    };
  }

  close(): void {
    this.channel?.close();
  }
}

export function hasWebLocks(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.locks?.request === 'function';
}

/** Runs `task` while holding an origin-wide exclusive lock (Web Locks), or directly without them. */
export async function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (!hasWebLocks()) return task();
  return navigator.locks.request(name, task);
}

/** A SHA-256 fingerprint, so tabs can name a refresh token without repeating it. */
export async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest).slice(0, 16), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
