import { html, nothing, type TemplateResult } from 'lit';
import type { Contract } from '../../core/types.js';
import { contractStatus, insuredObjectText, type Formatter } from '../../format/index.js';
import type { Messages } from '../../i18n/messages.js';
import { contractName } from '../../shared/contract-name.js';
import { templateHref } from '../../shared/href.js';
import { DataController, type WidgetState } from '../../shared/data-controller.js';
import { AnvaElement } from '../../shared/anva-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { SessionController } from '../../shared/session-controller.js';
import { emptyView, errorView, signedOutView, skeletonView } from '../../shared/views.js';
import { groupsView } from './groups.js';
import { titleView } from './title.js';
import { styles } from './contract-detail.styles.js';

/**
 * One contract with every field a customer needs: a title block (what it is,
 * the insured object, its status judged against today, its number once), then
 * cover, premium, term, the insured object with its no-claim data, and the
 * rest, each known field labelled and formatted; unknown metadata listed under
 * *Overige gegevens* with a label from its key and a value formatted by type
 * (nested too); plumbing (formats, internal ids, empty lists) left out. Shows
 * the contract from `contract-id`, else the one chosen in `<anva-contracts>`,
 * else `?contract=`. With `change-href` / `claim-href` it links to the
 * broker's own forms.
 *
 * @summary One insurance contract in detail: cover, premium, term, insured object and the rest.
 *
 * @slot signed-out - Shown instead of the explanation and *Inloggen* when signed out.
 * @slot empty - Shown instead of the default message when no contract is chosen.
 *
 * @attr lang - Language of this widget (`nl` or `en`); without it `<anva-hub lang>`, then the nearest `lang` above, then `nl`.
 * @attr tone - Dutch with *u* (`formal`) or *je* (`informal`); without it `<anva-hub tone>`, then `formal`.
 *
 * @csspart base - The whole contract.
 * @csspart header - Icon, title, insured object, policy number, status and the broker's links.
 * @csspart title - The contract's title.
 * @csspart object - The insured object under the title.
 * @csspart number - The policy number under the title.
 * @csspart actions - The links to the broker's forms.
 * @csspart change - The *Wijziging doorgeven* link (with `change-href`).
 * @csspart claim - The *Schade melden* link (with `claim-href`).
 * @csspart icon - The branch icon.
 * @csspart status - The status badge.
 * @csspart group - A group of fields (coverage, premium, dates, object, other).
 * @csspart heading - A group's heading.
 * @csspart fields - A list of fields (also nested values).
 * @csspart field - One field: label and value.
 * @csspart label - A field's label.
 * @csspart value - A field's value.
 * @csspart list - A list value.
 * @csspart table - The coverages table.
 * @csspart row - A coverage row.
 * @csspart cell - A coverage cell.
 * @csspart button - Every button (also `sign-in`, `retry`, `back`).
 * @csspart sign-in - The *Inloggen* button.
 * @csspart retry - The *Opnieuw proberen* button.
 * @csspart back - The way back from a contract that is not found.
 * @csspart signed-out - The signed-out message.
 * @csspart empty - The nothing-chosen message.
 * @csspart error - The error (also not found) message.
 * @csspart skeleton - The placeholder while loading.
 *
 * @fires anva-error - `{ code, message, retryable }` when it shows an error (never a token).
 */
export class AnvaContractDetail extends AnvaElement {
  static override styles = styles;
  static override properties = {
    contractId: { attribute: 'contract-id' },
    changeHref: { attribute: 'change-href' },
    claimHref: { attribute: 'claim-href' },
    messages: { attribute: false },
    state: { reflect: true },
  };

  private readonly session = new SessionController(this);
  private readonly locale = new LocaleController(this, this.session);
  private readonly data = new DataController<Contract | undefined, [string | undefined]>(
    this,
    this.session,
    {
      args: () => [this.resolvedId],
      task: ([id], { client, request }) =>
        id === undefined ? Promise.resolve(undefined) : client.contract(id, request),
      isEmpty: (contract) => !contract,
    },
  );

  /** The contract to show; without it the one chosen in `<anva-contracts>`, else `?contract=` from the URL. */
  contractId?: string;

  /** URL template of the broker's change form, `{id}` / `{number}` replaced by the contract's id / policy number; without it no link. */
  changeHref?: string;

  /** URL template of the broker's claim form, like `change-href`; without it no link. */
  claimHref?: string;

  /** Own wording for this element, per message key (wins over `setMessages`). */
  messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready`, `empty` (no contract chosen) or `error`; read-only. */
  state: WidgetState = 'loading';

  /** Read on every update: the session controller re-renders the widget when the page's choice changes. */
  private get resolvedId(): string | undefined {
    return (
      this.contractId?.trim() ||
      this.session.runtime.selection.current?.id ||
      new URLSearchParams(location.search).get('contract')?.trim() ||
      undefined
    );
  }

  /**
   * Back in this tab's history when this site led here, else a link to the
   * page of this site that did (a new tab), else to the site's home page (a
   * shared link): never back to another website.
   */
  private renderBack(m: Messages): TemplateResult {
    const referrer = document.referrer;
    const fromSite = referrer.startsWith(`${location.origin}/`);
    return fromSite && history.length > 1
      ? html`<button part="button back" class="btn quiet" @click=${() => history.back()}>
          ${m.back}
        </button>`
      : html`<a part="button back" class="btn quiet" href=${fromSite ? referrer : '/'}
          >${fromSite ? m.back : m.home}</a
        >`;
  }

  private renderContract(contract: Contract, f: Formatter): TemplateResult {
    const m = f.messages;
    const { kind, description: title, number } = contractName(contract, m);
    const links = { id: contract.id, number };
    return html`<article part="base" lang=${this.locale.lang}>
      ${titleView(f, {
        kind,
        title,
        object: insuredObjectText(contract),
        number,
        status: contractStatus(m, contract),
        change: templateHref(this.changeHref, links),
        claim: templateHref(this.claimHref, links),
      })}
      ${groupsView(contract, f, { kind, title })}
    </article>`;
  }

  override render() {
    const m = this.locale.messages;
    return this.data.render(m, {
      error: (error) => {
        const missing = error.code === 'not-found' || error.code === 'forbidden';
        return errorView(
          m,
          error,
          () => this.data.retry(),
          missing ? m.detailNotFound : undefined,
          missing ? this.renderBack(m) : nothing,
        );
      },
      signedOut: () => signedOutView(m, this.session, this, 'contract'),
      empty: () => emptyView(m, m.detailEmpty),
      pending: () =>
        skeletonView(
          m,
          html`<span class="sk title-sk"></span> ${[0, 1].map(
              () =>
                html`<span class="sk head-sk"></span>${[0, 1, 2, 3].map(
                    () => html`<span class="sk line-sk"></span>`,
                  )}`,
            )}`,
        ),
      complete: (contract) => this.renderContract(contract!, this.locale.format),
    });
  }
}
