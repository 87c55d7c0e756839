/**
 * The list's page, search, filter and sort in the page's history entry, so
 * back and forward (and back from a policy) return to them. Only this list's
 * own key is touched: the host page's state and its query stay as they are.
 */
import { isObject } from '../../core/guards.js';
import type { ListState } from './view.js';

export type SavedState = Omit<ListState, 'pageSize'>;

/** A list's key in the history entry: its id, else its place among the page's lists. */
export function historyKey(list: Element): string {
  const lists = [...document.querySelectorAll(list.localName)];
  return `${list.localName}:${list.id || lists.indexOf(list)}`;
}

/** What the entry holds for `key`, each value checked (anything may be in a history entry). */
export function readSaved(key: string): Partial<SavedState> {
  const saved = isObject(history.state) ? history.state[key] : undefined;
  if (!isObject(saved)) return {};
  const { query, filter, sortColumn, sortDirection, page } = saved;
  const found: Partial<SavedState> = {};
  if (typeof query === 'string') found.query = query;
  if (typeof filter === 'string') found.filter = filter;
  if (typeof sortColumn === 'number') found.sortColumn = sortColumn;
  if (sortDirection === 1 || sortDirection === -1) found.sortDirection = sortDirection;
  if (typeof page === 'number') found.page = page;
  return found;
}

export function writeSaved(key: string, state: SavedState): void {
  const current = isObject(history.state) ? history.state : {};
  history.replaceState({ ...current, [key]: state }, '');
}
