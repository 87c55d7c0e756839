/**
 * What travels on the tab channel between tabs (and frames) of one origin that
 * run the same session. Any script of the origin can read and write it, so what
 * travels here is decided in `tab-protocol.ts`.
 */
import type { SignOutReason } from '../types.js';
import type { PeerTokens } from './tokens.js';

export type TabMessage =
  /** Asks the tabs for their session (`previous`: only the successor of that refresh token). */
  | { type: 'ask'; id: string; previous?: string }
  /** A session, only ever in answer to the request `to`. */
  | { type: 'answer'; to: string; tokens: PeerTokens }
  /**
   * News: a tab has new tokens. From a sign-in, signed-out tabs may ask for them; with
   * `previous`, the refresh token with that fingerprint was spent and its holders may ask for the successor.
   */
  | { type: 'new-session'; previous?: string }
  /** Claim to spend `previous` (only used where Web Locks are missing or stuck). */
  | { type: 'renewing'; previous: string; ticket: number }
  | { type: 'signed-out'; reason: SignOutReason };
