import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Contract } from '../../core/types.js';
import {
  branchKind,
  contractField,
  contractStatus,
  indexFields,
  kindOf,
  nameOf,
  type Formatter,
} from '../../format/index.js';
import type { FieldId, GroupId, Messages } from '../../i18n/messages.js';
import { DataController, type WidgetState } from '../../shared/data-controller.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { SessionController } from '../../shared/session-controller.js';
import {
  branchIcon,
  emptyView,
  errorView,
  fieldView,
  formattedView,
  signedOutView,
  skeletonView,
  statusBadge,
} from '../../shared/views.js';
import { styles } from './contract-detail.styles.js';

/** The known fields per group, in reading order. */
const GROUPS: [GroupId, FieldId[]][] = [
  [
    'contract',
    [
      'contractNumber',
      'product',
      'description',
      'provider',
      'branch',
      'status',
      'package',
      'dossierNumber',
    ],
  ],
  ['dates', ['effectiveDate', 'mainRenewalDate', 'expiryDate', 'duration']],
  [
    'premium',
    ['premium', 'insuranceTax', 'totalPremium', 'paymentTerm', 'collectionMethod', 'deductible'],
  ],
  ['coverages', ['coverages']],
  ['object', ['insuredObject', 'licencePlate', 'address']],
];

/** Top-level fields shown elsewhere (or pure plumbing); every other one goes to *Overige gegevens*. */
const TOP_LEVEL = new Set(['id', 'metadata', 'status', 'dossierNumber']);

/** Keys of a coverage that name it: the first one found heads the row. */
const COVERAGE_NAMES = [
  'label',
  'name',
  'naam',
  'description',
  'omschrijving',
  'coverage',
  'dekking',
  'code',
];

/**
 * One contract with every field it has: known ones labelled and formatted in
 * groups, unknown metadata listed under *Overige gegevens* with a readable
 * label and a value formatted by type (nested too). Shows the contract from
 * `contract-id`, else the one chosen in `<anva-contracts>`, else `?contract=`.
 *
 * @summary One insurance contract in detail: dates, premium, coverages, insured object and the rest.
 *
 * @slot signed-out - Shown instead of the explanation and *Inloggen* when signed out.
 * @slot empty - Shown instead of the default message when no contract is chosen.
 *
 * @attr lang - Language of this widget (`nl` or `en`); without it `<anva-hub lang>`, then the nearest `lang` above, then `nl`.
 *
 * @csspart base - The whole contract.
 * @csspart header - Icon, title, contract number and status.
 * @csspart title - The contract's title.
 * @csspart icon - The branch icon.
 * @csspart status - The status badge.
 * @csspart group - A group of fields (contract, dates, premium, coverages, object, other).
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
 * @cssprop --anva-color-primary - Button background (default `#0b5cad`).
 * @cssprop --anva-color-on-primary - Button text on the primary colour (default `#fff`).
 * @cssprop --anva-color-text - Text colour (default: the page's).
 * @cssprop --anva-color-surface - Background (default: transparent).
 * @cssprop --anva-color-border - Borders (default: the text colour at 25%).
 * @cssprop --anva-color-danger - Error accents and the *Verlopen* dot (default `#c62828`).
 * @cssprop --anva-color-focus - Focus ring (default: the text colour).
 * @cssprop --anva-radius - Corner radius (default `0.5rem`).
 * @cssprop --anva-space - Padding unit (default `1rem`).
 * @cssprop --anva-font-family - Font (default: the page's).
 *
 * @fires anva-error - `{ code, message, retryable }` when it shows an error (never a token).
 */
export class AnvaContractDetail extends LitElement {
  static override styles = styles;

  private readonly session = new SessionController(this);
  private readonly locale = new LocaleController(this, () => this.session.config?.lang);
  private readonly data = new DataController<Contract | undefined>(
    this,
    this.session,
    (client, signal, [id]) =>
      typeof id === 'string' ? client.contract(id, { signal }) : Promise.resolve(undefined),
    (contract) => !contract,
    () => [this.resolvedId],
  );

  /** The contract to show; without it the one chosen in `<anva-contracts>`, else `?contract=` from the URL. */
  @property({ attribute: 'contract-id' }) contractId?: string;

