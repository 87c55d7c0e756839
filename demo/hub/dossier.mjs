/**
 * The broker-side dossier data of the local Hub: organisations, contacts (relaties) and
 * contracts, read from the seed file. This part never changes at run time; accounts live in
 * the data file (see state.mjs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HubConfigError } from './config.mjs';

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('./seed.json', import.meta.url));

/**
 * @typedef {{ id: string | number, type: string, code: string, name: string, icon: string }} Organization
 * @typedef {{ id: string, organizationId: string | number, dossierNumber: string, firstName: string,
 *   middleName: string | null, lastName: string, email: string | null }} Contact
 * @typedef {{ id: string | number, organizationId: string | number, dossierNumber: string,
 *   format: string, status: string, metadata: Record<string, unknown> }} Contract
 * @typedef {{ organizations: Organization[], contacts: Contact[], contracts: Contract[],
 *   accounts: Array<Record<string, any>> }} Dossier
 */

/** @param {string} file @returns {Dossier} */
export function loadDossier(file = DEFAULT_SEED_FILE, today = new Date()) {
  let seed;
  try {
    seed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HubConfigError(`seed file ${file} is not readable JSON (${error.message})`);
  }
  for (const key of ['organizations', 'contacts', 'accounts', 'contracts']) {
    if (!Array.isArray(seed[key]))
      throw new HubConfigError(`seed file ${file} has no "${key}" list`);
  }
  const contracts = seed.contracts.map((contract) => resolveDates(contract, today));
  for (const spec of seed.generatedContracts ?? []) contracts.push(...generateContracts(spec));
  return {
    organizations: seed.organizations,
    contacts: seed.contacts,
    accounts: seed.accounts,
    contracts,
  };
}

/** The contracts in the given dossiers ({ organisationId: dossierNumber }). */
export function contractsOf(dossier, dossiers) {
  return dossier.contracts.filter(
    (contract) => dossiers[String(contract.organizationId)] === contract.dossierNumber,
  );
}

/** "$today+45d" / "$today-10d" → an ISO date relative to `today`, so demo dates never go stale. */
function resolveDates(value, today) {
  if (typeof value === 'string') {
    const match = /^\$today([+-]\d+)d$/.exec(value);
    if (!match) return value;
    const date = new Date(today);
    date.setUTCDate(date.getUTCDate() + Number(match[1]));
    return date.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) return value.map((item) => resolveDates(item, today));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDates(v, today)]));
  }
  return value;
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same dossier on every start. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  {
    businessLine: '020',
    afd: 'Personenauto',
    description: 'Autoverzekering, WA + Volledig casco',
    premium: [35, 95],
    vehicle: true,
  },
  {
    businessLine: '023',
    afd: 'Bestelauto',
    description: 'Bestelautoverzekering, WA + Beperkt casco',
    premium: [45, 120],
    vehicle: true,
  },
  {
    businessLine: '024',
    afd: 'Vrachtauto',
    description: 'Vrachtautoverzekering, WA',
    premium: [140, 420],
    vehicle: true,
  },
  {
    businessLine: '030',
    afd: 'Bedrijfsgebouw',
    description: 'Opstalverzekering bedrijfsgebouw',
    premium: [60, 300],
    vehicle: false,
  },
  {
    businessLine: '073',
    afd: 'Bedrijfsaansprakelijkheid',
    description: 'Aansprakelijkheid bedrijven (AVB)',
    premium: [40, 160],
    vehicle: false,
  },
  {
    businessLine: '050',
    afd: 'Transport',
    description: 'Goederentransportverzekering',
    premium: [25, 110],
    vehicle: false,
  },
];
const INSURERS = [
  { code: 'N013', name: 'Basisvolmacht' },
  { code: 'N048', name: 'Noordhollandsche van 1816' },
  { code: 'N176', name: 'Friesland Volmacht' },
];
const STATUSES = [
  'Lopend',
  'Lopend',
  'Lopend',
  'Lopend',
  'Lopend',
  'Opgeschort',
  'Premievrij',
  'Geroyeerd',
];
const MAKES = ['DAF', 'Scania', 'Volvo', 'Mercedes-Benz', 'Renault', 'Ford', 'Iveco'];
const LETTERS = 'BDFGHJKLNPRSTVXZ';

function generateContracts({ organizationId, dossierNumber, count, firstId, randomSeed }) {
  const next = random(randomSeed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const letters = (n) => Array.from({ length: n }, () => pick([...LETTERS])).join('');
  const digits = (n) => String(Math.floor(next() * 10 ** n)).padStart(n, '0');
  return Array.from({ length: count }, (_, index) => {
    const product = pick(PRODUCTS);
    const term = pick([1, 1, 3, 12]);
    const premium =
      Math.round(
        (product.premium[0] + next() * (product.premium[1] - product.premium[0])) * term * 100,
      ) / 100;
    const tax = Math.round(premium * 21) / 100;
    const year = 2010 + Math.floor(next() * 15);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const status = pick(STATUSES);
    return {
      id: firstId + index,
      organizationId,
      dossierNumber,
      format: 'AFD 2.0',
      status,
      metadata: {
        contractNumber: `SM${String(index + 1).padStart(5, '0')}${digits(4)}`,
        businessLine: product.businessLine,
        productDescription: product.description,
        porCompany: pick(INSURERS),
        afdDefinitionName: product.afd,
        packageNumber: `PK-${dossierNumber}-${1 + (index % 7)}`,
        effectiveDate: `${year}-${month}-01`,
        expiryDate: status === 'Geroyeerd' ? `${year + 3}-${month}-01` : null,
        mainRenewalDate: `2027-${month}-01`,
        contractDurationInMonths: 12,
        paymentTermInMonths: term,
        collectionMethod: 'Automatische incasso',
        premium: status === 'Premievrij' ? 0 : premium,
        insuranceTax: status === 'Premievrij' ? 0 : tax,
        totalPremium: status === 'Premievrij' ? 0 : Math.round((premium + tax) * 100) / 100,
        deductibleAmount: pick([0, 150, 250, 500]),
        coverages: [
          {
            code: `${product.businessLine}1`,
            label: product.description.split(',')[0],
            insuredAmount: product.vehicle ? 6100000 : 100000 * (1 + Math.floor(next() * 20)),
            deductible: 0,
          },
        ],
        insuredObject: product.vehicle
          ? {
              type: 'vehicle',
              licensePlate: `${digits(2)}-${letters(3)}-${digits(1)}`,
              make: pick(MAKES),
              buildYear: year,
            }
          : {
              type: 'address',
              street: 'Industrieweg',
              houseNumber: 1 + (index % 40),
              houseNumberAddition: null,
              postalCode: '8401 DX',
              city: 'Gorredijk',
            },
      },
    };
  });
}
