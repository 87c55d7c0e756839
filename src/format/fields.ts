/**
 * Known contract fields: the AFD 1.0 labels (PP_INGDAT), AFD 2.0 names
 * (effectiveDate) and the Dutch words brokers use, all matched on a normalised
 * key. The real Hub's metadata keys are not public, so matching stays tolerant.
 */
import type { FieldId } from '../i18n/messages.js';

/** `text` shows numbers as written (contract numbers, years); other kinds format them. */
export type FieldKind = 'text' | 'date' | 'money' | 'months' | 'term' | 'method' | 'status';

/** Each field's kind and its other names; the field's own id (lower case) is a name too. */
const FIELDS: Record<Exclude<FieldId, 'type'>, [FieldKind, string]> = {
  contractNumber: ['text', 'ppnummer polisnummer policynumber contractnummer'],
  description: ['text', 'productdescription omschrijving contractdescription'],
  provider: [
    'text',
    'aanbieder porcompany ppmyaand insurer insurername company maatschappij verzekeraar',
  ],
  status: ['status', 'ppstatus contractstatus'],
  branch: ['text', 'businessline ppbranche branche'],
  product: ['text', 'productname afddefinitionname ppafddefn'],
  package: ['text', 'packagenumber pknummer pakket'],
  dossierNumber: ['text', 'dossiernummer'],
  effectiveDate: ['date', 'ppingdat ingangsdatum startdate'],
  mainRenewalDate: ['date', 'pphvvdat hoofdvervaldatum renewaldate'],
  expiryDate: ['date', 'ppexpdat contractvervaldatum enddate'],
  duration: ['months', 'contractdurationinmonths ppcduumnd durationinmonths'],
  paymentTerm: ['term', 'paymentterminmonths ppbetterm betaaltermijn'],
  collectionMethod: ['method', 'ppbetwijz betaalwijze paymentmethod'],
  premium: ['money', 'ppbtp premiumperterm termpremium premie'],
  insuranceTax: ['money', 'pptass assurantiebelasting premiumtax'],
  totalPremium: ['money', 'ppttot totalperterm totaalpremie'],
  deductible: ['money', 'deductibleamount pperb eigenrisico'],
  insuredAmount: ['money', 'verzekerdbedrag suminsured'],
  coverage: ['text', 'dekking coveragename'],
  coverages: ['text', 'dekkingen'],
  insuredObject: ['text', 'verzekerdobject object'],
  licencePlate: ['text', 'licenseplate kenteken'],
  address: ['text', 'adres riskaddress'],
  make: ['text', 'merk brand'],
  model: ['text', ''],
  buildYear: ['text', 'bouwjaar constructionyear'],
  street: ['text', 'straat straatnaam'],
  houseNumber: ['text', 'huisnummer'],
  houseNumberAddition: ['text', 'huisnummertoevoeging toevoeging'],
  postalCode: ['text', 'postcode zipcode'],
  city: ['text', 'plaats woonplaats'],
  familyComposition: ['text', 'gezinssamenstelling'],
  birthDate: ['date', 'geboortedatum dateofbirth'],
  frameNumber: ['text', 'framenummer'],
  name: ['text', 'naam label'],
  code: ['text', ''],
  suspendedFrom: ['date', ''],
  suspendedUntil: ['date', ''],
  cancellationReason: ['text', 'redenroyement'],
};

/** Lower case, accents and separators removed: `PP_INGDAT` → `ppingdat`, `Beëindigd` → `beeindigd`. */
export const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();

/** Each name (lower case, `id` first) → its id, from `[id, 'other names']` pairs. */
export const nameMap = <K extends string>(pairs: [string, string][]): Map<string, K> =>
  new Map(
    pairs.flatMap(([id, names]) =>
      `${id} ${names}`
        .toLowerCase()
        .split(' ')
        .filter(Boolean)
        .map((name): [string, K] => [name, id as K]),
    ),
  );

let aliases: Map<string, FieldId> | undefined;
/** Key as sent → its field (`null`: none). Keys repeat across contracts; normalising is the slow part. */
const lookups = new Map<string, FieldId | null>();

/** The known field a key stands for, if any. */
export function fieldOf(key: string): FieldId | undefined {
  let id = lookups.get(key);
  if (id === undefined) {
    aliases ??= nameMap(Object.entries(FIELDS).map(([id, [, names]]) => [id, names]));
    id = aliases.get(normalize(key)) ?? null;
    // Bounded, should a Hub ever send a new key per contract.
    if (lookups.size >= 2000) lookups.clear();
    lookups.set(key, id);
  }
  return id ?? undefined;
}

export const kindOf = (id: FieldId): FieldKind => (id === 'type' ? 'text' : FIELDS[id][0]);

export interface KnownFields {
  /** Known field → the metadata key it came from and its value (first key wins). */
  known: Map<FieldId, [string, unknown]>;
  /** Metadata keys no known field claimed, in the Hub's order. */
  unknown: string[];
}

const indexCache = new WeakMap<object, KnownFields>();

/** Sorts a metadata object into known fields and the rest; cached per object. */
export function indexFields(metadata: Record<string, unknown>): KnownFields {
  let index = indexCache.get(metadata);
  if (!index) {
    index = { known: new Map(), unknown: [] };
    for (const [key, value] of Object.entries(metadata)) {
      const id = fieldOf(key);
      if (id && !index.known.has(id)) index.known.set(id, [key, value]);
      else index.unknown.push(key);
    }
    indexCache.set(metadata, index);
  }
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
