/**
 * A payment term in months, however the Hub writes it: a number (AFD's
 * `paymentTermInMonths`, ANVA's `PP_BETTERM`: 1, 3, 6, 12), a numeric string
 * (`"01"`, `"12"`), a word in Dutch or English (`kwartaal`, `halfjaarlijks`,
 * `per jaar`, `monthly`, `annually`) or a one-letter code (`M`, `K`/`Q`, `H`/`S`,
 * `J`/`Y`/`A`).
 */
import { nameLookup, normalize } from './lookup.js';
import { toNumber } from './format.js';

/** Words and one-letter codes for each term in months (`Half-yearly` is matched as `halfyearly`). */
const termNamed = nameLookup({
  1: ['m', 'maand', 'maandelijks', 'month', 'monthly'],
  3: ['k', 'q', 'kwartaal', 'driemaandelijks', 'quarter', 'quarterly'],
  6: [
    'h',
    's',
    'halfjaar',
    'halfjaarlijks',
    'halfyear',
    'halfyearly',
    'semiannual',
    'semiannually',
  ],
  12: ['j', 'y', 'a', 'jaar', 'jaarlijks', 'year', 'yearly', 'annual', 'annually'],
});

/** The term in months, or undefined when it is none of the forms above (a single premium, a typo). */
export function termOf(value: unknown): number | undefined {
  const number = toNumber(value);
  if (number !== undefined) return number > 0 && Number.isInteger(number) ? number : undefined;
  if (typeof value !== 'string') return undefined;
  // `per jaar`, `every quarter`, `a year`: the word after its preposition.
  const months = termNamed(value) ?? termNamed(normalize(value).replace(/^(?:per|every|a)/, ''));
  return months === undefined ? undefined : Number(months);
}
