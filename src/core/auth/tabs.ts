/**
 * News between tabs (and frames) of one origin that run the same session:
 * sign-out, sign-in, renewed tokens.
 */
import type { SignOutReason } from '../types.js';

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

export interface Tabs {
  /** False where BroadcastChannel is missing: then there is no one to ask or tell. */
  available: boolean;
  post(message: TabMessage): void;
  close(): void;
}

export function tabChannel(name: string, listener: (message: TabMessage) => void): Tabs {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  if (channel)
    channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      if (data && typeof data === 'object') listener(data);
    };
  return {
    available: !!channel,
    post: (message) => channel?.postMessage(message),
    close: () => channel?.close(),
  };
}
