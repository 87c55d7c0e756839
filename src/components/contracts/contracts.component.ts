import { html, nothing } from 'lit';
import { emit } from '../../core/events.js';
import type { Contract, Organization } from '../../core/types.js';
import type { Formatter } from '../../format/format.js';
import type { Messages } from '../../i18n/messages.js';
import { DataController, type WidgetState } from '../../shared/data-controller.js';
import { AnvaElement } from '../../shared/anva-element.js';
import { detailHref } from '../../shared/href.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { SessionController } from '../../shared/session-controller.js';
import { emptyView, errorView, signedOutView, skeletonView } from '../../shared/views.js';
import { parseColumns, spansBrokers, toRows, type Row } from './rows.js';
import { ListController } from './list-controller.js';
import { pagingView } from './paging.js';
import { summaryView } from './summary.js';
import { tableView } from './table.js';
import { toolbarView } from './toolbar.js';
import { memo } from './memo.js';
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
 * @fires anva-contract-select - `{ id, contract }` when a contract is chosen; cancelable (cancel to stop the navigation or selection).
 * @fires anva-error - `{ code, message, retryable }` when it shows an error (never a token).
 */
export class AnvaContracts extends AnvaElement {
  static override styles = styles;
  static override properties = {
    columns: {},
    detailHref: { attribute: 'detail-href' },
    pageSize: { attribute: 'page-size', type: Number },
    hideSummary: { attribute: 'hide-summary', type: Boolean },
    messages: { attribute: false },
    state: { reflect: true },
  };

  private readonly session = new SessionController(this);
  private readonly locale = new LocaleController(this, this.session);
  private readonly list = new ListController(this);
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
  columns?: string;

  /** URL template for a contract's page, `{id}` replaced by the URL-encoded id, e.g. `/polis?id={id}`. */
  detailHref?: string;

  /** Contracts per page (default 20). */
  pageSize = DEFAULT_PAGE_SIZE;

  /** Hides the premium summary (*Totaal € … per maand*). */
  hideSummary = false;

  /** Own wording for this element, per message key (wins over `setMessages`). */
  messages?: Partial<Messages>;

  /** `signed-out`, `loading`, `ready`, `empty` or `error`; read-only. */
  state: WidgetState = 'loading';

  /** Rows computed once per list, language and column set. */
  private readonly table = memo(
    ([contracts, organizations]: ContractsData, format: Formatter, columns?: string) => {
      const cols = parseColumns(columns, format, spansBrokers(contracts, organizations));
      return { cols, rows: toRows(contracts, cols, format, organizations) };
    },
  );

  protected override updated(): void {
    // Rows hold the customer's data: none kept once the table is off screen (sign-out, another customer, reload).
    if (this.state !== 'ready') {
      this.table.clear();
      this.list.forget();
    }
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
      complete: (data) => this.renderList(m, data),
    });
  }

  private renderList(m: Messages, data: ContractsData) {
    const { cols, rows } = this.table(data, this.locale.format, this.columns);
    const view = this.list.view(rows, this.pageSize, m.locale);
    return html`<div part="base" lang=${this.locale.lang}>
      ${toolbarView(m, view, this.list)}
      ${this.hideSummary ? nothing : summaryView(this.locale.format, rows)}
      <p class="sort-hint" aria-hidden="true">${m.sortBy}</p>
      ${tableView(m, view, {
        cols,
        list: this.list,
        href: (row) => detailHref(this.detailHref, row.id),
        choose: (event, row) => this.choose(event, row),
      })}
      ${pagingView(m, view, this.list)}
    </div>`;
  }
}
