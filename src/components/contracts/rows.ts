/**
 * Table rows from contracts, computed once per list, language and column set:
 * display text, sort keys and search text, so sorting, filtering and paging
 * through 1 000 contracts touch plain arrays only.
 */
import type { Contract } from '../../core/types.js';
import {
  branchKind,
  deriveStatus,
  fieldOf,
  indexFields,
  isoDay,
  kindOf,
  nameOf,
  today,
  toNumber,
  type Formatter,
} from '../../format/index.js';
import type { BranchKind, FieldId, StatusKey } from '../../i18n/messages.js';

export const DEFAULT_COLUMNS = 'type,contractNumber,description,provider,status';

export interface Column {
  /** As the broker wrote it in `columns`. */
  key: string;
  /** The known field it stands for, if any. */
  field?: FieldId;
  label: string;
}

export interface Row {
  id: string;
  contract: Contract;
  /** One text per column. */
  cells: string[];
  /** One sort key per column: numbers and `YYYY-MM-DD` dates sort naturally. */
  sort: (string | number)[];
  kind: BranchKind;
  /** A known status, or the Hub's own text. */
  status: StatusKey | string;
  tone: StatusKey | 'other';
  search: string;
}

export function parseColumns(columns: string | undefined, f: Formatter): Column[] {
  const keys = (columns || DEFAULT_COLUMNS)
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  return [...new Set(keys)].map((key) => {
    const field = key === 'type' ? 'type' : fieldOf(key);
    return { key, field, label: field ? f.messages.fields[field] : f.label(key) };
  });
}

/** The column that holds a row's link or button: contract number, else description, else the first that is not the icon. */
export function mainColumn(columns: Column[]): number {
  for (const field of ['contractNumber', 'description']) {
    const index = columns.findIndex((column) => column.field === field);
    if (index >= 0) return index;
  }
  return Math.max(
    0,
    columns.findIndex((column) => column.field !== 'type'),
  );
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

export function toRows(contracts: Contract[], columns: Column[], f: Formatter): Row[] {
  const m = f.messages;
  const day = today();
  return contracts.map((contract) => {
    const { known } = indexFields(contract.metadata ?? {});
    const get = (id: FieldId): unknown =>
      known.get(id)?.[1] ?? (id === 'status' || id === 'dossierNumber' ? contract[id] : undefined);
    const branch = get('branch');
    const kind = branchKind(branch, get('product'), get('description'));
    const rawStatus = text(contract.status ?? get('status'));
    const key = deriveStatus(
      rawStatus,
      isoDay(get('effectiveDate')),
      isoDay(get('expiryDate')),
      day,
    );
    const status = key ? m.status[key] : (rawStatus ?? m.none);
    const values: Record<string, unknown> = {
      contractNumber: get('contractNumber') ?? contract.id,
      description: get('description') ?? get('product') ?? branch,
    };
    const cells: string[] = [];
    const sort: (string | number)[] = [];
    for (const column of columns) {
      let cell: string;
      let order: string | number;
      if (column.field === 'type') {
        cell = text(get('product')) ?? m.branches[kind];
        order = cell;
      } else if (column.field === 'status') {
        cell = order = status;
      } else {
        const value = column.field
          ? (values[column.field] ?? get(column.field))
          : (contract.metadata?.[column.key] ?? contract[column.key]);
        const kindOfField = column.field ? kindOf(column.field) : undefined;
        cell =
          nameOf(value) ??
          f.text(kindOfField ? f.kind(kindOfField, value) : f.field(column.key, value));
        order = isoDay(value) ?? toNumber(value) ?? cell;
      }
      cells.push(cell);
      sort.push(order);
    }
    const search = [
      ...cells,
      text(values.contractNumber),
      text(values.description),
      text(get('provider')) ?? nameOf(get('provider')),
    ]
      .join(' ')
      .toLowerCase();
    return {
      id: contract.id,
      contract,
      cells,
      sort,
      kind,
      status: key ?? rawStatus ?? '',
      tone: key ?? 'other',
      search,
    };
  });
}

const collators = new Map<string, Intl.Collator>();

/** Sorts a copy; numbers and dates before text, text by the customer's collation. */
export function sortRows(rows: Row[], column: number, direction: 1 | -1, locale: string): Row[] {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, collator);
  }
  const compare = collator.compare;
  return [...rows].sort((a, b) => {
    const x = a.sort[column] as string | number;
    const y = b.sort[column] as string | number;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : typeof x === 'number'
          ? -1
          : typeof y === 'number'
            ? 1
            : compare(x, y);
    return order * direction;
  });
}
