/**
 * Turns API values into text in the customer's language. Everything returned is
 * plain text (or a tree of plain text for nested values); templates render it
 * as text nodes, so HTML in the data stays inert.
 */
import type { Messages } from '../i18n/messages.js';
import { methodCode, objectTypeCode } from './codes.js';
import { fieldOf, humanize, kindOf, type FieldKind } from './fields.js';
import { normalize, own } from './lookup.js';
import { statusText } from './status.js';
import { termOf } from './terms.js';

/** A formatted value: text, a list, or labelled entries (nested objects). */
export type Formatted = string | { items: Formatted[] } | { entries: [string, Formatted][] };

const ISO_DATE = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/;
const MAX_DEPTH = 8;
const IDENTIFIER = /(id|nummer|number|nr|code|year|jaar)$/i;

/** `2025-01-31`, `20250131` or an ISO date-time → the calendar date as `YYYY-MM-DD`. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31
    ? `${y}-${m}-${d}`
    : undefined;
}

/** Thousands grouped by `.` or `,`, the other one the decimal mark: `1.234,56`, `1,234.56`, `1.234.567`. */
const GROUPED = /^-?\d{1,3}([.,])\d{3}(?:\1\d{3})*((?!\1)[.,]\d+)?$/;

/** A number, or a numeric string with `.` or `,` decimals, thousands grouped too (`1.234,56`). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const grouped = GROUPED.exec(text);
  // `1.234` alone could be either: read as a decimal, as before.
  if (grouped && (grouped[2] || text.split(grouped[1]!).length > 2))
    return Number(text.replaceAll(grouped[1]!, '').replace(',', '.'));
  return /^-?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/** The name in a `{ code, name }` object such as AFD's `porCompany`. */
export function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || !value) return undefined;
  const { name, label } = value as Record<string, unknown>;
  const found = name ?? label;
  return typeof found === 'string' ? found : undefined;
}

/** Today as `YYYY-MM-DD` in the customer's time zone. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export interface Formatter {
  messages: Messages;
  /** ISO 4217 code amounts are shown in. */
  currency: string;
  date(value: unknown): string;
  /** An amount in the configured currency. */
  money(value: unknown): string;
  months(value: unknown): string;
  /** Readable label of a key: a known field's label, else derived from the key. */
  label(key: string): string;
  /** A value formatted for what `kind` says it is. */
  kind(kind: FieldKind, value: unknown): Formatted;
  /** A value formatted for the field `key` stands for, else by its type. */
  field(key: string, value: unknown): Formatted;
  /** A value formatted by its type: dates, numbers, booleans, lists, objects. */
  value(value: unknown): Formatted;
  /** Any formatted value flattened to one line (table cells, sorting, search). */
  text(value: Formatted): string;
  /** Words joined as the language joins a list: `per kwartaal en per jaar`. */
  list(words: string[]): string;
}

interface IntlSet {
  dates: Intl.DateTimeFormat;
  money: Intl.NumberFormat;
  months: Intl.NumberFormat;
  numbers: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  km: Intl.NumberFormat;
  collator: Intl.Collator;
  list: Intl.ListFormat;
}

const intl = new Map<string, IntlSet>();

/** `Intl` formats for a locale and currency, made once per pair. */
function intlFor(locale: string, currency = 'EUR'): IntlSet {
  const key = `${locale} ${currency}`;
  let set = intl.get(key);
  if (!set) {
    const unit = (name: string, display: 'long' | 'short') =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: display });
    set = {
      dates: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      money: new Intl.NumberFormat(locale, { style: 'currency', currency }),
      months: unit('month', 'long'),
      numbers: new Intl.NumberFormat(locale),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
      km: unit('kilometer', 'short'),
      collator: new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }),
      list: new Intl.ListFormat(locale, { type: 'conjunction' }),
    };
    intl.set(key, set);
  }
  return set;
}

/** The customer's collation for sorting: `2` before `10`, case and accents aside (any currency's set has it). */
export const collator = (locale: string): Intl.Collator => intlFor(locale).collator;

