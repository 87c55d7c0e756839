/** The list's controls above the table: search, the status filter with counts, the result count. */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { ListState, ListView } from './view.js';

/** What the controls read and change: the list's search and filter (the list controller). */
export interface SearchableList {
  readonly state: Pick<ListState, 'query' | 'filter'>;
  search(query: string): void;
  filterBy(filter: string): void;
}

export function toolbarView(m: Messages, view: ListView, list: SearchableList): TemplateResult {
  const { query, filter } = list.state;
  return html`<div part="toolbar" class="toolbar">
    <label part="search" class="control">
      <span>${m.search}</span>
      <input
        part="input"
        type="search"
        .value=${query}
        @input=${(event: Event) => list.search((event.target as HTMLInputElement).value)}
      />
    </label>
    <label part="filter" class="control">
      <span>${m.statusFilter}</span>
      <select
        part="select"
        @change=${(event: Event) => list.filterBy((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!filter}>${m.allStatuses} (${view.total})</option>
        ${view.statuses.map(
          ({ value, label, count }) =>
            html`<option value=${value} ?selected=${value === filter}>${label} (${count})</option>`,
        )}
      </select>
    </label>
    <p part="count" class="count" role="status">${m.contractsCount(view.matched, view.total)}</p>
  </div>`;
}
