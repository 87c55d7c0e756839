/** The list's table: sortable column headers and one row (a card on narrow containers) per contract. */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import { branchIcon, statusBadge } from '../../shared/views.js';
import { mainColumn, type Column, type Row } from './rows.js';
import type { ListState, ListView } from './view.js';

/** The arrow a column header shows, by its `aria-sort`. */
const ARROWS = { ascending: '↑', descending: '↓', none: '↕' };

/** What the column headers read and change: the list's sort (the list controller). */
export interface SortableList {
  readonly state: Pick<ListState, 'sortColumn' | 'sortDirection'>;
  sortBy(column: number): void;
}

export interface TableProps {
  cols: Column[];
  list: SortableList;
  /** The row's page with `detail-href`, else undefined (a button then). */
  href: (row: Row) => string | undefined;
  choose: (event: Event, row: Row) => void;
}

function headerView({ cols, list }: TableProps): TemplateResult {
  const { sortColumn, sortDirection } = list.state;
  return html`<tr role="row">
    ${cols.map((col, i) => {
      const sorted = sortColumn === i;
      const dir = sortDirection === 1 ? 'ascending' : 'descending';
      const arrow = ARROWS[sorted ? dir : 'none'];
      return html`<th
        part="header"
        role="columnheader"
        scope="col"
        aria-sort=${sorted ? dir : 'none'}
      >
        <button part="sort" class="sort" @click=${() => list.sortBy(i)}>
          ${col.label}<span class="arrow" aria-hidden="true">${arrow}</span>
        </button>
      </th>`;
    })}
  </tr>`;
}

function rowView(row: Row, props: TableProps, main: number, m: Messages): TemplateResult {
  const { cols } = props;
  const href = props.href(row);
  const numbered = cols.some((col) => col.field === 'contractNumber');
  return html`<tr part="row" class="row" role="row">
    ${cols.map((col, i) => {
      const value = row.cells[i];
      let content: unknown = value;
      if (col.field === 'type') content = branchIcon(row.kind, value ?? '');
      else if (col.field === 'status') content = statusBadge(row.status);
      if (i === main) {
        const choose = (e: Event) => props.choose(e, row);
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

export function tableView(m: Messages, view: ListView, props: TableProps): TemplateResult {
  const { cols } = props;
  const main = mainColumn(cols);
  return html`<table part="table" role="table" tabindex="-1">
    <caption class=${view.pages > 1 ? 'vh paged' : 'vh'}>
      ${view.pages > 1 ? m.listPage(view.page + 1, view.pages) : m.contractsLabel}
    </caption>
    <thead>
      ${headerView(props)}
    </thead>
    <tbody>
      ${
        view.rows.length
          ? view.rows.map((row) => rowView(row, props, main, m))
          : html`<tr role="row">
              <td part="cell" role="cell" colspan=${cols.length}>${m.noMatches}</td>
            </tr>`
      }
    </tbody>
  </table>`;
}
