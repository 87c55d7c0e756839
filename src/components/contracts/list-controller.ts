/**
 * The list's own state (search, status filter, sort, page), kept in the page's
 * history entry so back and forward return to it; after a page change the
 * list's top comes into view and focus.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { WidgetState } from '../../shared/data-controller.js';
import { historyKey, readSaved, writeSaved, type SavedState } from './history-state.js';
import { memo } from './memo.js';
import type { Row } from './rows.js';
import { listView } from './view.js';

type ListHost = LitElement & { state: WidgetState };

export class ListController implements ReactiveController {
  /** Replaced, never changed in place: a new object is a new view. */
  state: SavedState = { query: '', filter: '', sortColumn: -1, sortDirection: 1, page: 0 };
  /** Set by a page change: the next render brings the list's top into view and focus. */
  private moved = false;
  private readonly visible = memo(
    (rows: Row[], state: SavedState, pageSize: number, locale: string) =>
      listView(rows, { ...state, pageSize }, locale),
  );

  constructor(private readonly host: ListHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.restore();
    addEventListener('popstate', this.restore);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.restore);
  }

  hostUpdated(): void {
    if (!this.moved || this.host.state !== 'ready') return;
    this.moved = false;
    this.host.renderRoot.querySelector<HTMLElement>('table')?.focus({ preventScroll: true });
    if (this.host.getBoundingClientRect().top < 0) this.host.scrollIntoView({ block: 'start' });
  }

  /** The visible rows, computed once per change of rows or list state. */
  view(rows: Row[], pageSize: number, locale: string) {
    return this.visible(rows, this.state, pageSize, locale);
  }

  /** Drops the last view: it holds the customer's data. */
  forget(): void {
    this.visible.clear();
  }

  search(query: string): void {
    this.change({ query, page: 0 });
  }

  filterBy(filter: string): void {
    this.change({ filter, page: 0 });
  }

  sortBy(column: number): void {
    const { sortColumn, sortDirection } = this.state;
    const direction = sortColumn === column ? (-sortDirection as 1 | -1) : 1;
    this.change({ sortColumn: column, sortDirection: direction, page: 0 });
  }

  goTo(page: number): void {
    this.moved = true;
    this.change({ page });
  }

  private readonly restore = (): void => {
    this.state = { ...this.state, ...readSaved(historyKey(this.host)) };
    this.host.requestUpdate();
  };

  private change(changes: Partial<SavedState>): void {
    this.state = { ...this.state, ...changes };
    writeSaved(historyKey(this.host), this.state);
    this.host.requestUpdate();
  }
}
