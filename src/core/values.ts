/**
 * ANVA's value formats, normalised at the schema boundary: amounts arrive as
 * numbers or numeric strings (`"2500000"`, `"1.234,56"`, `"1234.56"`), dates
 * as ISO or compact `YYYYMMDD` (`"19791018"`). Past this point amounts are
 * numbers and dates ISO strings. What does not parse is kept as sent.
 */

/** Dutch first: `.` groups thousands, `,` separates decimals (`1.234` is 1234). */
const DUTCH = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
/** `.` separates decimals, `,` may group thousands. */
const POINT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** An amount as a number, or undefined when `value` is not one. */
export function parseAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (DUTCH.test(text)) return Number(text.replaceAll('.', '').replace(',', '.'));
  if (POINT.test(text)) return Number(text.replaceAll(',', ''));
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** A date as ISO (`YYYY-MM-DD`, a time kept when sent), or undefined when `value` is not one. */
export function parseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const parts = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (!parts) return undefined;
  const [year, month, day] = [parts[1], parts[2], parts[3]];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const real = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  if (!real) return undefined;
  return parts[4] ? text : `${year}-${month}-${day}`;
}

/** Normalised key: `PP_INGDAT` → `ppingdat`. */
const squash = (key: string) => key.replace(/[^a-z\d]/gi, '').toLowerCase();

/** Keys that name a date: `ingangsdatum`, `effectiveDate`, `PP_EXPDAT`, `dateOfBirth`. */
const isDateKey = (key: string) => /(date|datum|dat)$|^date/.test(squash(key));

/** Keys that name an amount: `verzekerdBedrag`, `eigenRisico`, `premie`, `deductibleAmount`, `PP_TTOT`. */
const isAmountKey = (key: string) =>
  /bedrag|amount|premi|risico|belasting|tax|total|^pp(btp|tass|ttot|erb)$|suminsured/.test(
    squash(key),
  );

/** One field's value: parsed when its key names a date or an amount, else looked into. */
function normalizeField(key: string, value: unknown): unknown {
  if (isDateKey(key)) return parseDate(value) ?? value;
  if (isAmountKey(key) && typeof value !== 'object') return parseAmount(value) ?? value;
  return normalizeValues(value);
}

/** `value` with every amount and date (found by its key, at any depth) normalised. */
export function normalizeValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeValues);
  if (!value || typeof value !== 'object') return value;
  return normalizeRecord(value);
}

/** `record` with every amount and date (found by its key, at any depth) normalised. */
export function normalizeRecord(record: object): Record<string, unknown> {
  // fromEntries defines own properties: a key `__proto__` stays data.
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key, normalizeField(key, item)]),
  );
}
