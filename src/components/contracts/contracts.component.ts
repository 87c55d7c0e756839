import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emit } from '../../core/events.js';
import type { Contract, Organization } from '../../core/types.js';
import type { Formatter } from '../../format/format.js';
import type { Messages } from '../../i18n/messages.js';
import { DataController, type WidgetState } from '../../shared/data-controller.js';
import { detailHref } from '../../shared/href.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { SessionController } from '../../shared/session-controller.js';
import {
  branchIcon,
  emptyView,
  errorView,
  signedOutView,
  skeletonView,
  statusBadge,
} from '../../shared/views.js';
import {
  mainColumn,
  parseColumns,
  premiumSummary,
  spansBrokers,
  toRows,
  type Column,
  type Row,
} from './rows.js';
import { historyKey, readSaved, writeSaved } from './history-state.js';
import { listView, type ListView } from './view.js';
import { styles } from './contracts.styles.js';

const DEFAULT_PAGE_SIZE = 20;

type ContractsData = [Contract[], Organization[]];

/**
 * The customer's contracts as a table on wide containers and stacked cards on
 * narrow ones (container queries): running policies first, then future ones,
 * then ended ones; sorting on every column, a status filter with counts,
 * search (also by licence plate, make, street or town), paging and a premium
 * summary. Page, search, filter and sort live in the page's history entry, so
 * back from a policy returns to them. Choosing a contract fires
 * `anva-contract-select`; with `detail-href` every row is a real link (open
 * in a new tab works), otherwise the choice goes to `<anva-contract-detail>`
 * on the same page. Without `organization`, a list that spans several brokers
 * names each contract's broker.
 *
 * @summary The customer's insurance contracts: sort, filter, search and choose one.
 *
 * @slot signed-out - Shown instead of the explanation and *Inloggen* when signed out.
 * @slot empty - Shown instead of the default message when there are no contracts.
 *
 * @attr lang - Language of this widget (`nl` or `en`); without it `<anva-hub lang>`, then the nearest `lang` above, then `nl`.
 * @attr tone - Dutch with *u* (`formal`) or *je* (`informal`); without it `<anva-hub tone>`, then `formal`.
 *
 * @csspart base - The wrapper around toolbar, table and paging.
 * @csspart toolbar - Search, status filter and result count.
 * @csspart search - The search field's label and input.
 * @csspart filter - The status filter's label and select.
 * @csspart input - The search input.
 * @csspart select - The status select.
 * @csspart count - The result count (announced politely).
 * @csspart summary - The premium summary over running policies (hide it with `hide-summary`).
 * @csspart number - A row's policy number under its description.
 * @csspart table - The table (cards on narrow containers).
 * @csspart header - A column header.
 * @csspart sort - A column header's sort button.
 * @csspart row - A contract's row (or card).
 * @csspart cell - A cell.
 * @csspart cell-label - A cell's label, visible on cards only.
 * @csspart link - A row's link, on its description (with `detail-href`).
 * @csspart choose - A row's button (without `detail-href`).
 * @csspart icon - A branch icon.
 * @csspart status - A status badge.
 * @csspart pagination - The paging controls.
 * @csspart button - Every button (also `sign-in`, `retry`, `previous`, `next`).
 * @csspart sign-in - The *Inloggen* button.
 * @csspart retry - The *Opnieuw proberen* button.
 * @csspart previous - The previous-page button.
 * @csspart next - The next-page button.
 * @csspart signed-out - The signed-out message.
 * @csspart empty - The no-contracts message.
 * @csspart error - The error message.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop --anva-color-primary - Button background (default `#0b5cad`).
 * @cssprop --anva-color-on-primary - Button text on the primary colour (default `#fff`).
 * @cssprop --anva-color-text - Text colour (default: the page's).
 * @cssprop --anva-color-surface - Background (default: transparent).
 * @cssprop --anva-color-border - Borders and row lines (default: the text colour at 25%).
 * @cssprop --anva-color-danger - Error accents and the *Verlopen* dot (default `#c62828`).
 * @cssprop --anva-color-focus - Focus ring (default: the text colour).
 * @cssprop --anva-radius - Corner radius (default `0.5rem`).
 * @cssprop --anva-space - Padding unit (default `1rem`).
 * @cssprop --anva-font-family - Font (default: the page's).
 *
 * @fires anva-contract-select - `{ id, contract }` when a contract is chosen; cancelable (cancel to stop the navigation or selection).
 * @fires anva-error - `{ code, message, retryable }` when it shows an error (never a token).
 */
export class AnvaContracts extends LitElement {
  static override styles = styles;

