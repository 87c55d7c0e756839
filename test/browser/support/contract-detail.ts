/** What the `<anva-contract-detail>` suites share: a full car contract, queries into the shadow root, the page's referrer. */
import type { AnvaContractDetail } from '../../../src/components/contract-detail/contract-detail.component.js';

/** A contract as the demo Hub sends it: known AFD 2.0 fields, unknown and nested ones. */
export const CAR = {
  id: 48213001,
  dossierNumber: '100234',
  format: 'AFD 2.0',
  status: 'Lopend',
  metadata: {
    contractNumber: '60129384756',
    businessLine: '020',
    productDescription: 'Autoverzekering, WA + Volledig casco',
    porCompany: { code: 'N013', name: 'Basisvolmacht' },
    afdDefinitionName: 'Personenauto',
    packageNumber: 'PK-100234-1',
    effectiveDate: '2021-03-01',
    expiryDate: null,
    mainRenewalDate: '2027-03-01',
    contractDurationInMonths: 12,
    paymentTermInMonths: 1,
    collectionMethod: 'Automatische incasso',
    premium: 48.12,
    insuranceTax: 10.11,
    totalPremium: 58.23,
    deductibleAmount: 150,
    coverages: [
      {
        code: '2001',
        label: 'Wettelijke aansprakelijkheid',
        insuredAmount: 6100000,
        deductible: 0,
      },
      { code: '2010', label: 'Pechhulp Nederland', insuredAmount: null, deductible: 0 },
    ],
    insuredObject: { type: 'vehicle', licensePlate: 'GZ-845-T', make: 'Toyota', buildYear: 2019 },
    bonusMalus: { step: 14, discountPercentage: 75, protected: true },
    regularDrivers: ['Jan van Dijk', 'Eva van Dijk-Kok'],
    noClaimProtection: true,
    lastClaimDate: '2022-08-14',
  },
};

export const field = (el: AnvaContractDetail, label: string) =>
  [...el.shadowRoot!.querySelectorAll('[part~="field"]')]
    .find((f) => f.querySelector('dt')!.textContent!.trim() === label)
    ?.querySelector('dd')!
    .textContent!.replace(/\s+/g, ' ')
    .trim();

export const part = (el: AnvaContractDetail, name: string) =>
  el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent!.replace(/\s+/g, ' ').trim();

export const headings = (el: AnvaContractDetail) =>
  [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.trim());

/** Pretends the page was opened from `referrer` (`''`: a fresh tab); undone after each test. */
export const useReferrer = (referrer: string) =>
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true });

/** Each test starts on this site's page with a clean address and referrer. */
export function useDetailPage(): void {
  beforeEach(() => useReferrer(new URL('/', location.href).href));
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    delete (document as { referrer?: string }).referrer;
  });
}
