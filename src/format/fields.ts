/**
 * Known contract fields: the AFD 1.0 labels (PP_INGDAT), AFD 2.0 names
 * (effectiveDate) and the Dutch words brokers use, all matched on a normalised
 * key. The real Hub's metadata keys are not public, so matching stays tolerant.
 */
import type { FieldId } from '../i18n/messages.js';

/** `text` shows numbers as written (contract numbers, years); other kinds format them. */
export type FieldKind = 'text' | 'date' | 'money' | 'months' | 'term' | 'method' | 'status';

const FIELDS: Record<Exclude<FieldId, 'type'>, [FieldKind, string]> = {
  contractNumber: ['text', 'contractnumber ppnummer polisnummer policynumber contractnummer'],
  description: ['text', 'description productdescription omschrijving contractdescription'],
  provider: [
    'text',
    'provider aanbieder porcompany ppmyaand insurer insurername company maatschappij verzekeraar',
  ],
  status: ['status', 'status ppstatus contractstatus'],
  branch: ['text', 'branch businessline ppbranche branche'],
  product: ['text', 'product productname afddefinitionname ppafddefn'],
  package: ['text', 'package packagenumber pknummer pakket'],
  dossierNumber: ['text', 'dossiernumber dossiernummer'],
  effectiveDate: ['date', 'effectivedate ppingdat ingangsdatum startdate'],
  mainRenewalDate: ['date', 'mainrenewaldate pphvvdat hoofdvervaldatum renewaldate'],
  expiryDate: ['date', 'expirydate ppexpdat contractvervaldatum enddate'],
  duration: ['months', 'contractdurationinmonths ppcduumnd duration durationinmonths'],
  paymentTerm: ['term', 'paymentterminmonths ppbetterm paymentterm betaaltermijn'],
  collectionMethod: ['method', 'collectionmethod ppbetwijz betaalwijze paymentmethod'],
  premium: ['money', 'premium ppbtp premiumperterm termpremium premie'],
  insuranceTax: ['money', 'insurancetax pptass assurantiebelasting premiumtax'],
  totalPremium: ['money', 'totalpremium ppttot totalperterm totaalpremie'],
  deductible: ['money', 'deductibleamount pperb deductible eigenrisico'],
  insuredAmount: ['money', 'insuredamount verzekerdbedrag suminsured'],
  coverage: ['text', 'coverage dekking coveragename'],
  coverages: ['text', 'coverages dekkingen'],
  insuredObject: ['text', 'insuredobject verzekerdobject object'],
  licencePlate: ['text', 'licenceplate licenseplate kenteken'],
  address: ['text', 'address adres riskaddress'],
  make: ['text', 'make merk brand'],
  model: ['text', 'model'],
  buildYear: ['text', 'buildyear bouwjaar constructionyear'],
  street: ['text', 'street straat straatnaam'],
  houseNumber: ['text', 'housenumber huisnummer'],
  houseNumberAddition: ['text', 'housenumberaddition huisnummertoevoeging toevoeging'],
  postalCode: ['text', 'postalcode postcode zipcode'],
  city: ['text', 'city plaats woonplaats'],
  familyComposition: ['text', 'familycomposition gezinssamenstelling'],
  birthDate: ['date', 'birthdate geboortedatum dateofbirth'],
  frameNumber: ['text', 'framenumber framenummer'],
  name: ['text', 'name naam label'],
  code: ['text', 'code'],
  suspendedFrom: ['date', 'suspendedfrom'],
  suspendedUntil: ['date', 'suspendeduntil'],
  cancellationReason: ['text', 'cancellationreason redenroyement'],
};

/** Lower case, accents and separators removed: `PP_INGDAT` → `ppingdat`, `Beëindigd` → `beeindigd`. */
export const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();

let aliases: Map<string, FieldId> | undefined;

/** The known field a key stands for, if any. */
export function fieldOf(key: string): FieldId | undefined {
  aliases ??= new Map(
    Object.entries(FIELDS).flatMap(([id, [, names]]) =>
      names.split(' ').map((name): [string, FieldId] => [name, id as FieldId]),
    ),
  );
  return aliases.get(normalize(key));
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
