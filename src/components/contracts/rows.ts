/**
 * Table rows from contracts, computed once per list, language and column set:
 * display text, sort keys and search text, so sorting, filtering and paging
 * through 1 000 contracts touch plain arrays only.
 */
import type { Contract, Organization } from '../../core/types.js';
import {
  brokerName,
  contractField,
  contractStatus,
  fieldOf,
  fieldText,
  insuredObjectText,
  isoDay,
  kindOf,
  monthlyPremium,
  nameOf,
  own,
  premiumText,
  statusRank,
  today,
  type ContractStatus,
  type Formatter,
} from '../../format/index.js';
import type { FieldId, Messages } from '../../i18n/messages.js';
import { contractName, type ContractName } from '../../shared/contract-name.js';

export const DEFAULT_COLUMNS = 'type,description,insuredObject,premium,status';

/** The branch icon column, which is no field of its own. */
export type ColumnId = FieldId | 'type';

export interface Column {
  /** As the broker wrote it in `columns`. */
  key: string;
  /** The known field (or the icon column) it stands for, if any. */
  field?: ColumnId;
  label: string;
}

/** What a row knows about its contract beyond the cells; its description and number are the row link's words. */
interface RowFacts extends ContractName {
  contract: Contract;
  status: ContractStatus;
  /** The status's place in the reading order: running, future, ended, unknown. */
  rank: number;
  broker?: string;
  /** The premium converted to one month, when known. */
  monthly?: number;
}

export interface Row extends RowFacts {
  id: string;
  /** One text per column. */
  cells: string[];
  /** One sort key per column: numbers and `YYYY-MM-DD` dates sort naturally. */
  sort: (string | number)[];
  search: string;
}

interface CellContext extends RowFacts {
  f: Formatter;
}

/** Columns read from the whole contract rather than one field: text and sort key. */
const CELLS: Partial<Record<ColumnId, (c: CellContext) => [string, string | number]>> = {
  type: (c) => {
    const text = fieldText(c.contract, 'product') ?? c.f.messages.branches[c.kind];
    return [text, text];
  },
  description: (c) => [c.description, c.description],
  contractNumber: (c) => [c.number, c.number],
  status: (c) => [c.status.text ?? c.f.messages.none, c.rank],
  insuredObject: (c) => {
    const text = insuredObjectText(c.contract) ?? c.f.messages.none;
    return [text, text];
  },
  premium: (c) => [premiumText(c.contract, c.f) ?? c.f.messages.none, c.monthly ?? -1],
  broker: (c) => [c.broker ?? c.f.messages.none, c.broker ?? ''],
};

/** Column headings that say more in a list than the field's own label. */
const HEADINGS: Partial<Record<ColumnId, (m: Messages) => string>> = {
  type: (m) => m.fields.product,
  premium: (m) => m.groups.premium,
};

/** A column's heading: its own, else its field's label, else its key in words. */
function columnLabel(f: Formatter, key: string, field: ColumnId | undefined): string {
  const heading = field && own(HEADINGS, field);
  if (heading) return heading(f.messages);
  if (field && field !== 'type') return f.messages.fields[field];
  return f.label(key);
}

/** The broker's columns, else the default set (with the broker when the list spans several). */
export function parseColumns(
  columns: string | undefined,
  f: Formatter,
  severalBrokers = false,
): Column[] {
  const fallback = severalBrokers
    ? DEFAULT_COLUMNS.replace(',status', ',broker,status')
    : DEFAULT_COLUMNS;
  const keys = (columns || fallback)
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  return [...new Set(keys)].map((key) => {
    const field: ColumnId | undefined = key === 'type' ? 'type' : fieldOf(key);
    return { key, field, label: columnLabel(f, key, field) };
  });
}

/** The column that holds a row's link or button: the description, else the first that is not the icon. */
export function mainColumn(columns: Column[]): number {
  for (const field of ['description', 'contractNumber']) {
    const index = columns.findIndex((column) => column.field === field);
    if (index >= 0) return index;
  }
  return Math.max(
    0,
    columns.findIndex((column) => column.field !== 'type'),
  );
}

/** Fields a customer may search by besides the cells: the number, the object, the insurer. */
const SEARCHED: FieldId[] = [
  'contractNumber',
  'licencePlate',
  'make',
  'model',
  'street',
  'postalCode',
  'city',
  'name',
  'provider',
];

/** True when the contracts belong to more than one broker. */
export function spansBrokers(contracts: Contract[], organizations: Organization[]): boolean {
  return new Set(contracts.map((contract) => brokerName(contract, organizations) ?? '')).size > 1;
}

export function toRows(
  contracts: Contract[],
  columns: Column[],
  f: Formatter,
  organizations: Organization[] = [],
): Row[] {
  const m = f.messages;
  const day = today();
  return contracts.map((contract) => {
    const get = (id: FieldId): unknown => contractField(contract, id);
    const status = contractStatus(m, contract, day);
    const facts: RowFacts = {
      contract,
      ...contractName(contract, m),
      status,
      rank: statusRank(status.key),
      broker: brokerName(contract, organizations),
      monthly: monthlyPremium(contract),
    };
    const context: CellContext = { ...facts, f };
    const cells: string[] = [];
    const sort: (string | number)[] = [];
    for (const column of columns) {
      const computed = column.field && own(CELLS, column.field);
      if (computed) {
        const [cell, order] = computed(context);
        cells.push(cell);
        sort.push(order);
        continue;
      }
      const field = column.field as FieldId | undefined;
      const metadata = contract.metadata ?? {};
      const value = field
        ? get(field)
        : (own(metadata, column.key) ?? own(contract as Record<string, unknown>, column.key));
      const cell =
        nameOf(value) ?? f.text(field ? f.kind(kindOf(field), value) : f.field(column.key, value));
      cells.push(cell);
      sort.push(isoDay(value) ?? (typeof value === 'number' ? value : cell));
    }
    const searched = SEARCHED.map((id) => fieldText(contract, id));
    // A licence plate is found with or without its dashes: `GZ845T`.
    const plate = fieldText(contract, 'licencePlate')?.replace(/[-\s]/g, '');
    const search = [...cells, context.description, context.broker, plate, ...searched]
      .join(' ')
      .toLowerCase();
    return { ...facts, id: contract.id, cells, sort, search };
  });
}
