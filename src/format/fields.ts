/**
 * Known contract fields: the AFD 1.0 labels (PP_INGDAT), AFD 2.0 names
 * (effectiveDate), ANVA's Dutch keys (ingangsdatum) and the words brokers use,
 * all matched on a normalised key. The real Hub's metadata keys are not public,
 * so matching stays tolerant.
 */
import { isObject } from '../core/guards.js';
import { en } from '../i18n/en.js';
import type { FieldId, GroupId } from '../i18n/messages.js';
import { nl } from '../i18n/nl.js';
import { nameLookup } from './lookup.js';

/**
 * How a value is formatted. `text` shows numbers as written (contract numbers,
 * years); `object` fields are containers whose own fields are listed in their
 * place (the insured object, the bonus-malus data).
 */
export type FieldKind =
  | 'text'
  | 'date'
  | 'money'
  | 'months'
  | 'term'
  | 'method'
  | 'status'
  | 'objectType'
  | 'percent'
  | 'distance'
  | 'object';

export interface FieldSpec {
  kind: FieldKind;
  /** Where the detail view shows it. */
  group: GroupId;
  /**
   * Other names, normalised. The field's own id and its Dutch and English
   * labels (`Kenteken`, `Licence plate`) are names too and are not repeated here.
   */
  aliases: string[];
}

const field = (kind: FieldKind, group: GroupId, ...aliases: string[]): FieldSpec => ({
  kind,
  group,
  aliases,
});

export const FIELDS: Record<FieldId, FieldSpec> = {
  contractNumber: field('text', 'title', 'ppnummer', 'contractnummer'),
  description: field('text', 'title', 'productdescription', 'contractdescription'),
  status: field('status', 'title', 'ppstatus', 'contractstatus'),
  product: field('text', 'coverage', 'productname', 'afddefinitionname', 'ppafddefn'),
  provider: field(
    'text',
    'coverage',
    'aanbieder',
    'porcompany',
    'ppmyaand',
    'insurername',
    'company',
    'maatschappij',
  ),
  branch: field('text', 'coverage', 'businessline', 'ppbranche'),
  coverages: field('text', 'coverage'),
  coverage: field('text', 'coverage', 'coveragename'),
  insuredAmount: field('money', 'coverage', 'suminsured'),
  deductible: field('money', 'coverage', 'deductibleamount', 'pperb'),
  package: field('text', 'coverage', 'packagenumber', 'pknummer'),
  premium: field('money', 'premium', 'ppbtp', 'termpremium', 'premie'),
  insuranceTax: field('money', 'premium', 'pptass', 'premiumtax'),
  totalPremium: field('money', 'premium', 'ppttot', 'totaalpremie'),
  paymentTerm: field('term', 'premium', 'paymentterminmonths', 'ppbetterm', 'termijn'),
  collectionMethod: field('method', 'premium', 'ppbetwijz'),
  effectiveDate: field('date', 'dates', 'ppingdat'),
  mainRenewalDate: field('date', 'dates', 'pphvvdat', 'renewaldate'),
  expiryDate: field('date', 'dates', 'ppexpdat', 'contractvervaldatum'),
  duration: field('months', 'dates', 'contractdurationinmonths', 'ppcduumnd', 'durationinmonths'),
  suspendedFrom: field('date', 'dates'),
  suspendedUntil: field('date', 'dates'),
  cancellationReason: field('text', 'dates', 'redenroyement'),
  insuredObject: field('object', 'object', 'object'),
  objectType: field('objectType', 'object', 'type'),
  licencePlate: field('text', 'object', 'licenseplate'),
  make: field('text', 'object', 'brand'),
  model: field('text', 'object'),
  buildYear: field('text', 'object', 'constructionyear'),
  frameNumber: field('text', 'object'),
  address: field('text', 'object', 'riskaddress'),
  street: field('text', 'object', 'straatnaam'),
  houseNumber: field('text', 'object'),
  houseNumberAddition: field('text', 'object', 'huisnummertoevoeging'),
  postalCode: field('text', 'object', 'zipcode'),
  postalCodeDigits: field('text', 'object'),
  postalCodeLetters: field('text', 'object'),
  city: field('text', 'object', 'plaats'),
  name: field('text', 'object', 'label'),
  birthDate: field('date', 'object'),
  familyComposition: field('text', 'object'),
  bonusMalus: field('object', 'object', 'bonusmalusladder', 'bm'),
  bonusMalusStep: field('text', 'object', 'step', 'trede', 'bmtrede'),
  discount: field('percent', 'object', 'discountpercentage', 'korting'),
  noClaimProtection: field('text', 'object', 'protected'),
  claimFreeYears: field('text', 'object'),
  regularDrivers: field('text', 'object', 'drivers'),
  annualMileage: field('distance', 'object', 'kilometrage', 'jaarkilometrage', 'mileage'),
  lastClaimDate: field('date', 'object', 'laatsteschadedatum'),
  dossierNumber: field('text', 'other'),
  broker: field('text', 'other', 'organizationname', 'organisationname'),
  documents: field('text', 'other'),
  code: field('text', 'hidden'),
  format: field('text', 'hidden', 'afdformat'),
  organizationId: field('text', 'hidden', 'organisationid'),
  // The organisation the Hub client attaches to each contract: shown as the broker's name.
  organization: field('text', 'hidden'),
};