  /** Own wording for this element, per message key (wins over `setMessages`). */
  @property({ attribute: false }) messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready`, `empty` (no contract chosen) or `error`; read-only. */
  @property({ reflect: true }) state: WidgetState = 'loading';

  private unsubscribe?: () => void;

  private get resolvedId(): string | undefined {
    return (
      this.contractId?.trim() ||
      this.session.runtime.selection.current?.id ||
      new URLSearchParams(location.search).get('contract')?.trim() ||
      undefined
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.session.runtime.selection.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
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
    const metadata = contract.metadata ?? {};
    const { known } = indexFields(metadata);
    const value = (id: FieldId): unknown => contractField(contract, id);
    const status = contractStatus(m, contract);
    const kind = branchKind(value('branch'), value('product'), value('description'));
    const title = f.text(f.value(value('description') ?? value('product') ?? m.branches[kind]));
    const number = value('contractNumber') ?? contract.id;
    // Everything not shown in a group above, so no field is ever hidden.
    const grouped = new Set(GROUPS.flatMap(([, ids]) => ids.map((id) => known.get(id)?.[0])));
    const other = [
      ...Object.entries(metadata).filter(([key]) => !grouped.has(key)),
      ...Object.entries(contract).filter(([key]) => !TOP_LEVEL.has(key)),
    ];

    const fieldRow = (id: FieldId) => {
      const v = value(id);
      if (v === undefined) return nothing;
      if (id === 'status' && status.text) return fieldView(m.fields.status, statusBadge(status));
      const name = nameOf(v);
      const code = (v as { code?: unknown } | null)?.code;
      const formatted =
        id === 'provider' && name
          ? `${name}${code ? ` (${String(code)})` : ''}`
          : typeof v === 'object' && v !== null
            ? f.value(v)
            : f.kind(kindOf(id), v);
      return fieldView(m.fields[id], formattedView(formatted));
    };

    const group = (id: GroupId, content: unknown) =>
      html`<section part="group" class="group ${id}">
        <h3 part="heading">${m.groups[id]}</h3>
        ${content}
      </section>`;

    return html`<article part="base" lang=${this.locale.lang}>
      <header part="header" class="header">
        ${branchIcon(kind, m.branches[kind])}
        <div>
          <h2 part="title">${title}</h2>
          <p class="muted">${m.fields.contractNumber} ${f.text(f.value(number))}</p>
        </div>
        ${status.text ? statusBadge(status) : nothing}
      </header>
      ${GROUPS.map(([id, fields]) => {
        const present = fields.filter((field) => value(field) !== undefined);
        if (!present.length) return nothing;
        if (id === 'coverages') return group(id, this.renderCoverages(value('coverages'), f));
        const object = value('insuredObject');
        // The insured object's own fields are the group's fields, not one nested list.
        const rows = present.map((field) =>
          field === 'insuredObject' &&
          typeof object === 'object' &&
          object &&
          !Array.isArray(object)
            ? Object.entries(object).map(([key, v]) =>
                fieldView(f.label(key), formattedView(f.field(key, v))),
              )
            : fieldRow(field),
        );
        return group(id, html`<dl part="fields">${rows}</dl>`);
      })}
      ${
        other.length
          ? group(
              'other',
              html`<dl part="fields">
                ${other.map(([key, v]) => fieldView(f.label(key), formattedView(f.field(key, v))))}
              </dl>`,
            )
          : nothing
      }
    </article>`;
  }

  /** Coverages as a table when they are objects; anything else formatted by type. */
  private renderCoverages(coverages: unknown, f: Formatter): unknown {
    const items = Array.isArray(coverages) ? coverages : [];
    if (
      !items.length ||
      !items.every((item) => typeof item === 'object' && item && !Array.isArray(item))
    )
      return formattedView(f.value(coverages));
    const rows = items as Record<string, unknown>[];
    const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const name = COVERAGE_NAMES.find((key) => keys.includes(key));
    const columns = name ? [name, ...keys.filter((key) => key !== name)] : keys;
    const label = (key: string) => (key === name ? f.messages.fields.coverage : f.label(key));
    // Explicit roles keep the table's semantics when narrow containers stack its rows.
    return html`<table part="table" role="table">
      <thead>
        <tr role="row">
          ${columns.map((key) => html`<th role="columnheader" scope="col">${label(key)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr part="row" role="row">
              ${columns.map(
                (key, i) =>
                  html`<td part="cell" role="cell" class=${i ? '' : 'name'}>
                    <span class="label" aria-hidden="true">${label(key)}</span>
                    ${formattedView(f.field(key, row[key]))}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const m = this.locale.messages;
    const error = this.data.error;
    if (error) {
      const missing = error.code === 'not-found' || error.code === 'forbidden';
      return errorView(
        m,
        error,
        () => this.data.retry(),
        missing ? m.detailNotFound : undefined,
        missing ? this.renderBack(m) : nothing,
      );
    }
    switch (this.state) {
      case 'signed-out':
        return signedOutView(m, this.session);
      case 'empty':
        return emptyView(m, m.detailEmpty);
      case 'loading':
        return skeletonView(
          m,
          html`<span class="sk title-sk"></span> ${[0, 1].map(
              () =>
                html`<span class="sk head-sk"></span>${[0, 1, 2, 3].map(
                    () => html`<span class="sk line-sk"></span>`,
                  )}`,
            )}`,
        );
    }
    return this.renderContract(this.data.value!, this.locale.format);
  }
}