  private readonly session = new SessionController(this);
  private readonly locale = new LocaleController(this, () => this.session.config);
  private readonly data = new DataController<ContractsData>(this, this.session, {
    args: () => [],
    task: (_args, { client, request }) =>
      Promise.all([
        client.contracts(request),
        // Broker names for a list that spans several; a one-broker page needs none.
        this.session.config?.organization
          ? []
          : client.organizations(request).catch((): Organization[] => []),
      ]),
    isEmpty: ([contracts]) => contracts.length === 0,
  });

  /** Comma list of columns, order kept: `type`, `description`, `insuredObject`, `premium`, `provider`, `status`, `contractNumber`, `broker`, any known field or metadata key. */
  @property() columns?: string;

  /** URL template for a contract's page, `{id}` replaced by the URL-encoded id, e.g. `/polis?id={id}`. */
  @property({ attribute: 'detail-href' }) detailHref?: string;

  /** Contracts per page (default 20). */
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;

  /** Hides the premium summary (*Totaal € … per maand*). */
  @property({ attribute: 'hide-summary', type: Boolean }) hideSummary = false;

  /** Own wording for this element, per message key (wins over `setMessages`). */
  @property({ attribute: false }) messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready`, `empty` or `error`; read-only. */
  @property({ reflect: true }) state: WidgetState = 'loading';

  @state() private query = '';
  @state() private filter = '';
  @state() private sortColumn = -1;
  @state() private sortDirection: 1 | -1 = 1;
  @state() private page = 0;

  private table?: {
    source: ContractsData;
    format: Formatter;
    columns?: string;
    cols: Column[];
    rows: Row[];
  };
  private view?: { key: unknown[]; value: ListView };
  /** Set by a page change: the next render brings the list's top into view and focus. */
  private moved = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.restore();
    addEventListener('popstate', this.restore);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.restore);
  }

  private readonly restore = (): void => {
    Object.assign(this, readSaved(historyKey(this)));
  };

  /** Keeps the list's state in the current history entry. */
  private save(): void {
    const { query, filter, sortColumn, sortDirection, page } = this;
    writeSaved(historyKey(this), { query, filter, sortColumn, sortDirection, page });
  }

  private get rows(): { cols: Column[]; rows: Row[] } {
    const source = this.data.value ?? [[], []];
    const format = this.locale.format;
    const t = this.table;
    if (!t || t.source !== source || t.format !== format || t.columns !== this.columns) {
      const [contracts, organizations] = source;
      const cols = parseColumns(this.columns, format, spansBrokers(contracts, organizations));
      const rows = toRows(contracts, cols, format, organizations);
      this.table = { source, format, columns: this.columns, cols, rows };
    }
    return this.table!;
  }

  /** The visible rows, computed once per change of rows or list state. */
  private get visible(): ListView {
    const { rows } = this.rows;
    const { query, filter, sortColumn, sortDirection, page, pageSize } = this;
    const key = [rows, query, filter, sortColumn, sortDirection, page, pageSize];
    const last = this.view;
    if (!last || key.some((part, i) => part !== last.key[i])) {
      const state = { query, filter, sortColumn, sortDirection, page, pageSize };
      this.view = { key, value: listView(rows, state, this.locale.messages.locale) };
    }
    return this.view!.value;
  }

  protected override updated(changed: PropertyValues): void {
    // Rows hold the customer's data: none kept once the table is off screen (sign-out, another customer, reload).
    if (this.state !== 'ready') this.table = this.view = undefined;
    const listState = ['query', 'filter', 'sortColumn', 'sortDirection', 'page'] as const;
    if (listState.some((key) => changed.has(key))) this.save();
    if (this.moved && this.state === 'ready') {
      this.moved = false;
      const table = this.renderRoot.querySelector<HTMLElement>('table');
      table?.focus({ preventScroll: true });
      if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
    }
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.page = 0;
  }

  private onFilter(event: Event): void {
    this.filter = (event.target as HTMLSelectElement).value;
    this.page = 0;
  }

  private sortBy(column: number): void {
    this.sortDirection = this.sortColumn === column ? (-this.sortDirection as 1 | -1) : 1;
    this.sortColumn = column;
    this.page = 0;
  }

  private goTo(page: number): void {
    this.page = page;
    this.moved = true;
  }

  private choose(event: Event, row: Row): void {
    if (
      !emit(
        this,
        'anva-contract-select',
        { id: row.id, contract: row.contract },
        { cancelable: true },
      )
    ) {
      event.preventDefault();
      return;
    }
    this.session.runtime.selection.select(row.id, row.contract);
  }

  private renderRow(row: Row, cols: Column[], main: number, m: Messages) {
    const href = detailHref(this.detailHref, row.id);
    const numbered = cols.some((col) => col.field === 'contractNumber');
    return html`<tr part="row" class="row" role="row">
      ${cols.map((col, i) => {
        const value = row.cells[i];
        let content: unknown = value;
        if (col.field === 'type') content = branchIcon(row.kind, value ?? '');
        else if (col.field === 'status') content = statusBadge(row.status);
        if (i === main) {
          const choose = (e: Event) => this.choose(e, row);
          // What it is, its number and its status name the link; the number sits inside it, so a click there opens it too.
          const label = html`<span class="what">${content}</span><span class="vh">, </span
            ><span part="number" class=${numbered ? 'vh' : 'number'}
              >${m.fields.contractNumber} ${row.number}</span
            ><span class="vh">, ${row.status.text ?? m.none}</span>`;
          content = href
            ? html`<a part="link" class="choose" href=${href} @click=${choose}>${label}</a>`
            : html`<button part="choose" class="choose" @click=${choose}>${label}</button>`;
        }
        return html`<td part="cell" role="cell" class=${col.field ?? 'meta'}>
          <span part="cell-label" class="label" aria-hidden="true">${col.label}</span>${content}
        </td>`;
      })}
    </tr>`;
  }

  private renderSummary(rows: Row[], f: Formatter) {
    const summary = this.hideSummary ? undefined : premiumSummary(rows);
    if (!summary) return nothing;
    const m = f.messages;
    return html`<p part="summary" class="summary">
      <strong>${m.premiumTotal(f.money(summary.monthly))}</strong>
      <span class="muted">${m.premiumBasis(summary.converted)}</span>
    </p>`;
  }

  override render() {
    const m = this.locale.messages;
    return this.data.render(m, {
      error: (error) => errorView(m, error, () => this.data.retry()),
      signedOut: () => signedOutView(m, this.session, this, 'contracts'),
      empty: () => emptyView(m, m.contractsEmpty),
      pending: () =>
        skeletonView(
          m,
          html`<span class="sk tool-sk"></span
            ><span class="sk head-sk"></span>
            ${[0, 1, 2].map(() => html`<span class="sk row-sk"></span>`)}`,
        ),
      complete: () => this.renderList(m),
    });
  }

  private renderList(m: Messages) {
    const { cols, rows } = this.rows;
    const view = this.visible;
    const main = mainColumn(cols);
    return html`<div part="base" lang=${this.locale.lang}>
      <div part="toolbar" class="toolbar">
        <label part="search" class="control">
          <span>${m.search}</span>
          <input part="input" type="search" .value=${this.query} @input=${this.onSearch} />
        </label>
        <label part="filter" class="control">
          <span>${m.statusFilter}</span>
          <select part="select" @change=${this.onFilter}>
            <option value="" ?selected=${!this.filter}>${m.allStatuses} (${view.total})</option>
            ${view.statuses.map(
              ({ value, label, count }) =>
                html`<option value=${value} ?selected=${value === this.filter}>
                  ${label} (${count})
                </option>`,
            )}
          </select>
        </label>
        <p part="count" class="count" role="status">
          ${m.contractsCount(view.matched, view.total)}
        </p>
      </div>
      ${this.renderSummary(rows, this.locale.format)}
      <p class="sort-hint" aria-hidden="true">${m.sortBy}</p>
      <table part="table" role="table" tabindex="-1">
        <caption class="vh">
          ${view.pages > 1 ? m.listPage(view.page + 1, view.pages) : m.contractsLabel}
        </caption>
        <thead>
          <tr role="row">
            ${cols.map((col, i) => {
              const sorted = this.sortColumn === i;
              const dir = this.sortDirection === 1 ? 'ascending' : 'descending';
              return html`<th
                part="header"
                role="columnheader"
                scope="col"
                aria-sort=${sorted ? dir : 'none'}
              >
                <button part="sort" class="sort" @click=${() => this.sortBy(i)}>
                  ${col.label}<span class="arrow" aria-hidden="true"
                    >${sorted ? (this.sortDirection === 1 ? '↑' : '↓') : '↕'}</span
                  >
                </button>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${
            view.rows.length
              ? view.rows.map((row) => this.renderRow(row, cols, main, m))
              : html`<tr role="row">
                  <td part="cell" role="cell" colspan=${cols.length}>${m.noMatches}</td>
                </tr>`
          }
        </tbody>
      </table>
      ${
        view.pages > 1
          ? html`<nav part="pagination" class="pages" aria-label=${m.pagination}>
              <button
                part="button previous"
                class="btn quiet"
                ?disabled=${view.page === 0}
                @click=${() => this.goTo(view.page - 1)}
              >
                ${m.previous}
              </button>
              <span>${m.pageOf(view.page + 1, view.pages)}</span>
              <button
                part="button next"
                class="btn quiet"
                ?disabled=${view.page >= view.pages - 1}
                @click=${() => this.goTo(view.page + 1)}
              >
                ${m.next}
              </button>
            </nav>`
          : nothing
      }
    </div>`;
  }
}
