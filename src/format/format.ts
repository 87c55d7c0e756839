/**
 * Turns API values into text in the customer's language. Everything returned is
 * plain text (or a tree of plain text for nested values); templates render it
 * as text nodes, so HTML in the data stays inert.
 */
import type { Messages } from '../i18n/messages.js';
import { fieldOf, humanize, kindOf, normalize, type FieldKind } from './fields.js';
import { statusText } from './status.js';

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

/** A number, or a numeric string with `.` or `,` decimals. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value))
    return Number(value.replace(',', '.'));
  return undefined;
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
  date(value: unknown): string;
  euro(value: unknown): string;
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
}

const intl = new Map<
  string,
  [Intl.DateTimeFormat, Intl.NumberFormat, Intl.NumberFormat, Intl.NumberFormat]
>();

/** A formatter for the catalogue's locale; the `Intl` objects are made once per locale. */
export function formatter(m: Messages): Formatter {
  let cached = intl.get(m.locale);
  if (!cached) {
    cached = [
      new Intl.DateTimeFormat(m.locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      new Intl.NumberFormat(m.locale, { style: 'currency', currency: 'EUR' }),
      new Intl.NumberFormat(m.locale, { style: 'unit', unit: 'month', unitDisplay: 'long' }),
      new Intl.NumberFormat(m.locale),
    ];
    intl.set(m.locale, cached);
  }
  const [dates, euros, months, numbers] = cached;

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

  const field = (key: string, v: unknown, depth = 0): Formatted => {
    // An insured object's kind in words: `type: 'vehicle'` → Voertuig.
    if (typeof v === 'string' && /^(object)?type$/i.test(key))
      return m.objectTypes[normalize(v)] ?? v;
    const id = fieldOf(key);
    if (id && typeof v !== 'object') return f.kind(kindOf(id), v);
    // Ids, numbers and years read as written: "1201", not "1.201".
    if (typeof v === 'number' && IDENTIFIER.test(key)) return String(v);
    return value(v, depth);
  };

  const f: Formatter = {
    messages: m,
    date(v) {
      const day = isoDay(v);
      if (!day) return f.text(value(v));
      const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
      return dates.format(new Date(y, mo - 1, d));
    },
    euro(v) {
      const n = toNumber(v);
      return n === undefined ? f.text(value(v)) : euros.format(n);
    },
    months(v) {
      const n = toNumber(v);
      return n === undefined ? f.text(value(v)) : months.format(n);
    },
    label: (key) => {
      const id = fieldOf(key);
      return id ? m.fields[id] : humanize(key);
    },
    kind(kind, v) {
      if (v === null || v === undefined || v === '') return m.none;
      const n = toNumber(v);
      switch (kind) {
        case 'date':
          return f.date(v);
        case 'money':
          return f.euro(v);
        case 'months':
          return f.months(v);
        case 'term':
          return n === undefined ? value(v) : m.term(n, months.format(n));
        case 'method':
          return typeof v === 'string' ? (m.methods[normalize(v)] ?? v) : value(v);
        case 'status':
          return typeof v === 'string' ? statusText(m, v) : value(v);
        default:
          return typeof v === 'number' ? String(v) : value(v);
      }
    },
    field: (key, v) => field(key, v),
    value: (v) => value(v),
    text: (v) =>
      typeof v === 'string'
        ? v
        : 'items' in v
          ? v.items.map(f.text).join(', ')
          : v.entries.map(([label, item]) => `${label}: ${f.text(item)}`).join(', '),
  };
  return f;
}
