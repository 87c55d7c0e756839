/**
 * Table rows from contracts, computed once per list, language and column set:
 * display text, sort keys and search text, so sorting, filtering and paging
 * through 1 000 contracts touch plain arrays only.
 */
import type { Contract } from '../../core/types.js';
import {
  branchKind,
  contractField,
  contractStatus,
  fieldOf,
  isoDay,
  kindOf,
  nameOf,
  toNumber,
  today,
  type ContractStatus,
  type Formatter,
} from '../../format/index.js';
import type { BranchKind, FieldId } from '../../i18n/messages.js';

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
  status: ContractStatus;
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
    const get = (id: FieldId): unknown => contractField(contract, id);
    const kind = branchKind(get('branch'), get('product'), get('description'));
    const status = contractStatus(m, contract, day);
    const values: Record<string, unknown> = {
      contractNumber: get('contractNumber') ?? contract.id,
      description: get('description') ?? get('product') ?? get('branch'),
    };
    const cells: string[] = [];
    const sort: (string | number)[] = [];
    for (const column of columns) {
      let cell: string;
      let order: string | number;
      if (column.field === 'type') {
        cell = order = text(get('product')) ?? m.branches[kind];
      } else if (column.field === 'status') {
        cell = order = status.text ?? m.none;
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
    return { id: contract.id, contract, cells, sort, kind, status, search };
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
