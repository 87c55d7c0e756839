import { html } from 'lit';
import { permissionNames } from '../../core/permissions.js';
import type { Account, Organization, Permission } from '../../core/types.js';
import { isHttpUrl } from '../../core/urls.js';
import { fullName, normalize, own, type Formatter } from '../../format/index.js';
import type { Messages } from '../../i18n/messages.js';
import { DataController, type WidgetState } from '../../shared/data-controller.js';
import { AnvaElement } from '../../shared/anva-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { SessionController } from '../../shared/session-controller.js';
import { errorView, fieldView, signedOutView, skeletonView } from '../../shared/views.js';
import { styles } from './account.styles.js';

type AccountData = [Account, Organization[], Permission[]];

/**
 * A permission as what it lets the customer do here, when a widget here does
 * it; else the Hub's own words for it; else nothing (a code alone means
 * nothing to a customer, and the widgets do not offer what it allows).
 */
function permissionText(permission: Permission, f: Formatter): string | undefined {
  for (const name of permissionNames(permission)) {
    // `contracts.read` and `contract.read` mean the same: plurals are folded.
    const code = name
      .split(/[^a-z0-9]+/i)
      .map((part) => normalize(part).replace(/s$/, ''))
      .join('');
    const words = own(f.messages.permissionNames, code);
    if (words) return words;
  }
  const hub =
    typeof permission === 'string' ? undefined : (permission.description ?? permission.label);
  return typeof hub === 'string' && hub.trim() ? hub : undefined;
}

/** `Verzekeringen De Vries` → `VD`: the broker's initials, when it has no image of its own. */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/**
 * The signed-in customer's own details: name, e-mail, the broker(s) they are
 * with (*Uw adviseurs* for several) and what they may do here (only what a
 * widget here offers, else in the Hub's own words).
 *
 * Never `empty`, so it has no `empty` slot: a signed-in customer always has
 * an account (a Hub answer without one is a `not-found` error); without
 * organisations or permissions those groups say so (*Geen*).
 *
 * @summary The customer's account: name, e-mail, organisations and permissions.
 *
 * @slot signed-out - Shown instead of the explanation and *Inloggen* when signed out.
 *
 * @attr lang - Language of this widget (`nl` or `en`); without it `<anva-hub lang>`, then the nearest `lang` above, then `nl`.
 * @attr tone - Dutch with *u* (`formal`) or *je* (`informal`); without it `<anva-hub tone>`, then `formal`.
 *
 * @csspart base - The whole account.
 * @csspart group - A group (details, organisations, permissions).
 * @csspart heading - A group's heading.
 * @csspart fields - The list of details.
 * @csspart field - One detail: label and value.
 * @csspart label - A detail's label.
 * @csspart value - A detail's value.
 * @csspart organizations - The list of organisations.
 * @csspart organization - One organisation.
 * @csspart organization-icon - An organisation's icon: its image, else its initials.
 * @csspart permissions - The list of permissions.
 * @csspart permission - One permission.
 * @csspart button - Every button (also `sign-in`, `retry`).
 * @csspart sign-in - The *Inloggen* button.
 * @csspart retry - The *Opnieuw proberen* button.
 * @csspart signed-out - The signed-out message.
 * @csspart error - The error message.
 * @csspart skeleton - The placeholder while loading.
 *
 * @fires anva-error - `{ code, message, retryable }` when it shows an error (never a token).
 */
export class AnvaAccount extends AnvaElement {
  static override styles = styles;
  static override properties = {
    messages: { attribute: false },
    state: { reflect: true },
  };

  private readonly session = new SessionController(this);
  private readonly locale = new LocaleController(this, this.session);
  private readonly data = new DataController<AccountData>(this, this.session, {
    args: () => [],
    task: (_args, { client, request }) =>
      Promise.all([
        client.account(request),
        client.organizations(request),
        client.permissions(request),
      ]),
  });

  /** Own wording for this element, per message key (wins over `setMessages`). */
  messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready` or `error` (never `empty`); read-only. */
  state: WidgetState = 'loading';

  override render() {
    const m = this.locale.messages;
    return this.data.render(m, {
      error: (error) => errorView(m, error, () => this.data.retry()),
      signedOut: () => signedOutView(m, this.session, this, 'account'),
      pending: () =>
        skeletonView(
          m,
          [0, 1, 2].map(
            () =>
              html`<span class="sk head-sk"></span><span class="sk line-sk"></span
                ><span class="sk line-sk"></span>`,
          ),
        ),
      complete: (data) => this.renderAccount(m, data),
    });
  }

  private renderAccount(m: Messages, [account, organizations, permissions]: AccountData) {
    const f = this.locale.format;
    const texts = [
      ...new Set(permissions.map((permission) => permissionText(permission, f)).filter(Boolean)),
    ];
    return html`<div part="base" class="account" lang=${this.locale.lang}>
      <section part="group" class="group">
        <h3 part="heading">${m.details}</h3>
        <dl part="fields">
          ${fieldView(m.name, fullName(account) || m.none)}
          ${fieldView(m.email, account.email || m.none)}
        </dl>
      </section>
      <section part="group" class="group">
        <h3 part="heading">
          ${organizations.length > 1 ? m.organizationsSeveral : m.organizations}
        </h3>
        ${
          organizations.length
            ? html`<ul part="organizations" class="plain">
                ${organizations.map((org) => {
                  const name = org.name || org.code || org.id;
                  return html`<li part="organization" class="org">
                    ${
                      isHttpUrl(org.icon)
                        ? html`<img part="organization-icon" src=${org.icon} alt="" />`
                        : html`<span part="organization-icon" class="initials" aria-hidden="true"
                            >${initials(name)}</span
                          >`
                    }
                    <span>${name}</span>
                  </li>`;
                })}
              </ul>`
            : html`<p>${m.noneKnown}</p>`
        }
      </section>
      <section part="group" class="group">
        <h3 part="heading">${m.permissions}</h3>
        ${
          texts.length
            ? html`<ul part="permissions">
                ${texts.map((text) => html`<li part="permission">${text}</li>`)}
              </ul>`
            : html`<p>${m.noneKnown}</p>`
        }
      </section>
    </div>`;
  }
}
