/** Templates every widget shares: signed out, error, empty, loading, formatted values, icons. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnvaError } from '../core/errors.js';
import type { ContractStatus } from '../format/contract.js';
import type { Formatted } from '../format/format.js';
import type { BranchKind, DataWidget, Messages } from '../i18n/messages.js';
import type { SessionController } from './session-controller.js';

/** *Inloggen*, busy while the browser is on its way to the Hub. */
export function signInButton(m: Messages, session: SessionController): TemplateResult {
  const busy = session.state.status === 'signing-in';
  // A failed start is shown through the session's state, not thrown at the page.
  const signIn = () => busy || session.signIn().catch(() => undefined);
  return html`<button
    part="button sign-in"
    class="btn"
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${signIn}
  >
    ${busy ? m.signingIn : m.signIn}
  </button>`;
}

/** Why the customer is signed out, in one calm sentence. */
export function signedOutText(m: Messages, session: SessionController): string {
  const { error, signedOutReason } = session.state;
  if (error) return m.signInFailed;
  if (signedOutReason === 'revoked') return m.accessRevoked;
  if (signedOutReason === 'user') return m.signedOutNotice;
  return signedOutReason === 'expired' ? m.sessionExpired : m.signedOutText;
}

const SIGN_IN_PLACES = 'anva-login, anva-contracts, anva-contract-detail, anva-account';

/**
 * One *Inloggen* button per page: `<anva-login>` when the page has one, else
 * the first data widget in its document (or shadow root).
 */
export function ownsSignIn(host: Element): boolean {
  const root = host.getRootNode() as Document | ShadowRoot;
  if (document.querySelector('anva-login')) return false;
  return root.querySelector(SIGN_IN_PLACES) === host;
}

/** What the widget will show once signed in (or why the customer was signed out), and the one *Inloggen*. */
export function signedOutView(
  m: Messages,
  session: SessionController,
  host: Element,
  widget: DataWidget,
): TemplateResult {
  const reason = signedOutText(m, session);
  return html`<div part="signed-out" class="msg" lang=${m.locale}>
    <slot name="signed-out">
      <p>${reason === m.signedOutText ? m.signInToSee[widget] : reason}</p>
      ${ownsSignIn(host) ? signInButton(m, session) : nothing}
    </slot>
  </div>`;
}

/**
 * The customer's message for an error, *Opnieuw proberen* when retrying can
 * help. A configuration error speaks to the web team and names the attribute.
 */
export function errorView(
  m: Messages,
  error: AnvaError,
  retry: () => void,
  text = error.code === 'config' ? m.configError(error.message) : m.errors[error.code],
  extra: unknown = nothing,
): TemplateResult {
  return html`<div part="error" class="msg" role="alert" lang=${m.locale}>
    <p>${text}</p>
    ${
      error.retryable
        ? html`<button part="button retry" class="btn quiet" @click=${retry}>${m.retry}</button>`
        : nothing
    }
    ${extra}
  </div>`;
}

export function emptyView(m: Messages, text: string): TemplateResult {
  return html`<div part="empty" class="msg" lang=${m.locale}>
    <slot name="empty"><p>${text}</p></slot>
  </div>`;
}

/**
 * A placeholder of the final layout's size; screen readers hear only "loading". With
 * `holdsPlace`, another view's exact room, invisible and inert, while the session is read.
 */
export function skeletonView(
  m: Messages,
  shape: unknown,
  { holdsPlace = false } = {},
): TemplateResult {
  return html`<div part="skeleton" class=${holdsPlace ? 'pending' : 'skeleton'} lang=${m.locale}>
    <span class="vh" role="status">${m.loading}</span>
    <div aria-hidden="true" ?inert=${holdsPlace}>${shape}</div>
  </div>`;
}

/** A status badge: a coloured dot by tone, the meaning in words. */
export function statusBadge({ key, text }: ContractStatus): TemplateResult {
  return html`<span part="status" class="badge" data-tone=${key ?? 'other'}>${text}</span>`;
}

/** One label/value pair of a `<dl>`. */
export function fieldView(label: string, value: unknown): TemplateResult {
  return html`<div part="field">
    <dt part="label">${label}</dt>
    <dd part="value">${value}</dd>
  </div>`;
}

/** A formatted value as text nodes: lists and nested objects as `<ul>` / `<dl>`. */
export function formattedView(value: Formatted): unknown {
  if (typeof value === 'string') return value;
  if ('items' in value)
    return html`<ul part="list">
      ${value.items.map((item) => html`<li>${formattedView(item)}</li>`)}
    </ul>`;
  return html`<dl part="fields">
    ${value.entries.map(([label, item]) => fieldView(label, formattedView(item)))}
  </dl>`;
}

const ICONS: Record<BranchKind, string> = {
  car: 'M2.5 14.5v-3l3-1L8 7h7l3.5 3.5 3 .9v3.1zM4.5 15a2 2 0 1 0 4 0 2 2 0 1 0-4 0M15.5 15a2 2 0 1 0 4 0 2 2 0 1 0-4 0',
  home: 'M4 11l8-7 8 7v9H4zM10 20v-6h4v6',
  contents: 'M5 11V8a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v3M3 11h18v6H3zM5 17v2M19 17v2',
  travel: 'M4 8h16v11H4zM9 8V5h6v3M9 8v11M15 8v11',
  liability: 'M12 3l7 3v6c0 4.5-3 7.5-7 9-4-1.5-7-4.5-7-9V6zM9 12l2 2 4-4',
  legal: 'M12 4v16M8 20h8M5 7h14M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z',
  health: 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10zM12 9v5M9.5 11.5h5',
  life: 'M12 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM5 20a7 7 0 0 1 14 0',
  accident: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  bike: 'M3 16a3 3 0 1 0 6 0 3 3 0 1 0-6 0M15 16a3 3 0 1 0 6 0 3 3 0 1 0-6 0M6 16l3-6h7l2 6M9 10l3 6h3M8 7h3',
  other: 'M3 12a9 9 0 0 1 18 0zM12 12v6a2 2 0 0 1-4 0M12 3v0',
};

/** A branch icon with its text alternative (the path is inside `<svg>`, so it needs no `svg` template). */
export function branchIcon(kind: BranchKind, label: string): TemplateResult {
  return html`<span part="icon" class="icon" role="img" aria-label=${label} title=${label}
    ><svg viewBox="0 0 24 24" aria-hidden="true"><path d=${ICONS[kind]}></path></svg
  ></span>`;
}