/** A formatter for the catalogue's locale and the configured currency (ISO 4217, default EUR). */
export function formatter(m: Messages, currency = 'EUR'): Formatter {
  const { dates, money, months, numbers, percent, km, list } = intlFor(m.locale, currency);
  const number = (format: Intl.NumberFormat, v: unknown, scale = 1): string => {
    const n = toNumber(v);
    return n === undefined ? f.text(value(v)) : format.format(n / scale);
  };

  const value = (v: unknown, depth = 0): Formatted => {
    if (v === null || v === undefined || v === '') return m.none;
    if (typeof v === 'boolean') return v ? m.yes : m.no;
    if (typeof v === 'number') return numbers.format(v);
    if (typeof v === 'string') return isoDay(v) ? f.date(v) : v;
    if (depth >= MAX_DEPTH) return JSON.stringify(v);
    if (Array.isArray(v))
      return v.length ? { items: v.map((item) => value(item, depth + 1)) } : m.none;
    if (typeof v === 'object') {
      const entries = Object.entries(v);
      return entries.length
        ? {
            entries: entries.map(([key, item]): [string, Formatted] => [
              f.label(key),
              field(key, item, depth + 1),
            ]),
          }
        : m.none;
    }
    return String(v);
  };

  /**
   * A code in the catalogue's words: by the code as written first (a broker's own words may
   * name `incasso` itself), then by the code its other names fold to (`codeOf`); an unknown
   * one as given.
   */
  const word = (
    table: Readonly<Record<string, string>>,
    codeOf: (text: string) => string | undefined,
    v: unknown,
  ): Formatted => {
    if (typeof v !== 'string') return value(v);
    const code = codeOf(v);
    return own(table, normalize(v)) ?? (code === undefined ? undefined : own(table, code)) ?? v;
  };

  const field = (key: string, v: unknown, depth = 0): Formatted => {
    const id = fieldOf(key);
    // A `{ code, name }` object (an insurer, a broker) by its name, the code beside its meaning.
    const name = nameOf(v);
    if (id && name && kindOf(id) === 'text') {
      const { code } = v as { code?: unknown };
      return typeof code === 'string' || typeof code === 'number' ? `${name} (${code})` : name;
    }
    if (id && typeof v !== 'object') return f.kind(kindOf(id), v);
    // Ids, numbers and years read as written: "1201", not "1.201".
    if (typeof v === 'number' && IDENTIFIER.test(key)) return String(v);
    return value(v, depth);
  };

  const f: Formatter = {
    messages: m,
    currency,
    date(v) {
      const day = isoDay(v);
      if (!day) return f.text(value(v));
      const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
      return dates.format(new Date(y, mo - 1, d));
    },
    money: (v) => number(money, v),
    months: (v) => number(months, v),
    label: (key) => {
      const id = fieldOf(key);
      return id ? m.fields[id] : humanize(key);
    },
    kind(kind, v) {
      if (v === null || v === undefined || v === '') return m.none;
      switch (kind) {
        case 'date':
          return f.date(v);
        case 'money':
          return f.money(v);
        case 'months':
          return f.months(v);
        case 'percent':
          return number(percent, v, 100);
        case 'distance':
          return number(km, v);
        case 'term': {
          const term = termOf(v);
          return term === undefined ? value(v) : m.term(term, months.format(term));
        }
        case 'method':
          return word(m.methods, methodCode, v);
        case 'objectType':
          // An insured object's kind in words: `type: 'vehicle'` → Voertuig.
          return word(m.objectTypes, objectTypeCode, v);
        case 'status':
          return typeof v === 'string' ? statusText(m, v) : value(v);
        case 'object':
          return value(v);
        default:
          return typeof v === 'number' ? String(v) : value(v);
      }
    },
    field: (key, v) => field(key, v),
    value: (v) => value(v),
    text: (v) => {
      if (typeof v === 'string') return v;
      if ('items' in v) return v.items.map(f.text).join(', ');
      return v.entries.map(([label, item]) => `${label}: ${f.text(item)}`).join(', ');
    },
    list: (words) => list.format(words),
  };
  return f;
}
