/**
 * What the list shows of its rows: filtered by status and search, sorted,
 * one page. A pure function of the rows and the list's state, so the widget
 * computes it once per change and `render()` only renders.
 */
import { collator } from '../../format/index.js';
import type { Row } from './rows.js';

export interface ListState {
  query: string;
  /** A status key, or an unknown status's text; `''` for all. */
  filter: string;
  /** Column index; `-1` is the default order (running first, then future, then ended). */
  sortColumn: number;
  sortDirection: 1 | -1;
  page: number;
  pageSize: number;
}

export interface StatusOption {
  value: string;
  label: string;
  count: number;
}

export interface ListView {
  /** The rows of the current page. */
  rows: Row[];
  /** Rows that match the filter and search, over all pages. */
  matched: number;
  total: number;
  /** Zero-based, within `pages`. */
  page: number;
  pages: number;
  /** The statuses present, in reading order, each with its number of policies. */
  statuses: StatusOption[];
}

/** Statuses filter by their key, unknown ones by the Hub's text. */
export const filterValue = (row: Row): string => row.status.key ?? row.status.text ?? '';

/** Numbers before text, numbers by value, text by the customer's collation. */
function compareKeys(
  x: string | number,
  y: string | number,
  compare: Intl.Collator['compare'],
): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return compare(x, y);
}

/** Sorts a copy (stable): by a column, else in reading order of status. */
export function sortRows(rows: Row[], column: number, direction: 1 | -1, locale: string): Row[] {
  const { compare } = collator(locale);
  if (column < 0) return [...rows].sort((a, b) => a.rank - b.rank);
  return [...rows].sort(
    (a, b) => compareKeys(a.sort[column] ?? '', b.sort[column] ?? '', compare) * direction,
  );
}

export function listView(rows: Row[], state: ListState, locale: string): ListView {
  const counts = new Map<string, StatusOption & { rank: number }>();
  for (const row of rows) {
    if (!row.status.text) continue;
    const value = filterValue(row);
    const option = counts.get(value) ?? { value, label: row.status.text, count: 0, rank: row.rank };
    option.count++;
    counts.set(value, option);
  }
  const statuses = [...counts.values()]
    .sort((a, b) => a.rank - b.rank || collator(locale).compare(a.label, b.label))
    .map(({ value, label, count }) => ({ value, label, count }));
  // Every word must match, in any field: `toyota gorredijk`.
  const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = rows.filter(
    (row) =>
      (!state.filter || filterValue(row) === state.filter) &&
      words.every((word) => row.search.includes(word)),
  );
  const sorted = sortRows(matching, state.sortColumn, state.sortDirection, locale);
  const size = state.pageSize > 0 ? Math.floor(state.pageSize) : 20;
  const pages = Math.max(1, Math.ceil(sorted.length / size));
  const page = Math.min(Math.max(0, state.page), pages - 1);
  return {
    rows: sorted.slice(page * size, page * size + size),
    matched: sorted.length,
    total: rows.length,
    page,
    pages,
    statuses,
  };
}
