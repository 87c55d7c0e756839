import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emit } from '../../core/events.js';
import type { Contract } from '../../core/types.js';
import type { ContractStatus } from '../../format/contract.js';
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
import { mainColumn, parseColumns, sortRows, toRows, type Column, type Row } from './rows.js';
import { styles } from './contracts.styles.js';

const DEFAULT_PAGE_SIZE = 20;

/** Statuses filter by their key, unknown ones by the Hub's text. */
const filterKey = ({ key, text }: ContractStatus): string => key ?? text ?? '';

/**
 * The customer's contracts as a table on wide containers and stacked cards on
 * narrow ones (container queries), with sorting on every column, a status
 * filter, search and paging. Choosing a contract fires `anva-contract-select`;
 * with `detail-href` every row is a real link (open in a new tab works),
 * otherwise the choice goes to `<anva-contract-detail>` on the same page.
 *
 * @summary The customer's insurance contracts: sort, filter, search and choose one.
 *
 * @slot signed-out - Shown instead of the explanation and *Inloggen* when signed out.
 * @slot empty - Shown instead of the default message when there are no contracts.
 *
 * @attr lang - Language of this widget (`nl` or `en`); without it `<anva-hub lang>`, then the nearest `lang` above, then `nl`.
 *
 * @csspart base - The wrapper around toolbar, table and paging.
 * @csspart toolbar - Search, status filter and result count.
 * @csspart search - The search field's label and input.
 * @csspart filter - The status filter's label and select.
 * @csspart input - The search input.
 * @csspart select - The status select.
 * @csspart count - The result count (announced politely).
 * @csspart table - The table (cards on narrow containers).
 * @csspart header - A column header.
 * @csspart sort - A column header's sort button.
 * @csspart row - A contract's row (or card).
 * @csspart cell - A cell.
 * @csspart cell-label - A cell's label, visible on cards only.
 * @csspart link - A row's link (with `detail-href`).
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
  private readonly locale = new LocaleController(this, () => this.session.config?.lang);
  private readonly data = new DataController<Contract[]>(
    this,
    this.session,
    (client, signal) => client.contracts({ signal }),
    (contracts) => contracts.length === 0,
  );

  /** Comma list of columns, order kept: `type`, `contractNumber`, `description`, `provider`, `status`, any known field or metadata key. */
  @property() columns?: string;

  /** URL template for a contract's page, `{id}` replaced by the URL-encoded id, e.g. `/polis?id={id}`. */
  @property({ attribute: 'detail-href' }) detailHref?: string;

  /** Contracts per page (default 20). */
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;

  /** Own wording for this element, per message key (wins over `setMessages`). */
  @property({ attribute: false }) messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready`, `empty` or `error`; read-only. */
  @property({ reflect: true }) state: WidgetState = 'loading';

  @state() private query = '';
  @state() private filter = '';
  @state() private sortColumn = -1;
  @state() private sortDirection: 1 | -1 = 1;
  @state() private page = 0;

  private cache?: {
    source: Contract[];
    format: Formatter;
    columns?: string;
    cols: Column[];
    rows: Row[];
  };

  private get table(): { cols: Column[]; rows: Row[] } {
    const source = this.data.value ?? [];
    const format = this.locale.format;
    const c = this.cache;
    if (!c || c.source !== source || c.format !== format || c.columns !== this.columns) {
      const cols = parseColumns(this.columns, format);
      this.cache = {
        source,
        format,
        columns: this.columns,
        cols,
        rows: toRows(source, cols, format),
      };
    }
    return this.cache!;
  }

  override updated(): void {
    // Rows hold the customer's data: none kept once the table is off screen (sign-out, another customer, reload).
    if (this.state !== 'ready') this.cache = undefined;
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

  private renderRow(row: Row, cols: Column[], main: number) {
    const href = detailHref(this.detailHref, row.id);
    return html`<tr part="row" class="row" role="row">
      ${cols.map((col, i) => {
        const value = row.cells[i];
        let content: unknown = value;
        if (col.field === 'type') content = branchIcon(row.kind, value ?? '');
        else if (col.field === 'status') content = statusBadge(row.status);
        if (i === main)
          content = href
            ? html`<a
                part="link"
                class="choose"
                href=${href}
                @click=${(e: Event) => this.choose(e, row)}
                >${content}</a
              >`
            : html`<button part="choose" class="choose" @click=${(e: Event) => this.choose(e, row)}>
                ${content}
              </button>`;
        return html`<td part="cell" role="cell" class=${col.field ?? 'meta'}>
          <span part="cell-label" class="label" aria-hidden="true">${col.label}</span>${content}
        </td>`;
      })}
    </tr>`;
  }

  override render() {
    const m = this.locale.messages;
    const error = this.data.error;
    if (error) return errorView(m, error, () => this.data.retry());
    switch (this.state) {
      case 'signed-out':
        return signedOutView(m, this.session);
      case 'empty':
        return emptyView(m, m.contractsEmpty);
      case 'loading':
        return skeletonView(
          m,
          html`<span class="sk tool-sk"></span>
            ${[0, 1, 2, 3].map(() => html`<span class="sk row-sk"></span>`)}`,
        );
    }
    const { cols, rows } = this.table;
    // Filter options: the statuses present, known ones in the customer's words.
    const statuses = new Map(
      rows
        .filter(({ status }) => status.text)
        .map(({ status }) => [filterKey(status), status.text]),
    );
    const query = this.query.trim().toLowerCase();
    let shown = rows.filter(
      (row) =>
        (!this.filter || filterKey(row.status) === this.filter) &&
        (!query || row.search.includes(query)),
    );
    if (this.sortColumn >= 0 && this.sortColumn < cols.length)
      shown = sortRows(shown, this.sortColumn, this.sortDirection, m.locale);
    const size = this.pageSize > 0 ? Math.floor(this.pageSize) : DEFAULT_PAGE_SIZE;
    const pages = Math.max(1, Math.ceil(shown.length / size));
    const page = Math.min(this.page, pages - 1);
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
            <option value="" ?selected=${!this.filter}>${m.allStatuses}</option>
            ${[...statuses].map(
              ([value, label]) =>
                html`<option value=${value} ?selected=${value === this.filter}>${label}</option>`,
            )}
          </select>
        </label>
        <p part="count" class="count" role="status">
          ${m.contractsCount(shown.length, rows.length)}
        </p>
      </div>
      <table part="table" role="table">
        <caption class="vh">
          ${m.contractsLabel}
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
            shown.length
              ? shown
                  .slice(page * size, page * size + size)
                  .map((row) => this.renderRow(row, cols, main))
              : html`<tr role="row">
                  <td part="cell" role="cell" colspan=${cols.length}>${m.noMatches}</td>
                </tr>`
          }
        </tbody>
      </table>
      ${
        pages > 1
          ? html`<nav part="pagination" class="pages" aria-label=${m.pagination}>
              <button
                part="button previous"
                class="btn quiet"
                ?disabled=${page === 0}
                @click=${() => (this.page = page - 1)}
              >
                ${m.previous}
              </button>
              <span>${m.pageOf(page + 1, pages)}</span>
              <button
                part="button next"
                class="btn quiet"
                ?disabled=${page >= pages - 1}
                @click=${() => (this.page = page + 1)}
              >
                ${m.next}
              </button>
            </nav>`
          : nothing
      }
    </div>`;
  }
}