const fieldNamed = nameLookup<FieldId>(
  Object.fromEntries(Object.entries(FIELDS).map(([id, spec]) => [id, spec.aliases])) as Record<
    FieldId,
    string[]
  >,
  // A label names only a field the customer sees: hiding a key for its likeness to a label
  // (`Organisation number`) would lose it.
  [nl.fields, en.fields].map((labels) =>
    Object.fromEntries(
      Object.entries(labels).filter(([id]) => FIELDS[id as FieldId].group !== 'hidden'),
    ),
  ),
);

/** Key as sent → its field (`null`: none). Keys repeat across contracts; normalising is the slow part. */
const lookups = new Map<string, FieldId | null>();

/** The known field a key stands for, if any. */
export function fieldOf(key: string): FieldId | undefined {
  let id = lookups.get(key);
  if (id === undefined) {
    id = fieldNamed(key) ?? null;
    // Bounded, should a Hub ever send a new key per contract.
    if (lookups.size >= 2000) lookups.clear();
    lookups.set(key, id);
  }
  return id ?? undefined;
}

export const kindOf = (id: FieldId): FieldKind => FIELDS[id].kind;

/** One field of a contract as the detail view lists it. */
export interface FieldEntry {
  /** The key as the Hub sent it. */
  key: string;
  /** The known field it stands for. */
  id?: FieldId;
  value: unknown;
  group: GroupId;
}

export interface KnownFields {
  /** Known field → where it came from (first key wins). */
  known: Map<FieldId, FieldEntry>;
  /** Every field once, in the Hub's order, containers replaced by their own fields. */
  entries: FieldEntry[];
}

/** Ids the Hub uses internally (`id`, `organizationId`, `groupIds`): never a customer's business. */
const INTERNAL_ID = /^id$|[a-z]Ids?$/;

const indexCache = new WeakMap<object, KnownFields>();

/** Where a field no catalogue knows goes: internal ids hidden, the rest with its container or last. */
function unknownGroup(key: string, parent: GroupId | undefined): GroupId {
  if (INTERNAL_ID.test(key)) return 'hidden';
  return parent ?? 'other';
}

/**
 * Sorts a contract into known fields and the rest: its own top-level fields
 * (a status or dossier number the API sends beside the metadata wins), then
 * the metadata, with containers such as the insured object opened in place.
 * Cached per contract object.
 */
export function indexFields(contract: Record<string, unknown>): KnownFields {
  let index = indexCache.get(contract);
  if (index) return index;
  const result: KnownFields = { known: new Map(), entries: [] };
  const add = (key: string, value: unknown, parent?: GroupId, depth = 0): void => {
    const id = fieldOf(key);
    if (id && result.known.has(id)) return;
    if (id && kindOf(id) === 'object' && isObject(value) && depth === 0) {
      result.known.set(id, { key, id, value, group: FIELDS[id].group });
      for (const [inner, item] of Object.entries(value)) add(inner, item, FIELDS[id].group, 1);
      return;
    }
    const group = id ? FIELDS[id].group : unknownGroup(key, parent);
    const entry: FieldEntry = { key, id, value, group };
    if (id) result.known.set(id, entry);
    result.entries.push(entry);
  };
  const { metadata, ...top } = contract;
  for (const [key, value] of Object.entries(top)) if (value != null) add(key, value);
  if (isObject(metadata)) for (const [key, value] of Object.entries(metadata)) add(key, value);
  indexCache.set(contract, (index = result));
  return index;
}

/** A readable label from an unknown key: `houseNumber` / `house_number` → `House number`. */
export function humanize(key: string): string {
  const text = key
    .replace(/([a-z\d])([A-Z])|([A-Z])([A-Z][a-z])/g, '$1$3 $2$4')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((word) => (/^[A-Z\d]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) || key;
}
