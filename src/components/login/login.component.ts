import { html, nothing } from 'lit';
import type { Account } from '../../core/types.js';
import { fullName } from '../../format/names.js';
import type { Messages } from '../../i18n/messages.js';
import { DataController, type WidgetState } from '../../shared/data-controller.js';
import { AnvaElement } from '../../shared/anva-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { SessionController } from '../../shared/session-controller.js';
import { errorView, signedOutText, signInButton, skeletonView } from '../../shared/views.js';
import { styles } from './login.styles.js';

/**
 * Signs the customer in on ANVA Hub's own login page and out again. Never
 * renders a password field: the password is typed on the Hub only.
 *
 * @summary *Inloggen* when signed out; the customer's name and *Uitloggen* when signed in.
 *
 * @attr lang - Language of this widget (`nl` or `en`); without it `<anva-hub lang>`, then the nearest `lang` above, then `nl`.
 *
 * @csspart base - The wrapper around the name and the button.
 * @csspart button - Every button (also `sign-in`, `sign-out`, `retry`).
 * @csspart sign-in - The *Inloggen* button.
 * @csspart sign-out - The *Uitloggen* button.
 * @csspart retry - The *Opnieuw proberen* button.
 * @csspart name - The signed-in customer's name.
 * @csspart notice - Why the customer was signed out, or why signing in failed.
 * @csspart error - The configuration error for the web team.
 * @csspart skeleton - The placeholder while the session starts.
 *
 * @fires anva-error - `{ code, message, retryable }` when it shows an error (never a token).
 */
export class AnvaLogin extends AnvaElement {
  static override styles = styles;
  static override properties = {
    messages: { attribute: false },
    state: { reflect: true },
    // Internal state; `attribute: false` also keeps the manifest from listing it as an attribute.
    signingOut: { state: true, attribute: false },
  };

  private readonly session = new SessionController(this);
  private readonly locale = new LocaleController(this, this.session);
  private readonly data = new DataController<Account | undefined>(this, this.session, {
    args: () => [],
    task: (_args, { client, request }) =>
      // The name falls back to the ID token's claims when the account cannot be read.
      client.account(request).catch(() => undefined),
  });

  /** Own wording for this element, per message key (wins over `setMessages`). */
  messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready` (signed in) or `error` (configuration); read-only. */
  state: WidgetState = 'loading';

  private signingOut = false;

  private signOut(): void {
    if (this.signingOut) return;
    this.signingOut = true;
    this.session.signOut().finally(() => (this.signingOut = false));
  }

  override render() {
    const m = this.locale.messages;
    return this.data.render(m, {
      error: (error) => errorView(m, error, () => this.data.retry()),
      pending: () => skeletonView(m, html`<span class="sk btn-sk"></span>`),
      // The bar has no room for a sentence; the data widgets beside it say when it is slow.
      slowNotice: false,
      signedOut: () => {
        const text = signedOutText(m, this.session);
        // Only news is worth a line next to the button, not the standing invitation. A cancel
        // at the Hub is told here only, once per page, not by every widget.
        let notice = text === m.signedOutText ? '' : text;
        if (this.session.state.signedOutReason === 'cancelled') notice = m.signInCancelled;
        return html`<div part="base" class="bar" lang=${this.locale.lang}>
          ${signInButton(m, this.session)}
          ${notice ? html`<p part="notice" role="status">${notice}</p>` : nothing}
        </div>`;
      },
      complete: (account) => this.renderSignedIn(m, account),
    });
  }

  private renderSignedIn(m: Messages, account: Account | undefined) {
    const profile = this.session.state.profile;
    const name = fullName(account) || profile?.name || profile?.email || '';
    return html`<div part="base" class="bar" lang=${this.locale.lang}>
      ${
        name
          ? html`<span part="name" class="name"
              ><span class="vh">${m.signedInAs(name)}</span
              ><span aria-hidden="true">${name}</span></span
            >`
          : nothing
      }
      <button
        part="button sign-out"
        class="btn quiet"
        aria-disabled=${this.signingOut ? 'true' : 'false'}
        @click=${this.signOut}
      >
        ${this.signingOut ? m.signingIn : m.signOut}
      </button>
    </div>`;
  }
}
