/** What a contract says about itself, read the same way by the list and the detail view. */
import type { Contract, Organization } from '../core/types.js';
import type { FieldId, Messages, StatusKey } from '../i18n/messages.js';
import { indexFields } from './fields.js';
import { isoDay, nameOf, toNumber, today, type Formatter } from './format.js';
import { deriveStatus } from './status.js';
import { termOf } from './terms.js';

/**
 * A known field's value: the API's own top-level fields first, else the
 * metadata, containers such as the insured object included (a field sent as
 * null stays null: "–" is news too).
 */
export function contractField(contract: Contract, id: FieldId): unknown {
  return indexFields(contract).known.get(id)?.value;
}

/** A value that reads as one piece of text: a string, a number, or a `{ code, name }` object's name. */
function plain(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim() || undefined;
  return nameOf(value);
}

export const fieldText = (contract: Contract, id: FieldId): string | undefined =>
  plain(contractField(contract, id));

/** The parts that are there, joined: `['Lindelaan', '12', undefined]` → `Lindelaan 12`; undefined when none is. */
const joined = (parts: (string | undefined)[], separator = ' '): string | undefined =>
  parts.filter(Boolean).join(separator) || undefined;

/** The parts an address is written from; the detail view shows them as one line instead. */
export const ADDRESS_PARTS: FieldId[] = [
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postalCode',
  'postalCodeDigits',
  'postalCodeLetters',
  'city',
];

/** `Lindelaan 12 A, 8401 GE Gorredijk`, from an address field or its parts (ANVA's split postcode too). */
export function addressLine(contract: Contract): string | undefined {
  const text = (id: FieldId) => fieldText(contract, id);
  const postcode =
    text('postalCode') ?? joined([text('postalCodeDigits'), text('postalCodeLetters')]);
  const street = joined([text('street'), text('houseNumber'), text('houseNumberAddition')]);
  return text('address') ?? joined([street, joined([postcode, text('city')])], ', ');
}

/** `text` with non-breaking hyphens, which read the same: a name never breaks at its dash. */
const unbreakable = (text = '') => text.replaceAll('-', '\u2011');

/** What is insured, in the words a customer recognises it by: `Toyota Yaris · GZ-845-T`, an address, a name. */
export function insuredObjectText(contract: Contract): string | undefined {
  const text = (id: FieldId) => fieldText(contract, id);
  // A make, model or plate never wraps at its dashes (Mercedes-Benz, GZ-845-T).
  const vehicle = unbreakable(joined([text('make'), text('model')]));
  const plate = unbreakable(text('licencePlate'));
  if (vehicle || plate) return joined([vehicle, plate], ' · ');
  return addressLine(contract) ?? text('name') ?? text('familyComposition');
}

/**
 * The broker a contract belongs to, by name: the API's `organization`, else
 * its organisation name, else the customer's organisation with the contract's
 * `organizationId`.
 */
export function brokerName(
  contract: Contract,
  organizations: Organization[] = [],
): string | undefined {
  const named = nameOf(contract.organization) ?? fieldText(contract, 'broker');
  if (named) return named;
  const id = contract.organizationId ?? (contract.organization as { id?: unknown } | undefined)?.id;
  if (id == null) return undefined;
  const org = organizations.find((candidate) => candidate.id === String(id));
  return org?.name ?? org?.code ?? undefined;
}

/** The premium per term: the total with tax when sent, else the premium. */
export const termPremium = (contract: Contract): number | undefined =>
  toNumber(contractField(contract, 'totalPremium')) ?? toNumber(contractField(contract, 'premium'));

/**
 * The payment term in months: one month when the contract names none,
 * undefined when it names one that is no number of months (a single premium).
 */
export const termMonths = (contract: Contract): number | undefined => termOf(paymentTerm(contract));

/** The payment term as the Hub sent it; one month when it names none. */
function paymentTerm(contract: Contract): unknown {
  const term = contractField(contract, 'paymentTerm');
  return term === undefined || term === null || term === '' ? 1 : term;
}

/** The premium converted to one month, when both the premium and its term are known. */
export function monthlyPremium(contract: Contract): number | undefined {
  const amount = termPremium(contract);
  const months = termMonths(contract);
  return amount === undefined || months === undefined ? undefined : amount / months;
}

/** `€ 58,23 per maand`, or undefined without a premium. */
export function premiumText(contract: Contract, f: Formatter): string | undefined {
  const amount = termPremium(contract);
  if (amount === undefined) return undefined;
  // An unreadable term as the Hub wrote it.
  const term = f.text(f.kind('term', paymentTerm(contract)));
  // "per maand" stays together; the line may break between the amount and its term.
  return `${f.money(amount)} ${term.replaceAll(' ', '\u00a0')}`;
}

export interface ContractStatus {
  /** A status the catalogue knows (derived Toekomstig/Verlopen included). */
  key?: StatusKey;
  /** The customer's word for it, or the Hub's own text for an unknown status. */
  text?: string;
}

/** `day` (`YYYY-MM-DD`, default today) decides Toekomstig / Verlopen / a suspension's end; a list passes one day for all rows. */
export function contractStatus(m: Messages, contract: Contract, day = today()): ContractStatus {
  const raw = contractField(contract, 'status');
  const given = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  const date = (id: FieldId) => isoDay(contractField(contract, id));
  const key = deriveStatus(
    given,
    {
      start: date('effectiveDate'),
      end: date('expiryDate'),
      suspendedFrom: date('suspendedFrom'),
      suspendedUntil: date('suspendedUntil'),
    },
    day,
  );
  return { key, text: key ? m.status[key] : given };
}
