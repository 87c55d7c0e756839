/**
 * Every `anva-*` event and its detail, declared once. No detail ever carries a
 * token: profiles are reduced to name and e-mail before they get here.
 */
import type { AnvaError, AnvaErrorDetail } from './errors.js';
import type { AnvaProfile, Contract, SignOutReason } from './types.js';

export interface AnvaSignedInDetail {
  profile: AnvaProfile;
}

export interface AnvaSignedOutDetail {
  reason: SignOutReason;
}

export interface AnvaContractSelectDetail {
  id: string;
  contract?: Contract;
}

export interface AnvaEventDetailMap {
  'anva-signed-in': AnvaSignedInDetail;
  'anva-signed-out': AnvaSignedOutDetail;
  'anva-contract-select': AnvaContractSelectDetail;
  'anva-error': AnvaErrorDetail;
}

export type AnvaEventName = keyof AnvaEventDetailMap;

declare global {
  interface GlobalEventHandlersEventMap {
    'anva-signed-in': CustomEvent<AnvaSignedInDetail>;
    'anva-signed-out': CustomEvent<AnvaSignedOutDetail>;
    'anva-contract-select': CustomEvent<AnvaContractSelectDetail>;
    'anva-error': CustomEvent<AnvaErrorDetail>;
  }
}

/**
 * Dispatches an `anva-*` event that bubbles and crosses shadow boundaries.
 * Returns false when a cancelable event was cancelled.
 */
export function emit<K extends AnvaEventName>(
  target: EventTarget,
  type: K,
  detail: AnvaEventDetailMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, ...options }),
  );
}

let owner: Element | undefined;

/**
 * Where page-wide session events go: the `<anva-hub>` element that owns the
 * configuration (the registry says which), else `document`.
 */
export function sessionEventTarget(): EventTarget {
  return owner?.isConnected ? owner : document;
}

/** The registry names the element that owns the configuration (`undefined`: `configure()`). */
export function setSessionEventTarget(element: Element | undefined): void {
  owner = element;
}

/**
 * Tells the web team (console) and the page (`anva-error`, once) about a
 * page-wide problem. Messages never contain tokens.
 */
export function report(error: AnvaError, target: EventTarget = sessionEventTarget()): void {
  console.error(`[anva-widgets] ${error.code}: ${error.message}`);
  emit(target, 'anva-error', error.toDetail());
}
